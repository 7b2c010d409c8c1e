//! refscope's runtime: the object model, the interpreter loop, builtins and
//! modules. See ARCHITECTURE.md for the data flow and invariants.
//!
//! Work in progress: import.rs, finalize.rs, modules/ (sys), and the
//! compile/materialize entry points (`compile_source`) are still to be
//! written; this crate does not build yet.

pub mod builtins;
pub mod interp;
pub mod object;
pub mod ops;
pub mod types;
pub mod vm;
