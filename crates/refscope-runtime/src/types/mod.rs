//! The builtin types, one file per type (payload and core operations), plus
//! the protocol glue shared by several of them.

pub mod builtin_function;
pub mod bytearray;
pub mod bytes;
pub mod cell;
pub mod classmethod;
pub mod code;
pub mod complex;
pub mod constructors;
pub mod core_methods;
pub mod descriptor;
pub mod descriptor_impl;
pub mod dict;
pub mod dict_impl;
pub mod exception_group;
pub mod exceptions;
pub mod float;
pub mod frame;
pub mod function;
pub mod function_impl;
pub mod generator;
pub mod generator_impl;
pub mod int;
pub mod iter_impl;
pub mod iterators;
pub mod list;
pub mod list_impl;
pub mod mappingproxy;
pub mod memoryview;
pub mod methods;
pub mod methods_more;
pub mod method;
pub mod module;
pub mod namespace;
pub mod number_ops;
pub mod object_impl;
pub mod percent;
pub mod property;
pub mod range;
pub mod range_impl;
pub mod repr_impl;
pub mod seq_impl;
pub mod set;
pub mod set_ops;
pub mod sizeof;
pub mod slice;
pub mod staticmethod;
pub mod str;
pub mod structseq;
pub mod super_;
pub mod super_impl;
pub mod traceback;
pub mod tuple;
pub mod union;
pub mod type_attrs;
pub mod typeobj;
pub mod typeobj_call;

use crate::vm::Vm;

/// Finish the builtin types once the interpreter state exists: bases and
/// MROs, then every type's methods.
pub fn init_all(vm: &Vm) {
    typeobj::finish_builtin_types(vm);
    for (_, t) in &vm.exc.all {
        finish_one_type(vm, t);
    }
    object_impl::init(vm);
    constructors::init(vm);
    methods::init(vm);
    core_methods::init(vm);
    exception_group::init(vm);
    union::init(vm);
    descriptor_impl::init(vm);
}

/// Fill in the bases and MRO of a builtin type created after start-up.
pub fn finish_one_type(vm: &Vm, t: &crate::object::PyRef) {
    let td = typeobj::data(t);
    let base = td.base.borrow().clone();
    let bases = match &base {
        Some(b) => vm.tuple([b.clone()]),
        None => vm.empty_tuple.clone(),
    };
    *td.bases.borrow_mut() = bases;
    let mut mro = vec![t.clone()];
    if let Some(b) = &base {
        mro.extend(typeobj::data(b).mro_vec());
    }
    *td.mro.borrow_mut() = vm.tuple(mro);
    typeobj::register_subclass(t, &td.bases.borrow());
    td.version.modified();
    crate::modules::weakref::register_class(vm, t);
}
