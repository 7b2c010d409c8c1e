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
