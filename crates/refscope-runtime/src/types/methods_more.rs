//! Further methods (generators, functions, exceptions, properties).
use crate::vm::Vm;
pub fn init(_vm: &Vm) {}
