#![cfg(feature = "observer")]
//! Reference counts in a trace: objects held by long containers (whose
//! changes the recorder writes as splices, reading only what came in or
//! went out) while names are bound to them, rebound and unbound. The
//! program prints `sys.getrefcount(xs[i]) - 1` now and then; its output is
//! checked against CPython's, and at the step after each print the count
//! the trace gives for `xs[i]` must be the printed one.

use refscope_trace::replay::Replay;
use std::io::BufReader;
use std::process::Command;

const PROGRAM: &str = r#"import sys
xs = [object() for _ in range(12)]
d = {}
for i in range(12):
    d[i] = xs[i]
x = xs[3]
xs.append(x)
print(3, sys.getrefcount(xs[3]) - 1)
x = xs[5]
print(3, sys.getrefcount(xs[3]) - 1)
print(5, sys.getrefcount(xs[5]) - 1)
del x
print(5, sys.getrefcount(xs[5]) - 1)
xs[5] = xs.pop()
print(5, sys.getrefcount(xs[5]) - 1)
del d[3]
print(3, sys.getrefcount(xs[3]) - 1)
d[5] = None
print(5, sys.getrefcount(xs[5]) - 1)
y = xs[7]
s = set(xs)
print(7, sys.getrefcount(xs[7]) - 1)
s.discard(y)
y = 0
print(7, sys.getrefcount(xs[7]) - 1)
xs.insert(0, xs[7])
print(8, sys.getrefcount(xs[8]) - 1)
"#;

#[test]
fn counts_of_objects_in_long_containers_follow_names_and_changes() {
    let dir = std::env::temp_dir().join(format!("refscope-counts-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let program = dir.join("counts.py");
    std::fs::write(&program, PROGRAM).unwrap();
    let out = dir.join("counts.jsonl");

    let cpython = Command::new("python3").arg(&program).output().unwrap();
    assert!(cpython.status.success(), "{}", String::from_utf8_lossy(&cpython.stderr));
    let cpython_stdout = String::from_utf8(cpython.stdout).unwrap();

    let t = Command::new(env!("CARGO_BIN_EXE_refscope")).arg("trace").arg(&program).args(["--format", "json", "-o"]).arg(&out).output().unwrap();
    assert!(t.status.success(), "refscope trace failed: {}", String::from_utf8_lossy(&t.stderr));

    let mut replay = Replay::new(BufReader::new(std::fs::File::open(&out).unwrap())).unwrap();
    let mut checked = 0;
    let mut spliced = 0;
    while let Some(step) = replay.next_step() {
        let step = step.unwrap();
        spliced += step["objects"].as_array().map(|a| a.iter().filter(|o| o.get("splice").is_some()).count()).unwrap_or(0);
        let Some(printed) = step["stdout"].as_str() else { continue };
        let mut words = printed.split_whitespace().map(|w| w.parse::<usize>().unwrap());
        let (i, count) = (words.next().unwrap(), words.next().unwrap() as u64);
        let module = &step["frames"][0]["names"];
        let xs = module.as_array().unwrap().iter().find(|n| n[0] == "xs").unwrap()[1].as_u64().unwrap();
        let item = replay.heap[&xs]["items"][i].as_u64().unwrap();
        assert_eq!(replay.heap[&item]["rc"].as_u64(), Some(count), "step {}: the count of xs[{}] (printed {:?})", step["step"], i, printed);
        checked += 1;
    }
    assert_eq!(replay.stdout, cpython_stdout);
    assert_eq!(checked, cpython_stdout.lines().count());
    assert!(spliced >= 5, "the long containers' changes are splices ({spliced})");
    let _ = std::fs::remove_dir_all(&dir);
}
