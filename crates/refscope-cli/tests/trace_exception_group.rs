#![cfg(feature = "observer")]
//! Exceptions in a trace: an exception's box points at what it refers to
//! (a group's message and exceptions tuple, its args, the exception it is
//! chained to), so the parts `split` makes are seen to share their leaves
//! with the group they came from. The printed counts are checked against
//! CPython's.

use refscope_trace::replay::Replay;
use std::io::BufReader;
use std::process::Command;

const PROGRAM: &str = r#"import sys
v = ValueError("bad")
eg = ExceptionGroup("two", [v, TypeError("t")])
match, rest = eg.split(ValueError)
print("split", sys.getrefcount(v) - 1)
try:
    raise KeyError("k") from v
except KeyError as caught:
    k = caught
print("chained", sys.getrefcount(v) - 1)
"#;

fn name(step: &serde_json::Value, n: &str) -> u64 {
    let module = &step["frames"][0]["names"];
    module.as_array().unwrap().iter().find(|x| x[0] == n).unwrap()[1].as_u64().unwrap()
}

fn attr(o: &serde_json::Value, n: &str) -> Option<u64> {
    o["attrs"].as_array().unwrap().iter().find(|a| a[0] == n).map(|a| a[1].as_u64().unwrap())
}

#[test]
fn exception_boxes_point_at_their_parts() {
    let dir = std::env::temp_dir().join(format!("refscope-eg-trace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("groups.py");
    std::fs::write(&program, PROGRAM).unwrap();
    let out = dir.join("groups.jsonl");

    let cpython = Command::new("python3").arg(&program).output().unwrap();
    assert!(cpython.status.success(), "{}", String::from_utf8_lossy(&cpython.stderr));
    let t = Command::new(env!("CARGO_BIN_EXE_refscope")).arg("trace").arg(&program).args(["--format", "json", "-o"]).arg(&out).output().unwrap();
    assert!(t.status.success(), "refscope trace failed: {}", String::from_utf8_lossy(&t.stderr));

    let mut replay = Replay::new(BufReader::new(std::fs::File::open(&out).unwrap())).unwrap();
    let mut seen = Vec::new();
    while let Some(step) = replay.next_step() {
        let step = step.unwrap();
        let Some(printed) = step["stdout"].as_str() else { continue };
        let (v, eg, m) = (name(&step, "v"), name(&step, "eg"), name(&step, "match"));
        let leaves = |g: u64| -> Vec<u64> {
            let t = attr(&replay.heap[&g], "exceptions").expect("a group points at its exceptions tuple");
            replay.heap[&t]["items"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect()
        };
        assert_eq!(leaves(eg)[0], v, "the group's first exception is v");
        assert_eq!(leaves(m), vec![v], "the matching part shares v with the group");
        let msg = attr(&replay.heap[&eg], "message").expect("a group points at its message");
        assert_eq!(replay.heap[&msg]["value"], "'two'");
        assert!(attr(&replay.heap[&v], "args").is_some());
        if printed.starts_with("chained") {
            let k = name(&step, "k");
            assert_eq!(attr(&replay.heap[&k], "__cause__"), Some(v), "raise ... from v points at v");
        }
        seen.push(printed.split_whitespace().next().unwrap().to_string());
    }
    assert_eq!(seen, ["split", "chained"]);
    assert_eq!(replay.stdout, String::from_utf8(cpython.stdout).unwrap());
    let _ = std::fs::remove_dir_all(&dir);
}
