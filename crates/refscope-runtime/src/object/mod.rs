//! The object core. All of refscope's `unsafe` code is in this module.
pub mod alloc;
pub mod cell;
pub mod cfuncs;
pub mod core;
pub mod gc;
pub mod heap;
pub mod intern;
pub mod kinds;
mod pool;
pub mod weak;

pub use self::core::{flags, HeldAll, InstanceExt, KeyRef, PyRef, MAX_INLINE_VALUES, RefSlot, TailElem, Tailed};
pub use self::kinds::{Kind, PyPayload};

#[cfg(test)]
mod tests;
