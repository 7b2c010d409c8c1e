//! `method`: a function bound to an instance (`obj.meth` without a call).
//! It holds one reference to the function and one to the instance.

use crate::object::PyRef;

pub struct MethodData {
    pub func: PyRef,
    pub self_: PyRef,
}

pub fn get(obj: &PyRef) -> Option<&MethodData> {
    obj.payload::<MethodData>()
}
