//! The interpreter state: builtin types, cached singletons, modules, the
//! recursion counter, the handled-exception stack, and the helpers every
//! other module uses to make objects and raise errors.
//!
//! One `Vm` exists per thread that runs Python; it lives for the rest of the
//! process (like CPython's runtime state), so `&'static Vm` can be handed to
//! the deallocation hooks that run `__del__`.

use crate::object::{flags, PyRef};
use crate::types::dict::DictData;
use crate::types::exceptions;
use crate::types::int::IntData;
use crate::types::str::StrData;
use crate::types::typeobj::{self, TypeData};
use std::cell::{Cell, RefCell};

/// A raised exception (the exception instance).
pub struct PyErr(pub PyRef);

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({:?})", self.0)
    }
}

pub type PyResult<T = PyRef> = Result<T, PyErr>;

/// A builtin function: positional arguments followed by keyword values, and
/// the tuple of keyword names (if any). Methods get `self` as `args[0]`.
pub type NativeFn = fn(&Vm, &[PyRef], Option<&PyRef>) -> PyResult;

macro_rules! types_struct {
    ($($field:ident),* $(,)?) => {
        /// The builtin types.
        pub struct Types { $(pub $field: PyRef,)* }
    };
}

types_struct!(
    object, type_, int, bool_, float, complex, str_, bytes, bytearray, list, tuple, dict, set, frozenset, range, slice,
    none_type, not_implemented_type, ellipsis_type, function, builtin_function, method_descriptor, method, property,
    classmethod, staticmethod, super_, cell, code, frame, traceback, module, generator, dict_keys, dict_values,
    dict_items, list_iterator, list_reverseiterator, tuple_iterator, range_iterator, str_iterator, bytes_iterator,
    dict_keyiterator, dict_valueiterator, dict_itemiterator, set_iterator, seq_iterator, callable_iterator,
    enumerate, zip, map, filter, reversed, getset_descriptor, member_descriptor, wrapper_descriptor, method_wrapper, null_type,
    bytearray_iterator,
);

/// Common exception types, for raising from Rust.
pub struct ExcTypes {
    pub base_exception: PyRef,
    pub exception: PyRef,
    pub system_exit: PyRef,
    pub keyboard_interrupt: PyRef,
    pub generator_exit: PyRef,
    pub stop_iteration: PyRef,
    pub arithmetic_error: PyRef,
    pub zero_division_error: PyRef,
    pub overflow_error: PyRef,
    pub assertion_error: PyRef,
    pub attribute_error: PyRef,
    pub eof_error: PyRef,
    pub import_error: PyRef,
    pub module_not_found_error: PyRef,
    pub lookup_error: PyRef,
    pub index_error: PyRef,
    pub key_error: PyRef,
    pub memory_error: PyRef,
    pub name_error: PyRef,
    pub unbound_local_error: PyRef,
    pub os_error: PyRef,
    pub runtime_error: PyRef,
    pub not_implemented_error: PyRef,
    pub recursion_error: PyRef,
    pub syntax_error: PyRef,
    pub indentation_error: PyRef,
    pub system_error: PyRef,
    pub type_error: PyRef,
    pub value_error: PyRef,
    pub unicode_error: PyRef,
    pub unicode_decode_error: PyRef,
    pub unicode_encode_error: PyRef,
    pub file_not_found_error: PyRef,
    pub reference_error: PyRef,
    pub base_exception_group: PyRef,
    /// `ExceptionGroup`, a heap type made once the builtins exist
    /// (`exception_group::make_exception_group`).
    pub exception_group: std::cell::OnceCell<PyRef>,
    /// Every builtin exception type by name (for the builtins module).
    pub all: Vec<(&'static str, PyRef)>,
}

pub const SMALL_INT_MIN: i64 = -5;
pub const SMALL_INT_MAX: i64 = 256;

/// Entries of `Vm::intern_static`'s cache.
const STATIC_NAMES: usize = 1024;

pub struct Vm {
    pub types: Types,
    pub exc: ExcTypes,
    pub none: PyRef,
    pub true_: PyRef,
    pub false_: PyRef,
    pub ellipsis: PyRef,
    pub not_implemented: PyRef,
    /// Marks an empty slot on the value stack (CPython's NULL).
    pub null: PyRef,
    pub small_ints: Vec<PyRef>,
    pub empty_tuple: PyRef,
    pub empty_str: PyRef,
    pub empty_bytes: PyRef,
    pub latin1: Vec<PyRef>,
    pub single_bytes: Vec<PyRef>,
    /// The one-character strings CPython's start-up interned as objects of
    /// their own (`intern_startup_chars`): its start-up code holds them.
    /// (Interned strings are in `object::intern`'s table, which does not
    /// hold them.)
    startup_chars: RefCell<Vec<PyRef>>,
    /// `intern_static`'s cache: (address, length) of a `&'static str` to its
    /// interned str, direct-mapped by address.
    static_names: RefCell<Box<[(usize, usize, Option<PyRef>)]>>,
    pub builtins: RefCell<Option<PyRef>>,
    pub builtins_dict: RefCell<Option<PyRef>>,
    pub sys: RefCell<Option<PyRef>>,
    /// sys.modules
    pub modules: PyRef,
    /// The exception being handled by the innermost running generator, or
    /// by the thread when no generator runs (CPython's `exc_info` entry).
    pub handled: RefCell<Option<PyRef>>,
    /// The entries of the generators' callers, saved while a generator runs
    /// (CPython's `previous_item` chain): a generator handling nothing sees
    /// its caller's exception in `sys.exc_info()`.
    pub handled_outer: RefCell<Vec<Option<PyRef>>>,
    pub depth: Cell<u32>,
    pub recursion_limit: Cell<u32>,
    /// Address near the base of the native stack, and the usable size.
    pub stack_base: Cell<usize>,
    pub stack_size: Cell<usize>,
    /// Frames being executed, innermost last.
    pub frames: RefCell<Vec<PyRef>>,
    /// Value stacks of finished calls, kept for the next calls (a call
    /// then allocates no stack).
    spare_stacks: RefCell<Vec<Vec<PyRef>>>,
    pub hash_key: [u8; 16],
    /// Directory of the main program: where `import` looks.
    pub path: RefCell<Vec<String>>,
    /// Objects whose release must wait until no borrow can refer to them.
    pub graveyard: RefCell<Vec<PyRef>>,
    pub argv: RefCell<Vec<String>>,
    pub main_module: RefCell<Option<PyRef>>,
}

thread_local! {
    static CURRENT: Cell<Option<&'static Vm>> = const { Cell::new(None) };
}

/// Addresses of the interpreters created (see `Vm::init`).
static VM_ROOTS: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());

impl Vm {
    /// The interpreter of this thread.
    pub fn current() -> &'static Vm {
        CURRENT.with(|c| c.get()).expect("no interpreter on this thread")
    }

    pub fn try_current() -> Option<&'static Vm> {
        CURRENT.with(|c| c.get())
    }

    /// Create the interpreter for this thread (once).
    pub fn init(hash_seed: Option<u32>) -> &'static Vm {
        if let Some(vm) = Self::try_current() {
            return vm;
        }
        typeobj::begin_boot();
        let vm: &'static Vm = Box::leak(Box::new(Self::bootstrap(hash_seed)));
        CURRENT.with(|c| c.set(Some(vm)));
        // Also root the interpreter in a static: it lives until the process
        // exits (its objects are immortal or owned by it), and memory
        // checkers then see it as reachable after the interpreter thread
        // is gone, not as leaked.
        VM_ROOTS.lock().unwrap_or_else(|e| e.into_inner()).push(vm as *const Vm as usize);
        crate::object::heap::set_finalizer_hooks(crate::finalize::needs_finalizer, crate::finalize::run_finalizer);
        crate::object::heap::set_weakref_callback_hook(crate::modules::weakref::call_callbacks_at_death);
        vm.intern_startup_chars();
        crate::types::init_all(vm);
        crate::builtins::init(vm);
        typeobj::end_boot(&vm.types.object);
        crate::builtins::add_exception_group(vm);
        crate::modules::sys::init(vm);
        crate::modules::io::init(vm);
        crate::modules::weakref::init(vm);
        vm
    }

    fn bootstrap(hash_seed: Option<u32>) -> Vm {
        let types = typeobj::bootstrap_types();
        let immortal = |r: PyRef| {
            crate::object::core::make_immortal(&r);
            r
        };
        let none = immortal(PyRef::new(&types.none_type, ()));
        let ellipsis = immortal(PyRef::new(&types.ellipsis_type, ()));
        let not_implemented = immortal(PyRef::new(&types.not_implemented_type, ()));
        let null = immortal(PyRef::new(&types.null_type, ()));
        let true_ = immortal(PyRef::new(&types.bool_, IntData::Small(1)));
        let false_ = immortal(PyRef::new(&types.bool_, IntData::Small(0)));
        let small_ints = (SMALL_INT_MIN..=SMALL_INT_MAX).map(|i| immortal(PyRef::new(&types.int, IntData::Small(i)))).collect();
        let empty_tuple = immortal(crate::types::tuple::alloc(&types.tuple, 0, std::iter::empty()));
        let empty_str = immortal(PyRef::new(&types.str_, StrData::new(String::new())));
        let empty_bytes = immortal(PyRef::new(&types.bytes, crate::types::bytes::BytesData::new(Vec::new())));
        let latin1 = (0u32..256)
            .map(|c| immortal(PyRef::new(&types.str_, StrData::new(char::from_u32(c).unwrap().to_string()))))
            .collect();
        let single_bytes = (0u32..256).map(|c| immortal(PyRef::new(&types.bytes, crate::types::bytes::BytesData::new(vec![c as u8])))).collect();
        let modules = immortal(PyRef::new(&types.dict, DictData::new()));
        let exc = exceptions::bootstrap_exception_types(&types);
        let hash_key = refscope_text::hash_key_from_seed(hash_seed.unwrap_or(0));
        Vm {
            types,
            exc,
            none,
            true_,
            false_,
            ellipsis,
            not_implemented,
            null,
            small_ints,
            empty_tuple,
            empty_str,
            empty_bytes,
            latin1,
            single_bytes,
            // Start-up interns about 1,500 names: no rehashing while it does.
            startup_chars: RefCell::new(Vec::new()),
            static_names: RefCell::new((0..STATIC_NAMES).map(|_| (0, 0, None)).collect()),
            builtins: RefCell::new(None),
            builtins_dict: RefCell::new(None),
            sys: RefCell::new(None),
            modules,
            handled: RefCell::new(None),
            handled_outer: RefCell::new(Vec::new()),
            depth: Cell::new(0),
            recursion_limit: Cell::new(1000),
            stack_base: Cell::new(0),
            stack_size: Cell::new(0),
            frames: RefCell::new(Vec::new()),
            spare_stacks: RefCell::new(Vec::new()),
            hash_key,
            path: RefCell::new(Vec::new()),
            graveyard: RefCell::new(Vec::new()),
            argv: RefCell::new(Vec::new()),
            main_module: RefCell::new(None),
        }
    }

    // ----- making objects -----

    #[inline]
    pub fn none(&self) -> PyRef {
        self.none.clone()
    }

    #[inline]
    pub fn bool(&self, b: bool) -> PyRef {
        if b {
            self.true_.clone()
        } else {
            self.false_.clone()
        }
    }

    #[inline(always)]
    pub fn int(&self, i: i64) -> PyRef {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            return self.small_ints[(i - SMALL_INT_MIN) as usize].clone();
        }
        self.new_int(i)
    }

    /// A new int object (outside the small-int cache): kept out of line
    /// so that `int` inlines into the loop's arithmetic.
    #[inline(never)]
    fn new_int(&self, i: i64) -> PyRef {
        PyRef::new(&self.types.int, IntData::Small(i))
    }

    pub fn bigint(&self, b: num_bigint::BigInt) -> PyRef {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => self.int(i),
            None => PyRef::new(&self.types.int, IntData::Big(Box::new(b))),
        }
    }

    #[inline]
    pub fn float(&self, f: f64) -> PyRef {
        PyRef::new(&self.types.float, crate::types::float::FloatData(f))
    }

    /// A new str object (the cached one for "" and one Latin-1 character).
    pub fn str(&self, s: &str) -> PyRef {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (None, _) => self.empty_str.clone(),
            (Some(c), None) if (c as u32) < 256 => self.latin1[c as usize].clone(),
            _ => PyRef::new(&self.types.str_, StrData::new(s.to_string())),
        }
    }

    pub fn str_owned(&self, s: String) -> PyRef {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (None, _) => self.empty_str.clone(),
            (Some(c), None) if (c as u32) < 256 => self.latin1[c as usize].clone(),
            _ => PyRef::new(&self.types.str_, StrData::new(s)),
        }
    }

    /// A new str object, never a cached one (what CPython's repr and str of
    /// numbers return: `str(7) is str(7)` is False).
    pub fn str_fresh(&self, s: String) -> PyRef {
        if s.is_empty() {
            return self.empty_str.clone();
        }
        PyRef::new(&self.types.str_, StrData::new(s))
    }

    /// The interned str for `s`.
    /// Intern the one-character strings CPython 3.11 has interned by the
    /// time a program starts, as objects of their own: its start-up code
    /// (unmarshalled modules) names them, so they are not the cached
    /// characters that indexing and iterating return (after `for k in
    /// "abc": pass`, `k is "c"` is False; `k is "z"` would be True).
    /// Measured: `[c for c in range(256) if sys.intern(chr(c)) is not
    /// chr(c)]` at a program's start, the same with -S and -I.
    pub fn intern_startup_chars(&self) {
        const STARTUP_INTERNED: &str = "BCLST_abcdefhijklmnopqrstvwxy";
        for c in STARTUP_INTERNED.chars() {
            let s = c.to_string();
            let r = PyRef::new(&self.types.str_, StrData::new(s));
            let r = self.intern_obj(&r);
            self.startup_chars.borrow_mut().push(r);
        }
    }

    /// The interned str for `s` (a new one, interned, if it has none).
    /// The table does not count its reference, as CPython 3.11's does not:
    /// an interned str lives while something else holds it.
    pub fn intern(&self, s: &str) -> PyRef {
        if let Some(r) = crate::object::intern::get(s) {
            return r;
        }
        self.intern_obj(&self.str(s))
    }

    /// The interned str for `s` if it has one.
    pub fn interned(&self, s: &str) -> Option<PyRef> {
        crate::object::intern::get(s)
    }

    /// The interned str for a name written in refscope's source (a special
    /// method's name, say): like `intern`, but a `&'static str` is found
    /// again by its address, without hashing its text. Only static strings
    /// qualify: their address never holds other text.
    #[inline]
    pub fn intern_static(&self, s: &'static str) -> PyRef {
        let key = s.as_ptr() as usize;
        let slot = (key >> 3) % STATIC_NAMES;
        {
            let c = self.static_names.borrow();
            let (k, n, r) = &c[slot];
            if *k == key && *n == s.len() {
                if let Some(r) = r {
                    return r.clone();
                }
            }
        }
        let r = self.intern(s);
        self.static_names.borrow_mut()[slot] = (key, s.len(), Some(r.clone()));
        r
    }

    /// `f` of the interned str for `s` (see `intern_static`), lent rather
    /// than given: no count changes on a hit. While `f` runs on a hit the
    /// cache is borrowed for reading, so `f` may look names up but must not
    /// add any (`lookup` does not).
    #[inline]
    pub fn with_static_name<R>(&self, s: &'static str, f: impl FnOnce(&PyRef) -> R) -> R {
        let key = s.as_ptr() as usize;
        let slot = (key >> 3) % STATIC_NAMES;
        {
            let c = self.static_names.borrow();
            if let (k, n, Some(r)) = &c[slot] {
                if *k == key && *n == s.len() {
                    return f(r);
                }
            }
        }
        f(&self.intern_static(s))
    }

    /// An empty value stack with room for `n` values.
    #[inline]
    pub fn take_spare_stack(&self, n: usize) -> Vec<PyRef> {
        let mut v = self.spare_stacks.borrow_mut().pop().unwrap_or_default();
        v.reserve(n);
        v
    }

    /// Keep a finished call's value stack (emptied) for a later call.
    #[inline]
    pub fn give_back_stack(&self, mut v: Vec<PyRef>) {
        v.clear();
        let mut spare = self.spare_stacks.borrow_mut();
        if spare.len() < 64 && v.capacity() <= 256 {
            spare.push(v);
        }
    }

    /// Intern an existing str object (`sys.intern`): returns the canonical one.
    pub fn intern_obj(&self, obj: &PyRef) -> PyRef {
        let r = crate::object::intern::intern(obj);
        if r.is(obj) && crate::object::intern::is_interned(obj) {
            obj.set_flag(flags::INTERNED);
        }
        r
    }

    pub fn bytes(&self, b: Vec<u8>) -> PyRef {
        match b.len() {
            0 => self.empty_bytes.clone(),
            1 => self.single_bytes[b[0] as usize].clone(),
            _ => PyRef::new(&self.types.bytes, crate::types::bytes::BytesData::new(b)),
        }
    }

    /// A tuple of `items` (a vector, an array, a drain of the stack...).
    #[inline]
    pub fn tuple<I>(&self, items: I) -> PyRef
    where
        I: IntoIterator<Item = PyRef>,
        I::IntoIter: ExactSizeIterator,
    {
        let it = items.into_iter();
        let n = it.len();
        if n == 0 {
            return self.empty_tuple.clone();
        }
        crate::types::tuple::alloc(&self.types.tuple, n, it)
    }

    pub fn list(&self, items: Vec<PyRef>) -> PyRef {
        PyRef::new(&self.types.list, crate::types::list::ListData::new(items))
    }

    pub fn dict(&self) -> PyRef {
        PyRef::new(&self.types.dict, DictData::new())
    }

    // ----- errors -----

    /// A new exception of type `ty` with one string argument.
    pub fn new_exception(&self, ty: &PyRef, msg: String) -> PyErr {
        let arg = self.str_owned(msg);
        PyErr(exceptions::new_exception(self, ty, vec![arg]))
    }

    pub fn new_exception_empty(&self, ty: &PyRef) -> PyErr {
        PyErr(exceptions::new_exception(self, ty, vec![]))
    }

    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_exception(&self.exc.type_error, msg.into())
    }
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_exception(&self.exc.value_error, msg.into())
    }
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_exception(&self.exc.index_error, msg.into())
    }
    pub fn key_error(&self, key: PyRef) -> PyErr {
        PyErr(exceptions::new_exception(self, &self.exc.key_error, vec![key]))
    }
    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_exception(&self.exc.attribute_error, msg.into())
    }
    pub fn name_error(&self, name: &str) -> PyErr {
        let e = self.new_exception(&self.exc.name_error, format!("name '{}' is not defined", name));
        let _ = crate::ops::set_attr_str(self, &e.0, "name", self.str(name));
        e
    }
    pub fn zero_division_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_exception(&self.exc.zero_division_error, msg.into())
    }
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_exception(&self.exc.overflow_error, msg.into())
    }
    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_exception(&self.exc.runtime_error, msg.into())
    }
    pub fn system_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_exception(&self.exc.system_error, msg.into())
    }
    pub fn recursion_error(&self) -> PyErr {
        self.new_exception(&self.exc.recursion_error, "maximum recursion depth exceeded".into())
    }
    #[cold]
    #[inline(never)]
    pub fn recursion_error_msg(&self, msg: &str) -> PyErr {
        self.new_exception(&self.exc.recursion_error, format!("maximum recursion depth exceeded{}", msg))
    }
    pub fn stop_iteration(&self, value: Option<PyRef>) -> PyErr {
        match value {
            Some(v) => PyErr(exceptions::new_exception(self, &self.exc.stop_iteration, vec![v])),
            None => self.new_exception_empty(&self.exc.stop_iteration),
        }
    }
    pub fn memory_error(&self) -> PyErr {
        self.new_exception_empty(&self.exc.memory_error)
    }

    /// The exception type of an error.
    pub fn is_instance_of_exc(&self, err: &PyErr, ty: &PyRef) -> bool {
        typeobj::is_subtype(err.0.ty(), ty)
    }

    // ----- recursion -----

    /// Enter a nested call (Python or a recursive builtin such as repr).
    #[inline]
    /// The exception `sys.exc_info()`, a bare `raise` and implicit chaining
    /// see: the innermost entry that handles one (CPython's
    /// `_PyErr_GetTopmostException`).
    pub fn topmost_handled(&self) -> Option<PyRef> {
        if let Some(e) = self.handled.borrow().as_ref() {
            return Some(e.clone());
        }
        self.handled_outer.borrow().iter().rev().find_map(|e| e.clone())
    }

    #[inline]
    pub fn enter_recursion(&self, what: &str) -> PyResult<()> {
        // Guard the native stack too: a high recursion limit must still
        // produce RecursionError, not a crash.
        let here = &what as *const &str as usize;
        let base = self.stack_base.get();
        if base != 0 && base.saturating_sub(here) > self.stack_size.get() {
            return Err(self.recursion_error_msg(what));
        }
        self.enter_recursion_depth(what)
    }

    /// `enter_recursion` for what uses no native stack (a Python call run
    /// inlined in the running interpreter loop): the depth alone.
    #[inline]
    pub fn enter_recursion_depth(&self, what: &str) -> PyResult<()> {
        let d = self.depth.get() + 1;
        if d > self.recursion_limit.get() {
            return Err(self.recursion_error_msg(what));
        }
        self.depth.set(d);
        Ok(())
    }

    /// For recursive native code that CPython does not count as recursion
    /// (hashing nested tuples): a RecursionError only when the native stack
    /// itself is nearly exhausted, instead of a crash.
    #[inline]
    pub fn check_native_stack(&self) -> PyResult<()> {
        let here = &self as *const &Self as usize;
        let base = self.stack_base.get();
        if base != 0 && base.saturating_sub(here) > self.stack_size.get() {
            return Err(self.recursion_error());
        }
        Ok(())
    }

    #[inline]
    pub fn leave_recursion(&self) {
        self.depth.set(self.depth.get() - 1);
    }

    // ----- modules -----

    pub fn builtins_dict(&self) -> PyRef {
        self.builtins_dict.borrow().clone().expect("builtins initialised")
    }

    pub fn type_name(&self, obj: &PyRef) -> String {
        typeobj::tp_name(obj.ty())
    }

    pub fn type_data<'a>(&self, ty: &'a PyRef) -> &'a TypeData {
        ty.payload_unchecked::<TypeData>()
    }
}
