#![cfg(feature = "observer")]
//! A memoryview in a trace: its box points at the object whose bytes it
//! shares (the alias a write through the view changes), and no longer once
//! the view is released. The printed counts are checked against CPython's.

use refscope_trace::replay::Replay;
use std::io::BufReader;
use std::process::Command;

const PROGRAM: &str = r#"import sys
ba = bytearray(b"abc")
m = memoryview(ba)
m[0] = 65
print("shared", ba, sys.getrefcount(ba) - 1)
m.release()
print("released", ba, sys.getrefcount(ba) - 1)
"#;

fn name(step: &serde_json::Value, n: &str) -> u64 {
    let module = &step["frames"][0]["names"];
    module.as_array().unwrap().iter().find(|x| x[0] == n).unwrap()[1].as_u64().unwrap()
}

#[test]
fn a_view_points_at_the_object_it_shares_until_released() {
    let dir = std::env::temp_dir().join(format!("refscope-memoryview-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("views.py");
    std::fs::write(&program, PROGRAM).unwrap();
    let out = dir.join("views.jsonl");

    let cpython = Command::new("python3").arg(&program).output().unwrap();
    assert!(cpython.status.success(), "{}", String::from_utf8_lossy(&cpython.stderr));
    let t = Command::new(env!("CARGO_BIN_EXE_refscope")).arg("trace").arg(&program).args(["--format", "json", "-o"]).arg(&out).output().unwrap();
    assert!(t.status.success(), "refscope trace failed: {}", String::from_utf8_lossy(&t.stderr));

    let mut replay = Replay::new(BufReader::new(std::fs::File::open(&out).unwrap())).unwrap();
    let mut seen = Vec::new();
    while let Some(step) = replay.next_step() {
        let step = step.unwrap();
        let Some(printed) = step["stdout"].as_str() else { continue };
        let (ba, m) = (name(&step, "ba"), name(&step, "m"));
        let attrs = replay.heap[&m]["attrs"].as_array().cloned().unwrap();
        if printed.starts_with("shared") {
            assert_eq!(attrs, vec![serde_json::json!(["obj", ba])], "the view points at the bytearray");
            assert!(Replay::<BufReader<std::fs::File>>::referents(&replay.heap[&m]).contains(&ba));
        } else {
            assert!(attrs.is_empty(), "a released view points at nothing: {attrs:?}");
        }
        seen.push(printed.split_whitespace().next().unwrap().to_string());
    }
    assert_eq!(seen, ["shared", "released"]);
    assert_eq!(replay.stdout, String::from_utf8(cpython.stdout).unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}
