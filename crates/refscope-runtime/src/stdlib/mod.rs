//! The embedded standard library: modules written in Python for refscope
//! (never copied from CPython's Lib), compiled into the binary and imported
//! when no directory of `sys.path` has a module of that name, as if they sat
//! in a standard-library directory at the end of the path.
//!
//! To add a module: write `stdlib/NAME.py` and list it in `MODULES`.

const MODULES: &[(&str, &str)] = &[
    ("keyword", include_str!("keyword.py")),
    ("_sitebuiltins", include_str!("_sitebuiltins.py")),
    ("copy", include_str!("copy.py")),
    ("copyreg", include_str!("copyreg.py")),
    ("weakref", include_str!("weakref.py")),
    ("types", include_str!("types.py")),
];

/// The source of embedded module `name`, if refscope has one.
pub fn source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

/// Names of all embedded modules (for `help('modules')`-like listings and tests).
pub fn names() -> impl Iterator<Item = &'static str> {
    MODULES.iter().map(|(n, _)| *n)
}

/// The code of `source` compiled as `filename`, if the build compiled it
/// (see build.rs and `refscope_compiler::embed`).
pub fn precompiled(filename: &str, source: &str) -> Option<refscope_compiler::CodeObject> {
    generated::UNITS
        .iter()
        .find(|(f, (at, len), _)| *f == filename && *len == source.len() && generated::SOURCES[*at..at + len] == *source)
        .map(|(_, _, code)| refscope_compiler::embed::build(generated::POOL, code))
}

/// The filenames and sources the build compiled (for tests).
pub fn precompiled_units() -> impl Iterator<Item = (&'static str, &'static str)> {
    generated::UNITS.iter().map(|(f, (at, len), _)| (*f, &generated::SOURCES[*at..at + len]))
}

#[allow(unused_imports, clippy::all)]
mod generated {
    use refscope_compiler::bytecode::{BinOp::*, CmpOp::*, Instr as I, UnaryOp::*};
    use refscope_compiler::embed::{CodeData, ConstData as K};

    include!(concat!(env!("OUT_DIR"), "/precompiled.rs"));
}

#[cfg(test)]
mod tests {
    /// What the build compiled is what the runtime's compilation gives
    /// (constant folding by the runtime included).
    #[test]
    fn precompiled_code_equals_a_fresh_compilation() {
        let vm = crate::vm::Vm::init(None);
        let mut n = 0;
        for (filename, source) in super::precompiled_units() {
            let pre = super::precompiled(filename, source).unwrap();
            let fresh = refscope_compiler::compile_module(source, filename, &crate::Folder { vm }, false).unwrap();
            assert!(refscope_compiler::warnings::take_warnings().is_empty());
            assert_eq!(format!("{pre:?}"), format!("{fresh:?}"), "{filename}");
            n += 1;
        }
        assert_eq!(n, super::MODULES.len() + 1);
    }

    /// What every start-up runs is not compiled at start-up.
    #[test]
    fn start_up_code_is_precompiled() {
        assert!(super::precompiled("<frozen weakref>", super::source("weakref").unwrap()).is_some());
        assert!(super::precompiled("<sys>", crate::modules::sys::SYS_PRELUDE).is_some());
    }
}
