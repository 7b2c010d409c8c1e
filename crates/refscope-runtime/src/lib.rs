//! refscope's runtime: the object model, the interpreter loop, builtins and
//! modules. See ARCHITECTURE.md for the data flow and invariants.
//!
//! The entry points for embedders and the command line are `Interpreter`'s
//! methods: run a file or a string, get CPython's exit status.

pub mod builtins;
pub mod finalize;
pub mod gc_trace;
pub mod import;
pub mod interrupt;
pub mod interp;
pub mod listsort;
pub mod match_impl;
pub mod modules;
pub mod object;
pub mod observe;
pub mod ops;
pub mod stdlib;
pub mod traceback_print;
pub mod types;
pub mod vm;

pub use refscope_compiler as compiler;
use object::{Kind, PyRef};
use refscope_compiler::bytecode::{BinOp, Constant, UnaryOp};
use refscope_compiler::{CodeObject, CompileError, ConstFolder};

use std::rc::Rc;
use types::*;
use vm::{PyErr, PyResult, Vm};

/// Folds constants with the runtime's own arithmetic.
struct Folder<'a> {
    vm: &'a Vm,
}

impl ConstFolder for Folder<'_> {
    fn binop(&self, op: BinOp, a: &Constant, b: &Constant) -> Option<Constant> {
        let vm = self.vm;
        let (x, y) = (const_to_obj(vm, a, &mut ConstCache::default())?, const_to_obj(vm, b, &mut ConstCache::default())?);
        let r = ops::binary_op(vm, &x, &y, op).ok()?;
        obj_to_const(vm, &r)
    }
    fn unary(&self, op: UnaryOp, a: &Constant) -> Option<Constant> {
        let vm = self.vm;
        let x = const_to_obj(vm, a, &mut ConstCache::default())?;
        let r = ops::unary_op(vm, &x, op).ok()?;
        obj_to_const(vm, &r)
    }
    fn subscript(&self, a: &Constant, index: &Constant) -> Option<Constant> {
        let vm = self.vm;
        let (x, i) = (const_to_obj(vm, a, &mut ConstCache::default())?, const_to_obj(vm, index, &mut ConstCache::default())?);
        let r = ops::get_item(vm, &x, &i).ok()?;
        obj_to_const(vm, &r)
    }
}

fn obj_to_const(vm: &Vm, o: &PyRef) -> Option<Constant> {
    Some(match o.kind() {
        Kind::Int if o.ty().is(&vm.types.bool_) => {
            if o.is(&vm.true_) {
                Constant::True
            } else {
                Constant::False
            }
        }
        Kind::Int => Constant::Int(int::to_bigint(o)),
        Kind::Float => Constant::Float(float::get(o)?),
        Kind::Complex => {
            let (r, i) = complex::get(o)?;
            Constant::Complex(r, i)
        }
        Kind::Str => Constant::Str(str::as_str(o).into()),
        Kind::Bytes => Constant::Bytes(bytes::get(o)?.into()),
        Kind::Tuple => Constant::Tuple(tuple::items(o).iter().map(|x| obj_to_const(vm, x)).collect::<Option<Vec<_>>>()?.into()),
        Kind::Object if o.is(&vm.none) => Constant::None,
        Kind::Object if o.is(&vm.ellipsis) => Constant::Ellipsis,
        _ => return None,
    })
}

/// Constants already turned into objects in this compilation unit, so that
/// equal constants are one object (CPython's compiler merges them).
#[derive(Default)]
struct ConstCache {
    /// By `Constant::hash_same`; a second constant with the same hash
    /// (rare) goes to `collided`.
    entries: std::collections::HashMap<u64, (Constant, PyRef), rustc_hash::FxBuildHasher>,
    collided: Vec<(Constant, PyRef)>,
}

impl ConstCache {
    fn key(c: &Constant) -> u64 {
        let mut h = rustc_hash::FxHasher::default();
        c.hash_same(&mut h);
        std::hash::Hasher::finish(&h)
    }

    fn get(&self, c: &Constant) -> Option<PyRef> {
        match self.entries.get(&Self::key(c)) {
            Some((k, o)) if k.same_as(c) => Some(o.clone()),
            Some(_) => self.collided.iter().find(|(k, _)| k.same_as(c)).map(|(_, o)| o.clone()),
            None => None,
        }
    }

    fn insert(&mut self, c: &Constant, o: &PyRef) {
        match self.entries.entry(Self::key(c)) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((c.clone(), o.clone()));
            }
            std::collections::hash_map::Entry::Occupied(_) => self.collided.push((c.clone(), o.clone())),
        }
    }
}

fn is_identifier_like(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

fn const_to_obj(vm: &Vm, c: &Constant, cache: &mut ConstCache) -> Option<PyRef> {
    if !matches!(c, Constant::Code(_)) {
        if let Some(o) = cache.get(c) {
            return Some(o);
        }
    }
    let o = match c {
        Constant::None => vm.none(),
        Constant::True => vm.true_.clone(),
        Constant::False => vm.false_.clone(),
        Constant::Ellipsis => vm.ellipsis.clone(),
        Constant::Int(i) => vm.bigint(i.clone()),
        Constant::Float(f) => vm.float(*f),
        Constant::Complex(r, i) => complex::new(vm, *r, *i),
        Constant::Str(s) => {
            let mut chars = s.chars();
            let single_latin1 = matches!((chars.next(), chars.next()), (Some(c), None) if (c as u32) < 256);
            if s.is_empty() {
                vm.empty_str.clone()
            } else if single_latin1 {
                // The cached character, interned when it is a name, unless
                // CPython's start-up had already interned an object of its
                // own for it (`Vm::intern_startup_chars`).
                if is_identifier_like(s) {
                    vm.intern(s)
                } else {
                    vm.str(s)
                }
            } else if is_identifier_like(s) {
                // Source constants are interned.
                let existing = vm.interned(s);
                match existing {
                    Some(r) => r,
                    None => {
                        let r = PyRef::new(&vm.types.str_, str::StrData::new(s.to_string()));
                        vm.intern_obj(&r)
                    }
                }
            } else {
                PyRef::new(&vm.types.str_, str::StrData::new(s.to_string()))
            }
        }
        Constant::Bytes(b) => vm.bytes(b.to_vec()),
        Constant::Tuple(items) => {
            let v = items.iter().map(|x| const_to_obj(vm, x, cache)).collect::<Option<Vec<_>>>()?;
            vm.tuple(v)
        }
        Constant::FrozenSet(items) => {
            let s = PyRef::new(&vm.types.frozenset, set::SetData::new());
            for x in items.iter() {
                let o = const_to_obj(vm, x, cache)?;
                set::get(&s).unwrap().add(vm, &o).ok()?;
            }
            s
        }
        Constant::Code(code) => materialize(vm, code.clone(), cache),
    };
    if !matches!(c, Constant::Code(_)) {
        cache.insert(c, &o);
    }
    Some(o)
}

fn materialize(vm: &Vm, code: Rc<CodeObject>, cache: &mut ConstCache) -> PyRef {
    let consts = code.consts.iter().map(|c| const_to_obj(vm, c, cache).unwrap_or_else(|| vm.none())).collect();
    let names = code.names.iter().map(|n| vm.intern(n)).collect();
    let localsplus_names = (0..code.nlocalsplus()).map(|i| vm.intern(code.localsplus_name(i))).collect();
    let qualname = if code.qualname == code.name { vm.intern(&code.name) } else { vm.str(&code.qualname) };
    PyRef::new(&vm.types.code, code::CodeData::new(code, consts, names, localsplus_names, qualname))
}

/// Turn a compile error into a SyntaxError instance.
pub fn syntax_error(vm: &Vm, e: &CompileError) -> PyErr {
    if e.kind == "RecursionError" {
        return vm.new_exception(&vm.exc.recursion_error, e.message.clone());
    }
    let ty = match e.kind {
        "IndentationError" => vm.exc.indentation_error.clone(),
        "TabError" => vm.exc.all.iter().find(|(n, _)| *n == "TabError").map(|x| x.1.clone()).unwrap_or_else(|| vm.exc.syntax_error.clone()),
        _ => vm.exc.syntax_error.clone(),
    };
    let detail = vm.tuple([
        vm.str(&e.filename),
        vm.int(e.line as i64),
        vm.int(e.column as i64),
        vm.str(&e.text),
        vm.int(e.end_line as i64),
        vm.int(e.end_column as i64),
    ]);
    PyErr(exceptions::new_exception(vm, &ty, vec![vm.str(&e.message), detail]))
}

/// Compile source text to a code object (one compilation unit).
pub fn compile_source(vm: &Vm, source: &str, filename: &str, interactive: bool) -> PyResult {
    // What is typed at the prompt cannot be read back: CPython's tracebacks
    // show no source lines for it, nor for a program piped to stdin.
    if !interactive && filename != "<stdin>" {
        traceback_print::remember_source(filename, source);
    }
    // What every start-up runs was compiled by the build (build.rs).
    let pre = if interactive { None } else { stdlib::precompiled(filename, source) };
    let folder = Folder { vm };
    let code = match pre {
        Some(code) => Ok(code),
        None => refscope_compiler::compile_module(source, filename, &folder, interactive).map_err(|e| syntax_error(vm, &e)),
    };
    traceback_print::print_compile_warnings(vm);
    let code = code?;
    let mut cache = ConstCache::default();
    Ok(materialize(vm, Rc::new(code), &mut cache))
}

/// Compile the source of `eval()`: one expression, whose value the code
/// object returns.
pub fn compile_eval_source(vm: &Vm, source: &str, filename: &str) -> PyResult {
    let folder = Folder { vm };
    let code = refscope_compiler::compile_eval(source, filename, &folder).map_err(|e| syntax_error(vm, &e));
    traceback_print::print_compile_warnings(vm);
    let code = code?;
    let mut cache = ConstCache::default();
    Ok(materialize(vm, Rc::new(code), &mut cache))
}

/// `compile_source` for code that runs while its parse arena lives (a
/// program, a `-c` string, a line at the prompt, `exec` of a string):
/// the code object and the arena's list (`parse_arena`), which the caller
/// keeps until the code has run.
pub fn compile_source_with_arena(vm: &Vm, source: &str, filename: &str, interactive: bool) -> PyResult<(PyRef, PyRef)> {
    if !interactive && filename != "<stdin>" {
        traceback_print::remember_source(filename, source);
    }
    let folder = Folder { vm };
    code_and_arena(vm, refscope_compiler::compile_module_with_arena(source, filename, &folder, interactive))
}

/// `compile_eval_source` for `eval` of a string, with its arena's list.
pub fn compile_eval_source_with_arena(vm: &Vm, source: &str, filename: &str) -> PyResult<(PyRef, PyRef)> {
    let folder = Folder { vm };
    code_and_arena(vm, refscope_compiler::compile_eval_with_arena(source, filename, &folder))
}

/// The code object and the arena's list of a compilation (its warnings
/// reported first): the arena's objects seed the constants.
fn code_and_arena(vm: &Vm, compiled: Result<(CodeObject, refscope_compiler::arena::ParseArena), CompileError>) -> PyResult<(PyRef, PyRef)> {
    traceback_print::print_compile_warnings(vm);
    let (code, arena) = compiled.map_err(|e| syntax_error(vm, &e))?;
    let mut cache = ConstCache::default();
    let list = parse_arena(vm, &arena, &mut cache);
    let code = materialize(vm, Rc::new(code), &mut cache);
    Ok((code, list))
}

/// The list CPython's parser arena keeps (see `refscope_compiler::arena`):
/// the objects its parser and folder made, whose first of each value (in
/// source order) the compiler makes the code's constant; `cache` is
/// seeded with those, so the code is made of the arena's objects. A name-
/// like string constant is interned: when its text already was (or is a
/// name in the source, which the parser interned first), the code's
/// constant is that interned str and the literal's object stays apart.
/// Objects CPython keeps one of (small ints, None, one-character strings,
/// the empty tuple) are left out of the list: the program's count of
/// them is not modelled.
fn parse_arena(vm: &Vm, arena: &refscope_compiler::arena::ParseArena, cache: &mut ConstCache) -> PyRef {
    use refscope_compiler::arena::Made;
    let nodes = &arena.nodes;
    // The code's constant of each value: the node registered first.
    let mut canon: std::collections::HashMap<u64, Vec<(Constant, u32)>> = std::collections::HashMap::new();
    fn canon_of(canon: &std::collections::HashMap<u64, Vec<(Constant, u32)>>, v: &Constant) -> Option<u32> {
        canon.get(&ConstCache::key(v))?.iter().find(|(k, _)| k.same_as(v)).map(|(_, n)| *n)
    }
    fn register(nodes: &[refscope_compiler::arena::ArenaNode], canon: &mut std::collections::HashMap<u64, Vec<(Constant, u32)>>, n: u32) {
        let node = &nodes[n as usize];
        if is_cached_const(&node.value) || canon_of(canon, &node.value).is_some() {
            return;
        }
        // A frozenset's constant is the compiler's own (with the merged
        // items), not the folder's.
        if !matches!(node.made, Made::FrozenSet(_)) {
            canon.entry(ConstCache::key(&node.value)).or_default().push((node.value.clone(), n));
        }
        if let Made::Tuple(ops) | Made::FrozenSet(ops) = &node.made {
            for &o in ops {
                register(nodes, canon, o);
            }
        }
    }
    for &n in &arena.top {
        register(nodes, &mut canon, n);
    }
    struct Build<'a> {
        vm: &'a Vm,
        arena: &'a refscope_compiler::arena::ParseArena,
        canon: std::collections::HashMap<u64, Vec<(Constant, u32)>>,
        objs: Vec<Option<PyRef>>,
        canonical: Vec<Option<PyRef>>,
    }
    impl Build<'_> {
        /// The parser's (or folder's) object of node `n`.
        fn node(&mut self, n: u32) -> PyRef {
            if let Some(o) = &self.objs[n as usize] {
                return o.clone();
            }
            let node = &self.arena.nodes[n as usize];
            let o = match &node.made {
                _ if is_cached_const(&node.value) => const_to_obj(self.vm, &node.value, &mut ConstCache::default()).unwrap_or_else(|| self.vm.none()),
                Made::Literal | Made::New => fresh_const(self.vm, &node.value),
                Made::Same(i) => self.node(*i),
                Made::Tuple(ops) => {
                    // The code's tuple has the code's constants as items
                    // (CPython's compiler replaces them in place).
                    let is_canon = canon_of(&self.canon, &node.value) == Some(n);
                    let items: Vec<PyRef> = ops.iter().map(|&o| if is_canon { self.canonical(&self.arena.nodes[o as usize].value) } else { self.node(o) }).collect();
                    self.vm.tuple(items)
                }
                Made::FrozenSet(ops) => {
                    let s = PyRef::new(&self.vm.types.frozenset, set::SetData::new());
                    for &o in ops {
                        let item = self.node(o);
                        let _ = set::get(&s).unwrap().add(self.vm, &item);
                    }
                    s
                }
            };
            self.objs[n as usize] = Some(o.clone());
            o
        }

        /// The code's constant of value `v` (registered).
        fn canonical(&mut self, v: &Constant) -> PyRef {
            let Some(n) = canon_of(&self.canon, v) else {
                return const_to_obj(self.vm, v, &mut ConstCache::default()).unwrap_or_else(|| self.vm.none());
            };
            if let Some(o) = &self.canonical[n as usize] {
                return o.clone();
            }
            let o = match v {
                Constant::Str(s) if is_identifier_like(s) => {
                    if self.arena.names.contains(&**s) {
                        self.vm.intern(s)
                    } else {
                        let own = self.node(n);
                        self.vm.intern_obj(&own)
                    }
                }
                _ => self.node(n),
            };
            self.canonical[n as usize] = Some(o.clone());
            o
        }
    }
    let mut b = Build { vm, arena, canon, objs: vec![None; nodes.len()], canonical: vec![None; nodes.len()] };
    let values: Vec<Constant> = b.canon.values().flatten().map(|(v, _)| v.clone()).collect();
    for v in &values {
        let o = b.canonical(v);
        cache.insert(v, &o);
    }
    // The parser's objects first, then the folder's.
    let order = (0..nodes.len() as u32).filter(|&n| matches!(nodes[n as usize].made, Made::Literal)).chain((0..nodes.len() as u32).filter(|&n| !matches!(nodes[n as usize].made, Made::Literal)));
    let mut items = Vec::new();
    for n in order.collect::<Vec<_>>() {
        if !is_cached_const(&nodes[n as usize].value) {
            items.push(b.node(n));
        }
    }
    vm.list(items)
}

/// Constants that are objects CPython keeps one of (a literal of one is
/// that object, not one of its own).
fn is_cached_const(c: &Constant) -> bool {
    match c {
        Constant::None | Constant::True | Constant::False | Constant::Ellipsis | Constant::Code(_) => true,
        Constant::Int(i) => *i >= num_bigint::BigInt::from(-5) && *i <= num_bigint::BigInt::from(256),
        Constant::Str(s) => {
            let mut ch = s.chars();
            match (ch.next(), ch.next()) {
                (None, _) => true,
                (Some(c), None) => (c as u32) < 256,
                _ => false,
            }
        }
        Constant::Bytes(b) => b.len() <= 1,
        Constant::Tuple(t) => t.is_empty(),
        _ => false,
    }
}

/// A new object for the constant `c` (items of a tuple or frozenset too,
/// but for the cached ones), as the parser makes one per literal.
fn fresh_const(vm: &Vm, c: &Constant) -> PyRef {
    let item = |x: &Constant| {
        if is_cached_const(x) {
            const_to_obj(vm, x, &mut ConstCache::default()).unwrap_or_else(|| vm.none())
        } else {
            fresh_const(vm, x)
        }
    };
    match c {
        Constant::Int(i) => vm.bigint(i.clone()),
        Constant::Float(f) => vm.float(*f),
        Constant::Complex(r, i) => complex::new(vm, *r, *i),
        Constant::Str(s) => PyRef::new(&vm.types.str_, str::StrData::new(s.to_string())),
        Constant::Bytes(b) => vm.bytes(b.to_vec()),
        Constant::Tuple(items) => vm.tuple(items.iter().map(item).collect::<Vec<_>>()),
        Constant::FrozenSet(items) => {
            let s = PyRef::new(&vm.types.frozenset, set::SetData::new());
            for x in items.iter() {
                let _ = set::get(&s).unwrap().add(vm, &item(x));
            }
            s
        }
        _ => const_to_obj(vm, c, &mut ConstCache::default()).unwrap_or_else(|| vm.none()),
    }
}

/// The interpreter of this thread.
pub struct Interpreter {
    pub vm: &'static Vm,
    extra_path: std::cell::RefCell<Vec<String>>,
    isolated: std::cell::Cell<bool>,
    inspect: std::cell::Cell<bool>,
    /// What the start-up leaves tracked (`modules::gc::startup_tracked_after_collection`).
    startup_tracked: std::cell::Cell<usize>,
}

/// How a run ended: the process exit status CPython would use.
pub type ExitStatus = i32;

impl Interpreter {
    pub fn new() -> Interpreter {
        Self::with_environment(true)
    }

    /// `use_environment` false is CPython's `-E`: `PYTHONHASHSEED` is ignored.
    pub fn with_environment(use_environment: bool) -> Interpreter {
        let seed = if use_environment { std::env::var("PYTHONHASHSEED").ok() } else { None };
        let seed = seed.and_then(|s| refscope_text::hash::parse_pythonhashseed(&s).ok().flatten());
        let vm = Vm::init(seed);
        let base = 0u8;
        vm.stack_base.set(&base as *const u8 as usize);
        Interpreter { vm, extra_path: Default::default(), isolated: Default::default(), inspect: Default::default(), startup_tracked: Default::default() }
    }

    /// The CPython 3.11 shape of every code object compiled from `source`
    /// (module first, then nested code in constant order): qualified name,
    /// first line, `len(co_code)` and `co_stacksize`. For the corpus check
    /// of the shape model (tests/codeshape).
    pub fn code_shapes(&self, source: &str, filename: &str) -> Result<Vec<(String, u32, u32, u32)>, String> {
        let folder = Folder { vm: &self.vm };
        let code = refscope_compiler::compile_module(source, filename, &folder, false).map_err(|e| e.message)?;
        fn walk(c: &CodeObject, out: &mut Vec<(String, u32, u32, u32)>) {
            out.push((c.qualname.to_string(), c.first_line, 2 * c.cpython_code_units, c.cpython_stacksize));
            for k in &c.consts {
                if let Constant::Code(inner) = k {
                    walk(inner, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&code, &mut out);
        Ok(out)
    }

    /// Tell the recursion guard how much native stack this thread has.
    pub fn set_stack_size(&self, bytes: usize) {
        self.vm.stack_size.set(bytes);
    }

    /// Run `source` as the `__main__` module, then shut down. Returns the
    /// exit status.
    pub fn run_main(&self, source: &str, filename: &str, argv: Vec<String>, path0: String) -> ExitStatus {
        let status = self.run_main_keep(source, filename, argv, path0);
        self.finalize();
        status
    }

    /// Make the `__main__` module (sys.argv and sys.path[0] set as CPython
    /// sets them) and return its namespace.
    pub fn start_main(&self, filename: &str, argv: Vec<String>, path0: String) -> PyRef {
        let vm = self.vm;
        // Modules CPython's start-up has always imported (site imports
        // them): importing them in a program allocates nothing.
        for name in PRELOADED {
            if let Err(e) = import::preload(vm, name) {
                traceback_print::print_uncaught(vm, &e.0);
                break;
            }
        }
        if let Some(sys) = vm.sys.borrow().clone() {
            let d = &module::get(&sys).unwrap().dict;
            dict::set_item_str(vm, d, vm.intern("argv"), vm.list(argv.iter().map(|a| vm.str(a)).collect()));
            let mut path = if self.isolated.get() { Vec::new() } else { vec![vm.str(&path0)] };
            path.extend(self.extra_path.borrow().iter().map(|p| vm.str(p)));
            dict::set_item_str(vm, d, vm.intern("path"), vm.list(path));
        }
        let mut dirs = if self.isolated.get() { Vec::new() } else { vec![if path0.is_empty() { ".".into() } else { path0 }] };
        dirs.extend(self.extra_path.borrow().iter().cloned());
        *vm.path.borrow_mut() = dirs;
        let main = import::new_module(vm, "__main__");
        let md = module::get(&main).unwrap().dict.clone();
        if filename != "<string>" && filename != "<stdin>" {
            dict::set_item_str(vm, &md, vm.intern("__file__"), vm.str(filename));
        }
        dict::set_item_str(vm, &vm.modules, vm.intern("__main__"), main.clone());
        *vm.main_module.borrow_mut() = Some(main);
        // (before the program is compiled: its constants are the program's)
        object::gc::age_all();
        self.startup_tracked.set(modules::gc::startup_tracked_after_collection(vm));
        md
    }

    /// Make `__main__` for an interactive session that runs no program
    /// first (`refscope` with no arguments).
    pub fn start_interactive(&self, argv: Vec<String>) {
        drop(self.start_main("<stdin>", argv, String::new()));
        start_state(self.startup_tracked.get());
    }

    /// Directories searched for imports after the program's own (from
    /// `REFSCOPEPATH`); set before `run_main`/`start_main`.
    pub fn set_extra_path(&self, dirs: Vec<String>) {
        *self.extra_path.borrow_mut() = dirs;
    }

    /// `-I`: the program's directory (or the current one) is not searched
    /// for imports, `sys.path` does not start with it.
    pub fn set_isolated(&self, on: bool) {
        self.isolated.set(on);
    }

    /// Run `source` as `__main__` without shutting down (for `-i`, which
    /// continues at the prompt, where even SystemExit is only reported).
    /// Returns the exit status the run asks for.
    pub fn run_main_keep(&self, source: &str, filename: &str, argv: Vec<String>, path0: String) -> ExitStatus {
        let vm = self.vm;
        let md = self.start_main(filename, argv, path0);
        // The namespace is the frame's alone while it runs (the module
        // holds it too): CPython's count of it.
        // The parser's arena lives until the program has run (one list,
        // tracked, as in the CPython program that measured `START_TRACKED`).
        let result = compile_source_with_arena(vm, source, filename, false).and_then(|(code, arena)| {
            start_state(self.startup_tracked.get() + 1);
            let r = interp::run_code(vm, &code, md.clone(), md, None);
            drop(arena);
            r
        });
        match result {
            Ok(_) => 0,
            Err(e) if observe::active() && !typeobj::isinstance(&e.0, &vm.exc.system_exit) => {
                observe::emit(vm, observe::Event::Uncaught { exc: &e.0 });
                self.handle_uncaught(&e.0)
            }
            Err(e) if self.inspect.get() && typeobj::isinstance(&e.0, &vm.exc.system_exit) => {
                traceback_print::report_exception(vm, &e.0);
                0
            }
            Err(e) => self.handle_uncaught(&e.0),
        }
    }

    /// `-i`: the program is followed by the prompt, so even its SystemExit
    /// is only reported (with a traceback, as CPython does).
    pub fn set_inspect(&self, on: bool) {
        self.inspect.set(on);
    }

    /// Run one input typed at the interactive prompt (a whole statement, as
    /// `refscope_compiler::interactive_input_state` decides) in `__main__`,
    /// its own compilation unit: expression values are shown by
    /// `sys.displayhook`. An exception is reported (and kept in
    /// `sys.last_value`) and the prompt goes on; `SystemExit` returns the
    /// exit status it asks for.
    pub fn run_interactive(&self, source: &str) -> Option<ExitStatus> {
        let vm = self.vm;
        let md = vm.main_module.borrow().as_ref().and_then(|m| module::get(m).map(|m| m.dict.clone()))?;
        crate::interrupt::clear();
        let result = compile_source_with_arena(vm, source, "<stdin>", true).and_then(|(code, arena)| {
            let r = interp::run_code(vm, &code, md.clone(), md, None);
            drop(arena);
            r
        });
        let Err(e) = result else {
            modules::sys::flush_stdout(vm);
            return None;
        };
        modules::sys::flush_stdout(vm);
        let exc = e.0;
        if typeobj::isinstance(&exc, &vm.exc.system_exit) {
            return Some(self.handle_uncaught(&exc));
        }
        if let Some(sys) = vm.sys.borrow().clone() {
            let d = &module::get(&sys).unwrap().dict;
            let tb = exceptions::get(&exc).and_then(|x| x.traceback.borrow().clone()).unwrap_or_else(|| vm.none());
            dict::set_item_str(vm, d, vm.intern("last_type"), exc.ty().clone());
            dict::set_item_str(vm, d, vm.intern("last_value"), exc.clone());
            dict::set_item_str(vm, d, vm.intern("last_traceback"), tb);
        }
        traceback_print::report_exception(vm, &exc);
        None
    }

    /// `sys.NAME` as a str, when it is set to something with a str().
    pub fn sys_attr_str(&self, name: &str) -> Option<String> {
        let v = self.vm.sys_attr(name)?;
        ops::str_string(self.vm, &v).ok()
    }

    /// Set `sys.ps1` and `sys.ps2` to CPython's prompts unless the program
    /// already set them (CPython defines them only in interactive mode).
    pub fn set_interactive_prompts(&self) {
        let vm = self.vm;
        // `exit` and `quit` show how to leave, as at CPython's prompt.
        if let Ok(m) = import::import_name(vm, &vm.intern("_sitebuiltins"), &vm.none(), &vm.int(0), &vm.dict()) {
            if let Ok(f) = ops::get_attr_str(vm, &m, "install") {
                let _ = ops::call_owned(vm, &f, vec![], None);
            }
        }
        let Some(sys) = vm.sys.borrow().clone() else { return };
        let d = module::get(&sys).unwrap().dict.clone();
        for (name, value) in [("ps1", ">>> "), ("ps2", "... ")] {
            if dict::get_str_key(&d, &vm.intern(name)).is_none() {
                dict::set_item_str(vm, &d, vm.intern(name), vm.str(value));
            }
        }
    }

    /// Write out what the program printed so far.
    pub fn flush_stdout(&self) {
        modules::sys::flush_stdout(self.vm);
    }

    /// Print an uncaught exception (or honour SystemExit) and return the status.
    pub fn handle_uncaught(&self, exc: &PyRef) -> ExitStatus {
        let vm = self.vm;
        if typeobj::isinstance(exc, &vm.exc.system_exit) {
            let code = ops::get_attr_str(vm, exc, "code").unwrap_or_else(|_| vm.none());
            if code.is(&vm.none) {
                return 0;
            }
            if let Some(d) = int::get(&code) {
                return match d.as_i64() {
                    Some(i) => (i & 0xff) as i32,
                    None => -1 & 0xff,
                };
            }
            let s = ops::str_string(vm, &code).unwrap_or_default();
            modules::sys::write_stderr(vm, &format!("{}\n", s));
            return 1;
        }
        traceback_print::print_uncaught(vm, exc);
        1
    }

    /// Shut down as CPython 3.11 does: after the `atexit` functions, a
    /// collection like `gc.collect()` (if the collector is enabled) while
    /// everything is still in place; then the modules leave `sys.modules`
    /// (sys and builtins stay with the interpreter); a module whose
    /// namespace is not part of a cycle is freed at once, its globals
    /// released in insertion order; the others (a module that defines a
    /// function or a class is in a cycle: the function's `__globals__` is
    /// the module's namespace) are freed by a full collection, without
    /// `gc.callbacks`, like CPython's shutdown collection: every finalizer of
    /// the garbage runs first, in the collector's order, with all globals
    /// still bound, then the cycles are cleared.
    pub fn finalize(&self) {
        let vm = self.vm;
        let old = vm.handled.replace(None);
        drop(old);
        modules::atexit::run_exitfuncs(vm);
        modules::gc::collect_at_exit(vm);
        let main = vm.main_module.borrow_mut().take();
        let mods = dict::get(&vm.modules).unwrap().keys();
        for k in mods {
            let name = str::as_str(&k).to_string();
            if name != "sys" && name != "builtins" {
                dict::del_item_str(vm, &vm.modules, &k);
            }
        }
        drop(main);
        let graveyard = std::mem::take(&mut *vm.graveyard.borrow_mut());
        drop(graveyard);
        modules::gc::collect_at_shutdown(vm);
        modules::sys::flush_stdout(vm);
    }
}

impl Default for Interpreter {
    fn default() -> Self {
        Self::new()
    }
}

/// The collector's state when CPython 3.11 starts running a program file
/// (measured: `import gc; print(gc.get_count())` is the first line of a
/// program prints `(249, 0, 2)`; small free lists are partly filled by the
/// start-up). What the start-up left tracked counts as old (generation 2).
/// These figures are the oracle's, the `python3` of the machines this
/// project is tested on, whose site-packages hold a `.pth` file that
/// imports `certifi` (and with it some 80 modules) at every start-up: with
/// `python3 -S` the same program prints a count of 446 and keeps 3989
/// objects tracked, not 11092.
fn start_state(tracked: usize) {
    object::gc::age_all();
    object::gc::set_start_state([START_COUNT0, 0, 2], 38, 18, &[0, 4, 19, 2, 2, 3, 0, 8, 6, 2, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1]);
    object::gc::set_startup_tracked(START_TRACKED, tracked);
}

/// Generation 0's count at the start of a program, chosen so that the
/// first `import gc` (which creates the module here, as in CPython) leaves
/// the count CPython shows.
const START_COUNT0: isize = 249 - GC_IMPORT_ALLOCS;
/// Objects a full collection finds alive and tracked when a CPython 3.11
/// program starts (measured: `import gc; gc.collect();
/// print(len(gc.get_objects()))` as a program prints 11092). It decides
/// when CPython collects generation 2 (only when the objects promoted since
/// the last full collection pass a quarter of those it kept).
const START_TRACKED: isize = 11092;
const GC_IMPORT_ALLOCS: isize = 19;

/// Modules in `sys.modules` when a CPython 3.11 program starts that refscope
/// implements (the others are imported on first use).
const PRELOADED: &[&str] = &["_weakref", "atexit", "weakref"];

/// Exception text for embedders and tests.
pub fn exception_text(vm: &Vm, e: &PyErr) -> String {
    traceback_print::format_exception(vm, &e.0)
}

