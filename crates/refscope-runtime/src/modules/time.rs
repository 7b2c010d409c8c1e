//! The `time` module's clocks (what benchmark and learner programs time
//! themselves with): `time`, `perf_counter`, `monotonic` and their `_ns`
//! forms; and `sleep`. `perf_counter` and `monotonic` share one monotonic clock whose
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

/// `time.sleep(secs)`: int or float seconds, CPython's errors.
fn t_sleep(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    if !crate::types::methods::kw_names(k).is_empty() {
        return Err(vm.type_error("time.sleep() takes no keyword arguments"));
    }
    if a.len() != 1 {
        return Err(vm.type_error(format!("time.sleep() takes exactly one argument ({} given)", a.len())));
    }
    // Seconds as CPython's _PyTime_t (signed 64-bit nanoseconds) holds them.
    const MAX_SECS: f64 = 9.2e9;
    let secs = match a[0].kind() {
        crate::object::Kind::Float => {
            let f = crate::types::float::get(&a[0]).unwrap();
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            if !f.is_finite() || f.abs() > MAX_SECS {
                return Err(vm.new_exception(&vm.exc.overflow_error, "timestamp out of range for platform time_t".into()));
            }
            f
        }
        crate::object::Kind::Int => match crate::types::int::get(&a[0]).unwrap().to_f64() {
            Some(f) if f.abs() <= MAX_SECS => f,
            _ => return Err(vm.new_exception(&vm.exc.overflow_error, "timestamp too large to convert to C _PyTime_t".into())),
        },
        _ => return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&a[0])))),
    };
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    // Sleep in short steps so that Ctrl-C interrupts it, as in CPython.
    let end = Instant::now() + std::time::Duration::from_secs_f64(secs);
    loop {
        let now = Instant::now();
        if now >= end {
            break;
        }
        std::thread::sleep((end - now).min(std::time::Duration::from_millis(50)));
        if crate::interrupt::take() {
            return Err(vm.new_exception_empty(&vm.exc.keyboard_interrupt));
        }
    }
    Ok(vm.none())
}

pub fn make_module(vm: &Vm) -> PyRef {
    let m = crate::import::new_module(vm, "time");
    let d = module::get(&m).unwrap().dict.clone();
    let funcs: [(&'static str, NativeFn); 7] = [
        ("sleep", t_sleep),
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
