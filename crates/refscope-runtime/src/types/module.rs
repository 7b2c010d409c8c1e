//! `module`: a namespace dict with a name.

use crate::object::PyRef;

pub struct ModuleData {
    pub dict: PyRef,
}

pub fn get(obj: &PyRef) -> Option<&ModuleData> {
    obj.payload::<ModuleData>()
}
