//! Modules written in Rust.
pub mod io;
pub mod sys;
