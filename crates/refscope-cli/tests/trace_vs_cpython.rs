#![cfg(feature = "observer")]
//! Trace tests: for every program in tests/trace/programs, the Python Tutor
//! export of `refscope trace` passes a schema check and its heap graphs
//! (names to objects, structure, aliasing) match, step by step, those of a
//! reference trace made by running the same program under CPython with
//! tests/trace/cpython_tracer.py (sys.settrace). tests/trace/compare.py does
//! both checks.

use std::path::Path;
use std::process::Command;

#[test]
fn pytutor_export_matches_cpython_reference_traces() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap();
    let dir = root.join("tests/trace");
    let mut programs: Vec<_> = std::fs::read_dir(dir.join("programs")).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "py")).collect();
    programs.sort();
    assert!(programs.len() >= 4, "trace test programs missing");
    let tmp = std::env::temp_dir().join(format!("refscope-trace-test-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut failures = Vec::new();
    for p in &programs {
        let name = p.file_stem().unwrap().to_string_lossy().to_string();
        let pt = tmp.join(format!("{}.pytutor.json", name));
        let reference = tmp.join(format!("{}.ref.json", name));
        let st = Command::new(env!("CARGO_BIN_EXE_refscope")).args(["trace"]).arg(p).args(["--format", "pytutor", "-o"]).arg(&pt).env("PYTHONHASHSEED", "0").output().unwrap();
        assert!(pt.exists(), "{}: no trace written: {}", name, String::from_utf8_lossy(&st.stderr));
        let r = Command::new("python3").arg(dir.join("cpython_tracer.py")).arg(p).env("PYTHONHASHSEED", "0").output().unwrap();
        assert!(r.status.success(), "{}: the reference tracer failed: {}", name, String::from_utf8_lossy(&r.stderr));
        std::fs::write(&reference, &r.stdout).unwrap();
        let c = Command::new("python3").arg(dir.join("compare.py")).arg(&pt).arg(&reference).output().unwrap();
        let text = String::from_utf8_lossy(&c.stdout).to_string();
        eprintln!("{}: {}", name, text.lines().next().unwrap_or(""));
        if !c.status.success() {
            failures.push(format!("{}:\n{}", name, text));
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
    assert!(failures.is_empty(), "traces differ from CPython's:\n{}", failures.join("\n"));
}
