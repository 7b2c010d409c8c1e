//! Computed attributes of builtin objects that CPython exposes through
//! getset descriptors: `__class__`, `__name__`, `__mro__`, `__dict__` of a
//! class, function, code, frame and traceback attributes.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;


/// Attributes of types not stored in their namespace.
pub fn special_attr(vm: &Vm, cls: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
    let td = typeobj::data(cls);
    Ok(Some(match name {
        "__name__" => vm.str(&td.name.borrow()),
        "__qualname__" => vm.str(&td.qualname.borrow()),
        "__mro__" => td.mro.borrow().clone(),
        "__bases__" => td.bases.borrow().clone(),
        "__base__" => td.base.borrow().clone().unwrap_or_else(|| vm.none()),
        "__dict__" => crate::types::mappingproxy::new(vm, td.dict.clone()),
        "__module__" => match &*td.module.borrow() {
            Some(m) => vm.str(m),
            None => vm.str("builtins"),
        },
        "__doc__" => vm.none(),
        "__class__" => cls.ty().clone(),
        "__basicsize__" => vm.int(crate::types::sizeof::tp_basicsize(vm, cls) as i64),
        "__itemsize__" => vm.int(crate::types::sizeof::tp_itemsize(cls) as i64),
        _ => return Ok(None),
    }))
}

/// Attributes of instances of builtin types.
pub fn builtin_attr(vm: &Vm, obj: &PyRef, name: &str) -> PyResult<Option<PyRef>> {
    if name == "__class__" {
        return Ok(Some(obj.ty().clone()));
    }
    if name == "__dict__" {
        if let Some(d) = ops::instance_dict(vm, obj, true) {
            crate::object::gc::materialize_dict(&d);
            return Ok(Some(d));
        }
    }
    Ok(match obj.kind() {
        Kind::Function => {
            let f = function::get(obj).unwrap();
            match name {
                "__name__" => Some(f.name.borrow().clone()),
                "__qualname__" => Some(f.qualname.borrow().clone()),
                "__doc__" => Some(f.doc.borrow().clone()),
                "__module__" => Some(f.module.borrow().clone()),
                "__defaults__" => Some(f.defaults.borrow().clone().unwrap_or_else(|| vm.none())),
                "__kwdefaults__" => Some(f.kwdefaults.borrow().clone().unwrap_or_else(|| vm.none())),
                "__globals__" => Some(f.globals.clone()),
                "__closure__" => Some(f.closure.clone().unwrap_or_else(|| vm.none())),
                "__code__" => Some(f.code.borrow().clone()),
                "__annotations__" => {
                    let a = f.annotations.borrow().clone();
                    Some(match a {
                        Some(a) => a,
                        None => {
                            let d = vm.dict();
                            *f.annotations.borrow_mut() = Some(d.clone());
                            d
                        }
                    })
                }
                _ => None,
            }
        }
        Kind::Method => {
            let m = method::get(obj).unwrap();
            match name {
                "__func__" => Some(m.func.clone()),
                "__self__" => Some(m.self_.clone()),
                _ => ops::get_attr_opt(vm, &m.func, &vm.intern(name))?,
            }
        }
        Kind::BuiltinFunction => {
            let b = builtin_function::get(obj).unwrap();
            match name {
                "__name__" => Some(vm.str(b.name)),
                "__qualname__" => Some(match &b.objclass {
                    Some(c) => vm.str_owned(format!("{}.{}", typeobj::type_name(c), b.name)),
                    None => vm.str(b.name),
                }),
                "__self__" => Some(b.self_.clone().unwrap_or_else(|| vm.none())),
                // method and slot wrapper descriptors, and method-wrappers
                "__objclass__" if b.self_.is_none() || obj.ty().is(&vm.types.method_wrapper) => b.objclass.clone(),
                "__doc__" => Some(vm.none()),
                // A module's function names its module (CPython keeps the
                // name the module had when the function was made; this reads
                // the module's current __name__); a bound method has None;
                // method descriptors and method-wrappers have no __module__.
                "__module__" => match (&b.self_, b.is_module_function) {
                    (Some(m), true) => Some(match crate::types::module::get(m) {
                        Some(md) => crate::types::dict::get_str_key(&md.dict, &vm.intern("__name__")).unwrap_or_else(|| vm.none()),
                        None => vm.none(),
                    }),
                    // (a bound slot wrapper is a method-wrapper: none)
                    (Some(_), false) if !builtin_function::is_slot_wrapper(vm, obj) => Some(vm.none()),
                    (Some(_), false) => None,
                    (None, _) => None,
                },
                _ => None,
            }
        }
        Kind::Exception => {
            let e = exceptions::get(obj).unwrap();
            match name {
                "args" => Some(e.args.borrow().clone()),
                "__traceback__" => Some(e.traceback.borrow().clone().unwrap_or_else(|| vm.none())),
                "__cause__" => Some(e.cause.borrow().clone().unwrap_or_else(|| vm.none())),
                "__context__" => Some(e.context.borrow().clone().unwrap_or_else(|| vm.none())),
                "__suppress_context__" => Some(vm.bool(e.suppress_context.get())),
                _ => None,
            }
        }
        Kind::Int => match name {
            "real" | "numerator" => Some(vm.bigint(int::to_bigint(obj))),
            "imag" => Some(vm.int(0)),
            "denominator" => Some(vm.int(1)),
            _ => None,
        },
        Kind::Float => match name {
            "real" => Some(vm.float(float::get(obj).unwrap())),
            "imag" => Some(vm.float(0.0)),
            _ => None,
        },
        Kind::Complex => {
            let (r, i) = complex::get(obj).unwrap();
            match name {
                "real" => Some(vm.float(r)),
                "imag" => Some(vm.float(i)),
                _ => None,
            }
        }
        Kind::Range => {
            let r = range::get(obj).unwrap();
            match name {
                "start" => Some(r.start.clone()),
                "stop" => Some(r.stop.clone()),
                "step" => Some(r.step.clone()),
                _ => None,
            }
        }
        Kind::Slice => {
            let s = slice::get(obj).unwrap();
            match name {
                "start" => Some(s.start.clone()),
                "stop" => Some(s.stop.clone()),
                "step" => Some(s.step.clone()),
                _ => None,
            }
        }
        Kind::Property => {
            let p = property::get(obj).unwrap();
            let g = |c: &RefCell<Option<PyRef>>| c.borrow().clone().unwrap_or_else(|| vm.none());
            match name {
                "fget" => Some(g(&p.fget)),
                "fset" => Some(g(&p.fset)),
                "fdel" => Some(g(&p.fdel)),
                "__doc__" => Some(g(&p.doc)),
                _ => None,
            }
        }
        Kind::ClassMethod | Kind::StaticMethod => match name {
            "__func__" | "__wrapped__" => Some(match obj.kind() {
                Kind::ClassMethod => obj.payload_unchecked::<classmethod::ClassMethodData>().func(),
                _ => obj.payload_unchecked::<staticmethod::StaticMethodData>().func(),
            }),
            _ => None,
        },
        Kind::Cell => match name {
            "cell_contents" => match cell::get_cell(obj).get() {
                Some(v) => Some(v),
                None => return Err(vm.new_exception(&vm.exc.name_error, "cell is empty".into())),
            },
            _ => None,
        },
        Kind::Generator => {
            let g = generator::get(obj).unwrap();
            match name {
                "__name__" => Some(g.name.borrow().clone()),
                "__qualname__" => Some(g.qualname.borrow().clone()),
                "gi_frame" => Some(if g.finished.get() {
                    vm.none()
                } else {
                    crate::object::gc::materialize_frame(&g.frame);
                    g.frame.clone()
                }),
                "gi_running" => Some(vm.bool(g.running.get())),
                "gi_suspended" => Some(vm.bool(crate::types::generator_impl::is_suspended(g))),
                "gi_yieldfrom" => Some(crate::types::generator_impl::yielding_from(g).unwrap_or_else(|| vm.none())),
                "gi_code" => Some(frame::get(&g.frame).unwrap().code.clone()),
                _ => None,
            }
        }
        Kind::Frame => {
            let f = frame::get(obj).unwrap();
            match name {
                "f_code" => Some(f.code.clone()),
                "f_globals" => Some(f.globals().clone()),
                "f_lineno" => {
                    let cd = code::get(&f.code).unwrap();
                    Some(vm.int(cd.code.line_of(f.lasti.get() as usize) as i64))
                }
                "f_back" => Some(match crate::interp::frame_back(vm, obj) {
                    Some(b) => {
                        crate::object::gc::materialize_frame(&b);
                        b
                    }
                    None => vm.none(),
                }),
                "f_locals" => Some(crate::builtins::frame_locals(vm, obj)?),
                _ => None,
            }
        }
        Kind::Code => {
            let c = code::get(obj).unwrap();
            match name {
                // The interned name, the object the code's functions are
                // named by (CPython's `co_name` is their `__name__`).
                "co_name" => Some(vm.intern(&c.code.name)),
                "co_qualname" => Some(c.qualname.clone()),
                "co_filename" => Some(vm.str(&c.code.filename)),
                "co_firstlineno" => Some(vm.int(c.code.first_line as i64)),
                "co_argcount" => Some(vm.int(c.code.argcount as i64)),
                "co_consts" => Some(vm.tuple(c.consts.clone())),
                "co_varnames" => Some(vm.tuple(c.code.varnames.iter().map(|v| vm.intern(v)).collect::<Vec<_>>())),
                "co_freevars" => Some(vm.tuple(c.code.freevars.iter().map(|v| vm.intern(v)).collect::<Vec<_>>())),
                "co_cellvars" => Some(vm.tuple(c.code.cellvars.iter().map(|v| vm.intern(v)).collect::<Vec<_>>())),
                "co_names" => Some(vm.tuple(c.names.clone())),
                "co_posonlyargcount" => Some(vm.int(c.code.posonlyargcount as i64)),
                "co_kwonlyargcount" => Some(vm.int(c.code.kwonlyargcount as i64)),
                "co_flags" => Some(vm.int(c.code.flags as i64)),
                "co_nlocals" => Some(vm.int(c.code.varnames.len() as i64)),
                "co_stacksize" => Some(vm.int(c.code.cpython_stacksize as i64)),
                _ => None,
            }
        }
        Kind::Traceback => {
            let t = traceback::get(obj).unwrap();
            match name {
                "tb_next" => Some(t.next.clone().unwrap_or_else(|| vm.none())),
                "tb_frame" => Some(t.frame.clone()),
                "tb_lineno" => Some(vm.int(t.lineno as i64)),
                "tb_lasti" => Some(vm.int(t.lasti as i64 * 2)),
                _ => None,
            }
        }
        Kind::Module => match name {
            "__dict__" => Some(module::get(obj).unwrap().dict.clone()),
            _ => None,
        },
        _ => None,
    })
}
