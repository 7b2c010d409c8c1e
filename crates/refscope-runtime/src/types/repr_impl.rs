//! repr() of the builtin types, with CPython's recursion markers (`[...]`,
//! `{...}`) for containers that contain themselves.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj::{self, tflags};
use crate::types::*;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

thread_local! {
    static REPR_STACK: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    static REPR_LIST_MADE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `f` unless `obj` is already being repr'd further up (then `None`).
pub(crate) fn guarded(obj: &PyRef, f: impl FnOnce() -> PyResult<String>) -> PyResult<Option<String>> {
    if !REPR_LIST_MADE.with(|m| m.replace(true)) {
        // CPython's first Py_ReprEnter makes the thread state's dict and
        // the list of objects being repr'd in it, kept for good.
        let _ = crate::object::gc::Transient::dict();
        let _ = crate::object::gc::Transient::list();
    }
    let id = obj.id();
    if REPR_STACK.with(|s| s.borrow().contains(&id)) {
        return Ok(None);
    }
    REPR_STACK.with(|s| s.borrow_mut().push(id));
    let r = f();
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(p) = s.iter().rposition(|x| *x == id) {
            s.remove(p);
        }
    });
    r.map(Some)
}

fn join_reprs(vm: &Vm, items: &[PyRef]) -> PyResult<String> {
    let mut out = String::new();
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&ops::repr_string(vm, x)?);
    }
    Ok(out)
}

pub fn type_repr(t: &PyRef) -> String {
    let td = typeobj::data(t);
    let module = td.module.borrow().clone();
    match module {
        Some(m) if m != "builtins" => format!("<class '{}.{}'>", m, td.qualname.borrow()),
        _ => format!("<class '{}'>", td.qualname.borrow()),
    }
}

/// repr for builtin types; `None` to use `__repr__` lookup.
pub fn builtin_repr(vm: &Vm, obj: &PyRef) -> PyResult<Option<PyRef>> {
    let s: String = match obj.kind() {
        Kind::Str => str::repr(str::as_str(obj)),
        Kind::Int => {
            if obj.ty().is(&vm.types.bool_) {
                if int::get(obj).unwrap().is_zero() { "False".into() } else { "True".into() }
            } else {
                int::repr_checked(vm, int::get(obj).unwrap())?
            }
        }
        Kind::Float => float::repr(float::get(obj).unwrap()),
        Kind::Complex => {
            let (r, i) = complex::get(obj).unwrap();
            complex::repr(r, i)
        }
        Kind::Bytes => bytes::repr(bytes::get(obj).unwrap()),
        Kind::ByteArray => bytearray::repr(&bytearray::get(obj).unwrap().b.borrow()),
        Kind::List => {
            // The length is re-read at each step: an item's __repr__ may
            // change the list (as CPython's list_repr allows).
            let l = list::get(obj).unwrap();
            if l.len() == 0 {
                return Ok(Some(vm.str("[]")));
            }
            match guarded(obj, || {
                let mut out = String::from("[");
                let mut i = 0;
                while let Some(x) = l.get(i) {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&ops::repr_string(vm, &x)?);
                    i += 1;
                }
                out.push(']');
                Ok(out)
            })? {
                Some(s) => s,
                None => "[...]".into(),
            }
        }
        Kind::Tuple => {
            let items = tuple::items(obj).to_vec();
            if items.is_empty() {
                return Ok(Some(vm.str("()")));
            }
            match guarded(obj, || {
                Ok(if items.len() == 1 { format!("({},)", join_reprs(vm, &items)?) } else { format!("({})", join_reprs(vm, &items)?) })
            })? {
                Some(s) => s,
                None => "(...)".into(),
            }
        }
        Kind::Dict => {
            let items = dict::get(obj).unwrap().items();
            match guarded(obj, || {
                let mut out = String::from("{");
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&ops::repr_string(vm, k)?);
                    out.push_str(": ");
                    out.push_str(&ops::repr_string(vm, v)?);
                }
                out.push('}');
                Ok(out)
            })? {
                Some(s) => s,
                None => "{...}".into(),
            }
        }
        Kind::Set => {
            let items = set::get(obj).unwrap().items();
            let frozen = obj.ty().is(&vm.types.frozenset);
            let name = if frozen { "frozenset" } else { "set" };
            if items.is_empty() {
                return Ok(Some(vm.str(&format!("{}()", name))));
            }
            match guarded(obj, || {
                // CPython's set repr is the repr of a list of the items.
                let keys = crate::object::gc::Transient::list();
                let inner = join_reprs(vm, &items);
                keys.free();
                let inner = inner?;
                Ok(if frozen { format!("frozenset({{{}}})", inner) } else { format!("{{{}}}", inner) })
            })? {
                Some(s) => s,
                None => format!("{}(...)", name),
            }
        }
        Kind::Range => {
            let r = range::get(obj).unwrap();
            let step_one = int::as_i64(&r.step) == Some(1);
            if step_one {
                format!("range({}, {})", ops::repr_string(vm, &r.start)?, ops::repr_string(vm, &r.stop)?)
            } else {
                format!("range({}, {}, {})", ops::repr_string(vm, &r.start)?, ops::repr_string(vm, &r.stop)?, ops::repr_string(vm, &r.step)?)
            }
        }
        Kind::Slice => {
            let s = slice::get(obj).unwrap();
            format!("slice({}, {}, {})", ops::repr_string(vm, &s.start)?, ops::repr_string(vm, &s.stop)?, ops::repr_string(vm, &s.step)?)
        }
        Kind::Type => type_repr(obj),
        Kind::Function => format!("<function {} at {:#x}>", str::as_str(&function::get(obj).unwrap().qualname.borrow()), obj.id()),
        Kind::BuiltinFunction => {
            let d = builtin_function::get(obj).unwrap();
            let slot = obj.ty().is(&vm.types.wrapper_descriptor) || obj.ty().is(&vm.types.method_wrapper);
            match (&d.self_, d.is_module_function, &d.objclass) {
                (Some(s), false, _) if slot => format!("<method-wrapper '{}' of {} object at {:#x}>", d.name, typeobj::tp_name(s.ty()), s.id()),
                (Some(s), false, _) => format!("<built-in method {} of {} object at {:#x}>", d.name, typeobj::tp_name(s.ty()), s.id()),
                (None, false, Some(c)) if slot => format!("<slot wrapper '{}' of '{}' objects>", d.name, typeobj::tp_name(c)),
                (None, false, Some(c)) => format!("<method '{}' of '{}' objects>", d.name, typeobj::tp_name(c)),
                _ => format!("<built-in function {}>", d.name),
            }
        }
        Kind::Method => {
            let m = method::get(obj).unwrap();
            let fname = match m.func.kind() {
                Kind::Function => str::as_str(&function::get(&m.func).unwrap().qualname.borrow()).to_string(),
                _ => ops::get_attr_str(vm, &m.func, "__qualname__").ok().map(|q| ops::str_string(vm, &q).unwrap_or_default()).unwrap_or_else(|| "?".into()),
            };
            format!("<bound method {} of {}>", fname, ops::repr_string(vm, &m.self_)?)
        }
        Kind::Module => {
            let name = ops::module_name(vm, obj);
            let d = &module::get(obj).unwrap().dict;
            match dict::get_str_key(d, &vm.intern("__file__")) {
                Some(f) if f.kind() == Kind::Str => format!("<module '{}' from '{}'>", name, str::as_str(&f)),
                _ if module::get(obj).unwrap().builtin => format!("<module '{}' (built-in)>", name),
                _ => format!("<module '{}'>", name),
            }
        }
        Kind::Cell => {
            let c = cell::get_cell(obj);
            match c.get() {
                Some(v) => format!("<cell at {:#x}: {} object at {:#x}>", obj.id(), vm.type_name(&v), v.id()),
                None => format!("<cell at {:#x}: empty>", obj.id()),
            }
        }
        Kind::Code => {
            let c = &code::get(obj).unwrap().code;
            format!("<code object {} at {:#x}, file \"{}\", line {}>", c.name, obj.id(), c.filename, c.first_line)
        }
        Kind::Frame => {
            let f = frame::get(obj).unwrap();
            let c = &code::get(&f.code).unwrap().code;
            format!("<frame at {:#x}, file '{}', line {}, code {}>", obj.id(), c.filename, c.line_of(f.lasti.get() as usize), c.name)
        }
        Kind::Generator => {
            let g = generator::get(obj).unwrap();
            format!("<generator object {} at {:#x}>", str::as_str(&g.qualname.borrow()), obj.id())
        }
        Kind::Exception => exception_repr(vm, obj)?,
        Kind::MappingProxy | Kind::MemoryView | Kind::ManagedBuffer | Kind::Union | Kind::Namespace => return Ok(None),
        Kind::Object => {
            if obj.is(&vm.none) {
                "None".into()
            } else if obj.is(&vm.ellipsis) {
                "Ellipsis".into()
            } else if obj.is(&vm.not_implemented) {
                "NotImplemented".into()
            } else {
                return Ok(None);
            }
        }
        Kind::DictView => {
            let v = obj.payload::<dict::DictViewData>().unwrap();
            let d = dict::get(&v.dict).unwrap();
            let name = vm.type_name(obj);
            let items: Vec<PyRef> = if obj.ty().is(&vm.types.dict_keys) {
                d.keys()
            } else if obj.ty().is(&vm.types.dict_values) {
                d.values()
            } else {
                d.items().into_iter().map(|(k, v)| vm.tuple([k, v])).collect()
            };
            match guarded(obj, || Ok(format!("{}([{}])", name, join_reprs(vm, &items)?)))? {
                Some(s) => s,
                None => "...".into(),
            }
        }
        Kind::Property | Kind::ClassMethod | Kind::StaticMethod | Kind::Iterator | Kind::Traceback | Kind::File | Kind::Weakref => {
            return Ok(None)
        }
        Kind::Descriptor => {
            let d = descriptor::get(obj).unwrap();
            let what = if obj.ty().is(&vm.types.member_descriptor) { "member" } else { "attribute" };
            format!("<{} '{}' of '{}' objects>", what, str::as_str(&d.name), typeobj::tp_name(&d.objclass))
        }
        Kind::Super => {
            let s = super_::get(obj).unwrap();
            match &s.obj_type {
                Some(t) => format!("<super: <class '{}'>, <{} object>>", typeobj::type_name(&s.thisclass), typeobj::type_name(t)),
                None => format!("<super: <class '{}'>, NULL>", typeobj::type_name(&s.thisclass)),
            }
        }
    };
    Ok(Some(vm.str_fresh(s)))
}

/// object.__repr__: `<module.Class object at 0x...>`.
pub fn default_repr(vm: &Vm, obj: &PyRef) -> String {
    let t = obj.ty();
    let td = typeobj::data(t);
    let module = td.module.borrow().clone();
    let _ = vm;
    match module {
        Some(m) if m != "builtins" => format!("<{}.{} object at {:#x}>", m, td.qualname.borrow(), obj.id()),
        _ => format!("<{} object at {:#x}>", td.qualname.borrow(), obj.id()),
    }
}

fn exception_repr(vm: &Vm, obj: &PyRef) -> PyResult<String> {
    let e = exceptions::get(obj).unwrap();
    let args = e.args.borrow().clone();
    let items = tuple::items(&args);
    let name = vm.type_name(obj);
    Ok(if items.len() == 1 {
        format!("{}({})", name, ops::repr_string(vm, &items[0])?)
    } else {
        format!("{}{}", name, ops::repr_string(vm, &args)?)
    })
}

/// BaseException.__str__.
pub fn exception_str(vm: &Vm, obj: &PyRef) -> PyResult<PyRef> {
    if typeobj::data(obj.ty()).flag(tflags::HEAPTYPE) {
        if let Some(r) = ops::call_special(vm, obj, "__str__", &[])? {
            return Ok(r);
        }
    }
    exception_str_base(vm, obj)
}

pub fn exception_str_base(vm: &Vm, obj: &PyRef) -> PyResult<PyRef> {
    let e = exceptions::get(obj).unwrap();
    let args = e.args.borrow().clone();
    let items = tuple::items(&args);
    // KeyError shows the repr of its single argument.
    if typeobj::isinstance(obj, &vm.exc.key_error) && items.len() == 1 {
        return ops::repr(vm, &items[0]);
    }
    match items.len() {
        0 => Ok(vm.empty_str.clone()),
        1 => ops::str_(vm, &items[0]),
        _ => ops::str_(vm, &args),
    }
}
