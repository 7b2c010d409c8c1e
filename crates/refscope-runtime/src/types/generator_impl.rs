//! Generators: resuming the saved frame, send/throw/close, and closing an
//! unfinished generator when it is freed.

use crate::interp::{self, ExecState, Exit};
use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::{Cell, RefCell};

pub fn new_generator(vm: &Vm, frame: PyRef) -> PyRef {
    let fd = frame::get(&frame).unwrap();
    let cd = code::get(&fd.code).unwrap();
    let name = vm.str(&cd.code.name);
    let qualname = vm.str(&cd.code.qualname);
    let max_stack = cd.code.max_stack as usize;
    // The frame outlives calls now: the collector must see it.
    crate::object::gc::track(&frame);
    PyRef::new(
        &vm.types.generator,
        generator::GeneratorData {
            frame,
            state: RefCell::new(Some(ExecState::new(max_stack))),
            running: Cell::new(false),
            started: Cell::new(false),
            finished: Cell::new(false),
            name: RefCell::new(name),
            qualname: RefCell::new(qualname),
            yieldfrom: RefCell::new(None),
            exc_state: RefCell::new(None),
        },
    )
}

/// Resume: `Ok(Ok(yielded))`, `Ok(Err(returned))` or an exception.
pub fn resume(vm: &Vm, gen: &PyRef, value: Option<PyRef>, throw: Option<PyErr>) -> PyResult<Result<PyRef, PyRef>> {
    let g = generator::get(gen).unwrap();
    if g.running.get() {
        return Err(vm.value_error("generator already executing"));
    }
    if g.finished.get() {
        if let Some(e) = throw {
            return Err(e);
        }
        return Ok(Err(vm.none()));
    }
    let mut state = match g.state.borrow_mut().take() {
        Some(s) => s,
        None => return Ok(Err(vm.none())),
    };
    if g.started.get() {
        if throw.is_none() {
            state.stack.push(value.unwrap_or_else(|| vm.none()));
        }
    } else {
        if let Some(v) = &value {
            if !v.is(&vm.none) && throw.is_none() {
                *g.state.borrow_mut() = Some(state);
                return Err(vm.type_error("can't send non-None value to a just-started generator"));
            }
        }
        g.started.set(true);
    }
    g.running.set(true);
    // The generator's own exception state becomes the innermost entry; its
    // caller's waits outside (sys.exc_info() falls back to it).
    let outer = vm.handled.replace(g.exc_state.borrow_mut().take());
    vm.handled_outer.borrow_mut().push(outer);
    let r = interp::run_frame(vm, &g.frame, &mut state, throw);
    let outer = vm.handled_outer.borrow_mut().pop().flatten();
    let own = vm.handled.replace(outer);
    g.running.set(false);
    if let Ok(Exit::Yield(_)) = &r {
        *g.exc_state.borrow_mut() = own;
    } else {
        drop(own);
    }
    match r {
        Ok(Exit::Yield(v)) => {
            *g.state.borrow_mut() = Some(state);
            Ok(Ok(v))
        }
        Ok(Exit::Return(v)) => {
            finish(g);
            Ok(Err(v))
        }
        Err(e) => {
            finish(g);
            // StopIteration raised inside a generator becomes RuntimeError.
            if crate::types::typeobj::isinstance(&e.0, &vm.exc.stop_iteration) {
                let re = vm.runtime_error("generator raised StopIteration");
                if let Some(d) = exceptions::get(&re.0) {
                    let old = d.cause.replace(Some(e.0.clone()));
                    drop(old);
                    let old = d.context.replace(Some(e.0));
                    drop(old);
                    d.suppress_context.set(true);
                }
                return Err(re);
            }
            Err(e)
        }
    }
}

fn finish(g: &generator::GeneratorData) {
    g.finished.set(true);
    let old = g.exc_state.borrow_mut().take();
    drop(old);
    let frame_locals_release = frame::get(&g.frame).unwrap();
    frame_locals_release.clear_locals();
}

/// next(gen): `None` when it returns.
pub fn next(vm: &Vm, gen: &PyRef) -> PyResult<Option<PyRef>> {
    match resume(vm, gen, None, None)? {
        Ok(v) => Ok(Some(v)),
        Err(_) => Ok(None),
    }
}

/// gen.send(v): StopIteration(value) when it returns.
pub fn send(vm: &Vm, gen: &PyRef, v: PyRef) -> PyResult {
    match resume(vm, gen, Some(v), None)? {
        Ok(y) => Ok(y),
        Err(r) => Err(stop_iteration_with(vm, r)),
    }
}

pub fn stop_iteration_with(vm: &Vm, r: PyRef) -> PyErr {
    if r.is(&vm.none) {
        vm.stop_iteration(None)
    } else {
        vm.stop_iteration(Some(r))
    }
}

/// For `yield from`: send `v` to a sub-iterator. `Ok(Ok(y))` yielded,
/// `Ok(Err(r))` returned r.
pub fn send_to(vm: &Vm, sub: &PyRef, v: PyRef) -> PyResult<Result<PyRef, PyRef>> {
    if sub.kind() == Kind::Generator {
        return resume(vm, sub, Some(v), None);
    }
    let r = if v.is(&vm.none) {
        match ops::next(vm, sub) {
            Ok(Some(y)) => return Ok(Ok(y)),
            Ok(None) => return Ok(Err(vm.none())),
            Err(e) => Err(e),
        }
    } else {
        let m = ops::get_attr_str(vm, sub, "send")?;
        ops::call1(vm, &m, v)
    };
    match r {
        Ok(y) => Ok(Ok(y)),
        Err(e) if crate::types::typeobj::isinstance(&e.0, &vm.exc.stop_iteration) => {
            let val = ops::get_attr_str(vm, &e.0, "value").unwrap_or_else(|_| vm.none());
            Ok(Err(val))
        }
        Err(e) => Err(e),
    }
}

pub fn throw(vm: &Vm, gen: &PyRef, exc: PyErr) -> PyResult {
    match resume(vm, gen, None, Some(exc))? {
        Ok(y) => Ok(y),
        Err(r) => Err(stop_iteration_with(vm, r)),
    }
}

/// gen.close(): throw GeneratorExit; fine if it exits, error if it yields.
pub fn close(vm: &Vm, gen: &PyRef) -> PyResult<()> {
    let g = generator::get(gen).unwrap();
    if g.finished.get() || !g.started.get() {
        if !g.started.get() {
            g.finished.set(true);
            frame::get(&g.frame).unwrap().clear_locals();
        }
        return Ok(());
    }
    let exc = vm.new_exception_empty(&vm.exc.generator_exit);
    match resume(vm, gen, None, Some(exc)) {
        Ok(Ok(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
        Ok(Err(_)) => Ok(()),
        Err(e) => {
            if crate::types::typeobj::isinstance(&e.0, &vm.exc.generator_exit) || crate::types::typeobj::isinstance(&e.0, &vm.exc.stop_iteration) {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}
