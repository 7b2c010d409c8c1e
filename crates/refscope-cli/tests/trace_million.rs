#![cfg(feature = "observer")]
//! The million-step trace: `refscope trace --format json` on a program that
//! runs about a million steps with a heap of a hundred thousand objects
//! (benches/trace/linked_list.py, 111,111 nodes). Not timed (that is
//! scripts/bench-trace's job): the test checks that the trace is complete
//! and consistent. It runs in the debug build, as all of `cargo test`, in
//! well under a minute.
//!
//! - The step count is the number of events CPython's own trace function
//!   hears in the program's code (calls of functions, lines, returns,
//!   exceptions: what refscope records), counted by a small settrace
//!   script;
//! - the program's output, which the trace holds, is CPython's;
//! - replaying the trace (refscope_trace::replay) from the first step to the
//!   last succeeds: steps are numbered in order, frame changes apply, every
//!   freed object was shown before, every name refers to an object shown,
//!   and at the last step the list is there, node by node.

use refscope_trace::replay::Replay;
use std::collections::HashSet;
use std::io::BufReader;
use std::path::Path;
use std::process::Command;

const NODES: usize = 111_111;

/// Counts the events refscope's recorder records, under CPython.
const COUNT_EVENTS: &str = r#"
import sys, io
path = sys.argv[1]
sys.argv = sys.argv[1:]
code = compile(open(path).read(), path, "exec")
count = 0
def tracer(frame, event, arg):
    global count
    if frame.f_code.co_filename != path:
        return None
    if event != "call" or frame.f_code.co_flags & 0x2:
        count += 1
    return tracer
out = io.StringIO()
real, sys.stdout = sys.stdout, out
sys.settrace(tracer)
try:
    exec(code, {"__name__": "__main__", "__file__": path})
finally:
    sys.settrace(None)
    sys.stdout = real
print(count)
print(out.getvalue(), end="")
"#;

#[test]
fn a_million_step_trace_is_complete_and_consistent() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap();
    let program = root.join("benches/trace/linked_list.py");
    let n = NODES.to_string();
    let out = std::env::temp_dir().join(format!("refscope-million-{}.jsonl", std::process::id()));

    let r = Command::new("python3").arg("-c").arg(COUNT_EVENTS).arg(&program).arg(&n).env("PYTHONHASHSEED", "0").output().unwrap();
    assert!(r.status.success(), "the CPython event counter failed: {}", String::from_utf8_lossy(&r.stderr));
    let text = String::from_utf8(r.stdout).unwrap();
    let (count, cpython_stdout) = text.split_once('\n').unwrap();
    let cpython_steps: u64 = count.parse().unwrap();
    assert!(cpython_steps > 1_000_000, "the program runs {} steps only", cpython_steps);

    let t = Command::new(env!("CARGO_BIN_EXE_refscope")).arg("trace").arg(&program).args(["--format", "json", "-o"]).arg(&out).arg("--").arg(&n).output().unwrap();
    assert!(t.status.success(), "refscope trace failed: {}", String::from_utf8_lossy(&t.stderr));

    let mut replay = Replay::new(BufReader::new(std::fs::File::open(&out).unwrap())).unwrap();
    assert_eq!(replay.header["version"], 2);
    let mut steps = 0u64;
    let mut shown: HashSet<u64> = HashSet::new();
    let mut last = None;
    while let Some(step) = replay.next_step() {
        let step = step.unwrap_or_else(|e| panic!("step {}: {}", steps, e));
        assert_eq!(step["step"].as_u64(), Some(steps));
        for id in step["freed"].as_array().map(|a| a.as_slice()).unwrap_or_default() {
            assert!(shown.remove(&id.as_u64().unwrap()), "step {}: freed {} was never shown", steps, id);
        }
        for o in step["objects"].as_array().map(|a| a.as_slice()).unwrap_or_default() {
            shown.insert(o["id"].as_u64().unwrap());
        }
        let frames = step["frames"].as_array().unwrap();
        assert!(!frames.is_empty() && frames[0]["name"] == "<module>", "step {}: frames {:?}", steps, frames);
        for f in frames {
            for name in f["names"].as_array().unwrap() {
                let id = name[1].as_u64().unwrap();
                assert!(replay.heap.contains_key(&id), "step {}: {} names {} which is not in the heap", steps, name[0], id);
            }
        }
        steps += 1;
        last = Some(step);
    }
    let _ = std::fs::remove_file(&out);
    assert_eq!(steps, cpython_steps, "refscope recorded {} steps, CPython's trace function heard {}", steps, cpython_steps);
    assert_eq!(replay.stdout, cpython_stdout);
    assert_eq!(replay.stdout, format!("{} {}\n", NODES, NODES * (NODES - 1) / 2));

    // The last step: the module returning, `head` naming the list's first
    // node, each node's `next` the one before it, down to None.
    let last = last.unwrap();
    assert_eq!(last["event"], "return");
    let globals = last["frames"][0]["names"].as_array().unwrap();
    let head = globals.iter().find(|n| n[0] == "head").expect("head is bound")[1].as_u64().unwrap();
    let mut node = head;
    let mut seen = 0;
    loop {
        let o = &replay.heap[&node];
        if o["type"] == "NoneType" {
            break;
        }
        assert_eq!(o["type"], "Node");
        let attr = |name: &str| o["attrs"].as_array().unwrap().iter().find(|a| a[0] == name).unwrap()[1].as_u64().unwrap();
        let value = &replay.heap[&attr("value")];
        assert_eq!(value["value"].as_str(), Some((NODES - 1 - seen).to_string().as_str()));
        node = attr("next");
        seen += 1;
    }
    assert_eq!(seen, NODES);
}
