//! Methods of the builtin types: the argument parsing every builtin method
//! shares (with CPython's exact error messages), the generic special methods
//! of the builtin types (`__len__`, `__repr__`, comparisons ...), and the
//! registration of each type's methods, which live in the type's own file
//! (`str.rs`, `bytes.rs`, `list_impl.rs`, `dict_impl.rs`, `set_ops.rs` ...).

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{PyErr, PyResult, Vm};
use refscope_compiler::bytecode::BinOp;

// ---------------------------------------------------------------- arguments
//
// A builtin method receives `self` as `a[0]`, then the positional
// arguments, then the keyword values; `k` is the tuple of keyword names.
// CPython words its argument errors differently depending on how the method
// parses its arguments (METH_NOARGS, METH_O, Argument Clinic positional-only,
// PyArg_ParseTuple, Argument Clinic with keywords); each helper below
// reproduces one of those families.

/// The keyword names of a call.
pub fn kw_names(k: Option<&PyRef>) -> &[PyRef] {
    match k {
        Some(k) => tuple::items(k),
        None => &[],
    }
}

/// Positional arguments (without `self`) and keyword values.
pub fn split_args<'a>(a: &'a [PyRef], k: Option<&PyRef>) -> (&'a [PyRef], &'a [PyRef]) {
    let nk = kw_names(k).len();
    let (p, kv) = a.split_at(a.len() - nk);
    (p.get(1..).unwrap_or(&[]), kv)
}

/// `module.__dir__()`: the names in the module's `__dict__`, or what its
/// own `__dir__` (a function in that dict) returns.
fn module_dir(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    noargs(vm, "module", "__dir__", a, k)?;
    let Some(m) = crate::types::module::get(&a[0]) else {
        return Err(vm.type_error(format!("descriptor '__dir__' requires a 'module' object but received a '{}'", vm.type_name(&a[0]))));
    };
    let d = m.dict.clone();
    if let Some(f) = crate::types::dict::get_str_key(&d, &vm.intern("__dir__")) {
        return crate::ops::call_owned(vm, &f, Vec::new(), None);
    }
    let keys = crate::types::dict::get(&d).map(|dd| dd.keys()).unwrap_or_default();
    Ok(vm.list(keys))
}

/// `type.name() takes no keyword arguments` when keywords were given.
pub fn no_kw(vm: &Vm, ty: &str, name: &str, k: Option<&PyRef>) -> PyResult<()> {
    if !kw_names(k).is_empty() {
        return Err(vm.type_error(format!("{}.{}() takes no keyword arguments", ty, name)));
    }
    Ok(())
}

/// The type name a builtin method's errors show: the defining type (what
/// `obj.method(...)` reports in CPython; a bound method object stored and
/// called later would show `type(obj)` instead), or the class a class
/// method is called on.
fn self_label<'t>(vm: &Vm, ty: &'t str, a: &[PyRef]) -> std::borrow::Cow<'t, str> {
    let _ = vm;
    match a.first() {
        Some(o) if o.kind() == Kind::Type => std::borrow::Cow::Owned(typeobj::type_name(o)),
        _ => std::borrow::Cow::Borrowed(ty),
    }
}

/// A method without arguments (METH_NOARGS).
#[inline]
pub fn noargs(vm: &Vm, ty: &str, name: &str, a: &[PyRef], k: Option<&PyRef>) -> PyResult<()> {
    if k.is_none() && a.len() == 1 {
        return Ok(());
    }
    noargs_error(vm, ty, name, a, k)
}

#[cold]
#[inline(never)]
fn noargs_error(vm: &Vm, ty: &str, name: &str, a: &[PyRef], k: Option<&PyRef>) -> PyResult<()> {
    let label = self_label(vm, ty, a);
    let ty = &*label;
    no_kw(vm, ty, name, k)?;
    if a.len() != 1 {
        return Err(vm.type_error(format!("{}.{}() takes no arguments ({} given)", ty, name, a.len().saturating_sub(1))));
    }
    Ok(())
}

/// A method of exactly one argument (METH_O).
#[inline]
pub fn one_arg<'a>(vm: &Vm, ty: &str, name: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<&'a PyRef> {
    match a {
        [_, x] if k.is_none() => Ok(x),
        _ => one_arg_error(vm, ty, name, a, k),
    }
}

#[cold]
#[inline(never)]
fn one_arg_error<'a>(vm: &Vm, ty: &str, name: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<&'a PyRef> {
    let label = self_label(vm, ty, a);
    let ty = &*label;
    no_kw(vm, ty, name, k)?;
    if a.len() != 2 {
        return Err(vm.type_error(format!("{}.{}() takes exactly one argument ({} given)", ty, name, a.len().saturating_sub(1))));
    }
    Ok(&a[1])
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Positional-only arguments parsed by Argument Clinic
/// (`insert expected 2 arguments, got 0`).
#[inline]
pub fn pos_args<'a>(vm: &Vm, ty: &str, name: &str, a: &'a [PyRef], k: Option<&PyRef>, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    if let (None, Some(p)) = (k, a.get(1..)) {
        if (min..=max).contains(&p.len()) {
            return Ok(p);
        }
    }
    pos_args_error(vm, ty, name, a, k, min, max)
}

#[cold]
#[inline(never)]
fn pos_args_error<'a>(vm: &Vm, ty: &str, name: &str, a: &'a [PyRef], k: Option<&PyRef>, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    no_kw(vm, &self_label(vm, ty, a), name, k)?;
    let p = a.get(1..).unwrap_or(&[]);
    let n = p.len();
    if n < min || n > max {
        let msg = if min == max {
            format!("{} expected {} argument{}, got {}", name, min, plural(min), n)
        } else if n < min {
            format!("{} expected at least {} argument{}, got {}", name, min, plural(min), n)
        } else {
            format!("{} expected at most {} argument{}, got {}", name, max, plural(max), n)
        };
        return Err(vm.type_error(msg));
    }
    Ok(p)
}

/// Positional-only arguments parsed by PyArg_ParseTuple
/// (`find() takes at least 1 argument (0 given)`).
#[inline]
pub fn tuple_args<'a>(vm: &Vm, ty: &str, name: &str, a: &'a [PyRef], k: Option<&PyRef>, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    if let (None, Some(p)) = (k, a.get(1..)) {
        if (min..=max).contains(&p.len()) {
            return Ok(p);
        }
    }
    tuple_args_error(vm, ty, name, a, k, min, max)
}

#[cold]
#[inline(never)]
fn tuple_args_error<'a>(vm: &Vm, ty: &str, name: &str, a: &'a [PyRef], k: Option<&PyRef>, min: usize, max: usize) -> PyResult<&'a [PyRef]> {
    no_kw(vm, &self_label(vm, ty, a), name, k)?;
    let p = a.get(1..).unwrap_or(&[]);
    let n = p.len();
    if n < min || n > max {
        let (what, m) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        return Err(vm.type_error(format!("{}() takes {} {} argument{} ({} given)", name, what, m, plural(m), n)));
    }
    Ok(p)
}

/// Arguments parsed by Argument Clinic with keywords: `names` are the
/// parameters in order, the first `posonly` of them positional-only, the
/// first `required` of them required, and at most `maxpos` may be given
/// positionally. `a` includes `self` unless `has_self` is false.
pub fn kw_args<'a>(
    vm: &Vm,
    name: &str,
    a: &'a [PyRef],
    k: Option<&PyRef>,
    has_self: bool,
    names: &[&str],
    posonly: usize,
    required: usize,
    maxpos: usize,
) -> PyResult<Vec<Option<&'a PyRef>>> {
    let kn = kw_names(k);
    let (p, kv) = a.split_at(a.len() - kn.len());
    let p = if has_self { p.get(1..).unwrap_or(&[]) } else { p };
    let nargs = p.len();
    let total = nargs + kn.len();
    let maxargs = names.len();
    if total > maxargs {
        return Err(vm.type_error(format!(
            "{}() takes at most {} {}argument{} ({} given)",
            name,
            maxargs,
            if nargs == 0 { "keyword " } else { "" },
            plural(maxargs),
            total
        )));
    }
    if nargs > maxpos {
        if maxpos == 0 {
            return Err(vm.type_error(format!("{}() takes no positional arguments", name)));
        }
        return Err(vm.type_error(format!(
            "{}() takes {} {} positional argument{} ({} given)",
            name,
            if required.min(maxpos) < maxpos { "at most" } else { "exactly" },
            maxpos,
            plural(maxpos),
            nargs
        )));
    }
    let minposonly = required.min(posonly);
    if nargs < minposonly {
        return Err(vm.type_error(format!(
            "{}() takes {} {} positional argument{} ({} given)",
            name,
            if minposonly < maxpos { "at least" } else { "exactly" },
            minposonly,
            plural(minposonly),
            nargs
        )));
    }
    let mut out: Vec<Option<&'a PyRef>> = vec![None; maxargs];
    for (i, v) in p.iter().enumerate() {
        out[i] = Some(v);
    }
    let mut used = vec![false; kn.len()];
    for i in nargs.max(posonly)..maxargs {
        for (j, kname) in kn.iter().enumerate() {
            if !used[j] && str::get(kname).map(|s| s.as_str() == names[i]).unwrap_or(false) {
                out[i] = Some(&kv[j]);
                used[j] = true;
                break;
            }
        }
        if out[i].is_none() && i < required {
            return Err(vm.type_error(format!("{}() missing required argument '{}' (pos {})", name, names[i], i + 1)));
        }
    }
    for (j, kname) in kn.iter().enumerate() {
        if used[j] {
            continue;
        }
        let ks = str::get(kname).map(|s| s.as_str()).unwrap_or("");
        if let Some(pos) = names.iter().position(|n| *n == ks) {
            if pos >= posonly && pos < nargs {
                return Err(vm.type_error(format!("argument for {}() given by name ('{}') and position ({})", name, ks, pos + 1)));
            }
        }
        return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", ks, name)));
    }
    Ok(out)
}

/// An optional index argument (`start`/`end` of str.find and friends):
/// None means absent; otherwise `__index__`, saturating like CPython's
/// _PyEval_SliceIndex.
pub fn opt_slice_index(vm: &Vm, x: Option<&PyRef>) -> PyResult<Option<i64>> {
    use num_traits::{Signed, ToPrimitive};
    match x {
        None => Ok(None),
        Some(v) if v.is(&vm.none) => Ok(None),
        Some(v) => {
            if let Some(i) = int::as_i64(v) {
                return Ok(Some(i));
            }
            if int::get(v).is_none() && ops::lookup_special(vm, v, "__index__").is_none() {
                return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
            }
            let b = int::index_value(vm, v)?;
            Ok(Some(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX })))
        }
    }
}

/// Arguments of a slot wrapper (`str.__len__`, `int.__add__` ...):
/// `expected 1 argument, got 0`, `wrapper __add__() takes no keyword
/// arguments`.
pub fn wrapper_args<'a>(vm: &Vm, name: &str, a: &'a [PyRef], k: Option<&PyRef>, n: usize) -> PyResult<&'a [PyRef]> {
    if !kw_names(k).is_empty() {
        return Err(vm.type_error(format!("wrapper {}() takes no keyword arguments", name)));
    }
    let p = a.get(1..).unwrap_or(&[]);
    if a.is_empty() || p.len() != n {
        return Err(vm.type_error(format!("expected {} argument{}, got {}", n, plural(n), p.len())));
    }
    Ok(p)
}

/// A type name as Argument Clinic's errors show it ("None" for None).
pub fn arg_type_name(vm: &Vm, x: &PyRef) -> String {
    if x.is(&vm.none) {
        "None".into()
    } else {
        vm.type_name(x)
    }
}

/// An index-sized integer argument (`__index__`, OverflowError when too big).
pub fn ssize_arg(vm: &Vm, x: &PyRef) -> PyResult<i64> {
    int::index_i64(vm, x)
}

/// An error of the refscope-text crate as a Python exception.
pub fn text_err(vm: &Vm, e: refscope_text::TextError) -> PyErr {
    match e.exception_type() {
        "OverflowError" => vm.overflow_error(e.message()),
        "MemoryError" => vm.memory_error(),
        _ => vm.value_error(e.message()),
    }
}

/// An exception of the builtin type called `name` (e.g. the
/// `exception_type()` of a codec error).
pub fn exc_named(vm: &Vm, name: &str, msg: String) -> PyErr {
    for (n, t) in &vm.exc.all {
        if *n == name {
            return vm.new_exception(t, msg);
        }
    }
    vm.value_error(msg)
}

// ----- generic dunders for builtins -----

fn d_len(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__len__", a, k, 0)?;
    match ops::builtin_len(&a[0]) {
        Some(n) => Ok(vm.int(n as i64)),
        None => {
            // A range with big bounds: its length must fit in a Py_ssize_t.
            if let Some(r) = range::get(&a[0]) {
                let n = range::length(&int::to_bigint(&r.start), &int::to_bigint(&r.stop), &int::to_bigint(&r.step));
                let n = num_traits::ToPrimitive::to_i64(&n).ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))?;
                return Ok(vm.int(n));
            }
            Err(vm.type_error("bad __len__"))
        }
    }
}
fn d_getitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if a.first().map(|o| matches!(o.kind(), Kind::List | Kind::Dict)).unwrap_or(false) {
        one_arg(vm, &vm.type_name(&a[0]), "__getitem__", a, k)?;
    } else {
        wrapper_args(vm, "__getitem__", a, k, 1)?;
    }
    match crate::types::seq_impl::builtin_getitem(vm, &a[0], &a[1])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("bad __getitem__")),
    }
}
fn d_setitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !kw_names(k).is_empty() {
        return Err(vm.type_error("wrapper __setitem__() takes no keyword arguments"));
    }
    if a.len() != 3 {
        return Err(vm.type_error(format!(" expected 2 arguments, got {}", a.len().saturating_sub(1))));
    }
    crate::types::seq_impl::builtin_setitem(vm, &a[0], &a[1], Some(a[2].clone()))?;
    Ok(vm.none())
}
fn d_delitem(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__delitem__", a, k, 1)?;
    crate::types::seq_impl::builtin_setitem(vm, &a[0], &a[1], None)?;
    Ok(vm.none())
}
fn d_contains(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if a.first().map(|o| matches!(o.kind(), Kind::Dict | Kind::Set)).unwrap_or(false) {
        one_arg(vm, &vm.type_name(&a[0]), "__contains__", a, k)?;
    } else {
        wrapper_args(vm, "__contains__", a, k, 1)?;
    }
    match crate::types::seq_impl::builtin_contains(vm, &a[0], &a[1])? {
        Some(b) => Ok(vm.bool(b)),
        None => Err(vm.type_error("bad __contains__")),
    }
}
pub fn d_iter(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__iter__", a, k, 0)?;
    match crate::types::iter_impl::builtin_iter(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("bad __iter__")),
    }
}
pub fn d_next(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__next__", a, k, 0)?;
    // The builtin step itself: `ops::next` would look `__next__` up again
    // on an instance of a subclass (enumerate, zip, map...) and come back.
    let r = match a[0].kind() {
        Kind::Iterator => crate::types::iter_impl::iter_next(vm, &a[0])?,
        _ => ops::next(vm, &a[0])?,
    };
    match r {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(None)),
    }
}
fn d_repr(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__repr__", a, k, 0)?;
    match crate::types::repr_impl::builtin_repr(vm, &a[0])? {
        Some(v) => Ok(v),
        None => Ok(vm.str_owned(crate::types::repr_impl::default_repr(vm, &a[0]))),
    }
}
fn d_hash(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__hash__", a, k, 0)?;
    let o = &a[0];
    let h = match o.kind() {
        Kind::Str => str::get(o).unwrap().hash(vm),
        Kind::Int => int::hash(int::get(o).unwrap()),
        Kind::Float => {
            let f = float::get(o).unwrap();
            refscope_numfmt::float_hash(f).unwrap_or_else(|| ops::id_hash(o))
        }
        Kind::Complex => {
            let (r, i) = complex::get(o).unwrap();
            complex::hash(r, i)
        }
        Kind::Bytes => bytes::get(o).map(|_| o.payload::<bytes::BytesData>().unwrap().hash(vm)).unwrap(),
        Kind::Tuple => {
            let items = tuple::items(o).to_vec();
            let mut hs = Vec::with_capacity(items.len());
            for x in &items {
                hs.push(ops::hash(vm, x)?);
            }
            tuple::hash_from(hs.into_iter(), items.len())
        }
        Kind::Set => {
            let sd = set::get(o).unwrap();
            let c = sd.hash.get();
            if c != -1 {
                c
            } else {
                let h = set::frozenset_hash(&sd.items_hashed());
                sd.hash.set(h);
                h
            }
        }
        Kind::Range => {
            // CPython hashes (len, start, step), with None for what an
            // empty or one-item range does not need.
            let r = range::get(o).unwrap();
            let n = range::length(&int::to_bigint(&r.start), &int::to_bigint(&r.stop), &int::to_bigint(&r.step));
            let t = if num_traits::Zero::is_zero(&n) {
                vm.tuple([vm.bigint(n), vm.none(), vm.none()])
            } else if num_traits::One::is_one(&n) {
                vm.tuple([vm.bigint(n), r.start.clone(), vm.none()])
            } else {
                vm.tuple([vm.bigint(n), r.start.clone(), r.step.clone()])
            };
            ops::hash(vm, &t)?
        }
        _ => ops::id_hash(o),
    };
    Ok(vm.int(h))
}
fn d_bool(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let o = a.first().ok_or_else(|| vm.type_error("__bool__ needs an argument"))?;
    wrapper_args(vm, "__bool__", a, k, 0)?;
    Ok(vm.bool(match o.kind() {
        Kind::Int => !int::get(o).unwrap().is_zero(),
        Kind::Float => float::get(o).unwrap() != 0.0,
        Kind::Complex => {
            let (r, i) = complex::get(o).unwrap();
            r != 0.0 || i != 0.0
        }
        _ => return Err(vm.type_error("descriptor '__bool__' requires a number")),
    }))
}
fn d_str(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__str__", a, k, 0)?;
    let o = &a[0];
    if o.kind() == Kind::Exception {
        return crate::types::repr_impl::exception_str_base(vm, o);
    }
    if o.kind() == Kind::Str {
        return Ok(vm.str(str::as_str(o)));
    }
    d_repr(vm, a, None)
}
fn d_format(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if a.len() != 2 || k.is_some() {
        let label = a.first().map(|o| vm.type_name(o)).unwrap_or_default();
        one_arg(vm, &label, "__format__", a, k)?;
    }
    crate::builtins::builtin_format(vm, &a[0], &a[1])
}
fn cmp_call(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, op: refscope_compiler::bytecode::CmpOp) -> PyResult {
    let p = wrapper_args(vm, op.dunder(), a, k, 1)?;
    if a[0].kind() == Kind::Int && p[0].kind() != Kind::Int {
        return Ok(vm.not_implemented.clone());
    }
    crate::builtins::builtin_compare_obj(vm, &a[0], &p[0], op)
}
fn make_cmp(op: refscope_compiler::bytecode::CmpOp) -> crate::vm::NativeFn {
    use refscope_compiler::bytecode::CmpOp::*;
    match op {
        Lt => |vm, a, k| cmp_call(vm, a, k, Lt),
        Le => |vm, a, k| cmp_call(vm, a, k, Le),
        Eq => |vm, a, k| cmp_call(vm, a, k, Eq),
        Ne => |vm, a, k| cmp_call(vm, a, k, Ne),
        Gt => |vm, a, k| cmp_call(vm, a, k, Gt),
        Ge => |vm, a, k| cmp_call(vm, a, k, Ge),
    }
}
fn d_neg(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__neg__", a, k, 0)?;
    crate::builtins::builtin_unary(vm, &a[0], refscope_compiler::bytecode::UnaryOp::Neg)
}
fn d_pos(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__pos__", a, k, 0)?;
    crate::builtins::builtin_unary(vm, &a[0], refscope_compiler::bytecode::UnaryOp::Pos)
}
fn d_invert(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__invert__", a, k, 0)?;
    crate::builtins::builtin_unary(vm, &a[0], refscope_compiler::bytecode::UnaryOp::Invert)
}
fn d_abs(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__abs__", a, k, 0)?;
    crate::builtins::builtin_abs(vm, &a[0])
}
fn d_index(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__index__", a, k, 0)?;
    Ok(vm.bigint(int::to_bigint(&a[0])))
}
fn d_int(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__int__", a, k, 0)?;
    match a[0].kind() {
        Kind::Float => Ok(vm.bigint(refscope_numfmt::float_to_int(float::get(&a[0]).unwrap()).map_err(|e| crate::builtins::num_error(vm, e))?)),
        _ => Ok(vm.bigint(int::to_bigint(&a[0]))),
    }
}
fn d_float(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    wrapper_args(vm, "__float__", a, k, 0)?;
    match a[0].kind() {
        Kind::Float => Ok(vm.float(float::get(&a[0]).unwrap())),
        _ => Ok(vm.float(int::int_to_f64(vm, int::get(&a[0]).unwrap())?)),
    }
}


pub fn init(vm: &Vm) {
    let t = &vm.types;
    let m = |ty: &PyRef, name: &'static str, f: crate::vm::NativeFn| typeobj::add_method(vm, ty, name, f);
    // Common dunders.
    use refscope_compiler::bytecode::CmpOp;
    let cmp_all = [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge];
    for ty in [&t.int, &t.float, &t.complex, &t.str_, &t.bytes, &t.bytearray, &t.list, &t.tuple, &t.dict, &t.set, &t.frozenset, &t.range, &t.slice] {
        m(ty, "__repr__", d_repr);
        m(ty, "__hash__", d_hash);
        for op in cmp_all {
            m(ty, op.dunder(), make_cmp(op));
        }
    }
    for ty in [&t.str_, &t.bytes, &t.bytearray, &t.list, &t.tuple, &t.dict, &t.set, &t.frozenset, &t.range] {
        m(ty, "__len__", d_len);
        m(ty, "__contains__", d_contains);
        m(ty, "__iter__", d_iter);
    }
    for ty in [&t.str_, &t.bytes, &t.bytearray, &t.list, &t.tuple, &t.dict, &t.range] {
        m(ty, "__getitem__", d_getitem);
    }
    for ty in [&t.list, &t.dict, &t.bytearray] {
        m(ty, "__setitem__", d_setitem);
        m(ty, "__delitem__", d_delitem);
    }
    for ty in [&t.list, &t.dict, &t.set, &t.bytearray, &t.slice] {
        typeobj::set_in_dict(vm, ty, "__hash__", vm.none());
    }
    for ty in [&t.int, &t.float, &t.complex] {
        m(ty, "__bool__", d_bool);
        m(ty, "__neg__", d_neg);
        m(ty, "__pos__", d_pos);
        m(ty, "__abs__", d_abs);
        m(ty, "__format__", d_format);
    }
    for ty in [&t.int, &t.float] {
        m(ty, "__float__", d_float);
    }
    m(&t.int, "__invert__", d_invert);
    m(&t.int, "__index__", d_index);
    m(&t.int, "__int__", d_int);
    m(&t.float, "__int__", d_int);
    m(&t.str_, "__format__", d_format);
    m(&t.str_, "__str__", d_str);
    m(&t.module, "__repr__", d_repr);
    m(&t.module, "__dir__", module_dir);
    m(&vm.exc.base_exception, "__str__", d_str);
    m(&vm.exc.base_exception, "__repr__", d_repr);
    m(&vm.exc.base_exception, "__reduce__", crate::types::exceptions::exc_reduce);
    m(&vm.exc.base_exception, "__setstate__", crate::types::exceptions::exc_setstate);
    for it in [
        &t.list_iterator, &t.list_reverseiterator, &t.tuple_iterator, &t.range_iterator, &t.str_iterator, &t.bytes_iterator, &t.bytearray_iterator,
        &t.dict_keyiterator, &t.dict_valueiterator, &t.dict_itemiterator, &t.set_iterator, &t.seq_iterator, &t.callable_iterator, &t.enumerate,
        &t.zip, &t.map, &t.filter, &t.reversed, &t.generator,
    ] {
        m(it, "__iter__", d_iter);
        m(it, "__next__", d_next);
    }
    for v in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        m(v, "__iter__", d_iter);
        m(v, "__len__", d_len);
        m(v, "__contains__", d_contains);
        m(v, "__repr__", d_repr);
    }
    let all_ops = [BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::TrueDiv, BinOp::FloorDiv, BinOp::Mod, BinOp::Pow, BinOp::LShift, BinOp::RShift, BinOp::And, BinOp::Or, BinOp::Xor];
    number_ops::register(vm, &t.int, &all_ops);
    number_ops::register(vm, &t.float, &[BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::TrueDiv, BinOp::FloorDiv, BinOp::Mod, BinOp::Pow]);
    number_ops::register(vm, &t.complex, &[BinOp::Add, BinOp::Sub, BinOp::Mul, BinOp::TrueDiv, BinOp::Pow]);
    number_ops::register_divmod(vm, &t.int);
    number_ops::register_divmod(vm, &t.float);
    number_ops::register_seq(vm, &t.str_, true);
    number_ops::register_seq(vm, &t.bytes, true);
    number_ops::register_seq(vm, &t.bytearray, true);
    number_ops::register_seq(vm, &t.list, false);
    number_ops::register_seq(vm, &t.tuple, false);
    number_ops::register(vm, &t.set, &[BinOp::Or, BinOp::And, BinOp::Sub, BinOp::Xor]);
    number_ops::register(vm, &t.frozenset, &[BinOp::Or, BinOp::And, BinOp::Sub, BinOp::Xor]);
    number_ops::register(vm, &t.dict, &[BinOp::Or]);
    for v in [&t.dict_keys, &t.dict_items] {
        number_ops::register(vm, v, &[BinOp::Or, BinOp::And, BinOp::Sub, BinOp::Xor]);
    }

    crate::types::list_impl::init_methods(vm);
    crate::types::tuple::init_methods(vm);
    crate::types::dict_impl::init_methods(vm);
    crate::types::set_ops::init_methods(vm);
    crate::types::str::init_methods(vm);
    crate::types::bytes::init_methods(vm);
    crate::types::bytearray::init_methods(vm);
    crate::types::int::init_methods(vm);
    crate::types::float::init_methods(vm);
    crate::types::complex::init_methods(vm);
    crate::types::range_impl::init_methods(vm);
    crate::types::slice::init_methods(vm);
    crate::types::iter_impl::init_methods(vm);
    crate::types::methods_more::init(vm);
}

/// The arguments of a METH_VARARGS function in CPython 3.11 (`vars`,
/// `dir`, `str.format`, `dict.update`, set's `update`, `union`, ...):
/// a tuple of the positional arguments after `skip` (self), which holds
/// them during the call, and a dict of the keywords; freed on drop.
pub struct VarArgs(Option<PyRef>, Option<crate::object::gc::Transient>);

impl VarArgs {
    pub fn new(vm: &Vm, a: &[PyRef], k: Option<&PyRef>, skip: usize) -> VarArgs {
        let nkw = kw_names(k).len();
        let pos = &a[skip.min(a.len() - nkw)..a.len() - nkw];
        if crate::object::gc::star_args_given(vm.frames.borrow().len()) {
            return VarArgs(None, None);
        }
        let t = (!pos.is_empty()).then(|| vm.tuple(pos.to_vec()));
        VarArgs(t, (nkw > 0).then(crate::object::gc::Transient::dict))
    }
}

impl Drop for VarArgs {
    fn drop(&mut self) {
        drop(self.0.take());
        if let Some(d) = self.1.take() {
            d.free();
        }
    }
}

/// CPython 3.11's argument parser for a function taking keywords builds
/// the tuple of its keyword names the first time it is called with
/// keywords, and keeps it: its count, once per `parser`.
pub fn keyword_parser_init(parser: &'static std::thread::LocalKey<std::cell::Cell<bool>>, k: Option<&PyRef>, nnames: usize) {
    if !kw_names(k).is_empty() && !parser.with(|r| r.replace(true)) {
        let _kept_for_good = crate::object::gc::Transient::tuple(nnames);
    }
}
