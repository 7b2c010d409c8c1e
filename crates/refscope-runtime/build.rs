//! Compiles at build time the Python source that every start-up runs: the
//! embedded standard library (src/stdlib, weakref.py above all) and the
//! sys prelude (src/modules/sys_prelude.py). See `refscope_compiler::embed`.
//! Writes `$OUT_DIR/precompiled.rs`: `precompiled(filename, source)`, the
//! code of a source compiled here (with that filename), if it could be.

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=src/stdlib");
    println!("cargo:rerun-if-changed=src/modules/sys_prelude.py");
    let mut units: Vec<(String, String)> = Vec::new();
    // The embedded modules are the ones `stdlib::MODULES` lists.
    let dir = std::path::Path::new("src/stdlib");
    let list = std::fs::read_to_string(dir.join("mod.rs")).expect("src/stdlib/mod.rs");
    for line in list.lines() {
        let Some(rest) = line.trim().strip_prefix("(\"") else { continue };
        let Some((name, rest)) = rest.split_once('"') else { continue };
        let Some(file) = rest.split_once("include_str!(\"").and_then(|(_, f)| f.split_once('"')).map(|x| x.0) else { continue };
        let source = std::fs::read_to_string(dir.join(file)).expect("embedded module source");
        units.push((format!("<frozen {name}>"), source));
    }
    // As modules/sys.rs makes it.
    let prelude = format!("\n{}", std::fs::read_to_string("src/modules/sys_prelude.py").expect("sys prelude"));
    units.push(("<sys>".to_string(), prelude));

    // Each unit's source is kept (to compare with what the runtime is about
    // to compile) as a range of one string, and the code's strings are in
    // another: pointers in static data are relocations applied at start-up.
    let mut out = String::new();
    let mut arms = String::new();
    let mut pool = refscope_compiler::embed::Pool::default();
    let mut sources = String::new();
    for (i, (filename, source)) in units.iter().enumerate() {
        if let Some(code) = refscope_compiler::embed::precompile(filename, source) {
            let _ = writeln!(out, "static UNIT_{i}: CodeData = {};", refscope_compiler::embed::to_rust(&code, &mut pool));
            let _ = writeln!(arms, "        ({filename:?}, ({}, {}), &UNIT_{i}),", sources.len(), source.len());
            sources.push_str(source);
        }
    }
    let _ = writeln!(out, "pub(super) static UNITS: &[(&str, (usize, usize), &CodeData)] = &[\n{arms}];");
    let _ = writeln!(out, "pub(super) static POOL: &str = {:?};", pool.text());
    let _ = writeln!(out, "pub(super) static SOURCES: &str = {sources:?};");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("precompiled.rs");
    std::fs::write(dest, out).expect("write precompiled.rs");
}
