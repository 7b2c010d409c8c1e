//! The interpreter loop: runs a frame's code until it returns, yields or
//! raises.
//!
//! The value stack and the block stack are the loop's own (`ExecState`);
//! a generator keeps its `ExecState` between resumptions. A call from
//! Python to a Python function runs inlined in the same loop, as CPython
//! 3.11's calls do: the callee's frame is made with its arguments bound
//! (`frame_for_call`; arguments are moved off the caller's stack into the
//! callee's locals, as CPython does), the caller's state is saved
//! (`Caller`), and the loop switches to the callee, whose values go on the
//! same stack above the caller's; its return or exception switches back.
//! Builtins calling back into Python (`call_function_owned`) run a new loop
//! on a spare stack. Builtin callees borrow their arguments from the stack
//! for the call, so `sys.getrefcount` sees the same references CPython's
//! does.
//!
//! Errors: every instruction that can fail breaks out of the dispatch with
//! the exception (`tri!`). The handler search then adds a traceback entry
//! for this frame (unless the instruction was a re-raise), pops blocks until
//! it finds a handler, restores the stack depth the block recorded, pushes
//! the previously handled exception and the new one, and jumps there.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj::{self};
use crate::types::*;
use crate::vm::{PyErr, PyResult, Vm};
use refscope_compiler::bytecode::{make_function, Conversion, Instr};

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub handler: u32,
    pub level: u32,
}

pub struct ExecState {
    pub stack: Vec<PyRef>,
    pub blocks: Vec<Block>,
    pub pc: usize,
}

impl ExecState {
    pub fn new(stack_size: usize) -> ExecState {
        ExecState { stack: Vec::with_capacity(stack_size), blocks: Vec::new(), pc: 0 }
    }
}

pub enum Exit {
    Return(PyRef),
    Yield(PyRef),
}

/// Create a frame for `code` (a code object).
/// The frame runs `func` and reads its namespaces, or runs no function
/// and has its own (`own`: globals, builtins); one of the two is given.
pub fn new_frame(vm: &Vm, code: &PyRef, func: Option<PyRef>, own: Option<(PyRef, PyRef)>, locals: Option<PyRef>) -> PyRef {
    debug_assert!(func.is_some() != own.is_some());
    let cd = code::get(code).unwrap();
    let n = cd.code.nlocalsplus();
    frame_with_locals(vm, code.clone(), func, own, locals, n, std::iter::empty(), cd.code.first_line)
}

#[allow(clippy::too_many_arguments)]
#[inline(always)]
fn frame_with_locals(
    vm: &Vm,
    code: PyRef,
    func: Option<PyRef>,
    own_namespaces: Option<(PyRef, PyRef)>,
    locals: Option<PyRef>,
    nfast: usize,
    fast: impl Iterator<Item = crate::object::RefSlot>,
    first_line: u32,
) -> PyRef {
    PyRef::new_tailed_with(
        &vm.types.frame,
        move || frame::FrameData {
            code,
            func,
            own_namespaces,
            locals,
            locals_dict: crate::object::RefSlot::default(),
            lasti: std::cell::Cell::new(0),
            lineno: std::cell::Cell::new(first_line),
            back: std::cell::RefCell::new(None),
        },
        nfast,
        fast,
    )
}

/// Call a Python function with owned arguments.
pub fn call_function(vm: &Vm, func: &PyRef, args: Vec<PyRef>, kwnames: Option<&PyRef>) -> PyResult {
    call_function_owned(vm, func.clone(), args, kwnames)
}

pub fn call_function_owned(vm: &Vm, func: PyRef, args: Vec<PyRef>, kwnames: Option<&PyRef>) -> PyResult {
    if kwnames.is_none() {
        if let Some(code_obj) = simple_code(&func, args.len()) {
            let n = args.len();
            return call_simple(vm, func, code_obj, n, args.into_iter());
        }
    }
    match frame_for_general_call(vm, func, args.into_iter(), kwnames)? {
        Ok((frame, max_stack)) => run_new_frame(vm, &frame, max_stack),
        Err(generator) => Ok(generator),
    }
}

/// Run a new function frame to its return, with a value stack from the
/// spare ones.
#[inline]
fn run_new_frame(vm: &Vm, frame: &PyRef, max_stack: usize) -> PyResult {
    let mut state = ExecState { stack: vm.take_spare_stack(max_stack), blocks: Vec::new(), pc: 0 };
    let r = run_frame(vm, frame, &mut state, None);
    vm.give_back_stack(state.stack);
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.system_error("yield outside a generator frame")),
    }
}

/// The frame of a call of the Python function `func` with the arguments
/// `stack[start..]` (the last `len(kwnames)` of them by keyword), taken off
/// the stack and bound into its locals, with the value stack depth it needs
/// (for the caller to run it inlined); or the call's result when there is
/// no frame to run (a generator function's call makes the generator).
#[inline(always)]
fn frame_for_call(vm: &Vm, func: PyRef, stack: &mut Vec<PyRef>, start: usize, kwnames: Option<&PyRef>) -> PyResult<Result<(PyRef, usize), PyRef>> {
    let n = stack.len() - start;
    if kwnames.is_none() {
        if let Some(code_obj) = simple_code(&func, n) {
            // The arguments move off the top of the stack, last first.
            return Ok(Ok(simple_frame(vm, func, code_obj, |fast| {
                for slot in fast[..n].iter().rev() {
                    slot.set(stack.pop());
                }
            })));
        }
    }
    // The arguments are bound straight off the stack (no vector).
    frame_for_general_call(vm, func, stack.drain(start..), kwnames)
}

/// `frame_for_call` when the arguments need the general binding.
#[inline(never)]
fn frame_for_general_call(vm: &Vm, func: PyRef, args: impl ExactSizeIterator<Item = PyRef>, kwnames: Option<&PyRef>) -> PyResult<Result<(PyRef, usize), PyRef>> {
    let code_obj = function::get(&func).unwrap().code.borrow().clone();
    // The frame owns the function reference (CPython's f_func).
    let frame = new_frame(vm, &code_obj, Some(func), None, None);
    let fd = frame::get(&frame).unwrap();
    let func = fd.func.as_ref().unwrap();
    bind_arguments(vm, func, &code_obj, &frame, args, kwnames)?;
    init_cells(vm, func, &code_obj, &frame);
    let cd = code::get(&code_obj).unwrap();
    if cd.code.is_generator() {
        return Ok(Err(crate::types::generator_impl::new_generator(vm, frame)));
    }
    Ok(Ok((frame, cd.max_stack as usize)))
}

/// Call the function `func` with `n` positional arguments (from an
/// iterator: the caller's value stack, a vector...).
pub fn call_function_iter(vm: &Vm, func: &PyRef, n: usize, args: impl Iterator<Item = PyRef>) -> PyResult {
    if let Some(code_obj) = simple_code(func, n) {
        return call_simple(vm, func.clone(), code_obj, n, args);
    }
    call_function_owned(vm, func.clone(), args.collect(), None)
}

/// Call the function `func` with `obj` then `args` as its positional
/// arguments (a method called with its `self`: a special method, a class's
/// `__init__`), filled straight into the first locals when they bind simply.
pub fn call_function_with_self(vm: &Vm, func: &PyRef, obj: &PyRef, args: &[PyRef]) -> PyResult {
    let n = args.len() + 1;
    if let Some(code_obj) = simple_code(func, n) {
        let (frame, max_stack) = simple_frame(vm, func.clone(), code_obj, |fast| {
            if let Some((first, rest)) = fast.split_first() {
                first.set(Some(obj.clone()));
                for (slot, a) in rest.iter().zip(args) {
                    slot.set(Some(a.clone()));
                }
            }
        });
        return run_new_frame(vm, &frame, max_stack);
    }
    call_function_owned(vm, func.clone(), std::iter::once(obj.clone()).chain(args.iter().cloned()).collect(), None)
}

/// The code object of `func` (a Python function) when a positional call
/// with `n` arguments can bind them straight into the first locals: the
/// count matches the parameters and there are no *args, **kwargs,
/// keyword-only parameters or cell variables, and the code is not a
/// generator's (`CodeData::simple_argc`).
#[inline(always)]
fn simple_code(func: &PyRef, n: usize) -> Option<PyRef> {
    let f = function::get(func).unwrap();
    let code_obj = f.code.borrow();
    if code::get(&code_obj).unwrap().simple_argc as usize == n {
        Some(code_obj.clone())
    } else {
        None
    }
}

/// Run `func` (whose code is `code_obj`) with the positional arguments
/// `args` moved straight into its locals (`simple_code` said so).
#[inline(always)]
fn call_simple(vm: &Vm, func: PyRef, code_obj: PyRef, n: usize, args: impl Iterator<Item = PyRef>) -> PyResult {
    let (frame, max_stack) = simple_frame(vm, func, code_obj, |fast| {
        let argc = fast.len().min(n);
        for (slot, a) in fast[..argc].iter().zip(args) {
            slot.set(Some(a));
        }
    });
    run_new_frame(vm, &frame, max_stack)
}

/// The frame of a call of `func` (whose code is `code_obj`) with the
/// positional arguments moved straight into its locals by `fill` (given
/// the fast locals, all unbound; `simple_code` said the arguments fit),
/// and the value stack depth it needs.
#[inline(always)]
fn simple_frame(vm: &Vm, func: PyRef, code_obj: PyRef, fill: impl FnOnce(&[crate::object::RefSlot])) -> (PyRef, usize) {
    let f = function::get(&func).unwrap();
    let cd = code::get(&code_obj).unwrap();
    let (nv, nfast, first_line, max_stack) = (cd.nvarnames as usize, cd.nfast as usize, cd.first_line, cd.max_stack as usize);
    // The closure's cells go after the plain locals (no cell variables
    // here: those take the general path); read before `func` moves into
    // the frame.
    let has_closure = f.closure.is_some();
    // Arguments, then unbound locals, then the closure's cells. The locals
    // start unbound and are filled in place (cheaper than a chain of
    // iterators).
    let frame = frame_with_locals(vm, code_obj, Some(func), None, None, nfast, std::iter::empty::<crate::object::RefSlot>(), first_line);
    let fd = frame::get(&frame).unwrap();
    let fast = fd.fast();
    fill(fast);
    if has_closure {
        if let Some(c) = fd.func.as_ref().and_then(function::get).and_then(|f| f.closure.as_ref()) {
            for (slot, cell) in fast[nv..].iter().zip(tuple::items(c)) {
                slot.set(Some(cell.clone()));
            }
        }
    }
    (frame, max_stack)
}

/// The UnboundLocalError of reading local `i` before assignment.
#[cold]
fn unbound_local(vm: &Vm, cd: &code::CodeData, i: usize) -> PyErr {
    vm.new_exception(&vm.exc.unbound_local_error, format!("cannot access local variable '{}' where it is not associated with a value", cd.code.localsplus_name(i)))
}

/// `LOAD_GLOBAL` through the code object's hint for name `i` (see
/// `code::GlobalHint`), refreshing the hint on a miss; `None` when the name
/// is in neither dict (or the namespaces are not dicts).
/// `ns`: the frame's globals and builtins dicts, found at its first global
/// load (a frame's namespaces never change).
#[inline]
fn load_global_cached<'f>(cd: &code::CodeData, fd: &'f frame::FrameObj, ns: &mut Option<(&'f dict::DictData, &'f dict::DictData)>, i: usize) -> Option<PyRef> {
    let (gd, bd) = match *ns {
        Some(p) => p,
        None => {
            let p = (dict::get(fd.globals())?, dict::get(fd.builtins())?);
            *ns = Some(p);
            p
        }
    };
    let slot = &cd.global_hints[i];
    let h = slot.get();
    let gv = gd.keys_version();
    if h.globals == gv {
        let v = if h.builtins == 0 {
            gd.value_at(h.idx as usize)
        } else {
            if h.builtins == bd.keys_version() {
                bd.value_at(h.idx as usize)
            } else {
                None
            }
        };
        if v.is_some() {
            return v;
        }
    }
    let name = &cd.names[i];
    if let Some((idx, v)) = gd.get_str_with_index(name) {
        slot.set(code::GlobalHint { globals: gv, builtins: 0, idx: idx as u32 });
        return Some(v);
    }
    let (idx, v) = bd.get_str_with_index(name)?;
    slot.set(code::GlobalHint { globals: gv, builtins: bd.keys_version(), idx: idx as u32 });
    Some(v)
}

/// Create the cells of cell variables (copying parameters that are cells)
/// and install the closure's cells for free variables.
fn init_cells(vm: &Vm, func: &PyRef, code_obj: &PyRef, frame: &PyRef) {
    let cd = code::get(code_obj).unwrap();
    let c = &cd.code;
    if c.cellvars.is_empty() && c.freevars.is_empty() {
        return;
    }
    let fd = frame::get(frame).unwrap();
    let nv = c.varnames.len();
    for (i, arg) in c.cell2arg.iter().enumerate() {
        let init = match arg {
            Some(a) => fd.get_fast(*a as usize),
            None => None,
        };
        let cell = PyRef::new(&vm.types.cell, cell::CellData::new(init));
        drop(fd.set_fast(nv + i, Some(cell)));
    }
    if let Some(closure) = &function::get(func).unwrap().closure {
        let base = nv + c.cellvars.len();
        for (i, cellobj) in tuple::items(closure).iter().enumerate() {
            drop(fd.set_fast(base + i, Some(cellobj.clone())));
        }
    }
}

fn qualname_of(func: &PyRef) -> String {
    let f = function::get(func).unwrap();
    let q = f.qualname.borrow();
    str::as_str(&q).to_string()
}

/// Bind call arguments to parameters, with CPython's error messages.
///
/// `args`: the positional arguments, then the keyword arguments' values
/// (named by `kwnames`); what is left of them when binding fails is
/// released before this returns.
pub fn bind_arguments(vm: &Vm, func: &PyRef, code_obj: &PyRef, frame: &PyRef, args: impl ExactSizeIterator<Item = PyRef>, kwnames: Option<&PyRef>) -> PyResult<()> {
    let cd = code::get(code_obj).unwrap();
    let c = &cd.code;
    let fd = frame::get(frame).unwrap();
    let f = function::get(func).unwrap();
    let argcount = c.argcount as usize;
    let kwonly = c.kwonlyargcount as usize;
    let has_varargs = c.flags & refscope_compiler::bytecode::code_flags::VARARGS != 0;
    let has_varkw = c.flags & refscope_compiler::bytecode::code_flags::VARKEYWORDS != 0;
    let kwnames_items: &[PyRef] = kwnames.map(tuple::items).unwrap_or(&[]);
    let nkw = kwnames_items.len();
    let npos = args.len() - nkw;
    let fast = fd.fast();

    // Fast path: exact positional call, no defaults needed.
    if nkw == 0 && npos == argcount && !has_varargs && !has_varkw && kwonly == 0 {
        for (slot, a) in fast.iter().zip(args) {
            slot.set(Some(a));
        }
        return Ok(());
    }

    let kwargs_dict = if has_varkw { Some(vm.dict()) } else { None };
    let varargs_slot = argcount + kwonly;
    let varkw_slot = varargs_slot + has_varargs as usize;

    // Positional parameters, then the keyword arguments' values, from one
    // pass over the arguments.
    let mut args = args;
    let mut extra = Vec::new();
    for i in 0..npos {
        let a = args.next().unwrap();
        if i < argcount {
            fast[i].set(Some(a));
        } else {
            extra.push(a);
        }
    }
    let kwvalues = args;
    if has_varargs {
        fd.fast()[varargs_slot].set(Some(vm.tuple(extra)));
    } else if !extra.is_empty() {
        let ndefaults = f.defaults.borrow().as_ref().map(|d| tuple::items(d).len()).unwrap_or(0);
        let given_kwonly = kwnames_items
            .iter()
            .filter(|k| c.varnames[argcount..argcount + kwonly].iter().any(|v| &**v == str::as_str(k)))
            .count();
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let given = npos;
        let kwpart = if given_kwonly > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if given == 1 { "" } else { "s" },
                given_kwonly,
                if given_kwonly == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        let msg = if given_kwonly > 0 {
            format!("{}() takes {} but {}{} were given", qualname_of(func), takes, given, kwpart)
        } else {
            format!("{}() takes {} but {} {} given", qualname_of(func), takes, given, if given == 1 { "was" } else { "were" })
        };
        return Err(vm.type_error(msg));
    }

    // Keyword arguments.
    let posonly = c.posonlyargcount as usize;
    let mut posonly_as_kw: Vec<String> = Vec::new();
    // Parameter names are interned, and so are the keyword names of calls
    // compiled from source: most match by identity, the rest by value.
    let params = &cd.localsplus_names[..argcount + kwonly];
    for (k, v) in kwnames_items.iter().zip(kwvalues) {
        let slot = match params.iter().position(|p| p.is(k)) {
            Some(i) => Some(i),
            None => {
                let name = str::as_str(k);
                params.iter().position(|p| str::as_str(p) == name)
            }
        };
        let name = str::as_str(k);
        match slot {
            Some(i) if i >= posonly => {
                if fd.is_bound(i) {
                    return Err(vm.type_error(format!("{}() got multiple values for argument '{}'", qualname_of(func), name)));
                }
                fd.fast()[i].set(Some(v));
            }
            other => {
                if let Some(d) = &kwargs_dict {
                    dict::get(d).unwrap().set(vm, d, k.clone(), v)?;
                } else if other.is_some() {
                    posonly_as_kw.push(name.to_string());
                } else {
                    return Err(vm.type_error(format!("{}() got an unexpected keyword argument '{}'", qualname_of(func), name)));
                }
            }
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(vm.type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname_of(func),
            posonly_as_kw.join(", ")
        )));
    }
    if let Some(d) = kwargs_dict {
        fd.fast()[varkw_slot].set(Some(d));
    }

    // Defaults for missing positional parameters (filling an unbound slot
    // releases nothing, so the defaults tuple stays borrowed).
    let defaults_ref = f.defaults.borrow();
    let defaults: &[PyRef] = defaults_ref.as_ref().map(tuple::items).unwrap_or(&[]);
    let first_default = argcount - defaults.len().min(argcount);
    let mut missing = Vec::new();
    for i in 0..argcount {
        if !fd.is_bound(i) {
            if i >= first_default {
                fast[i].set(Some(defaults[i - first_default].clone()));
            } else {
                missing.push(format!("'{}'", c.varnames[i]));
            }
        }
    }
    drop(defaults_ref);
    if !missing.is_empty() {
        return Err(vm.type_error(format!(
            "{}() missing {} required positional argument{}: {}",
            qualname_of(func),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    // Keyword-only defaults.
    let kwdefaults = if kwonly > 0 { f.kwdefaults.borrow().clone() } else { None };
    for i in argcount..argcount + kwonly {
        if !fd.is_bound(i) {
            let d = kwdefaults.as_ref().and_then(|kd| dict::get_str_key(kd, &cd.localsplus_names[i]));
            match d {
                Some(v) => fd.fast()[i].set(Some(v)),
                None => missing.push(format!("'{}'", c.varnames[i])),
            }
        }
    }
    if !missing.is_empty() {
        return Err(vm.type_error(format!(
            "{}() missing {} required keyword-only argument{}: {}",
            qualname_of(func),
            missing.len(),
            if missing.len() == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    Ok(())
}

fn join_names(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        2 => format!("{} and {}", names[0], names[1]),
        n => format!("{}, and {}", names[..n - 1].join(", "), names[n - 1]),
    }
}

/// Run a module or class body with `locals` as its namespace.
pub fn run_code(vm: &Vm, code: &PyRef, globals: PyRef, locals: PyRef, closure: Option<&PyRef>) -> PyResult {
    let builtins = vm.builtins_dict();
    run_code_frame(vm, new_frame(vm, code, None, Some((globals, builtins)), Some(locals)), code, closure)
}

/// Run a class body: the body function `func`'s code with the namespace
/// `locals` (the frame reads the function's globals, as any call's).
pub fn run_class_body(vm: &Vm, func: &PyRef, code: &PyRef, locals: PyRef, closure: Option<&PyRef>) -> PyResult {
    run_code_frame(vm, new_frame(vm, code, Some(func.clone()), None, Some(locals)), code, closure)
}

fn run_code_frame(vm: &Vm, frame: PyRef, code: &PyRef, closure: Option<&PyRef>) -> PyResult {
    let cd = code::get(code).unwrap();
    if let Some(cl) = closure {
        let fd = frame::get(&frame).unwrap();
        let nv = cd.code.varnames.len();
        for i in 0..cd.code.cellvars.len() {
            drop(fd.set_fast(nv + i, Some(PyRef::new(&vm.types.cell, cell::CellData::new(None)))));
        }
        let base = nv + cd.code.cellvars.len();
        for (i, c) in tuple::items(cl).iter().enumerate() {
            drop(fd.set_fast(base + i, Some(c.clone())));
        }
    } else if !cd.code.cellvars.is_empty() {
        let fd = frame::get(&frame).unwrap();
        let nv = cd.code.varnames.len();
        for i in 0..cd.code.cellvars.len() {
            drop(fd.set_fast(nv + i, Some(PyRef::new(&vm.types.cell, cell::CellData::new(None)))));
        }
    }
    let mut state = ExecState::new(cd.code.max_stack as usize);
    match run_frame(vm, &frame, &mut state, None)? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(vm.system_error("yield in a module body")),
    }
}

/// Add a traceback entry for `frame` at instruction `lasti`.
pub fn add_traceback(vm: &Vm, exc: &PyRef, frame: &PyRef, lasti: usize) {
    let Some(ed) = exceptions::get(exc) else { return };
    let fd = frame::get(frame).unwrap();
    let cd = code::get(&fd.code).unwrap();
    let lineno = cd.code.line_of(lasti);
    let next = ed.traceback.borrow().clone();
    // The traceback keeps the frame alive after its call: the collector
    // must see it (frames are untracked while they only run).
    crate::object::gc::materialize_frame(frame);
    let tb = PyRef::new(&vm.types.traceback, traceback::TracebackData { next, frame: frame.clone(), lasti: lasti as u32, lineno });
    let old = ed.traceback.replace(Some(tb));
    drop(old);
}

/// Set `exc.__context__` to the exception being handled, as CPython does
/// when an exception is raised during the handling of another.
pub fn set_context(vm: &Vm, exc: &PyRef) {
    let Some(h) = vm.topmost_handled() else { return };
    if h.is(exc) {
        return;
    }
    let Some(ed) = exceptions::get(exc) else { return };
    if ed.context.borrow().is_some() {
        return;
    }
    // Avoid a cycle: cut exc out of h's context chain.
    let mut o = h.clone();
    loop {
        let next = match exceptions::get(&o) {
            Some(d) => d.context.borrow().clone(),
            None => None,
        };
        match next {
            Some(n) if n.is(exc) => {
                if let Some(d) = exceptions::get(&o) {
                    crate::observe::touch(o.id());
                    let old = d.context.replace(None);
                    drop(old);
                }
                break;
            }
            Some(n) => o = n,
            None => break,
        }
    }
    crate::observe::touch(exc.id());
    let old = ed.context.replace(Some(h));
    drop(old);
}

struct FrameGuard<'a> {
    vm: &'a Vm,
}
impl Drop for FrameGuard<'_> {
    fn drop(&mut self) {
        leave_frame(self.vm);
    }
}

/// A frame that outlives its call (a traceback or Python code holds it)
/// keeps its caller's frame as `f_back`, as CPython's frame does once it
/// takes its data over from the finished call. Besides this reference, the
/// runner (`call_function_owned`, `run_code`) holds one; a generator's frame
/// is the generator's and has no caller once it stops.
fn link_back_at_exit(vm: &Vm, f: &PyRef) {
    if f.refcount() <= 2 {
        return;
    }
    let fd = frame::get(f).unwrap();
    if code::get(&fd.code).unwrap().code.is_generator() {
        return;
    }
    let caller = vm.frames.borrow().last().cloned();
    if let Some(c) = &caller {
        crate::object::gc::materialize_frame(c);
    }
    let old = fd.back.replace(caller);
    drop(old);
}

/// `frame.f_back`: the caller while the frame runs, the linked caller after.
pub fn frame_back(vm: &Vm, f: &PyRef) -> Option<PyRef> {
    if let Some(b) = frame::get(f).unwrap().back.borrow().clone() {
        return Some(b);
    }
    let frames = vm.frames.borrow();
    let pos = frames.iter().rposition(|x| x.is(f))?;
    pos.checked_sub(1).map(|i| frames[i].clone())
}

/// Run `frame` from `state.pc`. `throw`: resume by raising this exception
/// at the current instruction (generator.throw/close).
pub fn run_frame(vm: &Vm, frame: &PyRef, state: &mut ExecState, throw: Option<PyErr>) -> Result<Exit, PyErr> {
    let ExecState { stack, blocks, pc } = state;
    run_frame_on(vm, frame, stack, 0, blocks, pc, throw)
}

/// Run `frame` from `*state_pc` with its value stack at `stack[base..]`
/// (a new call's frame runs on its caller's stack, above the caller's
/// values; a generator's frame on its own). Whatever the frame leaves on
/// its part of the stack is released when it returns or raises.
fn run_frame_on(vm: &Vm, outer: &PyRef, given_stack: &mut Vec<PyRef>, outer_base: usize, outer_blocks: &mut Vec<Block>, state_pc: &mut usize, throw: Option<PyErr>) -> Result<Exit, PyErr> {
    enter_frame(vm, outer)?;
    let _guard = FrameGuard { vm };
    // The value stack is this function's own local while it runs (given
    // back at every exit): its length and buffer are then read from this
    // frame's own slots, not through the caller's reference, which takes
    // the push and pop of every instruction a few machine instructions
    // fewer.
    // (Never dropped: every exit gives the values back by swapping them
    // with the empty vector left in the owner's place, which then owns
    // nothing; this saves a drop call per run, and per exit.)
    let mut own_stack = std::mem::ManuallyDrop::new(std::mem::take(given_stack));
    let stack: &mut Vec<PyRef> = &mut own_stack;
    // A call of a Python function that binds its arguments simply runs in
    // this same loop, as CPython 3.11's inlined calls do: the caller's state
    // is saved in `callers`, the callee becomes the current frame
    // (`callee`), and its return (or its exception) switches back. Only the
    // outermost frame (`outer`) answers to this function's caller.
    let mut callee: Option<PyRef> = None;
    // Empty at every exit; its buffer, if any, is freed there
    // (`release_callers`), so that a run with no inlined call pays no drop.
    let mut callers = std::mem::ManuallyDrop::new(Vec::<Caller>::new());
    // The blocks of all inlined callees, each callee's above its caller's
    // (from `block_base`); the outermost frame's are `outer_blocks`.
    let mut callee_blocks: Vec<Block> = Vec::new();
    let mut block_base = 0usize;
    let mut base = outer_base;
    let mut pc = *state_pc;
    let mut pending = throw.map(|e| (e, false));
    // A resumed generator is on its yield's line: no new line yet (CPython).
    let mut resume_line: Option<u32> = None;
    let mut entering = true;

    macro_rules! pop {
        () => {
            stack.pop().expect("value stack underflow")
        };
    }
    macro_rules! top {
        () => {
            stack.last().expect("empty value stack")
        };
    }

    loop {
    let frame: &PyRef = callee.as_ref().unwrap_or(outer);
    let (blocks, frame_block_base): (&mut Vec<Block>, usize) = if callee.is_some() { (&mut callee_blocks, block_base) } else { (&mut *outer_blocks, 0) };
    let fd = frame::get(frame).unwrap();
    let cd = code::get(&fd.code).unwrap();
    let instrs: &[Instr] = &cd.code.instrs;
    let consts = &cd.consts;
    let names = &cd.names;
    let mut namespaces = None;
    // An attached observer (a tracer) hears of each new line; read once per
    // frame so that an unobserved run pays nothing per instruction.
    let observing = crate::observe::active();
    let mut last_line = resume_line.take().unwrap_or_else(|| if observing && pc > 0 { cd.code.line_of(pc - 1) } else { 0 });
    if entering && observing {
        crate::observe::emit(vm, crate::observe::Event::Call { frame });
    }

    let switch = 'run: loop {
        let (err, reraise) = match pending.take() {
            Some(p) => p,
            None => 'exec: loop {
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => break 'exec (e, false),
                        }
                    };
                }
                // The object of a fused group that works on local `$a`
                // (unbound: the plain `LoadFast` error), with the group's
                // last `$skip` instructions skipped and `f_lasti` at the
                // last of them, where the plain instructions locate their
                // errors.
                macro_rules! fused_local {
                    ($a:expr, $skip:expr) => {{
                        let Some(o) = fd.get_fast($a as usize) else { break 'exec (unbound_local(vm, cd, $a as usize), false) };
                        pc += $skip;
                        fd.lasti.set(pc as u32 - 1);
                        o
                    }};
                }
                // Switch to a callee's frame made by `frame_for_call` or
                // `frame_for_general_call` (`$made`), its result going to stack
                // index `$call_base`; evaluates to the call's result (or error)
                // when there is no frame to run, with the stack cut back there.
                macro_rules! switch_to_call {
                    ($made:expr, $call_base:expr) => {{
                        let call_base = $call_base;
                        match $made {
                            Ok(Ok((nf, max_stack))) => {
                                stack.reserve(max_stack);
                                match enter_inlined_frame(vm, &nf) {
                                    Ok(()) => break 'run Switch::Call(nf, call_base),
                                    Err(e) => {
                                        drop(nf);
                                        stack.truncate(call_base);
                                        break 'exec (e, false);
                                    }
                                }
                            }
                            Ok(Err(result)) => {
                                stack.truncate(call_base);
                                Ok(result)
                            }
                            Err(e) => {
                                stack.truncate(call_base);
                                Err(e)
                            }
                        }
                    }};
                }
                // A call of the Python function `$f` with the arguments
                // `stack[$start..]` (the last `len($kw)` by keyword) runs inlined:
                // its arguments are bound into its frame's locals and the loop
                // switches to it. `$call_base` is the stack index of the call's
                // callable, where its result goes. Evaluates to the call's result
                // when there is nothing to run (a generator function's call) or
                // binding the arguments failed.
                macro_rules! inline_any {
                    ($f:expr, $start:expr, $call_base:expr, $kw:expr) => {
                        switch_to_call!(frame_for_call(vm, $f, stack, $start, $kw), $call_base)
                    };
                }
                // One check for both: an automatic collection is due, or an
                // observer is attached.
                if crate::object::gc::attention() {
                    if crate::object::gc::pending() {
                        // An automatic collection is due: run it here, between
                        // instructions, where no Rust code is changing a container.
                        crate::modules::gc::collect_pending(vm);
                    }
                    if observing {
                        if crate::observe::take_stop() {
                            break 'exec (vm.new_exception_empty(&vm.exc.system_exit), false);
                        }
                        let line = cd.code.line_of(pc);
                        // RESUME (a function's start, on its `def` line) is no
                        // line of the body: CPython reports none for it.
                        // Nor is a loop's jump back (its target's line is
                        // reported when the jump lands).
                        let quiet = match instrs[pc] {
                            Instr::Resume => true,
                            Instr::Jump(t) => (t as usize) <= pc,
                            _ => false,
                        };
                        if line != last_line && line != 0 && !quiet {
                            last_line = line;
                            fd.lasti.set(pc as u32);
                            crate::observe::emit(vm, crate::observe::Event::Line { frame, line });
                        }
                    }
                }
                // What `f_lineno` reads, and where a finalizer run by this
                // instruction's decrefs reports the program to be.
                fd.lasti.set(pc as u32);
                // Matched in place: each arm reads only its own operands.
                let ins = &instrs[pc];
                pc += 1;
                match *ins {
                    Instr::Nop | Instr::Resume => {}
                    Instr::PopTop => {
                        pop!();
                    }
                    Instr::Copy(n) => {
                        let v = stack[stack.len() - n as usize].clone();
                        stack.push(v);
                    }
                    Instr::Swap(n) => {
                        let l = stack.len();
                        stack.swap(l - 1, l - n as usize);
                    }
                    Instr::Rot(n) => {
                        let l = stack.len();
                        stack[l - n as usize..].rotate_right(1);
                    }
                    Instr::LoadConst(i) => stack.push(consts[i as usize].clone()),
                    // Superinstructions: the second half is the next
                    // instruction, skipped here. A local that is unbound
                    // leaves the work to the plain instruction (its error
                    // is located at its own index).
                    Instr::LoadFastLoadFast(a, b) => {
                        if let Some(x) = fd.get_fast(a as usize) {
                            stack.push(x);
                            if let Some(y) = fd.get_fast(b as usize) {
                                stack.push(y);
                                pc += 1;
                            }
                        } else {
                            break 'exec (unbound_local(vm, cd, a as usize), false);
                        }
                    }
                    Instr::LoadFastLoadConst(a, c) => match fd.get_fast(a as usize) {
                        Some(x) => {
                            stack.push(x);
                            stack.push(consts[c as usize].clone());
                            pc += 1;
                        }
                        None => break 'exec (unbound_local(vm, cd, a as usize), false),
                    },
                    Instr::StoreFastLoadFast(a, b) => {
                        let v = pop!();
                        drop(fd.set_fast(a as usize, Some(v)));
                        if let Some(y) = fd.get_fast(b as usize) {
                            stack.push(y);
                            pc += 1;
                        }
                    }
                    // Two loads and an operator: the common int and float
                    // cases at once; the rest (or an unbound local) runs the
                    // loads and leaves the operator instruction, the third,
                    // to do its work.
                    Instr::LoadFastLoadConstArith(a, c, op) => {
                        let Some(x) = fd.get_fast(a as usize) else { break 'exec (unbound_local(vm, cd, a as usize), false) };
                        let y = &consts[c as usize];
                        if let Some(r) = ops::arith_fast(vm, &x, y, op) {
                            drop(x);
                            stack.push(r);
                            pc += 2;
                        } else {
                            stack.push(x);
                            stack.push(y.clone());
                            pc += 1;
                        }
                    }
                    Instr::LoadFastLoadFastArith(a, b, op) => {
                        let Some(x) = fd.get_fast(a as usize) else { break 'exec (unbound_local(vm, cd, a as usize), false) };
                        let Some(y) = fd.get_fast(b as usize) else {
                            stack.push(x);
                            continue;
                        };
                        if let Some(r) = ops::arith_fast(vm, &x, &y, op) {
                            drop(x);
                            drop(y);
                            stack.push(r);
                            pc += 2;
                        } else {
                            stack.push(x);
                            stack.push(y);
                            pc += 1;
                        }
                    }
                    Instr::LoadFastLoadConstCompare(a, c, op) | Instr::LoadFastLoadFastCompare(a, c, op) => {
                        let Some(x) = fd.get_fast(a as usize) else { break 'exec (unbound_local(vm, cd, a as usize), false) };
                        let y = if let Instr::LoadFastLoadConstCompare(..) = *ins {
                            consts[c as usize].clone()
                        } else {
                            match fd.get_fast(c as usize) {
                                Some(y) => y,
                                None => {
                                    stack.push(x);
                                    continue;
                                }
                            }
                        };
                        let fast = match ops::small_int_pair(vm, &x, &y) {
                            Some((p, q)) => Some(ops::ord_matches(p.cmp(&q), op)),
                            None => ops::fast_compare(vm, &x, &y, op),
                        };
                        match fast {
                            Some(r) => {
                                drop(x);
                                drop(y);
                                pc += 2;
                                // A conditional jump consuming the result at
                                // once jumps without the bool (as `CompareOp`;
                                // not while traced).
                                if !observing {
                                    match instrs.get(pc) {
                                        Some(&Instr::PopJumpIfFalse(t)) => {
                                            pc = if r { pc + 1 } else { t as usize };
                                            continue;
                                        }
                                        Some(&Instr::PopJumpIfTrue(t)) => {
                                            pc = if r { t as usize } else { pc + 1 };
                                            continue;
                                        }
                                        _ => {}
                                    }
                                }
                                stack.push(vm.bool(r));
                            }
                            None => {
                                stack.push(x);
                                stack.push(y);
                                pc += 1;
                            }
                        }
                    }
                    // `o[k]` of two locals: the operands are in the
                    // interpreter's hands either way (the plain instruction
                    // pops them before the lookup), so the whole lookup runs
                    // here, located at the subscript instruction.
                    Instr::LoadFastLoadFastSubscr(a, b) => {
                        let Some(o) = fd.get_fast(a as usize) else { break 'exec (unbound_local(vm, cd, a as usize), false) };
                        let Some(k) = fd.get_fast(b as usize) else {
                            stack.push(o);
                            continue;
                        };
                        pc += 2;
                        fd.lasti.set(pc as u32 - 1);
                        let r = match ops::subscr_fast(vm, &o, &k) {
                            Some(r) => r,
                            None => tri!(ops::get_item(vm, &o, &k)),
                        };
                        drop(o);
                        drop(k);
                        stack.push(r);
                    }
                    Instr::LoadFastLoadConstSubscr(a, c) => {
                        let o = fused_local!(a, 2);
                        // The constant is borrowed where no Python code can
                        // see it (the builtin containers' fast cases); a
                        // general subscript holds it as the stack would.
                        let r = match ops::subscr_fast(vm, &o, &consts[c as usize]) {
                            Some(r) => r,
                            None => tri!(ops::get_item(vm, &o, &consts[c as usize].clone())),
                        };
                        drop(o);
                        stack.push(r);
                    }
                    // A local's attribute: as `LoadFast` and `LoadAttr` (or
                    // `LoadMethod`, `StoreAttr`), the object held here
                    // instead of on the stack, as the plain instruction holds
                    // it once popped; located at the attribute instruction.
                    Instr::LoadFastLoadAttr(a, i) => {
                        let obj = fused_local!(a, 1);
                        let i = i as usize;
                        let v = tri!(ops::get_attr_hinted(vm, &obj, &names[i], ops::AttrHints { dict: &cd.attr_hints[i], ty: &cd.type_hints[i] }));
                        drop(obj);
                        stack.push(v);
                    }
                    Instr::LoadFastLoadMethod(a, i) => {
                        let obj = fused_local!(a, 1);
                        let i = i as usize;
                        let (f, needs_self) = tri!(ops::load_method_hinted(vm, &obj, &names[i], Some(&cd.type_hints[i])));
                        stack.push(f);
                        if needs_self {
                            stack.push(obj);
                        } else {
                            drop(obj);
                            stack.push(vm.null.clone());
                        }
                    }
                    Instr::LoadFastStoreAttr(a, i) => {
                        let obj = fused_local!(a, 1);
                        let i = i as usize;
                        let v = pop!();
                        tri!(ops::set_attr_hinted(vm, &obj, &names[i], v, ops::AttrHints { dict: &cd.attr_hints[i], ty: &cd.type_hints[i] }));
                        drop(obj);
                    }
                    Instr::LoadFast(i) => match fd.get_fast(i as usize) {
                        Some(v) => stack.push(v),
                        None => break 'exec (unbound_local(vm, cd, i as usize), false),
                    },
                    Instr::StoreFast(i) => {
                        let v = pop!();
                        drop(fd.set_fast(i as usize, Some(v)));
                    }
                    Instr::DeleteFast(i) => {
                        let old = fd.set_fast(i as usize, None);
                        if old.is_none() {
                            break 'exec (unbound_local(vm, cd, i as usize), false);
                        }
                        drop(old);
                    }
                    Instr::LoadDeref(i) | Instr::LoadClassDeref(i) => {
                        if let Instr::LoadClassDeref(_) = *ins {
                            let name = vm.intern(cd.code.localsplus_name(i as usize));
                            if let Some(l) = &fd.locals {
                                if let Some(v) = tri!(mapping_get(vm, l, &name)) {
                                    stack.push(v);
                                    continue;
                                }
                            }
                        }
                        let c = fd.get_fast(i as usize).expect("cell");
                        match cell::get_cell(&c).get() {
                            Some(v) => stack.push(v),
                            None => break 'exec (unbound_deref(vm, cd, i as usize), false),
                        }
                    }
                    Instr::StoreDeref(i) => {
                        let v = pop!();
                        let c = fd.get_fast(i as usize).expect("cell");
                        cell::get_cell(&c).set(Some(v));
                    }
                    Instr::DeleteDeref(i) => {
                        let c = fd.get_fast(i as usize).expect("cell");
                        let cd_ = cell::get_cell(&c);
                        if cd_.get().is_none() {
                            break 'exec (unbound_deref(vm, cd, i as usize), false);
                        }
                        cd_.set(None);
                    }
                    Instr::LoadClosure(i) => stack.push(fd.get_fast(i as usize).expect("cell")),
                    Instr::LoadGlobal(i) => {
                        if let Some(v) = load_global_cached(cd, fd, &mut namespaces, i as usize) {
                            stack.push(v);
                            continue;
                        }
                        let name = &names[i as usize];
                        match dict::get_str_key(fd.globals(), name) {
                            Some(v) => stack.push(v),
                            None => match dict::get_str_key(fd.builtins(), name) {
                                Some(v) => stack.push(v),
                                None => break 'exec (vm.name_error(str::as_str(name)), false),
                            },
                        }
                    }
                    Instr::StoreGlobal(i) => {
                        let v = pop!();
                        dict::set_item_str(vm, fd.globals(), names[i as usize].clone(), v);
                    }
                    Instr::DeleteGlobal(i) => {
                        if !dict::del_item_str(vm, fd.globals(), &names[i as usize]) {
                            break 'exec (vm.name_error(str::as_str(&names[i as usize])), false);
                        }
                    }
                    Instr::LoadName(i) => {
                        let name = &names[i as usize];
                        if let Some(l) = &fd.locals {
                            if let Some(v) = tri!(mapping_get(vm, l, name)) {
                                stack.push(v);
                                continue;
                            }
                        }
                        match dict::get_str_key(fd.globals(), name) {
                            Some(v) => stack.push(v),
                            None => match dict::get_str_key(fd.builtins(), name) {
                                Some(v) => stack.push(v),
                                None => break 'exec (vm.name_error(str::as_str(name)), false),
                            },
                        }
                    }
                    Instr::StoreName(i) => {
                        let v = pop!();
                        let l = fd.locals.as_ref().unwrap_or(fd.globals());
                        if l.ty().is(&vm.types.dict) {
                            dict::set_item_str(vm, l, names[i as usize].clone(), v);
                        } else {
                            tri!(ops::set_item(vm, l, names[i as usize].clone(), v));
                        }
                    }
                    Instr::DeleteName(i) => {
                        let l = fd.locals.as_ref().unwrap_or(fd.globals());
                        if !dict::del_item_str(vm, l, &names[i as usize]) {
                            break 'exec (vm.name_error(str::as_str(&names[i as usize])), false);
                        }
                    }
                    Instr::LoadAttr(i) => {
                        let obj = pop!();
                        let v = tri!(ops::get_attr_hinted(vm, &obj, &names[i as usize], ops::AttrHints { dict: &cd.attr_hints[i as usize], ty: &cd.type_hints[i as usize] }));
                        drop(obj);
                        stack.push(v);
                    }
                    Instr::StoreAttr(i) => {
                        let obj = pop!();
                        let v = pop!();
                        tri!(ops::set_attr_hinted(vm, &obj, &names[i as usize], v, ops::AttrHints { dict: &cd.attr_hints[i as usize], ty: &cd.type_hints[i as usize] }));
                    }
                    Instr::DeleteAttr(i) => {
                        let obj = pop!();
                        tri!(ops::set_attr(vm, &obj, &names[i as usize], None));
                    }
                    Instr::LoadMethod(i) => {
                        let obj = pop!();
                        let (f, needs_self) = tri!(ops::load_method_hinted(vm, &obj, &names[i as usize], Some(&cd.type_hints[i as usize])));
                        stack.push(f);
                        if needs_self {
                            stack.push(obj);
                        } else {
                            drop(obj);
                            stack.push(vm.null.clone());
                        }
                    }
                    Instr::CallMethod(n) | Instr::CallMethodKw(n) => {
                        let kwnames = if let Instr::CallMethodKw(_) = *ins { Some(pop!()) } else { None };
                        let n = n as usize;
                        let base = stack.len() - n - 2;
                        let has_self = !stack[base + 1].is(&vm.null);
                        let r = if stack[base].kind() == Kind::Function {
                            // The function moves into the callee's frame (an
                            // immortal placeholder takes its slot until the
                            // call returns, so no item is shifted).
                            let start = if has_self { base + 1 } else { base + 2 };
                            let f = std::mem::replace(&mut stack[base], vm.null.clone());
                            inline_any!(f, start, base, kwnames.as_ref())
                        } else if let Some(f) = (!has_self).then(|| method::get(&stack[base]).filter(|m| m.func.kind() == Kind::Function).map(|m| m.func.clone())).flatten() {
                            // A bound Python method from LOAD_METHOD (a
                            // classmethod, super()'s, an instance attribute):
                            // PRECALL puts its function and `self` in the two
                            // slots and drops the method, so the arguments
                            // move into the callee's frame.
                            let m = std::mem::replace(&mut stack[base], vm.null.clone());
                            stack[base + 1] = method::get(&m).unwrap().self_.clone();
                            drop(m);
                            inline_any!(f, base + 1, base, kwnames.as_ref())
                        } else if let Some(r) = kwnames.is_none().then(|| call_builtin_fast(vm, &stack[base], &stack[if has_self { base + 1 } else { base + 2 }..])).flatten() {
                            stack.truncate(base);
                            r
                        } else {
                            let start = if has_self { base + 1 } else { base + 2 };
                            let r = call_borrowed(vm, &stack[base], &stack[start..], kwnames.as_ref());
                            stack.truncate(base);
                            r
                        };
                        let r = tri!(r);
                        stack.push(r);
                    }
                    Instr::Call(n) | Instr::CallKw(n) => {
                        let kwnames = if let Instr::CallKw(_) = *ins { Some(pop!()) } else { None };
                        let n = n as usize;
                        let base = stack.len() - n - 1;
                        let r = if stack[base].kind() == Kind::Function {
                            let f = std::mem::replace(&mut stack[base], vm.null.clone());
                            inline_any!(f, base + 1, base, kwnames.as_ref())
                        } else if let Some(f) = method::get(&stack[base]).filter(|m| m.func.kind() == Kind::Function).map(|m| m.func.clone()) {
                            // A bound Python method: CPython 3.11's PRECALL
                            // puts its function and `self` on the stack and
                            // drops the method before the call, so the
                            // arguments move into the callee's frame.
                            let m = std::mem::replace(&mut stack[base], vm.null.clone());
                            let self_ = method::get(&m).unwrap().self_.clone();
                            drop(m);
                            match kwnames.is_none().then(|| simple_code(&f, n + 1)).flatten() {
                                // `self` and the arguments go straight into the
                                // first locals (no shift of the stack).
                                Some(code_obj) => switch_to_call!(
                                    Ok::<_, PyErr>(Ok(simple_frame(vm, f, code_obj, |fast| {
                                        for slot in fast[1..=n].iter().rev() {
                                            slot.set(stack.pop());
                                        }
                                        fast[0].set(Some(self_));
                                    }))),
                                    base
                                ),
                                None => {
                                    stack.insert(base + 1, self_);
                                    inline_any!(f, base + 1, base, kwnames.as_ref())
                                }
                            }
                        } else if let Some(r) = kwnames.is_none().then(|| call_builtin_fast(vm, &stack[base], &stack[base + 1..])).flatten() {
                            stack.truncate(base);
                            r
                        } else {
                            let r = call_borrowed(vm, &stack[base], &stack[base + 1..], kwnames.as_ref());
                            stack.truncate(base);
                            r
                        };
                        let r = tri!(r);
                        stack.push(r);
                    }
                    Instr::CallEx(has_kw) => {
                        let kwargs = if has_kw != 0 { Some(pop!()) } else { None };
                        let args = pop!();
                        let f = pop!();
                        // A lone `*x` comes as it is: a tuple of it unless
                        // it is one.
                        let args = if args.ty().is(&vm.types.tuple) {
                            args
                        } else {
                            match ops::iterate(vm, &args) {
                                // The iterable goes as soon as its tuple is made.
                                Ok(v) => {
                                    let t = vm.tuple(v);
                                    drop(args);
                                    t
                                }
                                Err(e) => {
                                    if typeobj::isinstance(&e.0, &vm.exc.type_error) && ops::lookup_special(vm, &args, "__iter__").is_none() && ops::lookup_special(vm, &args, "__getitem__").is_none() {
                                        let msg = format!("{} argument after * must be an iterable, not {}", crate::types::function_impl::callable_display(vm, &f), vm.type_name(&args));
                                        break 'exec (vm.type_error(msg), false);
                                    }
                                    break 'exec (e, false);
                                }
                            }
                        };
                        if f.kind() == Kind::Function {
                            // A Python function runs inlined. The callable,
                            // the arguments tuple and the keywords dict stay
                            // on the stack below the callee's values until
                            // the call is over (CPython's CALL_FUNCTION_EX
                            // holds them across it); the frame holds the
                            // function too.
                            let (argv, kwnames) = tri!(star_args(vm, &args, kwargs.as_ref()));
                            let call_base = stack.len();
                            stack.push(f.clone());
                            stack.push(args);
                            if let Some(k) = kwargs {
                                stack.push(k);
                            }
                            if let Some(names) = &kwnames {
                                // With keywords, CPython passes the arguments
                                // as a new array holding a reference to each,
                                // with a new tuple of the names, both kept
                                // until the call is over.
                                stack.extend(argv.iter().cloned());
                                stack.push(names.clone());
                            }
                            let r = tri!(switch_to_call!(frame_for_general_call(vm, f, argv.into_iter(), kwnames.as_ref()), call_base));
                            stack.push(r);
                            continue;
                        }
                        let r = tri!(call_ex(vm, &f, &args, kwargs.as_ref()));
                        stack.push(r);
                    }
                    Instr::BinaryOp(op) => {
                        let b = pop!();
                        let a = pop!();
                        let r = match ops::arith_fast(vm, &a, &b, op) {
                            Some(r) => r,
                            None => tri!(ops::binary_op(vm, &a, &b, op)),
                        };
                        drop(a);
                        drop(b);
                        stack.push(r);
                    }
                    Instr::InplaceOp(op) => {
                        let b = pop!();
                        let a = pop!();
                        let r = match ops::arith_fast(vm, &a, &b, op) {
                            Some(r) => r,
                            None => tri!(ops::inplace_op(vm, &a, &b, op)),
                        };
                        drop(a);
                        drop(b);
                        stack.push(r);
                    }
                    Instr::Unary(op) => {
                        let a = pop!();
                        let r = tri!(ops::unary_op(vm, &a, op));
                        drop(a);
                        stack.push(r);
                    }
                    Instr::CompareOp(op) => {
                        let b = pop!();
                        let a = pop!();
                        // A comparison of exact ints, floats or strs that a
                        // conditional jump consumes at once: jump without
                        // making the bool (no observable object: True and
                        // False are immortal). Not while traced, so that
                        // every instruction is seen.
                        if !observing {
                            let fast = match ops::small_int_pair(vm, &a, &b) {
                                Some((x, y)) => Some(ops::ord_matches(x.cmp(&y), op)),
                                None => ops::fast_compare(vm, &a, &b, op),
                            };
                            if let Some(r) = fast {
                                match instrs.get(pc) {
                                    Some(&Instr::PopJumpIfFalse(t)) => {
                                        pc = if r { pc + 1 } else { t as usize };
                                        continue;
                                    }
                                    Some(&Instr::PopJumpIfTrue(t)) => {
                                        pc = if r { t as usize } else { pc + 1 };
                                        continue;
                                    }
                                    _ => {
                                        stack.push(vm.bool(r));
                                        continue;
                                    }
                                }
                            }
                        }
                        let r = tri!(ops::rich_compare(vm, &a, &b, op));
                        drop(a);
                        drop(b);
                        stack.push(r);
                    }
                    Instr::IsOp(neg) => {
                        let b = pop!();
                        let a = pop!();
                        let r = a.is(&b) != (neg != 0);
                        stack.push(vm.bool(r));
                    }
                    Instr::ContainsOp(neg) => {
                        let b = pop!();
                        let a = pop!();
                        let r = tri!(ops::contains(vm, &b, &a));
                        stack.push(vm.bool(r != (neg != 0)));
                    }
                    Instr::BinarySubscr => {
                        let k = pop!();
                        let o = pop!();
                        let r = match ops::subscr_fast(vm, &o, &k) {
                            Some(r) => r,
                            None => tri!(ops::get_item(vm, &o, &k)),
                        };
                        drop(o);
                        drop(k);
                        stack.push(r);
                    }
                    Instr::StoreSubscr => {
                        let k = pop!();
                        let o = pop!();
                        let v = pop!();
                        if let Some(v) = ops::store_subscr_fast(vm, &o, &k, v) {
                            tri!(ops::set_item(vm, &o, k, v));
                        }
                    }
                    Instr::DeleteSubscr => {
                        let k = pop!();
                        let o = pop!();
                        tri!(ops::del_item(vm, &o, &k));
                    }
                    Instr::BuildTuple(n) => {
                        let t = vm.tuple(stack.drain(stack.len() - n as usize..));
                        stack.push(t);
                    }
                    Instr::BuildList(n) => {
                        let items: Vec<PyRef> = stack.split_off(stack.len() - n as usize);
                        stack.push(vm.list(items));
                    }
                    Instr::BuildSet(n) => {
                        let items: Vec<PyRef> = stack.split_off(stack.len() - n as usize);
                        let s = PyRef::new(&vm.types.set, set::SetData::new());
                        // Each item leaves the stack right after its addition,
                        // first to last, as in CPython's BUILD_SET.
                        for it in items {
                            tri!(set::get(&s).unwrap().add(vm, &it));
                        }
                        stack.push(s);
                    }
                    Instr::BuildMap(n) => {
                        let items: Vec<PyRef> = stack.split_off(stack.len() - 2 * n as usize);
                        let d = vm.dict();
                        let dd = dict::get(&d).unwrap();
                        let mut items = items;
                        // The items stay on the stack while the dict takes
                        // its own references (so `__hash__` sees the key
                        // twice), and leave it from the top afterwards, as
                        // in CPython's BUILD_MAP.
                        let mut r = Ok(());
                        for kv in items.chunks(2) {
                            r = dd.set(vm, &d, kv[0].clone(), kv[1].clone());
                            if r.is_err() {
                                break;
                            }
                        }
                        while let Some(x) = items.pop() {
                            drop(x);
                        }
                        tri!(r);
                        stack.push(d);
                    }
                    Instr::BuildConstKeyMap(n) => {
                        let keys = pop!();
                        let values: Vec<PyRef> = stack.split_off(stack.len() - n as usize);
                        let d = vm.dict();
                        let dd = dict::get(&d).unwrap();
                        for (k, v) in tuple::items(&keys).iter().zip(values) {
                            tri!(dd.set(vm, &d, k.clone(), v));
                        }
                        stack.push(d);
                    }
                    Instr::BuildSlice(n) => {
                        let step = if n == 3 { pop!() } else { vm.none() };
                        let stop = pop!();
                        let start = pop!();
                        stack.push(PyRef::new(&vm.types.slice, slice::SliceData { start, stop, step }));
                    }
                    Instr::BuildString(n) => {
                        let parts: Vec<PyRef> = stack.split_off(stack.len() - n as usize);
                        let mut s = String::new();
                        for p in &parts {
                            s.push_str(str::as_str(p));
                        }
                        stack.push(vm.str_owned(s));
                    }
                    Instr::ListAppend(i) => {
                        let v = pop!();
                        let l = &stack[stack.len() - i as usize];
                        list::get(l).unwrap().push(v);
                    }
                    Instr::SetAdd(i) => {
                        let v = pop!();
                        let s = stack[stack.len() - i as usize].clone();
                        tri!(set::get(&s).unwrap().add(vm, &v));
                    }
                    Instr::MapAdd(i) => {
                        let v = pop!();
                        let k = pop!();
                        let d = stack[stack.len() - i as usize].clone();
                        tri!(dict::get(&d).unwrap().set(vm, &d, k, v));
                    }
                    Instr::ListExtend(arg) => {
                        let i = arg & !refscope_compiler::compile::LIST_EXTEND_CALL;
                        let it = pop!();
                        let l = stack[stack.len() - i as usize].clone();
                        let exact_seq = it.ty().is(&vm.types.list) || it.ty().is(&vm.types.tuple);
                        let hint = if exact_seq { 0 } else { tri!(crate::types::list_impl::extend_hint(vm, &it)) };
                        let items = match ops::iterate(vm, &it) {
                            Ok(v) => v,
                            Err(e) => {
                                if typeobj::isinstance(&e.0, &vm.exc.type_error) && ops::lookup_special(vm, &it, "__iter__").is_none() && ops::lookup_special(vm, &it, "__getitem__").is_none() {
                                    let msg = if arg & refscope_compiler::compile::LIST_EXTEND_CALL != 0 {
                                        let f = &stack[stack.len() - i as usize - 1];
                                        format!("{} argument after * must be an iterable, not {}", crate::types::function_impl::callable_display(vm, f), vm.type_name(&it))
                                    } else {
                                        format!("Value after * must be an iterable, not {}", vm.type_name(&it))
                                    };
                                    break 'exec (vm.type_error(msg), false);
                                }
                                break 'exec (e, false);
                            }
                        };
                        crate::types::list_impl::extend_with(list::get(&l).unwrap(), items, hint, exact_seq);
                    }
                    Instr::SetUpdate(i) => {
                        let it = pop!();
                        let s = stack[stack.len() - i as usize].clone();
                        let items = tri!(ops::iterate(vm, &it));
                        for x in items {
                            tri!(set::get(&s).unwrap().add(vm, &x));
                        }
                    }
                    Instr::DictUpdate(i) | Instr::DictMerge(i) => {
                        let other = pop!();
                        let d = stack[stack.len() - i as usize].clone();
                        let merge = matches!(*ins, Instr::DictMerge(_));
                        if merge {
                            let fidx = stack.len() - i as usize - 2;
                            tri!(crate::types::dict_impl::merge_kwargs(vm, &d, &other, &stack[fidx]));
                        } else {
                            tri!(crate::types::dict_impl::update_from(vm, &d, &other));
                        }
                    }
                    Instr::ListToTuple => {
                        let l = pop!();
                        let items = list::get(&l).unwrap().snapshot();
                        drop(l);
                        stack.push(vm.tuple(items));
                    }
                    Instr::FormatValue(flags) => {
                        let spec = if flags & 4 != 0 { Some(pop!()) } else { None };
                        let v = pop!();
                        let conv = match flags & 3 {
                            1 => Conversion::Str,
                            2 => Conversion::Repr,
                            3 => Conversion::Ascii,
                            _ => Conversion::None,
                        };
                        let v = match conv {
                            Conversion::None => v,
                            Conversion::Str => tri!(ops::str_(vm, &v)),
                            Conversion::Repr => tri!(ops::repr(vm, &v)),
                            Conversion::Ascii => {
                                let r = tri!(ops::repr_string(vm, &v));
                                vm.str_owned(crate::builtins::ascii_escape(&r))
                            }
                        };
                        let r = if v.ty().is(&vm.types.str_) && spec.as_ref().map(|s| str::as_str(s).is_empty()).unwrap_or(true) {
                            v
                        } else {
                            let spec = spec.unwrap_or_else(|| vm.empty_str.clone());
                            tri!(crate::builtins::format(vm, &v, &spec))
                        };
                        stack.push(r);
                    }
                    Instr::UnpackSequence(n) => {
                        let seq = pop!();
                        // An exact tuple of the right length (a loop over
                        // pairs): its items go straight onto the stack.
                        if seq.ty().is(&vm.types.tuple) {
                            let items = tuple::items(&seq);
                            if items.len() == n as usize {
                                stack.extend(items.iter().rev().cloned());
                                drop(seq);
                                continue;
                            }
                        }
                        let items = tri!(unpack(vm, &seq, n as usize, None));
                        for x in items.into_iter().rev() {
                            stack.push(x);
                        }
                    }
                    Instr::UnpackEx(arg) => {
                        let before = (arg & 0xff) as usize;
                        let after = (arg >> 8) as usize;
                        let seq = pop!();
                        let items = tri!(unpack(vm, &seq, before, Some(after)));
                        for x in items.into_iter().rev() {
                            stack.push(x);
                        }
                    }
                    Instr::Jump(t) => {
                        if observing && (t as usize) < pc {
                            // A loop turning back starts its line again.
                            last_line = 0;
                        }
                        if (t as usize) < pc && crate::interrupt::take() {
                            // Ctrl-C: raised where a loop turns back.
                            break 'exec (vm.new_exception_empty(&vm.exc.keyboard_interrupt), false);
                        }
                        pc = t as usize
                    }
                    Instr::PopJumpIfFalse(t) => {
                        let v = pop!();
                        let b = if v.is(&vm.false_) {
                            false
                        } else if v.is(&vm.true_) {
                            true
                        } else {
                            tri!(ops::truthy(vm, &v))
                        };
                        if !b {
                            pc = t as usize;
                        }
                    }
                    Instr::PopJumpIfTrue(t) => {
                        let v = pop!();
                        let b = if v.is(&vm.true_) {
                            true
                        } else if v.is(&vm.false_) {
                            false
                        } else {
                            tri!(ops::truthy(vm, &v))
                        };
                        if b {
                            pc = t as usize;
                        }
                    }
                    Instr::JumpIfFalseOrPop(t) => {
                        let b = tri!(ops::truthy(vm, top!()));
                        if !b {
                            pc = t as usize;
                        } else {
                            pop!();
                        }
                    }
                    Instr::JumpIfTrueOrPop(t) => {
                        let b = tri!(ops::truthy(vm, top!()));
                        if b {
                            pc = t as usize;
                        } else {
                            pop!();
                        }
                    }
                    Instr::PopJumpIfNone(t) => {
                        if pop!().is(&vm.none) {
                            pc = t as usize;
                        }
                    }
                    Instr::PopJumpIfNotNone(t) => {
                        if !pop!().is(&vm.none) {
                            pc = t as usize;
                        }
                    }
                    Instr::GetIter => {
                        let o = pop!();
                        let it = tri!(ops::get_iter(vm, &o));
                        drop(o);
                        stack.push(it);
                    }
                    Instr::ForIter(t) => {
                        if let Some(v) = crate::types::iter_impl::next_fast(vm, top!()) {
                            // The loop variable's store, when nothing is due
                            // between the two (a collection, an observer),
                            // runs here without the push and pop.
                            if let Some(&Instr::StoreFast(a)) = instrs.get(pc) {
                                if !crate::object::gc::attention() {
                                    fd.lasti.set(pc as u32);
                                    pc += 1;
                                    drop(fd.set_fast(a as usize, Some(v)));
                                    continue;
                                }
                            }
                            stack.push(v);
                            continue;
                        }
                        let next = tri!(ops::next(vm, top!()));
                        match next {
                            Some(v) => stack.push(v),
                            None => {
                                pop!();
                                pc = t as usize;
                            }
                        }
                    }
                    Instr::ReturnValue => {
                        let v = pop!();
                        if observing {
                            fd.lasti.set(pc as u32 - 1);
                            crate::observe::emit(vm, crate::observe::Event::Return { frame, value: &v });
                        }
                        stack.truncate(base);
                        blocks.truncate(frame_block_base);
                        if callee.is_some() {
                            break 'run Switch::Return(v);
                        }
                        *state_pc = pc;
                        release_callers(&mut callers);
                        std::mem::swap(given_stack, stack);
                        return Ok(Exit::Return(v));
                    }
                    Instr::YieldValue => {
                        let v = pop!();
                        if observing {
                            fd.lasti.set(pc as u32 - 1);
                            crate::observe::emit(vm, crate::observe::Event::Return { frame, value: &v });
                        }
                        debug_assert!(callee.is_none(), "an inlined call is never a generator's");
                        *state_pc = pc;
                        release_callers(&mut callers);
                        std::mem::swap(given_stack, stack);
                        return Ok(Exit::Yield(v));
                    }
                    Instr::Send(t) => {
                        // As CPython's SEND: the iterator is borrowed from
                        // the stack, the value sent is held for the call and
                        // the iterator gets its own reference to it.
                        let v = pop!();
                        let r = crate::types::generator_impl::send_to(vm, top!(), v.clone());
                        drop(v);
                        match tri!(r) {
                            Ok(y) => stack.push(y),
                            Err(ret) => {
                                pop!();
                                stack.push(ret);
                                pc = t as usize;
                            }
                        }
                    }
                    Instr::GetYieldFromIter => {
                        let o = top!().clone();
                        if o.kind() != Kind::Generator {
                            let it = tri!(ops::get_iter(vm, &o));
                            pop!();
                            stack.push(it);
                        }
                    }
                    Instr::MakeFunction(flags) => {
                        let code_obj = pop!();
                        let closure = if flags & make_function::CLOSURE != 0 { Some(pop!()) } else { None };
                        let annotations = if flags & make_function::ANNOTATIONS != 0 { Some(pop!()) } else { None };
                        let kwdefaults = if flags & make_function::KWDEFAULTS != 0 { Some(pop!()) } else { None };
                        let defaults = if flags & make_function::DEFAULTS != 0 { Some(pop!()) } else { None };
                        let f = crate::types::function_impl::new_function(vm, code_obj, fd.globals().clone(), defaults, kwdefaults, closure, annotations);
                        stack.push(f);
                    }
                    Instr::LoadBuildClass => match dict::get_str_key(fd.builtins(), &vm.intern("__build_class__")) {
                        Some(f) => stack.push(f),
                        None => break 'exec (vm.new_exception(&vm.exc.name_error, "__build_class__ not found".into()), false),
                    },
                    Instr::ImportName(i) => {
                        let fromlist = pop!();
                        let level = pop!();
                        let m = tri!(crate::import::import_name(vm, &names[i as usize], &fromlist, &level, fd.globals()));
                        stack.push(m);
                    }
                    Instr::ImportFrom(i) => {
                        let m = top!().clone();
                        let v = tri!(crate::import::import_from(vm, &m, &names[i as usize]));
                        stack.push(v);
                    }
                    Instr::ImportStar => {
                        let m = pop!();
                        let l = fd.locals.as_ref().unwrap_or(fd.globals()).clone();
                        tri!(crate::import::import_star(vm, &m, &l));
                    }
                    Instr::Raise(n) => {
                        match n {
                            0 => {
                                let h = vm.topmost_handled();
                                match h {
                                    Some(e) => break 'exec (PyErr(e), true),
                                    None => break 'exec (vm.runtime_error("No active exception to reraise"), false),
                                }
                            }
                            _ => {
                                let cause = if n == 2 { Some(pop!()) } else { None };
                                let exc = pop!();
                                let e = tri!(make_raise(vm, exc, cause));
                                break 'exec (e, false);
                            }
                        }
                    }
                    Instr::Reraise => {
                        let exc = pop!();
                        let prev = pop!();
                        restore_handled(vm, prev);
                        break 'exec (PyErr(exc), true);
                    }
                    Instr::ReraiseCleanup(n) => {
                        let exc2 = pop!();
                        let _prev2 = pop!();
                        for _ in 0..n {
                            pop!();
                        }
                        let prev = pop!();
                        restore_handled(vm, prev);
                        break 'exec (PyErr(exc2), true);
                    }
                    Instr::SetupFinally(t) => blocks.push(Block { handler: t, level: stack.len() as u32 }),
                    Instr::SetupCleanup(t) => blocks.push(Block { handler: t, level: stack.len() as u32 - 1 }),
                    Instr::SetupWith(t) => blocks.push(Block { handler: t, level: stack.len() as u32 - 1 }),
                    Instr::PopBlock => {
                        blocks.pop();
                    }
                    Instr::PopExcept => {
                        let prev = pop!();
                        restore_handled(vm, prev);
                    }
                    Instr::CheckExcMatch => {
                        let pat = pop!();
                        let exc = top!().clone();
                        let m = tri!(exception_matches(vm, &exc, &pat));
                        stack.push(vm.bool(m));
                    }
                    Instr::CheckEgMatch => {
                        let pat = pop!();
                        let exc = pop!();
                        let (rest, matched) = tri!(crate::types::exception_group::except_star_match(vm, &exc, &pat));
                        if !matched.is(&vm.none) {
                            let old = vm.handled.replace(Some(matched.clone()));
                            drop(old);
                        }
                        stack.push(rest);
                        stack.push(matched);
                    }
                    Instr::PrepReraiseStar => {
                        let raised = pop!();
                        let orig = pop!();
                        let r = tri!(crate::types::exception_group::prep_reraise_star(vm, &orig, &raised));
                        stack.push(r);
                    }
                    Instr::WithExceptStart => {
                        let l = stack.len();
                        let exc = stack[l - 1].clone();
                        let exit = stack[l - 3].clone();
                        let tb = exceptions::get(&exc).and_then(|d| d.traceback.borrow().clone()).unwrap_or_else(|| vm.none());
                        let r = tri!(ops::call_owned(vm, &exit, vec![exc.ty().clone(), exc.clone(), tb], None));
                        stack.push(r);
                    }
                    Instr::BeforeWith => {
                        let mgr = pop!();
                        let enter = ops::lookup_special(vm, &mgr, "__enter__");
                        let exit = ops::lookup_special(vm, &mgr, "__exit__");
                        let (Some(enter), Some(exit)) = (enter.clone(), exit) else {
                            let missed = if enter.is_some() { " (missed __exit__ method)" } else { "" };
                            break 'exec (
                                vm.type_error(format!("'{}' object does not support the context manager protocol{}", vm.type_name(&mgr), missed)),
                                false,
                            );
                        };
                        let bound_exit = tri!(ops::descr_get(vm, &exit, Some(&mgr), mgr.ty()));
                        stack.push(bound_exit);
                        let r = tri!(ops::call_unbound(vm, &enter, &mgr, &[]));
                        stack.push(r);
                    }
                    Instr::MatchCase(i) => {
                        let info = &cd.code.match_cases[i as usize];
                        let values: Vec<PyRef> = stack.split_off(stack.len() - info.nvalues as usize);
                        let subject = top!().clone();
                        let mut m = crate::match_impl::Matcher { vm, values: &values, captures: vec![None; info.ncaptures as usize] };
                        if tri!(m.matches(&info.pattern, &subject)) {
                            for c in m.captures {
                                stack.push(c.unwrap_or_else(|| vm.none()));
                            }
                            stack.push(vm.true_.clone());
                        } else {
                            stack.push(vm.false_.clone());
                        }
                    }
                    Instr::LoadAssertionError => stack.push(vm.exc.assertion_error.clone()),
                    Instr::PrintExpr => {
                        let v = pop!();
                        tri!(crate::builtins::display_hook(vm, &v));
                    }
                    Instr::SetupAnnotations => {
                        let l = fd.locals.as_ref().unwrap_or(fd.globals()).clone();
                        let key = vm.intern("__annotations__");
                        if tri!(mapping_get(vm, &l, &key)).is_none() {
                            tri!(ops::set_item(vm, &l, key, vm.dict()));
                        }
                    }
                }
            },
        };

        // ----- exception handling -----
        let exc = err.0.clone();
        fd.lasti.set((pc.max(1) - 1) as u32);
        if !reraise {
            set_context(vm, &exc);
            add_traceback(vm, &exc, frame, pc.max(1) - 1);
            if observing {
                crate::observe::emit(vm, crate::observe::Event::Exception { frame, exc: &exc });
            }
        }
        drop(err);
        // Only this frame's own blocks handle it.
        match if blocks.len() > frame_block_base { blocks.pop() } else { None } {
            Some(b) => {
                stack.truncate(b.level as usize);
                let prev = vm.handled.replace(Some(exc.clone()));
                stack.push(prev.unwrap_or_else(|| vm.null.clone()));
                stack.push(exc);
                pc = b.handler as usize;
            }
            None => {
                if observing {
                    crate::observe::emit(vm, crate::observe::Event::Return { frame, value: &vm.none });
                }
                stack.truncate(base);
                if callee.is_some() {
                    break 'run Switch::Raise(exc);
                }
                *state_pc = pc;
                release_callers(&mut callers);
                std::mem::swap(given_stack, stack);
                return Err(PyErr(exc));
            }
        }
    };

    // ----- switching frames -----
    match switch {
        Switch::Call(f, call_base) => {
            // The caller waits at its call; the callee starts on the stack
            // above it (its arguments are already in its locals).
            callers.push(Caller { frame: callee.replace(f), pc, base, block_base, call_base, last_line });
            block_base = callee_blocks.len();
            base = stack.len();
            pc = 0;
            entering = true;
        }
        Switch::Return(v) => {
            let call_base = resume_caller(vm, &mut callee, &mut callers, &mut callee_blocks, &mut block_base, &mut base, &mut pc, &mut resume_line);
            stack.truncate(call_base);
            stack.push(v);
            entering = false;
        }
        Switch::Raise(exc) => {
            let call_base = resume_caller(vm, &mut callee, &mut callers, &mut callee_blocks, &mut block_base, &mut base, &mut pc, &mut resume_line);
            stack.truncate(call_base);
            // The call instruction raises it.
            pending = Some((PyErr(exc), false));
            entering = false;
        }
    }
    }
}

/// What `run_frame_on` switches to: a new inlined call's frame (and the
/// stack index of the call's callable, where its result goes), or back to
/// the caller with the callee's return value or exception.
enum Switch {
    Call(PyRef, usize),
    Return(PyRef),
    Raise(PyRef),
}

/// A caller waiting for an inlined call (`run_frame_on`): its frame (`None`:
/// the outermost), where it resumes, its stack base and blocks, and the
/// stack index the call's result goes to.
struct Caller {
    frame: Option<PyRef>,
    pc: usize,
    base: usize,
    /// Where its blocks start in the callees' shared block stack.
    block_base: usize,
    call_base: usize,
    last_line: u32,
}

/// Free the inlined callers' buffer (empty by now) of a run that ends.
#[inline(always)]
fn release_callers(callers: &mut Vec<Caller>) {
    debug_assert!(callers.is_empty());
    if callers.capacity() != 0 {
        drop(std::mem::take(callers));
    }
}

/// A frame starts running: it counts against the recursion limit and is
/// the innermost of `vm.frames` (`leave_frame` undoes both).
#[inline]
fn enter_frame(vm: &Vm, frame: &PyRef) -> PyResult<()> {
    vm.enter_recursion("")?;
    vm.frames.borrow_mut().push(frame.clone());
    Ok(())
}

/// `enter_frame` for a call run inlined in the running loop: it takes no
/// native stack, so only the recursion depth is checked.
#[inline]
fn enter_inlined_frame(vm: &Vm, frame: &PyRef) -> PyResult<()> {
    vm.enter_recursion_depth("")?;
    vm.frames.borrow_mut().push(frame.clone());
    Ok(())
}

/// The innermost frame stops running (`enter_frame`).
#[inline]
fn leave_frame(vm: &Vm) {
    let f = vm.frames.borrow_mut().pop();
    vm.leave_recursion();
    if let Some(f) = &f {
        link_back_at_exit(vm, f);
    }
    drop(f);
}

/// An inlined call has returned or raised: it leaves `vm.frames`, its frame
/// is released, and its caller's state comes back. Returns the stack index
/// the call's result goes to.
#[inline]
#[allow(clippy::too_many_arguments)]
fn resume_caller(vm: &Vm, callee: &mut Option<PyRef>, callers: &mut Vec<Caller>, callee_blocks: &mut Vec<Block>, block_base: &mut usize, base: &mut usize, pc: &mut usize, last_line: &mut Option<u32>) -> usize {
    leave_frame(vm);
    let c = callers.pop().expect("an inlined call has a caller");
    let done = std::mem::replace(callee, c.frame);
    drop(done);
    // The finished callee's blocks (none left after a return or a raise).
    callee_blocks.truncate(*block_base);
    *block_base = c.block_base;
    *base = c.base;
    *pc = c.pc;
    *last_line = Some(c.last_line);
    c.call_base
}

fn restore_handled(vm: &Vm, prev: PyRef) {
    let v = if prev.is(&vm.null) { None } else { Some(prev) };
    let old = vm.handled.replace(v);
    drop(old);
}

fn unbound_deref(vm: &Vm, cd: &code::CodeData, i: usize) -> PyErr {
    let name = cd.code.localsplus_name(i);
    if i < cd.code.varnames.len() + cd.code.cellvars.len() {
        vm.new_exception(&vm.exc.unbound_local_error, format!("cannot access local variable '{}' where it is not associated with a value", name))
    } else {
        vm.new_exception(&vm.exc.name_error, format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name))
    }
}

/// `mapping[key]`, None when missing (for LoadName on class namespaces).
fn mapping_get(vm: &Vm, m: &PyRef, key: &PyRef) -> PyResult<Option<PyRef>> {
    if m.kind() == Kind::Dict && m.ty().is(&vm.types.dict) {
        return Ok(dict::get_str_key(m, key));
    }
    match ops::get_item(vm, m, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if typeobj::isinstance(&e.0, &vm.exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// CPython 3.11's specialised calls of builtins (`PRECALL_NO_KW_LEN`,
/// `PRECALL_NO_KW_ISINSTANCE`, `PRECALL_NO_KW_LIST_APPEND`): the result of
/// calling `f` with the positional arguments `args` (for a method
/// descriptor, `self` first) when it is one of these on operands that run
/// no Python code, `None` to take the general call. Builtins are told
/// apart by their native function (each is its own code).
#[inline(always)]
fn call_builtin_fast(vm: &Vm, f: &PyRef, args: &[PyRef]) -> Option<PyResult> {
    if f.kind() != Kind::BuiltinFunction {
        return None;
    }
    let d = builtin_function::get(f)?;
    let func = d.func as usize;
    // A method descriptor has no `self` of its own (a bound builtin method
    // does, and takes the arguments after it).
    match args {
        [x] if func == crate::builtins::b_len as crate::vm::NativeFn as usize && d.is_module_function => {
            if typeobj::data(x.ty()).flag(typeobj::tflags::HEAPTYPE) {
                return None;
            }
            let n = ops::builtin_len(x)?;
            Some(Ok(vm.int(n as i64)))
        }
        [x, cls] if func == crate::builtins::b_isinstance as crate::vm::NativeFn as usize && d.is_module_function => {
            // PyObject_IsInstance's first test: the exact type.
            x.ty().is(cls).then(|| Ok(vm.true_.clone()))
        }
        [l, x] if func == crate::types::list_impl::list_append as crate::vm::NativeFn as usize && d.self_.is_none() => {
            if !l.ty().is(&vm.types.list) {
                return None;
            }
            list::get(l)?.push(x.clone());
            Some(Ok(vm.none.clone()))
        }
        _ => None,
    }
}

/// Call with arguments borrowed from the caller's stack (builtins see them
/// there during the call, as in CPython).
fn call_borrowed(vm: &Vm, f: &PyRef, args: &[PyRef], kwnames: Option<&PyRef>) -> PyResult {
    if f.kind() == Kind::BuiltinFunction {
        let d = builtin_function::get(f).unwrap();
        if d.is_module_function || (d.self_.is_none() && d.objclass.is_none()) {
            return ops::call_builtin(vm, d.func, args, kwnames);
        }
        // The commonest: a method descriptor other than a slot wrapper,
        // called without keywords on an instance of exactly its class.
        if let (None, None, Some(cls), Some(first)) = (&d.self_, kwnames, &d.objclass, args.first()) {
            if first.ty().is(cls) && !d.name.starts_with("__") {
                return ops::call_builtin(vm, d.func, args, kwnames);
            }
        }
        let nkw = kwnames.map(|k| tuple::items(k).len()).unwrap_or(0);
        let _slot_args = builtin_function::SlotCallArgs::new(vm, f, args.len(), nkw);
        // A bound builtin method (`f = lst.sort; f(key=k)`): its `self` and
        // the caller's arguments, all borrowed, as CPython's vectorcall
        // passes them. A bound slot wrapper (method-wrapper) takes a tuple
        // of its arguments in CPython: they are counted there.
        if let Some(s) = &d.self_ {
            if _slot_args.is_none() {
                return PyRef::with_prefixed(s, args, |argv| ops::call_builtin(vm, d.func, argv, kwnames));
            }
        }
        // A method descriptor (`str.split` after LOAD_METHOD) applied to an
        // instance of its class: call it on the borrowed arguments, with no
        // argument vector (`ops::call` words the errors otherwise).
        if d.self_.is_none() {
            if let Some(cls) = &d.objclass {
                if args.len() > nkw && (args[0].ty().is(cls) || cls.is(&vm.types.object) || typeobj::isinstance(&args[0], cls)) {
                    return ops::call_builtin(vm, d.func, args, kwnames);
                }
            }
        }
        return ops::call(vm, f, args, kwnames);
    }
    ops::call(vm, f, args, kwnames)
}

fn call_ex(vm: &Vm, f: &PyRef, args: &PyRef, kwargs: Option<&PyRef>) -> PyResult {
    let has_kwargs = kwargs.is_some_and(|d| dict::get(d).is_some_and(|dd| !dd.is_empty()));
    if f.kind() == Kind::Type && !has_kwargs {
        // CPython calls a type with the tuple's items (vectorcall) or the
        // tuple itself: no array of its own.
        let depth = vm.frames.borrow().len();
        return crate::object::gc::with_star_args(depth, || crate::types::typeobj_call::call_type(vm, f, tuple::items(args), None));
    }
    let (argv, kwnames) = star_args(vm, args, kwargs)?;
    // With keywords, CPython unpacks the tuple and the dict into a new
    // array (_PyStack_UnpackDict), which holds every argument during the
    // call of a Python function, bound method or `__call__`; a Python
    // callee's locals hold them once more. (A type's call takes `argv` as
    // that array: `call_type`. A Python function's call from the loop runs
    // inlined and keeps its copy on the value stack.)
    let _unpacked = (kwnames.is_some() && f.kind() != Kind::Type && f.kind() != Kind::BuiltinFunction).then(|| argv.clone());
    if !matches!(f.kind(), Kind::Function | Kind::Method) {
        let depth = vm.frames.borrow().len();
        return crate::object::gc::with_star_args(depth, || ops::call_owned(vm, f, argv, kwnames.as_ref()));
    }
    ops::call_owned(vm, f, argv, kwnames.as_ref())
}

/// `f(*args, **kwargs)`'s arguments as a call passes them: the positional
/// ones (`args` is a tuple), then the keyword values, and the keyword names.
fn star_args(vm: &Vm, args: &PyRef, kwargs: Option<&PyRef>) -> PyResult<(Vec<PyRef>, Option<PyRef>)> {
    let items = tuple::items(args);
    let kw = kwargs.and_then(dict::get).filter(|dd| !dd.is_empty());
    let mut argv: Vec<PyRef> = Vec::with_capacity(items.len() + kw.map_or(0, |dd| dd.len()));
    argv.extend_from_slice(items);
    let kwnames = match kw {
        Some(dd) => {
            let mut names = Vec::with_capacity(dd.len());
            dd.append_items_to(&mut names, &mut argv);
            if names.iter().any(|k| k.kind() != Kind::Str) {
                return Err(vm.type_error("keywords must be strings"));
            }
            Some(vm.tuple(names))
        }
        None => None,
    };
    Ok((argv, kwnames))
}

/// Items for unpacking into `n` targets (or `n` before and `after` after a
/// starred target).
fn unpack(vm: &Vm, seq: &PyRef, n: usize, after: Option<usize>) -> PyResult<Vec<PyRef>> {
    let items: Vec<PyRef> = match seq.kind() {
        Kind::Tuple if seq.ty().is(&vm.types.tuple) => tuple::items(seq).to_vec(),
        Kind::List if seq.ty().is(&vm.types.list) => list::get(seq).unwrap().snapshot(),
        _ => {
            let it = match ops::get_iter(vm, seq) {
                Ok(it) => it,
                Err(e) if typeobj::isinstance(&e.0, &vm.exc.type_error) => {
                    return Err(vm.type_error(format!("cannot unpack non-iterable {} object", vm.type_name(seq))));
                }
                Err(e) => return Err(e),
            };
            let mut v = Vec::new();
            while let Some(x) = ops::next(vm, &it)? {
                v.push(x);
                if after.is_none() && v.len() > n {
                    return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
                }
            }
            v
        }
    };
    match after {
        None => {
            if items.len() < n {
                return Err(vm.value_error(format!("not enough values to unpack (expected {}, got {})", n, items.len())));
            }
            if items.len() > n {
                return Err(vm.value_error(format!("too many values to unpack (expected {})", n)));
            }
            Ok(items)
        }
        Some(after) => {
            if items.len() < n + after {
                return Err(vm.value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    n + after,
                    items.len()
                )));
            }
            let mut items = items;
            let tail = items.split_off(items.len() - after);
            let mid = items.split_off(n);
            let mut out = items;
            out.push(vm.list(mid));
            out.extend(tail);
            Ok(out)
        }
    }
}

/// Build the exception to raise from `raise exc [from cause]`.
fn make_raise(vm: &Vm, exc: PyRef, cause: Option<PyRef>) -> PyResult<PyErr> {
    let e = instantiate_exception(vm, exc)?;
    if let Some(c) = cause {
        let c = if c.is(&vm.none) { None } else { Some(instantiate_exception_cause(vm, c)?) };
        let ed = exceptions::get(&e).unwrap();
        crate::observe::touch(e.id());
        let old = ed.cause.replace(c);
        drop(old);
        ed.suppress_context.set(true);
    }
    Ok(PyErr(e))
}

fn instantiate_exception(vm: &Vm, exc: PyRef) -> PyResult<PyRef> {
    if exc.kind() == Kind::Type && exceptions::is_exception_type(vm, &exc) {
        let e = ops::call0(vm, &exc)?;
        if !exceptions::is_exception(vm, &e) {
            return Err(vm.type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                crate::types::repr_impl::type_repr(&exc),
                vm.type_name(&e)
            )));
        }
        return Ok(e);
    }
    if exceptions::is_exception(vm, &exc) {
        return Ok(exc);
    }
    Err(vm.type_error("exceptions must derive from BaseException"))
}

fn instantiate_exception_cause(vm: &Vm, c: PyRef) -> PyResult<PyRef> {
    if c.kind() == Kind::Type && exceptions::is_exception_type(vm, &c) {
        return ops::call0(vm, &c);
    }
    if exceptions::is_exception(vm, &c) {
        return Ok(c);
    }
    Err(vm.type_error("exception causes must derive from BaseException"))
}

pub fn exception_matches(vm: &Vm, exc: &PyRef, pat: &PyRef) -> PyResult<bool> {
    if pat.kind() == Kind::Tuple {
        for p in tuple::items(pat) {
            if exception_matches(vm, exc, p)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if pat.kind() != Kind::Type || !exceptions::is_exception_type(vm, pat) {
        return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
    }
    Ok(typeobj::isinstance(exc, pat))
}
