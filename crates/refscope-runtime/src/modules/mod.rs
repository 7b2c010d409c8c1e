//! Modules written in Rust.
pub mod io;
pub mod sys;
pub mod atexit;
pub mod gc;
pub mod weakref;
pub mod time;
pub mod math;
mod math_int;
mod math_real;

/// Modules built into the interpreter that are created on first import
/// (found before the program's directory, as CPython's builtin modules are).
pub fn builtin_module(vm: &crate::vm::Vm, name: &str) -> Option<crate::object::PyRef> {
    match name {
        "gc" => Some(gc::make_module(vm)),
        "refscope" => Some(refscope::make_module(vm)),
        "atexit" => Some(atexit::make_module(vm)),
        "_weakref" => Some(weakref::make_module(vm)),
        "time" => Some(time::make_module(vm)),
        "math" => Some(math::make_module(vm)),
        _ => None,
    }
}
pub mod refscope;
