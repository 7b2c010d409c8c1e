//! `code`: a compiled code object with its constants turned into objects.

use crate::object::PyRef;
use refscope_compiler::CodeObject;
use std::rc::Rc;

pub struct CodeData {
    pub code: Rc<CodeObject>,
    /// co_consts as objects (merged per compilation unit).
    pub consts: Vec<PyRef>,
    /// co_names as interned strs.
    pub names: Vec<PyRef>,
    /// co_qualname: the object its functions' `__qualname__` is (the
    /// interned name itself when they are the same text, as CPython's
    /// compiler makes it for module-level code).
    pub qualname: PyRef,
    /// Local variable names as interned strs (varnames, cellvars, freevars).
    pub localsplus_names: Vec<PyRef>,
    /// Per name, where `LOAD_GLOBAL` last found it (an inline cache, as
    /// CPython 3.11 specialises LOAD_GLOBAL by dict keys versions).
    pub global_hints: Box<[std::cell::Cell<GlobalHint>]>,
    /// Per name, the entry index at which `LOAD_ATTR`/`STORE_ATTR` last
    /// found it in an instance dict (`DictData::get_str_hinted`).
    pub attr_hints: Box<[std::cell::Cell<u32>]>,
    /// Per name, where attribute lookups found it on the object's type.
    pub type_hints: Box<[std::cell::Cell<crate::types::typeobj::TypeHint>]>,
    /// The number of positional arguments a call binds straight into the
    /// first locals (`interp::call_simple`), or `u32::MAX` when the code
    /// needs the general binding (*args, **kwargs, keyword-only
    /// parameters, cell variables, generators and coroutines). Read here
    /// rather than through `code` so that a call checks one field.
    pub simple_argc: u32,
    /// Fast locals (`code.nlocalsplus()`), plain locals (`varnames`), value
    /// stack depth and first line, kept here for the call path.
    pub nfast: u32,
    pub nvarnames: u32,
    pub max_stack: u32,
    pub first_line: u32,
}

/// Where a global name was found: entry `idx` of the globals dict (when
/// `builtins` is 0) or of the builtins dict, valid while the dicts' keys
/// versions are still the ones recorded. Keys versions are never reused
/// (not even by another dict), so a hint recorded for other globals, or
/// before a key was added or removed, cannot match.
#[derive(Clone, Copy, Default)]
pub struct GlobalHint {
    pub globals: u64,
    pub builtins: u64,
    pub idx: u32,
}

impl CodeData {
    pub fn new(code: Rc<CodeObject>, consts: Vec<PyRef>, names: Vec<PyRef>, localsplus_names: Vec<PyRef>, qualname: PyRef) -> CodeData {
        let global_hints = names.iter().map(|_| std::cell::Cell::new(GlobalHint::default())).collect();
        let attr_hints = names.iter().map(|_| std::cell::Cell::new(0)).collect();
        let type_hints = names.iter().map(|_| std::cell::Cell::new(Default::default())).collect();
        use refscope_compiler::bytecode::code_flags as cf;
        let not_simple = cf::VARARGS | cf::VARKEYWORDS | cf::GENERATOR | cf::COROUTINE;
        let simple_argc = if code.kwonlyargcount == 0 && code.flags & not_simple == 0 && code.cellvars.is_empty() { code.argcount } else { u32::MAX };
        let nfast = code.nlocalsplus() as u32;
        let nvarnames = code.varnames.len() as u32;
        let (max_stack, first_line) = (code.max_stack, code.first_line);
        CodeData { code, consts, names, qualname, localsplus_names, global_hints, attr_hints, type_hints, simple_argc, nfast, nvarnames, max_stack, first_line }
    }
}

pub fn get(obj: &PyRef) -> Option<&CodeData> {
    obj.payload::<CodeData>()
}
