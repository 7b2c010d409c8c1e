//! Struct sequences (CPython's PyStructSequence): builtin tuple subclasses
//! whose items are also read-only named attributes, such as
//! `sys.version_info`, `sys.flags`, `sys.float_info`. Each field is a member
//! descriptor reading an item of the tuple; the type's namespace holds
//! `n_sequence_fields`, `n_fields`, `n_unnamed_fields` (read back from it,
//! as CPython does) and `__match_args__`. All fields of the types made here
//! are visible ones: `n_fields == n_sequence_fields`.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::vm::{PyResult, Vm};

/// What a struct sequence type is made from.
pub struct Spec {
    pub module: &'static str,
    pub name: &'static str,
    /// The type's `__doc__` (CPython's starts with the type's name).
    pub doc: &'static str,
    /// Each field's name and documentation.
    pub fields: &'static [(&'static str, &'static str)],
    /// Whether Python code may make instances (`sys.float_info` yes,
    /// `sys.version_info` and `sys.flags` no).
    pub instantiable: bool,
}

/// Make the type (a builtin type: not subclassable, attributes fixed),
/// with its namespace in CPython's order.
pub fn new_type(vm: &Vm, spec: &Spec) -> PyRef {
    let fl = if spec.instantiable { 0 } else { tflags::NO_INSTANCES };
    let t = typeobj::new_static_type(&vm.types, spec.name, &vm.types.tuple, Kind::Tuple, fl);
    *typeobj::data(&t).module.borrow_mut() = Some(spec.module.to_string());
    crate::types::finish_one_type(vm, &t);
    if spec.instantiable {
        typeobj::data(&t).new.set(Some(structseq_new));
        // As CPython's tp_new wrapper: a builtin bound to the type.
        let f = PyRef::new(
            &vm.types.builtin_function,
            builtin_function::BuiltinFunctionData { name: "__new__", func: new_wrapper, self_: Some(t.clone()), objclass: None, is_module_function: false },
        );
        let sm = PyRef::new(&vm.types.staticmethod, staticmethod::StaticMethodData::new(f));
        typeobj::set_in_dict(vm, &t, "__new__", sm);
    } else {
        typeobj::data(&t).new.set(None);
    }
    typeobj::add_method(vm, &t, "__repr__", structseq_repr);
    typeobj::add_method(vm, &t, "__reduce__", structseq_reduce);
    for (i, (name, doc)) in spec.fields.iter().enumerate() {
        typeobj::set_in_dict(vm, &t, name, descriptor::new_tuple_item(vm, &t, name, i, doc));
    }
    let n = spec.fields.len() as i64;
    typeobj::set_in_dict(vm, &t, "__doc__", vm.str(spec.doc));
    typeobj::set_in_dict(vm, &t, "n_sequence_fields", vm.int(n));
    typeobj::set_in_dict(vm, &t, "n_fields", vm.int(n));
    typeobj::set_in_dict(vm, &t, "n_unnamed_fields", vm.int(0));
    typeobj::set_in_dict(vm, &t, "__match_args__", vm.tuple(spec.fields.iter().map(|(f, _)| vm.intern(f))));
    t
}

/// An instance of struct sequence type `ty` holding `values` (one per field).
pub fn new(ty: &PyRef, values: Vec<PyRef>) -> PyRef {
    tuple::alloc(ty, values.len(), values.into_iter())
}

/// A count the type's namespace holds (`n_fields`...), as CPython reads it.
fn count(vm: &Vm, ty: &PyRef, key: &'static str) -> PyResult<usize> {
    let v = dict::get_str_key(&typeobj::data(ty).dict, &vm.intern_static(key));
    v.as_ref().and_then(int::as_i64).and_then(|n| usize::try_from(n).ok()).ok_or_else(|| vm.type_error(format!("bad {} in {}", key, typeobj::tp_name(ty))))
}

/// The fields' names by item index: the type's member descriptors.
fn field_names(ty: &PyRef) -> Vec<(usize, PyRef)> {
    let mut names: Vec<(usize, PyRef)> = dict::items(&typeobj::data(ty).dict)
        .into_iter()
        .filter_map(|(_, v)| match descriptor::get(&v)?.kind {
            descriptor::DescriptorKind::TupleItem { index, .. } => Some((index, descriptor::get(&v)?.name.clone())),
            _ => None,
        })
        .collect();
    names.sort_by_key(|(i, _)| *i);
    names
}

/// `T.__new__(S, sequence, dict=None)` (the builtin is bound to T): S must
/// be T or a subtype.
fn new_wrapper(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let ty = &a[0];
    let name = typeobj::tp_name(ty);
    let Some(sub) = a.get(1) else { return Err(vm.type_error(format!("{}.__new__(): not enough arguments", name))) };
    if sub.kind() != Kind::Type {
        return Err(vm.type_error(format!("{}.__new__(X): X is not a type object ({})", name, vm.type_name(sub))));
    }
    if !typeobj::is_subtype(sub, ty) {
        let subname = typeobj::tp_name(sub);
        return Err(vm.type_error(format!("{}.__new__({}): {} is not a subtype of {}", name, subname, subname, name)));
    }
    structseq_new(vm, sub, &a[2..], k)
}

/// CPython's structseq_new: `T(sequence, dict=None)`.
fn structseq_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let (pos, kwvals) = constructors::split_kw(args, kw);
    if pos.len() + kwvals.len() > 2 {
        return Err(vm.type_error(format!("structseq() takes at most 2 arguments ({} given)", pos.len() + kwvals.len())));
    }
    let mut params: [Option<PyRef>; 2] = [pos.first().cloned(), pos.get(1).cloned()];
    let names = kw.map(tuple::items).unwrap_or(&[]);
    let mut unknown = None;
    for (name, value) in names.iter().zip(kwvals) {
        let i = match str::as_str(name) {
            "sequence" => 0,
            "dict" => 1,
            _ => {
                unknown.get_or_insert_with(|| str::as_str(name).to_string());
                continue;
            }
        };
        if params[i].is_some() {
            return Err(vm.type_error(format!("argument for structseq() given by name ('{}') and position ({})", str::as_str(name), i + 1)));
        }
        params[i] = Some(value.clone());
    }
    let [Some(arg), dict_arg] = params else {
        return Err(vm.type_error("structseq() missing required argument 'sequence' (pos 1)"));
    };
    if let Some(name) = unknown {
        return Err(vm.type_error(format!("'{}' is an invalid keyword argument for structseq()", name)));
    }
    // PySequence_Fast.
    let items = match arg.kind() {
        Kind::List | Kind::Tuple => ops::iterate(vm, &arg)?,
        _ => {
            let it = ops::get_iter(vm, &arg).map_err(|e| {
                if typeobj::isinstance(&e.0, &vm.exc.type_error) {
                    vm.type_error("constructor requires a sequence")
                } else {
                    e
                }
            })?;
            let mut v = Vec::new();
            while let Some(x) = ops::next(vm, &it)? {
                v.push(x);
            }
            v
        }
    };
    if let Some(d) = &dict_arg {
        if d.kind() != Kind::Dict {
            return Err(vm.type_error(format!("{}() takes a dict as second arg, if any", typeobj::tp_name(cls))));
        }
    }
    // (No type made here has fields past the sequence: `n_fields` is
    // `n_sequence_fields`, so the length must be exactly that.)
    let n = count(vm, cls, "n_fields")?;
    if items.len() != n {
        return Err(vm.type_error(format!("{}() takes a {}-sequence ({}-sequence given)", typeobj::tp_name(cls), n, items.len())));
    }
    let values = items;
    Ok(tuple::alloc(cls, values.len(), values.into_iter()))
}

/// The instance a method was called on (the method descriptor checked
/// its type).
fn this<'a>(vm: &Vm, a: &'a [PyRef], what: &str) -> PyResult<&'a PyRef> {
    a.first().ok_or_else(|| vm.type_error(format!("descriptor '{}' needs an argument", what)))
}

/// `sys.version_info(major=3, minor=11, ...)`: the visible fields.
fn structseq_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let s = this(vm, a, "__repr__")?;
    let n = count(vm, s.ty(), "n_sequence_fields")?;
    let items = tuple::items(s);
    let mut out = format!("{}(", typeobj::tp_name(s.ty()));
    for (k, (i, name)) in field_names(s.ty()).into_iter().filter(|(i, _)| *i < n).enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        out.push_str(str::as_str(&name));
        out.push('=');
        if let Some(v) = items.get(i) {
            out.push_str(&ops::repr_string(vm, v)?);
        }
    }
    out.push(')');
    Ok(vm.str_owned(out))
}

/// `(type(s), (the fields as a tuple, {}))` (the dict would hold the
/// fields past the sequence).
fn structseq_reduce(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let s = this(vm, a, "__reduce__")?;
    let n = count(vm, s.ty(), "n_sequence_fields")?;
    let items = tuple::items(s);
    let visible = vm.tuple(items[..n.min(items.len())].iter().cloned());
    Ok(vm.tuple([s.ty().clone(), vm.tuple([visible, vm.dict()])]))
}
