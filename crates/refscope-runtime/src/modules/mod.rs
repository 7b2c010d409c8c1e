//! Modules written in Rust.
pub mod sys;
