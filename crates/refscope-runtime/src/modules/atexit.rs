//! `atexit`: functions run at interpreter shutdown, last registered first,
//! before the modules are torn down (CPython runs them at the start of
//! `Py_FinalizeEx`). An exception in one is reported as "Exception ignored
//! in atexit callback" and the next one runs.

use crate::object::PyRef;
use crate::ops;
use crate::types::*;
use crate::vm::{NativeFn, PyResult, Vm};
use std::cell::RefCell;

struct Callback {
    func: PyRef,
    args: Vec<PyRef>,
    /// Keyword names (a tuple) with their values appended to `args`.
    kwnames: Option<PyRef>,
}

thread_local! {
    static CALLBACKS: RefCell<Vec<Callback>> = const { RefCell::new(Vec::new()) };
}

fn a_register(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if a.is_empty() || a.len() == k.map_or(0, |k| tuple::items(k).len()) {
        return Err(vm.type_error("register() takes at least 1 argument (0 given)"));
    }
    let func = a[0].clone();
    if !ops::is_callable(vm, &func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let kwnames = k.filter(|k| !tuple::items(k).is_empty()).cloned();
    CALLBACKS.with(|c| c.borrow_mut().push(Callback { func: func.clone(), args: a[1..].to_vec(), kwnames }));
    Ok(func)
}

fn a_unregister(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    if a.len() != 1 {
        return Err(vm.type_error(format!("atexit.unregister() takes exactly one argument ({} given)", a.len())));
    }
    // Compare with ==, as CPython does; the equality test may run code, so
    // the list is not borrowed meanwhile.
    let funcs: Vec<PyRef> = CALLBACKS.with(|c| c.borrow().iter().map(|cb| cb.func.clone()).collect());
    let mut keep = Vec::with_capacity(funcs.len());
    for f in &funcs {
        keep.push(!ops::eq(vm, f, &a[0])?);
    }
    let removed: Vec<Callback> = CALLBACKS.with(|c| {
        let mut c = c.borrow_mut();
        let all = std::mem::take(&mut *c);
        let mut removed = Vec::new();
        for (i, cb) in all.into_iter().enumerate() {
            if keep.get(i).copied().unwrap_or(true) {
                c.push(cb);
            } else {
                removed.push(cb);
            }
        }
        removed
    });
    drop(removed);
    Ok(vm.none())
}

/// Run (and forget) every registered function, last registered first.
pub fn run_exitfuncs(vm: &Vm) {
    loop {
        let Some(cb) = CALLBACKS.with(|c| c.borrow_mut().pop()) else { break };
        if let Err(e) = ops::call(vm, &cb.func, &cb.args, cb.kwnames.as_ref()) {
            if !typeobj::isinstance(&e.0, &vm.exc.system_exit) {
                let what = ops::repr_string(vm, &cb.func).unwrap_or_default();
                let s = format!("Exception ignored in atexit callback: {}\n{}", what, crate::traceback_print::format_exception(vm, &e.0));
                crate::modules::sys::write_stderr(vm, &s);
            }
        }
    }
}

fn a_run_exitfuncs(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    run_exitfuncs(vm);
    Ok(vm.none())
}

fn a_clear(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let all = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(all);
    Ok(vm.none())
}

fn a_ncallbacks(vm: &Vm, _a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    Ok(vm.int(CALLBACKS.with(|c| c.borrow().len()) as i64))
}

/// Create the `atexit` module (on its first import).
pub fn make_module(vm: &Vm) -> PyRef {
    let m = crate::import::new_module(vm, "atexit");
    let d = module::get(&m).unwrap().dict.clone();
    let funcs: [(&'static str, NativeFn); 5] =
        [("register", a_register), ("unregister", a_unregister), ("_run_exitfuncs", a_run_exitfuncs), ("_clear", a_clear), ("_ncallbacks", a_ncallbacks)];
    for (name, f) in funcs {
        let b = builtin_function::new_builtin(vm, name, f, Some(m.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b);
    }
    m
}
