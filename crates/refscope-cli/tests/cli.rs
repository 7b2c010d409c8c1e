//! Command-line tests: every case tests/cli/NAME.json (see scripts/regen-cli)
//! runs `refscope` with the case's arguments and stdin, under the name
//! `python3` (so messages that name the program agree), from tests/cli,
//! and must give CPython 3.11's stdout, stderr and exit status, committed
//! beside the case by scripts/regen-cli. This covers the interactive prompt
//! fed from a pipe (`-i`), programs read from stdin, and the flags.

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn cli_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cli").canonicalize().unwrap()
}

fn run_case(spec_path: &Path) -> Result<(), String> {
    let spec: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(spec_path).unwrap()).map_err(|e| e.to_string())?;
    let args: Vec<String> = spec["args"].as_array().ok_or("no args")?.iter().map(|a| a.as_str().unwrap().to_string()).collect();
    let stdin = spec.get("stdin").and_then(|s| s.as_str()).map(|s| s.to_string());
    let merge = spec.get("merge_stderr").and_then(|m| m.as_bool()).unwrap_or(false);
    let compare: Vec<String> = match spec.get("compare") {
        Some(c) => c.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect(),
        None => vec!["stdout".into(), "stderr".into(), "status".into()],
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_refscope"));
    cmd.arg0("python3").args(&args).current_dir(cli_dir());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") || k == "REFSCOPEPATH" {
            cmd.env_remove(k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0").env("PYTHONDONTWRITEBYTECODE", "1").env("PYTHONIOENCODING", "utf-8");
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    let (out, err, status) = if merge {
        // One pipe for both streams, as the case asks.
        let (reader, writer) = std::io::pipe().map_err(|e| e.to_string())?;
        cmd.stdout(writer.try_clone().map_err(|e| e.to_string())?).stderr(writer);
        let mut child = cmd.spawn().map_err(|e| e.to_string())?;
        drop(cmd);
        if let Some(text) = &stdin {
            child.stdin.take().unwrap().write_all(text.as_bytes()).map_err(|e| e.to_string())?;
        }
        let mut out = Vec::new();
        let mut reader = reader;
        std::io::Read::read_to_end(&mut reader, &mut out).map_err(|e| e.to_string())?;
        let status = child.wait().map_err(|e| e.to_string())?;
        (out, Vec::new(), status)
    } else {
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| e.to_string())?;
        if let Some(text) = &stdin {
            let mut pipe = child.stdin.take().unwrap();
            let text = text.clone();
            std::thread::spawn(move || {
                let _ = pipe.write_all(text.as_bytes());
            });
        }
        let o = child.wait_with_output().map_err(|e| e.to_string())?;
        (o.stdout, o.stderr, o.status)
    };
    let code = match status.code() {
        Some(c) => c,
        None => -std::os::unix::process::ExitStatusExt::signal(&status).unwrap_or(0),
    };
    // The expected files name the checkout's tests/cli as <CLI_DIR> (scripts/regen-cli).
    let here = cli_dir().to_string_lossy().into_owned();
    let unroot = |b: Vec<u8>| match String::from_utf8(b) {
        Ok(text) => text.replace(&here, "<CLI_DIR>").into_bytes(),
        Err(e) => e.into_bytes(),
    };
    let (out, err) = (unroot(out), unroot(err));
    let mut problems = Vec::new();
    let expect = |suffix: &str| std::fs::read(spec_path.with_extension(suffix)).unwrap_or_default();
    for (what, got) in [("stdout", out), ("stderr", err), ("status", format!("{}\n", code).into_bytes())] {
        if !compare.iter().any(|c| c == what) {
            continue;
        }
        let want = expect(what);
        if want != got {
            problems.push(format!(
                "--- {} expected:\n{}\n--- got:\n{}",
                what,
                String::from_utf8_lossy(&want),
                String::from_utf8_lossy(&got)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[test]
fn command_line_cases_match_cpython() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(cli_dir()).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    cases.sort();
    assert!(cases.len() >= 30, "the command-line cases are missing");
    let mut failed = Vec::new();
    for c in &cases {
        if let Err(e) = run_case(c) {
            eprintln!("FAIL {}:\n{}\n", c.file_name().unwrap().to_string_lossy(), e);
            failed.push(c.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    eprintln!("==== command-line cases: {} run, {} failed ====", cases.len(), failed.len());
    assert!(failed.is_empty(), "failing cases: {:?}", failed);
}
