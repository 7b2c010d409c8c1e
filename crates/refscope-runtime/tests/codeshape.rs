//! The CPython code-shape model (`refscope_compiler::shape`) against
//! CPython 3.11 itself: tests/codeshape/expected.tsv holds, for every code
//! object compiled from the Python files under tests/diff, CPython's
//! `len(co_code)` and `co_stacksize` (written by scripts/regen-codeshape).
//! This test compiles the same files and compares.
//!
//! Code objects are matched by (file, qualified name, first line, and
//! occurrence among equal keys). The test reports the match rate and fails
//! when any code object in the files listed by tests/codeshape/exact.txt
//! differs, or when the overall rate drops below the floor in
//! tests/codeshape/floor.txt. Set CODESHAPE_VERBOSE=1 to list mismatches.

use std::collections::HashMap;
use std::path::Path;

#[test]
fn code_shapes_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let expected = std::fs::read_to_string(root.join("tests/codeshape/expected.tsv")).expect("expected.tsv");
    let floor: f64 = std::fs::read_to_string(root.join("tests/codeshape/floor.txt"))
        .map(|s| s.trim().parse().expect("floor.txt holds a number"))
        .unwrap_or(0.0);
    let exact: Vec<String> = std::fs::read_to_string(root.join("tests/codeshape/exact.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let verbose = std::env::var("CODESHAPE_VERBOSE").is_ok();
    let mut by_file: Vec<(String, Vec<(String, u32, u32, u32)>)> = Vec::new();
    for line in expected.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "bad line {line:?}");
        let row = (f[1].to_string(), f[2].parse().unwrap(), f[3].parse().unwrap(), f[4].parse().unwrap());
        match by_file.last_mut() {
            Some((name, rows)) if name == f[0] => rows.push(row),
            _ => by_file.push((f[0].to_string(), vec![row])),
        }
    }
    let interp = refscope_runtime::Interpreter::new();
    let (mut total, mut size_ok, mut stack_ok, mut both_ok) = (0usize, 0usize, 0usize, 0usize);
    let mut exact_failures = Vec::new();
    for (file, rows) in &by_file {
        let path = root.join("tests/diff").join(file);
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        let got = interp.code_shapes(&source, &path.to_string_lossy()).unwrap_or_default();
        let mut index: HashMap<(String, u32), Vec<(u32, u32)>> = HashMap::new();
        for (q, l, s, d) in got {
            index.entry((q, l)).or_default().push((s, d));
        }
        let mut seen: HashMap<(String, u32), usize> = HashMap::new();
        for (q, l, size, depth) in rows {
            total += 1;
            let key = (q.clone(), *l);
            let k = seen.entry(key.clone()).or_default();
            let mine = index.get(&key).and_then(|v| v.get(*k)).copied();
            *k += 1;
            let (s_ok, d_ok) = match mine {
                Some((s, d)) => (s == *size, d == *depth),
                None => (false, false),
            };
            size_ok += s_ok as usize;
            stack_ok += d_ok as usize;
            both_ok += (s_ok && d_ok) as usize;
            if !(s_ok && d_ok) {
                if verbose {
                    println!("MISMATCH {file} {q} line {l}: cpython len {size} stack {depth}, refscope {mine:?}");
                }
                if exact.iter().any(|e| file.starts_with(e.as_str())) {
                    exact_failures.push(format!("{file} {q} line {l}: cpython ({size}, {depth}), refscope {mine:?}"));
                }
            }
        }
    }
    let rate = both_ok as f64 / total as f64;
    println!(
        "code shapes: {total} code objects; len(co_code) exact {size_ok}, co_stacksize exact {stack_ok}, both {both_ok} ({:.1}%)",
        100.0 * rate
    );
    assert!(exact_failures.is_empty(), "code objects that must match exactly:\n{}", exact_failures.join("\n"));
    assert!(rate >= floor, "match rate {rate:.4} fell below the floor {floor}");
}
