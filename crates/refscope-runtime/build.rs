//! Compiles at build time the Python source that every start-up runs: the
//! embedded standard library (src/stdlib, weakref.py above all) and the
//! sys prelude (src/modules/sys_prelude.py, for every value of its
//! `{FLAGS}`). See `refscope_compiler::embed`. Writes
//! `$OUT_DIR/precompiled.rs`: `precompiled(filename, source)`, the code of
//! a source compiled here (with that filename), if it could be.

use std::fmt::Write;

mod sys_flags {
    include!("src/modules/sys_flags.rs");
}

fn main() {
    println!("cargo:rerun-if-changed=src/stdlib");
    println!("cargo:rerun-if-changed=src/modules/sys_prelude.py");
    println!("cargo:rerun-if-changed=src/modules/sys_flags.rs");
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
    for bits in 0..8 {
        let flags = sys_flags::flags_values(bits & 1, (bits >> 1) & 1, (bits >> 2) & 1);
        units.push(("<sys>".to_string(), prelude.replace("{FLAGS}", &flags)));
    }

    let mut out = String::new();
    let mut arms = String::new();
    for (i, (filename, source)) in units.iter().enumerate() {
        if let Some(code) = refscope_compiler::embed::precompile(filename, source) {
            let _ = writeln!(out, "fn unit_{i}() -> CodeObject {{ {} }}", refscope_compiler::embed::to_rust(&code));
            let _ = writeln!(arms, "        ({filename:?}, {source:?}, unit_{i}),");
        }
    }
    let _ = writeln!(out, "pub(super) static UNITS: &[(&str, &str, fn() -> CodeObject)] = &[\n{arms}];");
    let dest = std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("precompiled.rs");
    std::fs::write(dest, out).expect("write precompiled.rs");
}
