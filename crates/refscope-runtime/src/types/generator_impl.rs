//! Generators: resuming the saved frame, send/throw/close, and closing an
//! unfinished generator when it is freed.

use crate::interp::{self, ExecState, Exit};
use crate::types::typeobj;
use refscope_compiler::bytecode::Instr;
use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyErr, PyResult, Vm};
use std::cell::{Cell, RefCell};

pub fn new_generator(vm: &Vm, frame: PyRef) -> PyRef {
    let fd = frame::get(&frame).unwrap();
    let cd = code::get(&fd.code).unwrap();
    // The function's own name objects, as CPython's generator takes them
    // (each live generator holds a reference to them); a frame without a
    // function has only its code's.
    let (name, qualname) = match fd.func.as_ref().and_then(function::get) {
        Some(f) => (f.name.borrow().clone(), f.qualname.borrow().clone()),
        None => (vm.str(&cd.code.name), vm.str(&cd.code.qualname)),
    };
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

/// `gi_suspended`: stopped at a `yield` (started, not running, not
/// finished), CPython's FRAME_SUSPENDED.
pub fn is_suspended(g: &generator::GeneratorData) -> bool {
    g.started.get() && !g.running.get() && !g.finished.get()
}

/// `gi_yieldfrom`: the iterator a suspended generator is delegating to
/// (stopped at the `yield` of a `yield from`, whose loop is `SEND`,
/// `YIELD_VALUE`, a jump back to the `SEND`; the iterator is then the top
/// of its saved stack).
pub fn yielding_from(g: &generator::GeneratorData) -> Option<PyRef> {
    if !is_suspended(g) {
        return None;
    }
    let code_obj = &frame::get(&g.frame)?.code;
    let instrs = &code::get(code_obj)?.code.instrs;
    let state = g.state.try_borrow().ok()?;
    let state = state.as_ref()?;
    match instrs.get(state.pc) {
        Some(Instr::Jump(t)) if matches!(instrs.get(*t as usize), Some(Instr::Send(_))) => state.stack.last().cloned(),
        _ => None,
    }
}

/// Assigning or deleting a generator's own attributes, with CPython's
/// errors: `__name__` and `__qualname__` take a str; the `gi_` attributes
/// are read-only. `None` when `name` is none of them.
pub fn set_special(vm: &Vm, gen: &PyRef, name: &str, value: Option<PyRef>) -> Option<PyResult<()>> {
    let g = generator::get(gen)?;
    match name {
        "__name__" | "__qualname__" => {
            let Some(v) = value.filter(|v| v.kind() == Kind::Str) else {
                return Some(Err(vm.type_error(format!("{} must be set to a string object", name))));
            };
            let cell = if name == "__name__" { &g.name } else { &g.qualname };
            let old = cell.replace(v);
            drop(old);
            Some(Ok(()))
        }
        "gi_frame" | "gi_running" | "gi_yieldfrom" | "gi_suspended" => {
            Some(Err(vm.new_exception(&vm.exc.attribute_error, format!("attribute '{}' of 'generator' objects is not writable", name))))
        }
        "gi_code" => Some(Err(vm.new_exception(&vm.exc.attribute_error, "readonly attribute".into()))),
        _ => None,
    }
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
    // The saved state stays in place, borrowed while the frame runs (it is
    // not moved out and back for each item): what looks at it meanwhile
    // (the collector's traversal, `delegate`) only tries to borrow it and
    // sees nothing, as it saw nothing when the state was taken out; no one
    // borrows it outright while the generator runs (`running` is checked
    // first).
    let mut slot = g.state.borrow_mut();
    let Some(state) = slot.as_mut() else {
        return Ok(Err(vm.none()));
    };
    if g.started.get() {
        if throw.is_none() {
            state.stack.push(value.unwrap_or_else(|| vm.none()));
        }
    } else {
        if let Some(v) = &value {
            if !v.is(&vm.none) && throw.is_none() {
                return Err(vm.type_error("can't send non-None value to a just-started generator"));
            }
        }
        g.started.set(true);
        crate::finalize::note_code_at_death();
    }
    g.running.set(true);
    // The generator's own exception state becomes the innermost entry; its
    // caller's waits outside (sys.exc_info() falls back to it).
    // (No exception being handled outside, the usual case: nothing to
    // keep there, `Vm::exc_info`'s search skips empty entries anyway.)
    let outer = vm.handled.replace(g.exc_state.borrow_mut().take());
    let kept = outer.is_some();
    if kept {
        vm.handled_outer.borrow_mut().push(outer);
    }
    let r = interp::run_frame(vm, &g.frame, state, throw);
    let outer = if kept { vm.handled_outer.borrow_mut().pop().flatten() } else { None };
    let own = vm.handled.replace(outer);
    g.running.set(false);
    match r {
        Ok(Exit::Yield(v)) => {
            drop(slot);
            let old = g.exc_state.replace(own);
            drop(old);
            Ok(Ok(v))
        }
        Ok(Exit::Return(v)) => {
            let state = slot.take();
            drop(slot);
            drop(own);
            finish(g);
            drop(state);
            Ok(Err(v))
        }
        Err(e) => {
            let state = slot.take();
            drop(slot);
            drop(own);
            finish(g);
            let e = raised(vm, e);
            drop(state);
            Err(e)
        }
    }
}

/// What a generator's caller gets for the exception its frame raised: a
/// StopIteration raised inside a generator becomes RuntimeError. (Out of
/// line: `resume` runs for every item a generator gives.)
#[cold]
#[inline(never)]
fn raised(vm: &Vm, e: PyErr) -> PyErr {
    if crate::types::typeobj::isinstance(&e.0, &vm.exc.stop_iteration) {
        let re = vm.runtime_error("generator raised StopIteration");
        if let Some(d) = exceptions::get(&re.0) {
            let old = d.cause.replace(Some(e.0.clone()));
            drop(old);
            let old = d.context.replace(Some(e.0));
            drop(old);
            d.suppress_context.set(true);
        }
        return re;
    }
    e
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
    match throw_delegating(vm, gen, exc)? {
        Ok(y) => Ok(y),
        Err(r) => Err(stop_iteration_with(vm, r)),
    }
}

/// The iterator a generator suspended in `yield from` delegates to: the top
/// of its stack when it waits at the yield of a yield-from loop (the next
/// instruction jumps back to the loop's `Send`).
fn delegate(gen: &PyRef) -> Option<PyRef> {
    let g = generator::get(gen).unwrap();
    if !g.started.get() || g.finished.get() {
        return None;
    }
    let st = g.state.try_borrow().ok()?;
    let st = st.as_ref()?;
    let fd = frame::get(&g.frame).unwrap();
    let cd = code::get(&fd.code).unwrap();
    match cd.code.instrs.get(st.pc)? {
        Instr::Jump(t) if matches!(cd.code.instrs.get(*t as usize), Some(Instr::Send(_))) => st.stack.last().cloned(),
        _ => None,
    }
}

/// Close the iterator of a `yield from` (a generator's close(), or any
/// iterator's `close` method if it has one).
fn close_delegate(vm: &Vm, yf: &PyRef) -> PyResult<()> {
    if yf.kind() == Kind::Generator {
        return close(vm, yf);
    }
    let name = vm.intern("close");
    let meth = match ops::get_attr_opt(vm, yf, &name) {
        Ok(m) => m,
        Err(e) => {
            let what = ops::repr_string(vm, yf).unwrap_or_default();
            crate::traceback_print::print_unraisable(vm, &e.0, &what);
            None
        }
    };
    if let Some(m) = meth {
        ops::call0(vm, &m)?;
    }
    Ok(())
}

/// throw() into a generator: a generator waiting in `yield from` passes the
/// exception on to its iterator first (closing it for GeneratorExit), and
/// only gets it (or the iterator's result) when the iterator does not
/// handle it.
fn throw_delegating(vm: &Vm, gen: &PyRef, exc: PyErr) -> PyResult<Result<PyRef, PyRef>> {
    let Some(yf) = delegate(gen) else {
        return resume(vm, gen, None, Some(exc));
    };
    let g = generator::get(gen).unwrap();
    if typeobj::isinstance(&exc.0, &vm.exc.generator_exit) {
        g.running.set(true);
        let r = close_delegate(vm, &yf);
        g.running.set(false);
        drop(yf);
        return match r {
            Err(e) => resume(vm, gen, None, Some(e)),
            Ok(()) => resume(vm, gen, None, Some(exc)),
        };
    }
    let r = if yf.kind() == Kind::Generator {
        g.running.set(true);
        let r = throw_delegating(vm, &yf, exc);
        g.running.set(false);
        match r {
            Ok(Ok(y)) => Ok(y),
            Ok(Err(ret)) => Err(stop_iteration_with(vm, ret)),
            Err(e) => Err(e),
        }
    } else {
        let name = vm.intern("throw");
        let meth = match ops::get_attr_opt(vm, &yf, &name) {
            Ok(m) => m,
            Err(e) => {
                drop(yf);
                return resume(vm, gen, None, Some(e));
            }
        };
        let Some(meth) = meth else {
            drop(yf);
            return resume(vm, gen, None, Some(exc));
        };
        let tb = exceptions::get(&exc.0).and_then(|d| d.traceback.borrow().clone()).unwrap_or_else(|| vm.none());
        g.running.set(true);
        let r = ops::call(vm, &meth, &[exc.0.ty().clone(), exc.0.clone(), tb], None);
        g.running.set(false);
        r
    };
    drop(yf);
    match r {
        Ok(y) => Ok(Ok(y)),
        Err(e) => {
            // The iterator is done: leave the yield-from loop as its Send
            // would (pop the iterator, continue after the loop) with its
            // return value, or raise its error there.
            let mut it = None;
            if let Some(st) = g.state.borrow_mut().as_mut() {
                let fd = frame::get(&g.frame).unwrap();
                let cd = code::get(&fd.code).unwrap();
                if let Some(Instr::Jump(t)) = cd.code.instrs.get(st.pc) {
                    if let Some(Instr::Send(end)) = cd.code.instrs.get(*t as usize) {
                        st.pc = *end as usize;
                        it = st.stack.pop();
                    }
                }
            }
            drop(it);
            if typeobj::isinstance(&e.0, &vm.exc.stop_iteration) {
                let val = ops::get_attr_str(vm, &e.0, "value").unwrap_or_else(|_| vm.none());
                resume(vm, gen, Some(val), None)
            } else {
                resume(vm, gen, None, Some(e))
            }
        }
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
    let mut exc = vm.new_exception_empty(&vm.exc.generator_exit);
    if let Some(yf) = delegate(gen) {
        g.running.set(true);
        let r = close_delegate(vm, &yf);
        g.running.set(false);
        drop(yf);
        if let Err(e) = r {
            exc = e;
        }
    }
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
