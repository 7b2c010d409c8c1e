//! The `time` module's clocks (what benchmark and learner programs time
//! themselves with): `time`, `perf_counter`, `monotonic` and their `_ns`
//! forms. `perf_counter` and `monotonic` share one monotonic clock whose
//! origin is the first call, as CPython's are only meaningful as
//! differences.

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::object::PyRef;
use crate::types::{builtin_function, dict, module};
use crate::vm::{NativeFn, PyResult, Vm};

fn no_args(vm: &Vm, name: &str, a: &[PyRef], k: Option<&PyRef>) -> PyResult<()> {
    if !crate::types::methods::kw_names(k).is_empty() {
        return Err(vm.type_error(format!("time.{}() takes no keyword arguments", name)));
    }
    if !a.is_empty() {
        return Err(vm.type_error(format!("time.{}() takes no arguments ({} given)", name, a.len())));
    }
    Ok(())
}

fn monotonic_ns() -> i64 {
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    // Start well above zero so that differences of early calls are never
    // mistaken for "the clock is at its origin".
    let origin = ORIGIN.get_or_init(Instant::now);
    origin.elapsed().as_nanos() as i64 + 1_000_000_000
}

fn wall_ns() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i64,
        Err(e) => -(e.duration().as_nanos() as i64),
    }
}

fn t_time(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "time", a, k)?;
    Ok(vm.float(wall_ns() as f64 * 1e-9))
}

fn t_time_ns(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "time_ns", a, k)?;
    Ok(vm.int(wall_ns()))
}

fn t_perf_counter(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "perf_counter", a, k)?;
    Ok(vm.float(monotonic_ns() as f64 * 1e-9))
}

fn t_perf_counter_ns(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "perf_counter_ns", a, k)?;
    Ok(vm.int(monotonic_ns()))
}

fn t_monotonic(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "monotonic", a, k)?;
    Ok(vm.float(monotonic_ns() as f64 * 1e-9))
}

fn t_monotonic_ns(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "monotonic_ns", a, k)?;
    Ok(vm.int(monotonic_ns()))
}

pub fn make_module(vm: &Vm) -> PyRef {
    let m = crate::import::new_module(vm, "time");
    let d = module::get(&m).unwrap().dict.clone();
    let funcs: [(&'static str, NativeFn); 6] = [
        ("time", t_time),
        ("time_ns", t_time_ns),
        ("perf_counter", t_perf_counter),
        ("perf_counter_ns", t_perf_counter_ns),
        ("monotonic", t_monotonic),
        ("monotonic_ns", t_monotonic_ns),
    ];
    for (name, f) in funcs {
        let b = builtin_function::new_builtin(vm, name, f, Some(m.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b);
    }
    m
}
