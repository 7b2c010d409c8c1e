//! `super`: attribute lookup that starts after a given class in the MRO of
//! an object's type.

use crate::object::PyRef;

pub struct SuperData {
    /// The class after which the lookup starts.
    pub thisclass: PyRef,
    /// The bound object (instance or class), if any.
    pub obj: Option<PyRef>,
    /// type(obj), or obj itself when it is a class.
    pub obj_type: Option<PyRef>,
}

pub fn get(obj: &PyRef) -> Option<&SuperData> {
    obj.payload::<SuperData>()
}
