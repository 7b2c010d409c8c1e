//! `builtin_function_or_method` and `method_descriptor`: functions written in
//! Rust. A method descriptor lives in a type's namespace; looking it up on an
//! instance binds it (`[].append` is a new bound builtin each time, as in
//! CPython).

use crate::object::PyRef;
use crate::vm::{NativeFn, Vm};

pub struct BuiltinFunctionData {
    pub name: &'static str,
    pub func: NativeFn,
    /// The bound object (`self`), or the module for module functions.
    pub self_: Option<PyRef>,
    /// For method descriptors: the type that defines the method.
    pub objclass: Option<PyRef>,
    /// Module functions receive no `self` even though `self_` names the module.
    pub is_module_function: bool,
}

pub fn get(obj: &PyRef) -> Option<&BuiltinFunctionData> {
    obj.payload::<BuiltinFunctionData>()
}

pub fn new_builtin(vm: &Vm, name: &'static str, func: NativeFn, module: Option<PyRef>) -> PyRef {
    PyRef::new(
        &vm.types.builtin_function,
        BuiltinFunctionData { name, func, self_: module, objclass: None, is_module_function: true },
    )
}

/// A method of the builtin type `ty`: a `method_descriptor`, or a
/// `wrapper_descriptor` for a type slot (`is_slot_name_of`).
pub fn new_method_descriptor(vm: &Vm, name: &'static str, func: NativeFn, ty: &PyRef) -> PyRef {
    let ty_ = if is_slot_name_of(vm, name, ty) { &vm.types.wrapper_descriptor } else { &vm.types.method_descriptor };
    PyRef::new(ty_, BuiltinFunctionData { name, func, self_: None, objclass: Some(ty.clone()), is_module_function: false })
}

/// Bind the method descriptor `descr` to an instance: a
/// `builtin_function_or_method`, or a `method-wrapper` for a slot wrapper.
pub fn bind(vm: &Vm, descr: &PyRef, obj: &PyRef) -> PyRef {
    let d = get(descr).expect("a method descriptor");
    let ty = if descr.ty().is(&vm.types.wrapper_descriptor) { &vm.types.method_wrapper } else { &vm.types.builtin_function };
    PyRef::new(ty, BuiltinFunctionData { name: d.name, func: d.func, self_: Some(obj.clone()), objclass: d.objclass.clone(), is_module_function: false })
}

/// Whether `f` is a slot wrapper, unbound (`wrapper_descriptor`) or bound
/// (`method-wrapper`).
#[inline]
pub fn is_slot_wrapper(vm: &Vm, f: &PyRef) -> bool {
    f.ty().is(&vm.types.wrapper_descriptor) || f.ty().is(&vm.types.method_wrapper)
}

/// Whether `ty` is the type of an unbound method of a builtin type (a
/// method or a slot wrapper descriptor).
#[inline]
pub fn is_descriptor_type(vm: &Vm, ty: &PyRef) -> bool {
    ty.is(&vm.types.method_descriptor) || ty.is(&vm.types.wrapper_descriptor)
}

/// Names CPython 3.11 exposes as `wrapper_descriptor`s (type slots) on the
/// builtin types, sorted; the exceptions are methods that coexist with
/// their slot (`list.__getitem__`, `dict.__contains__`, ...).
const SLOT_WRAPPERS: [&str; 66] = [
    "__abs__", "__add__", "__and__", "__bool__", "__call__", "__contains__", "__delattr__", "__delete__", "__delitem__",
    "__divmod__", "__eq__", "__float__", "__floordiv__", "__ge__", "__get__", "__getattribute__", "__getitem__", "__gt__",
    "__hash__", "__iadd__", "__iand__", "__imul__", "__index__", "__init__", "__int__", "__invert__", "__ior__", "__isub__",
    "__iter__", "__ixor__", "__le__", "__len__", "__lshift__", "__lt__", "__mod__", "__mul__", "__ne__", "__neg__",
    "__next__", "__or__", "__pos__", "__pow__", "__radd__", "__rand__", "__rdivmod__", "__repr__", "__rfloordiv__",
    "__rlshift__", "__rmod__", "__rmul__", "__ror__", "__rpow__", "__rrshift__", "__rshift__", "__rsub__", "__rtruediv__",
    "__rxor__", "__set__", "__setattr__", "__setitem__", "__str__", "__sub__", "__truediv__", "__xor__", "__matmul__",
    "__rmatmul__",
];

/// Whether method `name` of builtin type `cls` is a slot wrapper.
fn is_slot_name_of(vm: &Vm, name: &str, cls: &PyRef) -> bool {
    // Most method calls (append, get, ...) are no dunder: rejected first.
    if !name.starts_with("__") || !SLOT_WRAPPERS.contains(&name) {
        return false;
    }
    let t = &vm.types;
    let coexists = match name {
        "__getitem__" => cls.is(&t.list) || cls.is(&t.dict),
        "__contains__" => cls.is(&t.dict) || cls.is(&t.set) || cls.is(&t.frozenset),
        _ => false,
    };
    !coexists
}

/// What CPython 3.11 allocates to call a slot wrapper from Python code:
/// a `wrapper_descriptor` (unbound, or through a method call on an
/// instance) takes its arguments, self first, as a tuple and passes the
/// rest on as a slice of it; a bound `method-wrapper` takes a tuple of its
/// arguments (keywords in a dict in both cases). Their counts, freed when
/// this is dropped.
pub struct SlotCallArgs([Option<crate::object::gc::Transient>; 3]);

impl SlotCallArgs {
    /// `None` when `f` is no slot wrapper; most calls (`lst.append(x)`:
    /// no dunder name) learn that inline.
    #[inline]
    pub fn new(vm: &Vm, f: &PyRef, nargs: usize, nkw: usize) -> Option<SlotCallArgs> {
        if !is_slot_wrapper(vm, f) {
            return None;
        }
        Self::for_slot_wrapper(vm, get(f)?, nargs, nkw)
    }

    #[inline(never)]
    fn for_slot_wrapper(vm: &Vm, d: &BuiltinFunctionData, nargs: usize, nkw: usize) -> Option<SlotCallArgs> {
        use crate::object::gc::Transient;
        let npos = nargs - nkw.min(nargs);
        let bound = d.self_.is_some();
        // BaseException.__init__ keeps the tuple it gets as `args` (made
        // for real by refscope's): the slice, or a method-wrapper's tuple.
        let keeps_args = d.name == "__init__" && d.objclass.as_ref().is_some_and(|c| crate::types::typeobj::is_subtype(c, &vm.exc.base_exception));
        let given = crate::object::gc::star_args_given(vm.frames.borrow().len());
        let t = (!given && !(keeps_args && bound)).then(|| Transient::tuple(npos));
        let k = (nkw > 0 && !given).then(Transient::dict);
        let s = (!bound && npos > 1 && !keeps_args).then(|| Transient::tuple(npos - 1));
        Some(SlotCallArgs([t, k, s]))
    }
}

impl Drop for SlotCallArgs {
    fn drop(&mut self) {
        for t in self.0.iter_mut().rev() {
            if let Some(t) = t.take() {
                t.free();
            }
        }
    }
}
