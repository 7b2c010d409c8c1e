//! What each payload type reports to the cycle collector (`Trace`): its
//! counted references, in the order CPython's `tp_traverse` of the same type
//! visits them (visible through `gc.get_referents`), and how it breaks a
//! cycle (`tp_clear`).
//!
//! Rules (see `object::kinds::Trace`): report exactly the references the
//! payload counts, never run Python code while tracing, and never drop a
//! reference while a borrow is held in `clear`.

use crate::interp::ExecState;
use crate::modules::io::FileData;
use crate::object::kinds::Trace;
use crate::object::PyRef;
use crate::types::builtin_function::BuiltinFunctionData;
use crate::types::bytearray::ByteArrayData;
use crate::types::bytes::BytesData;
use crate::types::cell::CellData;
use crate::types::classmethod::ClassMethodData;
use crate::types::code::CodeData;
use crate::types::complex::ComplexData;
use crate::types::descriptor::DescriptorData;
use crate::types::dict::{DictData, DictViewData};
use crate::types::exceptions::ExceptionData;
use crate::types::float::FloatData;
use crate::types::function::FunctionData;
use crate::types::generator::GeneratorData;
use crate::types::int::IntData;
use crate::types::iterators::{IterState, IteratorData};
use crate::types::list::ListData;
use crate::types::method::MethodData;
use crate::types::module::ModuleData;
use crate::types::property::PropertyData;
use crate::types::range::RangeData;
use crate::types::set::{SetData, Slot};
use crate::types::slice::SliceData;
use crate::types::staticmethod::StaticMethodData;
use crate::types::str::StrData;
use crate::types::super_::SuperData;
use crate::types::traceback::TracebackData;
use crate::types::tuple::TupleData;
use crate::types::typeobj::TypeData;
use crate::vm::Vm;
use std::cell::RefCell;


fn opt<V: FnMut(&PyRef) + ?Sized>(v: &Option<PyRef>, f: &mut V) {
    if let Some(x) = v {
        f(x);
    }
}

fn cell_opt<V: FnMut(&PyRef) + ?Sized>(c: &RefCell<Option<PyRef>>, f: &mut V) {
    if let Ok(v) = c.try_borrow() {
        opt(&v, f);
    }
}

fn cell_ref<V: FnMut(&PyRef) + ?Sized>(c: &RefCell<PyRef>, f: &mut V) {
    if let Ok(v) = c.try_borrow() {
        f(&v);
    }
}

fn take_opt(c: &RefCell<Option<PyRef>>) {
    let v = c.try_borrow_mut().ok().and_then(|mut v| v.take());
    drop(v);
}

/// Replace a reference that cannot be absent by None.
fn set_none(c: &RefCell<PyRef>) {
    let Some(vm) = Vm::try_current() else { return };
    let old = c.try_borrow_mut().ok().map(|mut v| std::mem::replace(&mut *v, vm.none()));
    drop(old);
}

macro_rules! atomic {
    ($($t:ty),*) => { $(impl Trace for $t {})* };
}
atomic!((), IntData, FloatData, ComplexData, StrData, BytesData, ByteArrayData, RangeData, CodeData, FileData);

impl Trace for TypeData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        f(&self.dict);
        cell_ref(&self.mro, f);
        cell_ref(&self.bases, f);
        cell_opt(&self.base, f);
    }
    fn clear(&self) {
        // CPython empties the type's dict and drops its MRO.
        Trace::clear(self.dict.payload_unchecked::<DictData>());
        if let Some(vm) = Vm::try_current() {
            let old = self.mro.try_borrow_mut().ok().map(|mut m| std::mem::replace(&mut *m, vm.empty_tuple.clone()));
            self.version.modified();
            drop(old);
        }
    }
}

use crate::object::gc::FreeList;

impl Trace for ListData {
    fn free_list(&self) -> Option<FreeList> {
        Some(FreeList::List)
    }
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        // list_traverse visits from the end.
        if let Ok(items) = self.items.try_borrow() {
            items.iter().rev().for_each(|x| f(x));
        }
    }
    fn clear(&self) {
        let old = self.items.try_borrow_mut().ok().map(|mut v| std::mem::take(&mut *v));
        if let Some(old) = old {
            self.note_clear();
            // _list_clear: from the last item to the first.
            crate::types::list::release_from_last(old);
        }
    }
}

impl Trace for TupleData {
    fn free_list(&self) -> Option<FreeList> {
        Some(FreeList::Tuple(self.capacity()))
    }
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        self.items().iter().rev().for_each(|x| f(x));
    }
}

impl Trace for DictData {
    fn free_list(&self) -> Option<FreeList> {
        Some(FreeList::Dict)
    }
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        if let Ok(t) = self.table.try_borrow() {
            for e in t.entries.iter().flatten() {
                f(&e.value);
                if !t.str_keys {
                    f(&e.key);
                }
            }
        }
    }
    fn clear(&self) {
        let old = self.take_table_for_clear();
        if old.is_some() {
            self.version.set(self.version.get() + 1);
            if let Some(v) = self.type_version.get() {
                v.modified();
            }
        }
        drop(old);
    }
}

impl Trace for DictViewData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        f(&self.dict);
    }
}

impl Trace for SetData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        if let Ok(t) = self.table.try_borrow() {
            for s in &t.slots {
                if let Slot::Active(_, k) = s {
                    f(k);
                }
            }
        }
    }
    fn clear(&self) {
        let old = self.table.try_borrow_mut().ok().map(|mut t| std::mem::take(&mut *t));
        if old.is_some() {
            self.version.set(self.version.get() + 1);
        }
        drop(old);
    }
}

impl Trace for SliceData {
    fn free_list(&self) -> Option<FreeList> {
        Some(FreeList::Slice)
    }
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        f(&self.start);
        f(&self.stop);
        f(&self.step);
    }
}

impl Trace for FunctionData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        cell_ref(&self.code, f);
        f(&self.globals);
        f(&self.builtins);
        cell_ref(&self.module, f);
        cell_opt(&self.defaults, f);
        cell_opt(&self.kwdefaults, f);
        cell_ref(&self.doc, f);
        cell_ref(&self.name, f);
        cell_opt(&self.dict, f);
        opt(&self.closure, f);
        cell_opt(&self.annotations, f);
        cell_ref(&self.qualname, f);
    }
    fn clear(&self) {
        set_none(&self.module);
        take_opt(&self.defaults);
        take_opt(&self.kwdefaults);
        set_none(&self.doc);
        take_opt(&self.dict);
        take_opt(&self.annotations);
    }
}

impl Trace for BuiltinFunctionData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        opt(&self.self_, f);
        opt(&self.objclass, f);
    }
}

impl Trace for MethodData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        f(&self.func);
        f(&self.self_);
    }
}

impl Trace for PropertyData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        cell_opt(&self.fget, f);
        cell_opt(&self.fset, f);
        cell_opt(&self.fdel, f);
        cell_opt(&self.doc, f);
        cell_opt(&self.name, f);
    }
    fn clear(&self) {
        take_opt(&self.doc);
    }
}

impl Trace for ClassMethodData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        cell_ref(&self.func, f);
        cell_opt(&self.dict, f);
        opt(&self.owner, f);
    }
    fn clear(&self) {
        set_none(&self.func);
        take_opt(&self.dict);
    }
}

impl Trace for StaticMethodData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        cell_ref(&self.func, f);
        cell_opt(&self.dict, f);
    }
    fn clear(&self) {
        set_none(&self.func);
        take_opt(&self.dict);
    }
}

impl Trace for SuperData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        opt(&self.obj, f);
        f(&self.thisclass);
        opt(&self.obj_type, f);
    }
}

impl Trace for CellData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        cell_opt(&self.value, f);
    }
    fn clear(&self) {
        take_opt(&self.value);
    }
}

fn fast_slot<V: FnMut(&PyRef) + ?Sized>(c: &crate::object::RefSlot, f: &mut V) {
    c.with(|v| {
        if let Some(v) = v {
            f(v)
        }
    });
}

impl Trace for crate::types::frame::FrameObj {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        // CPython's order: f_back, f_locals, f_func, f_code, the locals.
        cell_opt(&self.back, f);
        opt(&self.locals, f);
        fast_slot(&self.locals_dict, f);
        opt(&self.func, f);
        if let Some((g, b)) = &self.own_namespaces {
            f(g);
            f(b);
        }
        f(&self.code);
        self.fast().iter().for_each(|c| fast_slot(c, f));
    }
    fn clear(&self) {
        for c in self.fast().iter() {
            drop(c.take());
        }
        take_opt(&self.back);
    }
}

impl Trace for TracebackData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        opt(&self.next, f);
        f(&self.frame);
    }
}

impl Trace for ModuleData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        f(&self.dict);
    }
}

fn trace_exec<V: FnMut(&PyRef) + ?Sized>(s: &ExecState, f: &mut V) {
    s.stack.iter().for_each(|x| f(x));
}

/// What CPython's `gc.get_referents` shows for a generator: its code,
/// name and qualname, then (until it finishes) the frame it embeds: the
/// frame object only if one was made for Python code to see
/// (`object::gc::is_materialized`), the frame's locals dict, function and code,
/// its local variables and its value stack; then the exception it
/// handles. (The collector itself traces refscope's frame object, which
/// holds those.)
pub fn generator_referents<V: FnMut(&PyRef) + ?Sized>(g: &GeneratorData, f: &mut V) {
    let Some(fd) = crate::types::frame::get(&g.frame) else { return };
    f(&fd.code);
    cell_ref(&g.name, f);
    cell_ref(&g.qualname, f);
    if !g.finished.get() {
        if crate::object::gc::is_materialized(&g.frame) {
            f(&g.frame);
        }
        fast_slot(&fd.locals_dict, f);
        opt(&fd.func, f);
        f(&fd.code);
        fd.fast().iter().for_each(|c| fast_slot(c, f));
        let mut on_stack = false;
        if let Ok(st) = g.state.try_borrow() {
            if let Some(st) = &*st {
                let yf = g.yieldfrom.borrow();
                on_stack = yf.as_ref().is_some_and(|y| st.stack.iter().any(|x| x.is(y)));
                // No previous handled exception shows as None (CPython's
                // PUSH_EXC_INFO pushes None).
                let none = Vm::try_current().map(|vm| (vm.null.clone(), vm.none()));
                for x in st.stack.iter() {
                    match &none {
                        Some((null, none)) if x.is(null) => f(none),
                        _ => f(x),
                    }
                }
            }
        }
        if !on_stack {
            cell_opt(&g.yieldfrom, f);
        }
    }
    cell_opt(&g.exc_state, f);
}

impl Trace for GeneratorData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        f(&self.frame);
        cell_ref(&self.name, f);
        cell_ref(&self.qualname, f);
        cell_opt(&self.yieldfrom, f);
        if let Ok(st) = self.state.try_borrow() {
            if let Some(st) = &*st {
                trace_exec(st, f);
            }
        }
        cell_opt(&self.exc_state, f);
    }
    fn clear(&self) {
        take_opt(&self.yieldfrom);
        take_opt(&self.exc_state);
        let st = self.state.try_borrow_mut().ok().and_then(|mut s| s.take());
        drop(st);
    }
}

impl Trace for IteratorData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        let Ok(st) = self.state.try_borrow() else { return };
        match &*st {
            IterState::Seq { seq, .. } | IterState::ListReverse { seq, .. } | IterState::Reversed { seq, .. } => opt(seq, f),
            IterState::Dict { dict, result, .. } | IterState::DictReverse { dict, result, .. } => {
                opt(dict, f);
                if let Some(t) = result.as_ref().and_then(|r| r.held()) {
                    f(t);
                }
            }
            IterState::Set { set, .. } => opt(set, f),
            IterState::Callable { func, sentinel } => {
                opt(func, f);
                f(sentinel);
            }
            IterState::Enumerate { iter, result, .. } => {
                f(iter);
                if let Some(t) = result.held() {
                    f(t);
                }
            }
            IterState::Zip { iters, result, .. } => {
                iters.iter().for_each(|x| f(x));
                if let Some(t) = result.held() {
                    f(t);
                }
            }
            IterState::Map { iters, .. } => {
                opt(&self.func, f);
                iters.iter().for_each(|x| f(x));
            }
            IterState::Filter { iter } => {
                opt(&self.func, f);
                f(iter);
            }
            IterState::Range { .. } | IterState::BigRange(_) | IterState::Exhausted => {}
        }
    }
    fn clear(&self) {
        let old = self.state.try_borrow_mut().ok().map(|mut s| std::mem::replace(&mut *s, IterState::Exhausted));
        drop(old);
    }
}

impl Trace for ExceptionData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        // Fields of CPython's exception struct (visited before the rest,
        // as CPython's subclass traverse functions do).
        if let Ok(d) = self.fields.try_borrow() {
            for (_, v) in d.iter() {
                f(v);
            }
        }
        cell_opt(&self.dict, f);
        cell_ref(&self.args, f);
        cell_opt(&self.traceback, f);
        cell_opt(&self.cause, f);
        cell_opt(&self.context, f);
    }
    fn clear(&self) {
        take_opt(&self.dict);
        let old = self.fields.try_borrow_mut().ok().map(|mut v| std::mem::take(&mut *v));
        drop(old);
        if let Some(vm) = Vm::try_current() {
            let old = self.args.try_borrow_mut().ok().map(|mut a| std::mem::replace(&mut *a, vm.empty_tuple.clone()));
            drop(old);
        }
        take_opt(&self.traceback);
        take_opt(&self.cause);
        take_opt(&self.context);
    }
}

impl Trace for crate::types::namespace::NamespaceData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        cell_opt(&self.dict, f);
    }
    fn clear(&self) {
        take_opt(&self.dict);
    }
}

impl Trace for crate::types::union::UnionData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        f(&self.args);
        if let Ok(p) = self.parameters.try_borrow() {
            if let Some(p) = &*p {
                f(p);
            }
        }
    }
    fn clear(&self) {
        // The members tuple holds only classes and aliases; a cycle runs
        // through the parameters at most.
        let p = self.parameters.borrow_mut().take();
        drop(p);
    }
}

impl Trace for crate::types::memoryview::ManagedBufferData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        if let Ok(o) = self.obj.try_borrow() {
            if let Some(o) = &*o {
                f(o);
            }
        }
    }
    fn clear(&self) {
        let o = self.obj.borrow_mut().take();
        if let Some(b) = o.as_ref().and_then(crate::types::bytearray::get) {
            b.exports.set(b.exports.get().saturating_sub(1));
        }
        drop(o);
    }
}

impl Trace for crate::types::memoryview::MemoryViewData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        if let Ok(m) = self.mbuf.try_borrow() {
            if let Some(m) = &*m {
                f(m);
            }
        }
    }
    fn clear(&self) {
        crate::types::memoryview::release_view(self);
        let m = self.mbuf.borrow_mut().take();
        drop(m);
    }
}

impl Trace for crate::types::mappingproxy::MappingProxyData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        f(&self.mapping);
    }
}

impl Trace for DescriptorData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        f(&self.objclass);
    }
}

impl Trace for crate::object::weak::WeakrefData {
    fn trace<V: FnMut(&PyRef) + ?Sized>(&self, f: &mut V) {
        cell_opt(&self.callback, f);
    }
    fn clear(&self) {
        // (Leaving the referent's list is done by `object::gc::clear`.)
        take_opt(&self.callback);
    }
}
