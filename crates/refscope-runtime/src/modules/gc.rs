//! The `gc` module and the runtime side of the cycle collector: statistics,
//! `gc.callbacks`, the DEBUG_* flags, `gc.garbage`, and the automatic
//! collection that the interpreter runs at an instruction boundary once
//! generation 0's allocation count passed its threshold. The algorithm is
//! in `object::gc`.

use crate::object::gc::{self as core_gc, Collector, NUM_GENERATIONS};
use crate::object::{flags, PyRef};
use crate::ops;
use crate::types::builtin_function;
use crate::types::{dict, int, list, module};
use crate::vm::{NativeFn, PyResult, Vm};
use crate::object::Kind;
use std::cell::{Cell, RefCell};

pub const DEBUG_STATS: i64 = 1;
pub const DEBUG_COLLECTABLE: i64 = 2;
pub const DEBUG_UNCOLLECTABLE: i64 = 4;
pub const DEBUG_SAVEALL: i64 = 32;
pub const DEBUG_LEAK: i64 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

#[derive(Clone, Copy, Default)]
struct GenStats {
    collections: i64,
    collected: i64,
    uncollectable: i64,
}

#[derive(Default)]
struct GcRuntime {
    debug: Cell<i64>,
    stats: Cell<[GenStats; NUM_GENERATIONS]>,
    /// `gc.callbacks` and `gc.garbage` (created with the module, or on first
    /// need).
    callbacks: RefCell<Option<PyRef>>,
    garbage: RefCell<Option<PyRef>>,
}

thread_local! {
    static RT: GcRuntime = GcRuntime::default();
}

fn rt_list(vm: &Vm, which: fn(&GcRuntime) -> &RefCell<Option<PyRef>>) -> PyRef {
    RT.with(|rt| which(rt).borrow_mut().get_or_insert_with(|| vm.list(Vec::new())).clone())
}

fn callbacks(vm: &Vm) -> PyRef {
    rt_list(vm, |rt| &rt.callbacks)
}

fn garbage(vm: &Vm) -> PyRef {
    rt_list(vm, |rt| &rt.garbage)
}

fn debug() -> i64 {
    RT.with(|rt| rt.debug.get())
}

struct Runtime<'a> {
    vm: &'a Vm,
}

impl Collector for Runtime<'_> {
    fn reports_collectable(&self) -> bool {
        debug() & DEBUG_COLLECTABLE != 0
    }
    fn debug_collectable(&self, r: &PyRef) {
        if debug() & DEBUG_COLLECTABLE != 0 {
            crate::modules::sys::write_stderr(self.vm, &format!("gc: collectable <{} {:#x}>\n", self.vm.type_name(r), r.id()));
        }
    }
    fn clear_weakrefs(&self, unreachable: &[PyRef]) -> Vec<(PyRef, PyRef)> {
        crate::modules::weakref::clear_for_collection(unreachable)
    }
    fn call_weakref_callback(&self, wr: &PyRef, callback: &PyRef) {
        crate::modules::weakref::call_callback(wr, callback);
    }
    fn needs_finalizer(&self, r: &PyRef) -> bool {
        crate::finalize::needs_finalizer(r)
    }
    fn finalize(&self, r: &PyRef) {
        crate::finalize::run_finalizer(r);
    }
    fn save_garbage(&self, r: &PyRef) -> bool {
        if debug() & DEBUG_SAVEALL == 0 {
            return false;
        }
        let g = garbage(self.vm);
        list::get(&g).unwrap().push(r.clone());
        true
    }
}

/// Call `gc.callbacks` with ("start" | "stop", info), as CPython does:
/// each callback in list order, errors reported as unraisable.
fn invoke_callbacks(vm: &Vm, phase: &str, generation: usize, collected: usize, uncollectable: usize) {
    let cbs = callbacks(vm);
    if list::get(&cbs).unwrap().len() == 0 {
        return;
    }
    let info = vm.dict();
    dict::set_item_str(vm, &info, vm.intern("generation"), vm.int(generation as i64));
    dict::set_item_str(vm, &info, vm.intern("collected"), vm.int(collected as i64));
    dict::set_item_str(vm, &info, vm.intern("uncollectable"), vm.int(uncollectable as i64));
    let phase = vm.str(phase);
    let mut i = 0;
    loop {
        let Some(cb) = list::get(&cbs).unwrap().get(i) else { break };
        if let Err(e) = ops::call(vm, &cb, &[phase.clone(), info.clone()], None) {
            let what = ops::repr_string(vm, &cb).unwrap_or_default();
            crate::traceback_print::print_unraisable(vm, &e.0, &what);
        }
        i += 1;
    }
}

/// One collection of `generation` with callbacks, statistics and debug
/// output (CPython's `gc_collect_with_callback`). The caller holds the
/// collector (`core_gc::begin`).
fn collect_with_callback(vm: &Vm, generation: usize, automatic: bool) -> usize {
    if automatic {
        core_gc::begin_automatic();
    }
    invoke_callbacks(vm, "start", generation, 0, 0);
    let dbg = debug();
    let t0 = std::time::Instant::now();
    if dbg & DEBUG_STATS != 0 {
        let sizes = core_gc::generation_sizes();
        crate::modules::sys::write_stderr(
            vm,
            &format!(
                "gc: collecting generation {}...\ngc: objects in each generation: {} {} {}\ngc: objects in permanent generation: {}\n",
                generation,
                sizes[0],
                sizes[1],
                sizes[2],
                core_gc::freeze_count()
            ),
        );
    }
    crate::observe::collection_starts();
    let out = core_gc::collect(generation, &Runtime { vm }, automatic);
    crate::observe::emit(vm, crate::observe::Event::Collection { generation, collected: out.collected, uncollectable: out.uncollectable });
    if dbg & DEBUG_STATS != 0 {
        crate::modules::sys::write_stderr(
            vm,
            &format!(
                "gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed\n",
                out.collected + out.uncollectable,
                out.uncollectable,
                t0.elapsed().as_secs_f64()
            ),
        );
    }
    RT.with(|rt| {
        let mut s = rt.stats.get();
        s[generation].collections += 1;
        s[generation].collected += out.collected as i64;
        s[generation].uncollectable += out.uncollectable as i64;
        rt.stats.set(s);
    });
    invoke_callbacks(vm, "stop", generation, out.collected, out.uncollectable);
    if automatic {
        core_gc::finish_automatic();
    }
    out.collected + out.uncollectable
}

/// `gc.collect(generation)`: 0 when a collection is already running.
pub fn collect(vm: &Vm, generation: usize) -> usize {
    if !core_gc::begin() {
        return 0;
    }
    let n = collect_with_callback(vm, generation, false);
    core_gc::end();
    n
}

/// Whether a collection now could be seen by the program: something it
/// frees could run Python code (a `__del__`, a suspended generator's
/// `finally`, a weak reference callback), `gc.callbacks` or debug flags
/// report on it, or an observer watches. The collections at shutdown are
/// skipped when none of these holds (CPython runs them regardless; the
/// process is about to end). With the system allocator (valgrind's build)
/// they run, so that memory checkers see the garbage freed.
fn shutdown_collection_seen(vm: &Vm) -> bool {
    crate::finalize::code_at_death_possible()
        || debug() != 0
        || list::get(&callbacks(vm)).is_some_and(|l| l.len() != 0)
        || core_gc::is_observed()
        || cfg!(feature = "system-alloc")
}

/// The collection CPython 3.11 runs when the program has ended (after the
/// `atexit` functions) while every module is still in place: like
/// `gc.collect()`, with `gc.callbacks`, if the collector is enabled.
pub fn collect_at_exit(vm: &Vm) {
    if core_gc::is_enabled() && shutdown_collection_seen(vm) {
        collect(vm, NUM_GENERATIONS - 1);
    }
}

/// The full collection at interpreter shutdown, once the modules are gone:
/// no callbacks, whether or not the collector is enabled.
pub fn collect_at_shutdown(vm: &Vm) {
    if !shutdown_collection_seen(vm) {
        return;
    }
    if core_gc::begin() {
        core_gc::collect(NUM_GENERATIONS - 1, &Runtime { vm }, false);
        core_gc::end();
    }
}

/// The automatic collection, run by the interpreter between instructions
/// when `object::gc::pending()` is set.
#[cold]
pub fn collect_pending(vm: &Vm) {
    if core_gc::is_collecting() {
        // A callback or finalizer of the running collection: it goes on.
        return;
    }
    if !core_gc::is_enabled() {
        core_gc::clear_pending();
        return;
    }
    match core_gc::generation_due() {
        Some(g) if core_gc::begin() => {
            collect_with_callback(vm, g, true);
            core_gc::end();
        }
        _ => core_gc::clear_pending(),
    }
}

// ---- the module -------------------------------------------------------------

fn no_args(vm: &Vm, name: &str, a: &[PyRef], k: Option<&PyRef>) -> PyResult<()> {
    let nk = crate::types::methods::kw_names(k).len();
    if !a.is_empty() || nk > 0 {
        if nk > 0 && a.len() == nk {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
        }
        return Err(vm.type_error(format!("{}() takes no arguments ({} given)", name, a.len())));
    }
    Ok(())
}

fn one_arg<'a>(vm: &Vm, name: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<&'a PyRef> {
    if k.is_some_and(|k| !crate::types::methods::kw_names(Some(k)).is_empty()) {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    if a.len() != 1 {
        return Err(vm.type_error(format!("{}() takes exactly one argument ({} given)", name, a.len())));
    }
    Ok(&a[0])
}

fn int_arg(vm: &Vm, o: &PyRef) -> PyResult<i64> {
    if o.kind() == Kind::Float {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    int::index_i64(vm, o)
}

/// One optional argument `name` (positional or keyword), for functions
/// parsed by Argument Clinic.
fn opt_arg<'a>(vm: &Vm, func: &str, name: &str, a: &'a [PyRef], k: Option<&PyRef>) -> PyResult<Option<&'a PyRef>> {
    let kw = crate::types::methods::kw_names(k);
    let npos = a.len() - kw.len();
    for n in kw {
        if ops::str_string(vm, n)? != name {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", ops::str_string(vm, n)?, func)));
        }
    }
    if a.len() > 1 {
        return Err(vm.type_error(format!("{}() takes at most 1 argument ({} given)", func, a.len())));
    }
    let _ = npos;
    Ok(a.first())
}

fn g_collect(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let gen = match opt_arg(vm, "collect", "generation", a, k)? {
        Some(g) => int_arg(vm, g)?,
        None => 2,
    };
    if !(0..NUM_GENERATIONS as i64).contains(&gen) {
        return Err(vm.value_error("invalid generation"));
    }
    Ok(vm.int(collect(vm, gen as usize) as i64))
}

fn g_enable(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.enable", a, k)?;
    core_gc::set_enabled(true);
    Ok(vm.none())
}

fn g_disable(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.disable", a, k)?;
    core_gc::set_enabled(false);
    Ok(vm.none())
}

fn g_isenabled(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.isenabled", a, k)?;
    Ok(vm.bool(core_gc::is_enabled()))
}

fn g_get_count(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.get_count", a, k)?;
    let c = core_gc::counts();
    Ok(vm.tuple(c.iter().map(|&n| vm.int(n as i64)).collect::<Vec<_>>()))
}

fn g_get_threshold(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.get_threshold", a, k)?;
    let t = core_gc::thresholds();
    Ok(vm.tuple(t.iter().map(|&n| vm.int(n as i64)).collect::<Vec<_>>()))
}

fn g_set_threshold(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !crate::types::methods::kw_names(k).is_empty() {
        return Err(vm.type_error("set_threshold() takes no keyword arguments"));
    }
    if a.is_empty() {
        return Err(vm.type_error("set_threshold() takes at least 1 argument (0 given)"));
    }
    if a.len() > 3 {
        return Err(vm.type_error(format!("set_threshold() takes at most 3 arguments ({} given)", a.len())));
    }
    let mut vals = Vec::new();
    for x in a {
        let v = int_arg(vm, x)?;
        if v > i32::MAX as i64 || v < i32::MIN as i64 {
            return Err(vm.new_exception(&vm.exc.overflow_error, if v > 0 { "signed integer is greater than maximum".to_string() } else { "signed integer is less than minimum".to_string() }));
        }
        vals.push(v);
    }
    for (i, v) in vals.into_iter().enumerate() {
        core_gc::set_threshold(i, v as isize);
    }
    Ok(vm.none())
}

fn g_get_debug(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.get_debug", a, k)?;
    Ok(vm.int(debug()))
}

fn g_set_debug(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let f = one_arg(vm, "gc.set_debug", a, k)?;
    let v = int_arg(vm, f)?;
    RT.with(|rt| rt.debug.set(v));
    Ok(vm.none())
}

fn g_get_objects(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let gen = match opt_arg(vm, "get_objects", "generation", a, k)? {
        None => None,
        Some(g) if g.is(&vm.none) => None,
        Some(g) => {
            if g.kind() != Kind::Int {
                return Err(vm.type_error(format!("argument should be integer or None, not '{}'", vm.type_name(g))));
            }
            let v = int::index_i64(vm, g)?;
            if v >= NUM_GENERATIONS as i64 {
                return Err(vm.value_error(format!("generation parameter must be less than the number of available generations ({})", NUM_GENERATIONS)));
            }
            if v < -1 {
                return Err(vm.value_error("generation parameter cannot be negative"));
            }
            if v == -1 {
                None
            } else {
                Some(v as usize)
            }
        }
    };
    Ok(vm.list(core_gc::objects(gen)))
}

fn g_get_referents(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !crate::types::methods::kw_names(k).is_empty() {
        return Err(vm.type_error("get_referents() takes no keyword arguments"));
    }
    let mut out = Vec::new();
    for o in a {
        match crate::types::generator::get(o) {
            Some(g) => crate::gc_trace::generator_referents(g, &mut |r: &PyRef| out.push(r.clone())),
            None => core_gc::traverse(o, &mut |r| out.push(r.clone())),
        }
    }
    Ok(vm.list(out))
}

fn g_get_referrers(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !crate::types::methods::kw_names(k).is_empty() {
        return Err(vm.type_error("get_referrers() takes no keyword arguments"));
    }
    let mut out = Vec::new();
    for o in core_gc::objects(None) {
        let mut hit = false;
        core_gc::traverse(&o, &mut |r| hit |= a.iter().any(|x| x.is(r)));
        if hit {
            out.push(o);
        }
    }
    Ok(vm.list(out))
}

fn g_is_tracked(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let o = one_arg(vm, "gc.is_tracked", a, k)?;
    Ok(vm.bool(core_gc::is_tracked(o)))
}

fn g_is_finalized(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    let o = one_arg(vm, "gc.is_finalized", a, k)?;
    Ok(vm.bool(o.is_gc() && o.flags() & flags::FINALIZED != 0))
}

fn g_get_stats(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.get_stats", a, k)?;
    let stats = RT.with(|rt| rt.stats.get());
    let mut out = Vec::new();
    for s in stats {
        let d = vm.dict();
        dict::set_item_str(vm, &d, vm.intern("collections"), vm.int(s.collections));
        dict::set_item_str(vm, &d, vm.intern("collected"), vm.int(s.collected));
        dict::set_item_str(vm, &d, vm.intern("uncollectable"), vm.int(s.uncollectable));
        out.push(d);
    }
    Ok(vm.list(out))
}

fn g_freeze(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.freeze", a, k)?;
    core_gc::freeze();
    Ok(vm.none())
}

fn g_unfreeze(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.unfreeze", a, k)?;
    core_gc::unfreeze();
    Ok(vm.none())
}

fn g_get_freeze_count(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "gc.get_freeze_count", a, k)?;
    Ok(vm.int(core_gc::freeze_count() as i64))
}

/// Tracked objects that `import gc` would make now: the module, its dict,
/// its functions and the `garbage` and `callbacks` lists unless they exist.
fn module_tracked_objects() -> usize {
    let missing = RT.with(|rt| rt.garbage.borrow().is_none() as usize + rt.callbacks.borrow().is_none() as usize);
    FUNCS.len() + 2 + missing
}

/// What the start-up itself leaves tracked once collected, as if the
/// program's first line were `import gc; gc.collect()`, the point where
/// CPython's count was measured (`lib.rs`'s `START_TRACKED`): a full
/// collection of the start-up's heap (no program code has run, no callback
/// or finalizer exists; the statistics are not the program's), plus the
/// `gc` module's own objects.
pub fn startup_tracked_after_collection(vm: &Vm) -> usize {
    if core_gc::begin() {
        core_gc::collect(NUM_GENERATIONS - 1, &Runtime { vm }, false);
        core_gc::end();
    }
    core_gc::generation_sizes().iter().sum::<usize>() + module_tracked_objects()
}

const FUNCS: [(&str, NativeFn); 18] = [
    ("enable", g_enable),
    ("disable", g_disable),
    ("isenabled", g_isenabled),
    ("collect", g_collect),
    ("get_debug", g_get_debug),
    ("set_debug", g_set_debug),
    ("get_stats", g_get_stats),
    ("get_objects", g_get_objects),
    ("is_tracked", g_is_tracked),
    ("is_finalized", g_is_finalized),
    ("get_referrers", g_get_referrers),
    ("get_referents", g_get_referents),
    ("freeze", g_freeze),
    ("unfreeze", g_unfreeze),
    ("get_freeze_count", g_get_freeze_count),
    ("get_count", g_get_count),
    ("get_threshold", g_get_threshold),
    ("set_threshold", g_set_threshold),
];

/// Create the `gc` module (on its first import).
pub fn make_module(vm: &Vm) -> PyRef {
    let m = crate::import::new_module(vm, "gc");
    let d = module::get(&m).unwrap().dict.clone();
    for (name, f) in FUNCS {
        let b = builtin_function::new_builtin(vm, name, f, Some(m.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b);
    }
    dict::set_item_str(vm, &d, vm.intern("garbage"), garbage(vm));
    dict::set_item_str(vm, &d, vm.intern("callbacks"), callbacks(vm));
    for (name, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_LEAK),
    ] {
        dict::set_item_str(vm, &d, vm.intern(name), vm.int(v));
    }
    m
}
