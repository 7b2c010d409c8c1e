//! The `time` module's clocks (what benchmark and learner programs time
//! themselves with): `time`, `perf_counter`, `monotonic`, the CPU-time
//! clocks `process_time` and `thread_time`, their `_ns` forms and
//! `get_clock_info`; and `sleep`. `perf_counter` and `monotonic` share one monotonic clock whose
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

/// CPU time of the process or thread (`clock_gettime`, as CPython's).
fn cpu_ns(vm: &Vm, clock: i32) -> PyResult<i64> {
    crate::object::cfuncs::clock_ns(clock).ok_or_else(|| vm.new_exception(&vm.exc.os_error, "clock_gettime failed".into()))
}

fn t_process_time(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "process_time", a, k)?;
    Ok(vm.float(cpu_ns(vm, crate::object::cfuncs::CLOCK_PROCESS_CPUTIME_ID)? as f64 * 1e-9))
}

fn t_process_time_ns(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "process_time_ns", a, k)?;
    Ok(vm.int(cpu_ns(vm, crate::object::cfuncs::CLOCK_PROCESS_CPUTIME_ID)?))
}

fn t_thread_time(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "thread_time", a, k)?;
    Ok(vm.float(cpu_ns(vm, crate::object::cfuncs::CLOCK_THREAD_CPUTIME_ID)? as f64 * 1e-9))
}

fn t_thread_time_ns(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    no_args(vm, "thread_time_ns", a, k)?;
    Ok(vm.int(cpu_ns(vm, crate::object::cfuncs::CLOCK_THREAD_CPUTIME_ID)?))
}

/// `time.get_clock_info(name)`: a `types.SimpleNamespace` describing the
/// clock as CPython 3.11 on Linux does.
fn t_get_clock_info(vm: &Vm, a: &[PyRef], k: Option<&PyRef>) -> PyResult {
    // METH_VARARGS in CPython: the arguments are a tuple during the call.
    let _args = crate::types::methods::VarArgs::new(vm, a, k, 0);
    if !crate::types::methods::kw_names(k).is_empty() {
        return Err(vm.type_error("get_clock_info() takes no keyword arguments"));
    }
    if a.len() != 1 {
        return Err(vm.type_error(format!("get_clock_info() takes exactly 1 argument ({} given)", a.len())));
    }
    let Some(name) = crate::types::str::get(&a[0]) else {
        return Err(vm.type_error(format!("get_clock_info() argument 1 must be str, not {}", crate::types::methods::arg_type_name(vm, &a[0]))));
    };
    let (implementation, monotonic, adjustable) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let clock = match name.as_str() {
        "time" => 0,
        "process_time" => crate::object::cfuncs::CLOCK_PROCESS_CPUTIME_ID,
        "thread_time" => crate::object::cfuncs::CLOCK_THREAD_CPUTIME_ID,
        _ => 1,
    };
    let resolution = crate::object::cfuncs::clock_res_ns(clock).unwrap_or(1) as f64 * 1e-9;
    let types = crate::import::import_module(vm, "types")?;
    let ns = crate::ops::get_attr_str(vm, &types, "SimpleNamespace")?;
    let names = vm.tuple(["implementation", "monotonic", "adjustable", "resolution"].map(|n| vm.intern(n)));
    let args = [vm.str(implementation), vm.bool(monotonic), vm.bool(adjustable), vm.float(resolution)];
    crate::ops::call(vm, &ns, &args, Some(&names))
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
    let funcs: [(&'static str, NativeFn); 12] = [
        ("sleep", t_sleep),
        ("time", t_time),
        ("time_ns", t_time_ns),
        ("perf_counter", t_perf_counter),
        ("perf_counter_ns", t_perf_counter_ns),
        ("monotonic", t_monotonic),
        ("monotonic_ns", t_monotonic_ns),
        ("process_time", t_process_time),
        ("process_time_ns", t_process_time_ns),
        ("thread_time", t_thread_time),
        ("thread_time_ns", t_thread_time_ns),
        ("get_clock_info", t_get_clock_info),
    ];
    for (name, f) in funcs {
        let b = builtin_function::new_builtin(vm, name, f, Some(m.clone()));
        dict::set_item_str(vm, &d, vm.intern(name), b);
    }
    m
}
