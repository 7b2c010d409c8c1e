#![cfg(feature = "observer")]
//! The recorder updates its copy of a long list or dict from the changes
//! the runtime describes (observe::list_splice, dict_set, dict_del) instead
//! of reading the container again. For the programs in tests/trace/programs
//! (tests/trace/programs/mutations.py makes every such change, several in
//! one step, mixed with changes read whole, through aliases), the trace so
//! recorded must replay, at every step, to the same heap as a trace
//! recorded by reading every changed container whole
//! (REFSCOPE_TRACE_RESCAN=1): the same objects, contents, counts and
//! names. Ids are addresses, which differ between two runs, so objects are
//! compared in the order a reader meets them from the frames' names.

use refscope_trace::replay::Replay;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::io::BufReader;
use std::path::Path;
use std::process::Command;

/// The heap reachable from the step's frames, and the frames, with every
/// id replaced by the order in which a reader meets the object.
fn canonical<R: std::io::BufRead>(replay: &Replay<R>, step: &Value) -> Value {
    let order = replay.reachable(step);
    let num: HashMap<u64, usize> = order.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let map = |v: &Value| -> Value {
        match v.as_u64() {
            Some(id) => json!(num.get(&id).copied().map(|n| n as i64).unwrap_or(-1)),
            None => v.clone(),
        }
    };
    let map_all = |v: &Value| -> Value { Value::Array(v.as_array().map(|a| a.iter().map(map).collect()).unwrap_or_default()) };
    let map_second = |v: &Value| -> Value { Value::Array(v.as_array().map(|a| a.iter().map(|p| json!([p[0], map(&p[1])])).collect()).unwrap_or_default()) };
    let mut objects = Vec::new();
    for id in &order {
        let mut o = replay.heap[id].clone();
        let m = o.as_object_mut().unwrap();
        m.remove("id");
        if let Some(r) = m.get("repr").and_then(|r| r.as_str()) {
            let r = without_addresses(r);
            m.insert("repr".into(), json!(r));
        }
        for key in ["items", "bases", "defaults"] {
            if let Some(v) = m.get(key) {
                let v = map_all(v);
                m.insert(key.into(), v);
            }
        }
        if let Some(v) = m.get("entries") {
            let v = Value::Array(v.as_array().unwrap().iter().map(map_all).collect());
            m.insert("entries".into(), v);
        }
        for key in ["attrs", "cells"] {
            if let Some(v) = m.get(key) {
                let v = map_second(v);
                m.insert(key.into(), v);
            }
        }
        for key in ["func", "self", "value"] {
            if let Some(v) = m.get(key).filter(|v| v.is_u64()) {
                let v = map(v);
                m.insert(key.into(), v);
            }
        }
        objects.push(o);
    }
    let frames: Vec<Value> = step["frames"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| json!({"name": f["name"], "line": f["line"], "names": map_second(&f["names"])}))
        .collect();
    json!({"line": step["line"], "event": step["event"], "frames": frames, "objects": objects, "shown": replay.heap.len()})
}

/// `text` with the hex digits after each `0x` dropped (a repr's address).
fn without_addresses(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out + rest
}

fn trace(program: &Path, out: &Path, rescan: bool) {
    let t = Command::new(env!("CARGO_BIN_EXE_refscope"))
        .arg("trace")
        .arg(program)
        .args(["--format", "json", "-o"])
        .arg(out)
        .env("PYTHONHASHSEED", "0")
        .env("REFSCOPE_TRACE_RESCAN", if rescan { "1" } else { "0" })
        .output()
        .unwrap();
    assert!(t.status.success(), "refscope trace failed: {}", String::from_utf8_lossy(&t.stderr));
}

fn splices(step: &Value) -> usize {
    step["objects"].as_array().map(|a| a.iter().filter(|o| o.get("splice").is_some()).count()).unwrap_or(0)
}

#[test]
fn traces_from_described_changes_replay_as_traces_that_read_containers_whole() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap();
    let mut programs: Vec<_> = std::fs::read_dir(root.join("tests/trace/programs")).unwrap().flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "py")).collect();
    programs.sort();
    assert!(programs.iter().any(|p| p.ends_with("mutations.py")), "tests/trace/programs/mutations.py missing");
    let tmp = std::env::temp_dir().join(format!("refscope-trace-edits-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for program in &programs {
        let name = program.file_stem().unwrap().to_string_lossy().to_string();
        let (a, b) = (tmp.join(format!("{name}.edits.jsonl")), tmp.join(format!("{name}.rescan.jsonl")));
        trace(program, &a, false);
        trace(program, &b, true);
        let mut ra = Replay::new(BufReader::new(std::fs::File::open(&a).unwrap())).unwrap();
        let mut rb = Replay::new(BufReader::new(std::fs::File::open(&b).unwrap())).unwrap();
        let (mut steps, mut spliced) = (0, 0);
        loop {
            match (ra.next_step(), rb.next_step()) {
                (None, None) => break,
                (Some(sa), Some(sb)) => {
                    let (sa, sb) = (sa.unwrap(), sb.unwrap());
                    spliced += splices(&sa);
                    assert_eq!(ra.stdout, rb.stdout, "{name}: step {steps}: output");
                    let (ca, cb) = (canonical(&ra, &sa), canonical(&rb, &sb));
                    assert!(ca == cb, "{name}: step {steps} differs:\nfrom edits:  {ca}\nread whole: {cb}");
                    steps += 1;
                }
                _ => panic!("{name}: the two traces have different numbers of steps"),
            }
        }
        eprintln!("{name}: {steps} steps, {spliced} splices, the same heap at every step");
        if name == "mutations" {
            assert!(steps > 100 && spliced >= 30, "{name}: {steps} steps, {spliced} splices");
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
