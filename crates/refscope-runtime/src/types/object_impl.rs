//! `object`: the root type's methods, and instance creation for classes.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::types::methods::wrapper_args;
use crate::vm::{PyResult, Vm};

/// The inline value room of a class's instances made before any of them
/// has an attribute: the number of distinct `self.NAME = ...` stores in its
/// `__init__` (a Python function). A class without one gets none (its
/// instances keep the block size they had).
fn first_room(vm: &Vm, cls: &PyRef) -> u8 {
    let Some(init) = typeobj::lookup_str(vm, cls, "__init__") else { return 0 };
    let Some(f) = function::get(&init) else { return 0 };
    let code = f.code.borrow().clone();
    let Some(cd) = code::get(&code) else { return 0 };
    let mut seen: Vec<u32> = Vec::new();
    for w in cd.code.instrs.windows(2) {
        use refscope_compiler::bytecode::Instr;
        if let (Instr::LoadFast(0) | Instr::LoadFastStoreAttr(0, _), Instr::StoreAttr(i)) = (w[0], w[1]) {
            if !seen.contains(&i) {
                seen.push(i);
            }
        }
    }
    seen.len().min(30) as u8
}

/// object.__new__: an instance of `cls` with the layout of its builtin base.
pub fn object_new(vm: &Vm, cls: &PyRef, _args: &[PyRef], _kw: Option<&PyRef>) -> PyResult {
    let td = typeobj::data(cls);
    if td.flag(tflags::IS_ABSTRACT) {
        return Err(vm.type_error(format!("Can't instantiate abstract class {}", td.name.borrow())));
    }
    if cls.is(&vm.types.object) {
        return Ok(PyRef::new(cls, ()));
    }
    if td.instance_kind != Kind::Object {
        return Err(vm.type_error(format!("object.__new__({}) is not safe, use {}.__new__()", td.name.borrow(), td.name.borrow())));
    }
    let nslots = td.slot_names.borrow().len();
    let mut nvalues = 0;
    if let Some(sk) = td.shared_keys.borrow().as_ref() {
        sk.note_instance();
        // Room for the names the class's instances had so far, rounded up
        // to fill the block's 16-byte size class; before any name is known,
        // room for the attributes its `__init__` sets (`first_room`), so
        // that a class with a single instance has its attributes inline
        // too. (Where the values live is not observable: they move to a
        // dict, built as the stores would have built it, whenever anything
        // else is asked of them.)
        let names = sk.names.borrow().len();
        let want = if names == 0 {
            match sk.first_room.get() {
                Some(r) => r as usize,
                None => {
                    let r = first_room(vm, cls);
                    sk.first_room.set(Some(r));
                    r as usize
                }
            }
        } else {
            names
        };
        if want != 0 {
            nvalues = (want + ((nslots + want) & 1)).min(crate::object::MAX_INLINE_VALUES);
        }
    }
    Ok(PyRef::new_ext_values(cls, (), nslots, nvalues))
}

fn obj_init(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.none())
}

fn obj_repr(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.str_owned(crate::types::repr_impl::default_repr(vm, &a[0])))
}

fn obj_str(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    ops::repr(vm, &a[0])
}

fn obj_eq(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let other = &wrapper_args(vm, "__eq__", a, k, 1)?[0];
    Ok(if a[0].is(other) { vm.true_.clone() } else { vm.not_implemented.clone() })
}

fn obj_ne(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let other = &wrapper_args(vm, "__ne__", a, k, 1)?[0];
    // Inverts __eq__ unless it returns NotImplemented.
    let r = match ops::lookup_special(vm, &a[0], "__eq__") {
        Some(f) => ops::call_unbound(vm, &f, &a[0], &[other.clone()])?,
        None => vm.not_implemented.clone(),
    };
    if r.is(&vm.not_implemented) {
        return Ok(r);
    }
    Ok(vm.bool(!ops::truthy(vm, &r)?))
}

fn obj_cmp_ni(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "comparison", a, k, 1)?;
    Ok(vm.not_implemented.clone())
}

fn obj_hash(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.int(ops::id_hash(&a[0])))
}

pub(crate) fn obj_getattribute(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__getattribute__", a, k, 1)?;
    if a[1].kind() != Kind::Str {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(&a[1]))));
    }
    ops::generic_get_attr(vm, &a[0], &a[1])
}

pub(crate) fn obj_setattr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if crate::types::methods::kw_names(k).is_empty() && a.len() != 3 {
        // (CPython unpacks them with an empty function name)
        return Err(vm.type_error(format!(" expected 2 arguments, got {}", a.len().saturating_sub(1))));
    }
    wrapper_args(vm, "__setattr__", a, k, 2)?;
    if a[1].kind() != Kind::Str {
        return Err(vm.type_error(format!("attribute name must be string, not '{}'", vm.type_name(&a[1]))));
    }
    ops::generic_set_attr(vm, &a[0], &a[1], Some(a[2].clone()))?;
    Ok(vm.none())
}

pub(crate) fn obj_delattr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__delattr__", a, k, 1)?;
    ops::generic_set_attr(vm, &a[0], &a[1], None)?;
    Ok(vm.none())
}

fn obj_init_subclass(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !crate::types::methods::kw_names(k).is_empty() {
        let cls = a.first().map(typeobj::type_name).unwrap_or_default();
        return Err(vm.type_error(format!("{}.__init_subclass__() takes no keyword arguments", cls)));
    }
    if a.len() > 1 {
        return Err(vm.type_error(format!("object.__init_subclass__() takes no arguments ({} given)", a.len() - 1)));
    }
    Ok(vm.none())
}

/// `object.__subclasshook__`: a classmethod that leaves the decision to
/// the usual mechanism.
fn obj_subclasshook(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.not_implemented.clone())
}

fn obj_format(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a.len() < 2 {
        return Err(vm.type_error("object.__format__() takes exactly one argument (0 given)"));
    }
    if let Some(s) = str::get(&a[1]) {
        if !s.as_str().is_empty() {
            return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", vm.type_name(&a[0]))));
        }
    }
    ops::str_(vm, &a[0])
}

fn obj_dir(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    // CPython's object.__dir__ looks up `__dict__` (making an instance's
    // dict an object) and merges the names in a new dict
    // (a type's __dir__ too); a module lists its own dict.
    let o = &a[0];
    let _merged = match o.kind() {
        Kind::Module => None,
        Kind::Type => Some(crate::object::gc::Transient::dict().on_drop()),
        _ => {
            ops::get_attr_opt(vm, o, &vm.intern("__dict__"))?;
            Some(crate::object::gc::Transient::dict().on_drop())
        }
    };
    crate::builtins::dir_of(vm, o)
}

fn obj_new_method(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let _args = crate::types::constructors::NewWrapperArgs::new(vm, a, k, true);
    if a.is_empty() {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    }
    let cls = &a[0];
    if cls.kind() != Kind::Type {
        return Err(vm.type_error(format!("object.__new__(X): X is not a type object ({})", vm.type_name(cls))));
    }
    // A class whose builtin base has its own constructor is made by that
    // base's __new__ (int.__new__(MyInt, 7)), never by object's.
    if typeobj::data(cls).new.get().is_some() {
        let base = crate::types::constructors::static_new_base(vm, cls);
        let name = typeobj::tp_name(cls);
        return Err(vm.type_error(format!("object.__new__({}) is not safe, use {}.__new__()", name, typeobj::tp_name(&base))));
    }
    // Arguments are allowed only when __init__ is overridden (`a` holds
    // the class, then every argument, keyword values included).
    let nargs = a.len() - 1;
    if nargs > 0 {
        // CPython's object_new: a class whose tp_new is not object_new
        // (it has or had a `__new__` of its own) takes no arguments here.
        if typeobj::data(cls).flag(tflags::SLOT_NEW) {
            return Err(vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        let init = typeobj::lookup_str(vm, cls, "__init__");
        let init_is_object = init.map(|i| i.kind() == Kind::BuiltinFunction).unwrap_or(true);
        if init_is_object {
            return Err(vm.type_error(format!("{}() takes no arguments", typeobj::type_name(cls))));
        }
    }
    let td = typeobj::data(cls);
    let newfn = td.new.get().unwrap_or(object_new);
    newfn(vm, cls, &[], None)
}

fn obj_sizeof(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.int(crate::types::sizeof::sizeof(vm, &a[0]) as i64))
}

// ------------------------------------------------------------ pickling protocol
//
// What `copy` (and pickle) use to take an object apart: `__reduce_ex__`
// gives (constructor, args, state, list items, dict items). From protocol 2
// on, the constructor is `copyreg.__newobj__` and the state is the instance
// `__dict__` (None when empty), or `(dict_or_None, {slot: value})` when the
// class has `__slots__`; below protocol 2 `copyreg._reduce_ex` builds it.

fn call_copyreg(vm: &Vm, name: &str, args: &[PyRef]) -> PyResult {
    let m = crate::import::import_module(vm, "copyreg")?;
    let f = ops::get_attr_str(vm, &m, name)?;
    ops::call(vm, &f, args, None)
}

fn obj_reduce_ex(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let proto = methods::one_arg(vm, "object", "__reduce_ex__", a, k)?;
    let proto = int::index_i64(vm, proto)?;
    let obj = &a[0];
    // A class that overrides __reduce__ is reduced by it.
    let reduce = ops::get_attr_str(vm, obj, "__reduce__")?;
    let cls_reduce = ops::get_attr_str(vm, obj.ty(), "__reduce__")?;
    let base_reduce = typeobj::lookup_str(vm, &vm.types.object, "__reduce__");
    if !base_reduce.is_some_and(|b| b.is(&cls_reduce)) {
        return ops::call0(vm, &reduce);
    }
    common_reduce(vm, obj, proto)
}

fn obj_reduce(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    methods::noargs(vm, "object", "__reduce__", a, k)?;
    common_reduce(vm, &a[0], 0)
}

fn common_reduce(vm: &Vm, obj: &PyRef, proto: i64) -> PyResult {
    if proto >= 2 {
        reduce_newobj(vm, obj)
    } else {
        call_copyreg(vm, "_reduce_ex", &[obj.clone(), vm.int(proto)])
    }
}

/// Kinds whose instances carry nothing beyond what `__getnewargs__`, the
/// state and the list/dict items rebuild.
fn picklable_kind(k: Kind) -> bool {
    matches!(k, Kind::Object | Kind::List | Kind::Dict)
}

fn reduce_newobj(vm: &Vm, obj: &PyRef) -> PyResult {
    let cls = obj.ty().clone();
    let (args, kwargs) = new_arguments(vm, obj)?;
    if args.is_none() && !picklable_kind(obj.kind()) {
        return Err(vm.type_error(format!("cannot pickle '{}' object", typeobj::type_name(&cls))));
    }
    let has_args = args.is_some();
    let copyreg = crate::import::import_module(vm, "copyreg")?;
    let kw_empty = match &kwargs {
        None => true,
        Some(d) => dict::get(d).map(|d| d.len() == 0).unwrap_or(false),
    };
    let (newobj, newargs) = if kw_empty {
        let mut items = vec![cls.clone()];
        if let Some(t) = &args {
            items.extend(tuple::items(t).iter().cloned());
        }
        (ops::get_attr_str(vm, &copyreg, "__newobj__")?, vm.tuple(items))
    } else {
        let t = args.unwrap_or_else(|| vm.tuple([]));
        (ops::get_attr_str(vm, &copyreg, "__newobj_ex__")?, vm.tuple([cls.clone(), t, kwargs.unwrap()]))
    };
    let is_list = typeobj::isinstance(obj, &vm.types.list);
    let is_dict = typeobj::isinstance(obj, &vm.types.dict);
    let state = get_state(vm, obj, !(has_args || is_list || is_dict))?;
    let listitems = if is_list { ops::get_iter(vm, obj)? } else { vm.none() };
    let dictitems = if is_dict {
        let items = ops::get_attr_str(vm, obj, "items")?;
        let items = ops::call0(vm, &items)?;
        ops::get_iter(vm, &items)?
    } else {
        vm.none()
    };
    Ok(vm.tuple([newobj, newargs, state, listitems, dictitems]))
}

/// `__getnewargs_ex__()` or `__getnewargs__()`, checked as CPython checks them.
fn new_arguments(vm: &Vm, obj: &PyRef) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    if let Some(f) = ops::get_attr_opt(vm, obj, &vm.intern("__getnewargs_ex__"))? {
        let r = ops::call0(vm, &f)?;
        if r.kind() != Kind::Tuple {
            return Err(vm.type_error(format!("__getnewargs_ex__ should return a tuple, not '{}'", vm.type_name(&r))));
        }
        let items = tuple::items(&r);
        if items.len() != 2 {
            return Err(vm.value_error(format!("__getnewargs_ex__ should return a tuple of length 2, not {}", items.len())));
        }
        if items[0].kind() != Kind::Tuple {
            return Err(vm.type_error(format!("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'", vm.type_name(&items[0]))));
        }
        if items[1].kind() != Kind::Dict {
            return Err(vm.type_error(format!("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'", vm.type_name(&items[1]))));
        }
        return Ok((Some(items[0].clone()), Some(items[1].clone())));
    }
    if let Some(f) = ops::get_attr_opt(vm, obj, &vm.intern("__getnewargs__"))? {
        let r = ops::call0(vm, &f)?;
        if r.kind() != Kind::Tuple {
            return Err(vm.type_error(format!("__getnewargs__ should return a tuple, not '{}'", vm.type_name(&r))));
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

/// The state to pickle: an overriding `__getstate__`'s result, else
/// object.__getstate__'s.
fn get_state(vm: &Vm, obj: &PyRef, required: bool) -> PyResult {
    let own = typeobj::lookup_str(vm, obj.ty(), "__getstate__");
    let base = typeobj::lookup_str(vm, &vm.types.object, "__getstate__");
    let overridden = match (&own, &base) {
        (Some(o), Some(b)) => !o.is(b),
        _ => true,
    };
    if overridden {
        let f = ops::get_attr_str(vm, obj, "__getstate__")?;
        return ops::call0(vm, &f);
    }
    default_state(vm, obj, required)
}

fn default_state(vm: &Vm, obj: &PyRef, required: bool) -> PyResult {
    if required && !picklable_kind(obj.kind()) {
        return Err(vm.type_error(format!("cannot pickle '{}' object", vm.type_name(obj))));
    }
    let state = match ops::instance_dict(vm, obj, false) {
        Some(d) if dict::get(&d).map(|x| x.len() > 0).unwrap_or(true) => {
            crate::object::gc::materialize_dict(&d);
            d
        }
        _ => vm.none(),
    };
    let names = call_copyreg(vm, "_slotnames", &[obj.ty().clone()])?;
    if names.is(&vm.none) {
        return Ok(state);
    }
    let names = ops::iterate(vm, &names)?;
    if names.is_empty() {
        return Ok(state);
    }
    let slots = vm.dict();
    for name in names {
        if let Some(v) = ops::get_attr_opt(vm, obj, &name)? {
            dict::set_item(vm, &slots, name, v)?;
        }
    }
    if dict::get(&slots).unwrap().len() == 0 {
        return Ok(state);
    }
    Ok(vm.tuple([state, slots]))
}

fn obj_getstate(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    methods::noargs(vm, "object", "__getstate__", a, k)?;
    default_state(vm, &a[0], false)
}

/// `__getnewargs__` of the immutable builtins: a plain copy of the value,
/// so that a subclass instance is rebuilt by `cls.__new__(cls, value)`.
fn plain_value(vm: &Vm, o: &PyRef) -> Option<PyRef> {
    Some(match o.kind() {
        Kind::Int => vm.bigint(int::to_bigint(o)),
        Kind::Float => vm.float(float::get(o)?),
        Kind::Str => vm.str(str::as_str(o)),
        Kind::Bytes => vm.bytes(bytes::get(o)?.to_vec()),
        Kind::Tuple => vm.tuple(tuple::items(o).to_vec()),
        _ => return None,
    })
}

fn getnewargs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let name = a.first().map(|o| vm.type_name(o)).unwrap_or_default();
    methods::noargs(vm, &name, "__getnewargs__", a, k)?;
    let o = &a[0];
    if let Some((re, im)) = complex::get(o) {
        return Ok(vm.tuple([vm.float(re), vm.float(im)]));
    }
    match plain_value(vm, o) {
        Some(v) => Ok(vm.tuple([v])),
        None => Err(vm.type_error("__getnewargs__ requires an immutable builtin value")),
    }
}

pub fn init(vm: &Vm) {
    for ty in [&vm.types.int, &vm.types.float, &vm.types.str_, &vm.types.bytes, &vm.types.tuple, &vm.types.complex] {
        typeobj::add_method(vm, ty, "__getnewargs__", getnewargs);
    }
    let o = &vm.types.object;
    typeobj::add_method(vm, o, "__init__", obj_init);
    typeobj::add_staticmethod(vm, o, "__new__", obj_new_method);
    typeobj::add_method(vm, o, "__repr__", obj_repr);
    typeobj::add_method(vm, o, "__str__", obj_str);
    typeobj::add_method(vm, o, "__eq__", obj_eq);
    typeobj::add_method(vm, o, "__ne__", obj_ne);
    typeobj::add_method(vm, o, "__lt__", obj_cmp_ni);
    typeobj::add_method(vm, o, "__le__", obj_cmp_ni);
    typeobj::add_method(vm, o, "__gt__", obj_cmp_ni);
    typeobj::add_method(vm, o, "__ge__", obj_cmp_ni);
    typeobj::add_method(vm, o, "__hash__", obj_hash);
    typeobj::add_method(vm, o, "__getattribute__", obj_getattribute);
    typeobj::add_method(vm, o, "__setattr__", obj_setattr);
    typeobj::add_method(vm, o, "__delattr__", obj_delattr);
    typeobj::add_classmethod(vm, o, "__init_subclass__", obj_init_subclass);
    typeobj::add_classmethod(vm, o, "__subclasshook__", obj_subclasshook);
    typeobj::add_method(vm, o, "__format__", obj_format);
    typeobj::add_method(vm, o, "__dir__", obj_dir);
    typeobj::add_method(vm, o, "__sizeof__", obj_sizeof);
    typeobj::add_method(vm, o, "__reduce_ex__", obj_reduce_ex);
    typeobj::add_method(vm, o, "__reduce__", obj_reduce);
    typeobj::add_method(vm, o, "__getstate__", obj_getstate);
}
