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

pub fn new_method_descriptor(vm: &Vm, name: &'static str, func: NativeFn, ty: &PyRef) -> PyRef {
    PyRef::new(
        &vm.types.method_descriptor,
        BuiltinFunctionData { name, func, self_: None, objclass: Some(ty.clone()), is_module_function: false },
    )
}

/// Bind a method descriptor to an instance.
pub fn bind(vm: &Vm, d: &BuiltinFunctionData, obj: &PyRef) -> PyRef {
    PyRef::new(
        &vm.types.builtin_function,
        BuiltinFunctionData { name: d.name, func: d.func, self_: Some(obj.clone()), objclass: d.objclass.clone(), is_module_function: false },
    )
}
