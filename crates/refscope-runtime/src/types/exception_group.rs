//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654), and the two steps
//! of `except*` the interpreter delegates here: matching a handler's types
//! against the exception being handled, and building what is raised again
//! once every handler has run.
//!
//! A group keeps its `message` and its `exceptions` tuple in the exception
//! struct's fields (`exceptions::members`). `ExceptionGroup` is a heap type
//! whose bases are `(BaseExceptionGroup, Exception)`, as CPython's (made at
//! start-up by `PyErr_NewException`): its instances carry a weak reference
//! slot the static type's do not.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::exceptions;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{PyResult, Vm};

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`: checks the
/// arguments and chooses the class (`ExceptionGroup` when `cls` is
/// `BaseExceptionGroup` and every item is an `Exception`).
pub fn group_new(vm: &Vm, cls: &PyRef, args: &[PyRef], kw: Option<&PyRef>) -> PyResult {
    let (pos, _) = crate::types::constructors::split_kw(args, kw);
    if pos.len() != 2 {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", pos.len())));
    }
    let (msg, seq) = (&pos[0], &pos[1]);
    if str::get(msg).is_none() {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            crate::types::methods::arg_type_name(vm, msg)
        )));
    }
    if !is_sequence(vm, seq) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = if seq.ty().is(&vm.types.tuple) { seq.clone() } else { vm.tuple(ops::iterate(vm, seq)?) };
    let items = tuple::items(&excs);
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base = false;
    for (i, e) in items.iter().enumerate() {
        if !exceptions::is_exception(vm, e) {
            return Err(vm.value_error(format!("Item {} of second argument (exceptions) is not an exception", i)));
        }
        nested_base |= !typeobj::isinstance(e, &vm.exc.exception);
    }
    let eg = exception_group_type(vm);
    let mut cls = cls.clone();
    if cls.is(&vm.exc.base_exception_group) {
        if !nested_base {
            cls = eg;
        }
    } else if cls.is(&eg) {
        if nested_base {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base && typeobj::is_subtype(&cls, &vm.exc.exception) {
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{}'", typeobj::tp_name(&cls))));
    }
    let e = PyRef::new(&cls, exceptions::ExceptionData::new(vm.tuple(pos.to_vec())));
    exceptions::set_member(vm, &e, "message", msg.clone());
    exceptions::set_member(vm, &e, "exceptions", excs);
    Ok(e)
}

/// CPython's `PySequence_Check`: a `__getitem__` on something that is not
/// a dict.
fn is_sequence(vm: &Vm, x: &PyRef) -> bool {
    !typeobj::isinstance(x, &vm.types.dict) && ops::lookup_special(vm, x, "__getitem__").is_some()
}

/// The `ExceptionGroup` class (made once the builtins exist).
pub fn exception_group_type(vm: &Vm) -> PyRef {
    vm.exc.exception_group.get().cloned().unwrap_or_else(|| vm.exc.base_exception_group.clone())
}

/// Make `ExceptionGroup`: a class of module `builtins` whose bases are
/// `(BaseExceptionGroup, Exception)`.
pub fn make_exception_group(vm: &Vm) -> PyResult<PyRef> {
    let ns = vm.dict();
    dict::set_item_str(vm, &ns, vm.intern("__module__"), vm.intern("builtins"));
    let bases = vm.tuple([vm.exc.base_exception_group.clone(), vm.exc.exception.clone()]);
    crate::types::typeobj_call::type_new(vm, &vm.types.type_, &[vm.str("ExceptionGroup"), bases, ns], None)
}

fn this<'a>(vm: &Vm, a: &'a [PyRef], name: &str) -> PyResult<&'a PyRef> {
    match a.first() {
        Some(s) if typeobj::isinstance(s, &vm.exc.base_exception_group) => Ok(s),
        Some(s) => Err(vm.type_error(format!(
            "descriptor '{}' for 'BaseExceptionGroup' objects doesn't apply to a '{}' object",
            name,
            vm.type_name(s)
        ))),
        None => Err(vm.type_error(format!("descriptor '{}' of 'BaseExceptionGroup' object needs an argument", name))),
    }
}

fn message(vm: &Vm, g: &PyRef) -> PyRef {
    exceptions::get_member(g, &vm.intern("message")).unwrap_or_else(|| vm.none())
}

/// The group's `exceptions` tuple.
pub fn excs(vm: &Vm, g: &PyRef) -> Option<PyRef> {
    exceptions::get_member(g, &vm.intern("exceptions"))
}

/// `__init__`: no keywords (named after the instance's type), and `args`
/// become the arguments.
fn group_init(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let g = this(vm, a, "__init__")?;
    if k.is_some_and(|k| !tuple::items(k).is_empty()) {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", vm.type_name(g))));
    }
    if let Some(e) = exceptions::get(g) {
        let old = e.args.replace(vm.tuple(a[1..].to_vec()));
        drop(old);
    }
    Ok(vm.none())
}

/// `str(g)`: "message (N sub-exceptions)".
fn group_str(vm: &Vm, a: &[PyRef], _k: Option<&PyRef>) -> PyResult {
    let g = this(vm, a, "__str__")?;
    let n = excs(vm, g).map(|t| tuple::items(&t).len()).unwrap_or(0);
    let m = message(vm, g);
    let m = str::get(&m).map(|s| s.as_str().to_string()).unwrap_or_default();
    Ok(vm.str_owned(format!("{} ({} sub-exception{})", m, n, if n > 1 { "s" } else { "" })))
}

/// `g.derive(excs)`: `BaseExceptionGroup(g.message, excs)`.
fn group_derive(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let g = this(vm, a, "derive")?;
    crate::types::methods::no_kw(vm, "BaseExceptionGroup", "derive", k)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("function takes exactly 1 argument ({} given)", a.len() - 1)));
    }
    let m = message(vm, g);
    crate::types::typeobj_call::call_type(vm, &vm.exc.base_exception_group, &[m, a[1].clone()], None)
}

/// What `split` and `subgroup` match leaves (and groups) by.
enum Matcher<'a> {
    /// An exception type or a tuple of them.
    Type(&'a PyRef),
    /// A callable: true for a match.
    Predicate(&'a PyRef),
    /// Exceptions by identity (`except*` keeping what handlers re-raised).
    Ids(&'a [usize]),
}

fn matcher<'a>(vm: &Vm, v: &'a PyRef) -> PyResult<Matcher<'a>> {
    if ops::is_callable(vm, v) && v.kind() != Kind::Type {
        return Ok(Matcher::Predicate(v));
    }
    if exceptions::is_exception_type(vm, v) {
        return Ok(Matcher::Type(v));
    }
    if v.ty().is(&vm.types.tuple) && tuple::items(v).iter().all(|t| exceptions::is_exception_type(vm, t)) {
        return Ok(Matcher::Type(v));
    }
    Err(vm.type_error("expected a function, exception type or tuple of exception types"))
}

fn matches(vm: &Vm, m: &Matcher, e: &PyRef) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => crate::interp::exception_matches(vm, e, t),
        Matcher::Predicate(f) => {
            let r = ops::call_owned(vm, f, vec![e.clone()], None)?;
            ops::truthy(vm, &r)
        }
        Matcher::Ids(ids) => Ok(ids.contains(&e.id())),
    }
}

/// Split `e` by `m`: the matching part and (when `rest`) the rest, each a
/// group derived from its original (with its traceback, cause, context and
/// a copy of its notes) or the leaf itself.
fn split_rec(vm: &Vm, e: &PyRef, m: &Matcher, rest: bool) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    if matches(vm, m, e)? {
        return Ok((Some(e.clone()), None));
    }
    if !typeobj::isinstance(e, &vm.exc.base_exception_group) {
        return Ok((None, rest.then(|| e.clone())));
    }
    vm.enter_recursion(" in exceptiongroup_split_recursive")?;
    let r = split_children(vm, e, m, rest);
    vm.leave_recursion();
    r
}

fn split_children(vm: &Vm, e: &PyRef, m: &Matcher, rest: bool) -> PyResult<(Option<PyRef>, Option<PyRef>)> {
    let children = excs(vm, e).map(|t| tuple::items(&t).to_vec()).unwrap_or_default();
    let (mut matched, mut others) = (Vec::new(), Vec::new());
    for c in &children {
        let (a, b) = split_rec(vm, c, m, rest)?;
        matched.extend(a);
        others.extend(b);
    }
    let a = subset(vm, e, matched)?;
    let b = if rest { subset(vm, e, others)? } else { None };
    Ok((a, b))
}

/// A group like `orig` holding `items` (None when there are none):
/// `orig.derive(items)` with `orig`'s traceback, context, cause and notes.
fn subset(vm: &Vm, orig: &PyRef, items: Vec<PyRef>) -> PyResult<Option<PyRef>> {
    if items.is_empty() {
        return Ok(None);
    }
    let list = vm.list(items);
    let derive = ops::get_attr_str(vm, orig, "derive")?;
    let g = ops::call_owned(vm, &derive, vec![list], None)?;
    if !typeobj::isinstance(&g, &vm.exc.base_exception_group) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup"));
    }
    if let (Some(src), Some(dst)) = (exceptions::get(orig), exceptions::get(&g)) {
        if let Some(tb) = src.traceback.borrow().clone() {
            let old = dst.traceback.replace(Some(tb));
            drop(old);
        }
        let old = dst.context.replace(src.context.borrow().clone());
        drop(old);
        // PyException_SetCause: the context is then suppressed.
        let old = dst.cause.replace(src.cause.borrow().clone());
        drop(old);
        dst.suppress_context.set(true);
    }
    if let Some(notes) = ops::get_attr_opt(vm, orig, &vm.intern("__notes__"))? {
        if is_sequence(vm, &notes) {
            let copy = vm.list(ops::iterate(vm, &notes)?);
            ops::set_attr_str(vm, &g, "__notes__", copy)?;
        }
    }
    Ok(Some(g))
}

fn one_condition<'a>(vm: &Vm, a: &'a [PyRef], name: &str) -> PyResult<&'a PyRef> {
    if a.len() != 2 {
        return Err(vm.type_error(format!("{} expected 1 argument, got {}", name, a.len() - 1)));
    }
    Ok(&a[1])
}

/// `g.split(condition)`: `(match, rest)`.
fn group_split(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let g = this(vm, a, "split")?;
    crate::types::methods::no_kw(vm, "BaseExceptionGroup", "split", k)?;
    let cond = one_condition(vm, a, "split")?;
    let m = matcher(vm, cond)?;
    let (x, y) = split_rec(vm, g, &m, true)?;
    Ok(vm.tuple([x.unwrap_or_else(|| vm.none()), y.unwrap_or_else(|| vm.none())]))
}

/// `g.subgroup(condition)`: the matching part.
fn group_subgroup(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let g = this(vm, a, "subgroup")?;
    crate::types::methods::no_kw(vm, "BaseExceptionGroup", "subgroup", k)?;
    let cond = one_condition(vm, a, "subgroup")?;
    let m = matcher(vm, cond)?;
    Ok(split_rec(vm, g, &m, false)?.0.unwrap_or_else(|| vm.none()))
}

pub fn init(vm: &Vm) {
    let t = &vm.exc.base_exception_group;
    typeobj::data(t).new.set(Some(group_new));
    let m = |name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, t, name, f);
    m("__str__", group_str);
    m("__init__", group_init);
    typeobj::add_classmethod(vm, t, "__class_getitem__", crate::types::methods_more::class_getitem);
    m("derive", group_derive);
    m("split", group_split);
    m("subgroup", group_subgroup);
    for (name, doc) in [("message", "exception message"), ("exceptions", "nested exceptions")] {
        let d = crate::types::descriptor::new_exception_field(vm, t, name, doc);
        typeobj::set_in_dict(vm, t, name, d);
    }
    typeobj::set_in_dict(vm, t, "__doc__", vm.str("A combination of multiple unrelated exceptions."));
}

// ----------------------------------------------------------- except*

/// `except* T`: the rest of `exc` and the part `T` matches, in that
/// order (None for none). A naked exception that matches is wrapped in a new
/// `ExceptionGroup("", (exc,))` (without a traceback in 3.11).
pub fn except_star_match(vm: &Vm, exc: &PyRef, pat: &PyRef) -> PyResult<(PyRef, PyRef)> {
    check_star_type(vm, pat)?;
    if exc.is(&vm.none) {
        return Ok((vm.none(), vm.none()));
    }
    if crate::interp::exception_matches(vm, exc, pat)? {
        if typeobj::isinstance(exc, &vm.exc.base_exception_group) {
            return Ok((vm.none(), exc.clone()));
        }
        let wrapped = crate::types::typeobj_call::call_type(vm, &vm.exc.base_exception_group, &[vm.str(""), vm.tuple([exc.clone()])], None)?;
        return Ok((vm.none(), wrapped));
    }
    if typeobj::isinstance(exc, &vm.exc.base_exception_group) {
        let split = ops::get_attr_str(vm, exc, "split")?;
        let pair = ops::call_owned(vm, &split, vec![pat.clone()], None)?;
        if pair.kind() != Kind::Tuple || tuple::items(&pair).len() != 2 {
            return Err(vm.type_error(format!("X.split(T) must return a tuple, not {}", vm.type_name(&pair))));
        }
        let it = tuple::items(&pair);
        return Ok((it[1].clone(), it[0].clone()));
    }
    Ok((exc.clone(), vm.none()))
}

/// The types an `except*` clause may name: exception classes that are not
/// exception groups.
fn check_star_type(vm: &Vm, pat: &PyRef) -> PyResult<()> {
    let one = |t: &PyRef| -> PyResult<()> {
        if !exceptions::is_exception_type(vm, t) {
            return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
        if typeobj::is_subtype(t, &vm.exc.base_exception_group) {
            return Err(vm.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
        }
        Ok(())
    };
    if pat.kind() == Kind::Tuple {
        for t in tuple::items(pat) {
            one(t)?;
        }
        return Ok(());
    }
    one(pat)
}

/// What leaves an `except*` statement once its handlers have run: `orig`
/// is the exception it caught, `raised` what each handler raised and
/// finally the unhandled rest (None items are skipped). Exceptions that
/// are `orig`'s own parts re-raised keep their place in `orig`'s structure;
/// new ones are grouped with them in `ExceptionGroup("", ...)`; a single
/// exception is raised alone. None: nothing to raise.
pub fn prep_reraise_star(vm: &Vm, orig: &PyRef, raised: &PyRef) -> PyResult {
    let items: Vec<PyRef> = list::get(raised).map(|l| l.snapshot()).unwrap_or_default().into_iter().filter(|e| !e.is(&vm.none)).collect();
    if items.is_empty() {
        return Ok(vm.none());
    }
    if !typeobj::isinstance(orig, &vm.exc.base_exception_group) {
        // A naked exception was wrapped: one clause at most ran.
        return Ok(items[0].clone());
    }
    let (mut reraised, mut new) = (Vec::new(), Vec::new());
    for e in items {
        if same_metadata(vm, &e, orig)? {
            reraised.push(e);
        } else {
            new.push(e);
        }
    }
    let kept = if reraised.is_empty() {
        None
    } else {
        let mut ids = Vec::new();
        for e in &reraised {
            leaf_ids(vm, e, &mut ids)?;
        }
        split_rec(vm, orig, &Matcher::Ids(&ids), false)?.0
    };
    if new.is_empty() {
        return Ok(kept.unwrap_or_else(|| vm.none()));
    }
    new.extend(kept);
    if new.len() == 1 {
        return Ok(new.pop().unwrap());
    }
    crate::types::typeobj_call::call_type(vm, &vm.exc.base_exception_group, &[vm.str(""), vm.list(new)], None)
}

/// A part of `orig` re-raised: the same notes, traceback, cause and context
/// (split copies them; a new raise changes the traceback).
fn same_metadata(vm: &Vm, e: &PyRef, orig: &PyRef) -> PyResult<bool> {
    let (Some(a), Some(b)) = (exceptions::get(e), exceptions::get(orig)) else { return Ok(false) };
    let same = |x: &Option<PyRef>, y: &Option<PyRef>| match (x, y) {
        (Some(x), Some(y)) => x.is(y),
        (None, None) => true,
        _ => false,
    };
    let notes = |x: &PyRef| -> PyResult<Option<PyRef>> { ops::get_attr_opt(vm, x, &vm.intern("__notes__")) };
    Ok(same(&notes(e)?, &notes(orig)?)
        && same(&a.traceback.borrow(), &b.traceback.borrow())
        && same(&a.cause.borrow(), &b.cause.borrow())
        && same(&a.context.borrow(), &b.context.borrow()))
}

fn leaf_ids(vm: &Vm, e: &PyRef, out: &mut Vec<usize>) -> PyResult<()> {
    if !typeobj::isinstance(e, &vm.exc.base_exception_group) {
        out.push(e.id());
        return Ok(());
    }
    vm.enter_recursion(" in collect_exception_group_leaf_ids")?;
    let r = (|| {
        for c in excs(vm, e).map(|t| tuple::items(&t).to_vec()).unwrap_or_default() {
            leaf_ids(vm, &c, out)?;
        }
        Ok(())
    })();
    vm.leave_recursion();
    r
}
