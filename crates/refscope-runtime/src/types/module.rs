//! `module`: a namespace dict with a name.

use crate::object::PyRef;

pub struct ModuleData {
    pub dict: PyRef,
    /// Made by the interpreter for a module of its own (import, builtins),
    /// not by `types.ModuleType(...)`: its repr without a file says
    /// `(built-in)`.
    pub builtin: bool,
}

pub fn get(obj: &PyRef) -> Option<&ModuleData> {
    obj.payload::<ModuleData>()
}
