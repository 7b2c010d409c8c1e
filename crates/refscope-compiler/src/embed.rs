//! Compiling the embedded standard library at build time.
//!
//! `refscope-runtime`'s build script compiles each embedded module with
//! `precompile` and writes the result as Rust source of static data
//! (`to_rust`, a `CodeData`), which the runtime includes: at start-up it
//! then only copies that data into code objects (`build`) instead of
//! parsing and compiling the module (weakref.py, which
//! every start-up imports, was most of the start-up time).
//!
//! The result must be exactly what the runtime's own compilation would give.
//! The only thing that compilation takes from the runtime is constant
//! folding (done with the runtime's arithmetic); so a module is precompiled
//! only when its compilation asks for no folding but of negative number
//! literals, produces no warning and has no `match` statement (whose
//! patterns `to_rust` does not write). Any other module is compiled at run
//! time, as before.
//! `refscope-runtime`'s tests compare each precompiled module with a fresh
//! compilation.

use crate::bytecode::{CodeObject, Constant, Instr};
use std::rc::Rc;
use crate::compile::ConstFolder;
use crate::bytecode::{BinOp, UnaryOp};
use std::cell::Cell;
use std::fmt::Write;

/// A folder that folds only negative number literals (`-1`, `-2.5`, whose
/// value does not depend on the runtime) and notes whether it was asked
/// for anything else.
#[derive(Default)]
pub struct NoteFolding {
    pub asked: Cell<bool>,
}

impl ConstFolder for NoteFolding {
    fn binop(&self, _: BinOp, _: &Constant, _: &Constant) -> Option<Constant> {
        self.asked.set(true);
        None
    }
    fn unary(&self, op: UnaryOp, a: &Constant) -> Option<Constant> {
        match (op, a) {
            (UnaryOp::Neg, Constant::Int(i)) => return Some(Constant::Int(-i)),
            (UnaryOp::Neg, Constant::Float(f)) => return Some(Constant::Float(-f)),
            _ => {}
        }
        self.asked.set(true);
        None
    }
    fn subscript(&self, _: &Constant, _: &Constant) -> Option<Constant> {
        self.asked.set(true);
        None
    }
}

/// Compile `source` as the runtime's `compile_source` would (not
/// interactive), if the result does not depend on the runtime (see the
/// module doc).
pub fn precompile(filename: &str, source: &str) -> Option<CodeObject> {
    let folder = NoteFolding::default();
    let code = crate::compile_module(source, filename, &folder, false);
    let warned = !crate::warnings::take_warnings().is_empty();
    let code = code.ok()?;
    if folder.asked.get() || warned || has_match(&code) {
        return None;
    }
    Some(code)
}

fn has_match(c: &CodeObject) -> bool {
    !c.match_cases.is_empty() || c.consts.iter().any(|k| matches!(k, Constant::Code(inner) if has_match(inner)))
}

/// A code object as static data: what the build script writes (as a
/// `static` initializer, `to_rust`) and `build` turns into a `CodeObject`.
/// Data rather than code that builds the object, so that the binary only
/// grows by the tables, and start-up touches only the units it uses.
pub struct CodeData {
    pub name: S,
    pub qualname: S,
    pub filename: S,
    pub first_line: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub instrs: &'static [Instr],
    pub spans: &'static [(u32, u32)],
    pub lines: &'static [u32],
    pub consts: &'static [ConstData],
    pub names: &'static [S],
    pub varnames: &'static [S],
    pub cellvars: &'static [S],
    pub cell2arg: &'static [Option<u32>],
    pub freevars: &'static [S],
    pub max_stack: u32,
    pub cpython_code_units: u32,
    pub cpython_stacksize: u32,
    pub has_docstring: bool,
}

/// A string of the pool (`build`'s `pool`): byte offset and length. The
/// strings are offsets into one string rather than `&str`s, because every
/// pointer in static data is a relocation the loader applies at start-up.
pub type S = (u32, u32);

/// A `Constant` as static data (ints in decimal, floats as bits).
pub enum ConstData {
    None,
    True,
    False,
    Ellipsis,
    Int(S),
    Float(u64),
    Complex(u64, u64),
    Str(S),
    Bytes(&'static [u8]),
    Tuple(&'static [ConstData]),
    FrozenSet(&'static [ConstData]),
    Code(&'static CodeData),
}

fn st(pool: &str, s: S) -> &str {
    &pool[s.0 as usize..(s.0 + s.1) as usize]
}

fn rcs(pool: &str, v: &[S]) -> Vec<Rc<str>> {
    v.iter().map(|x| Rc::from(st(pool, *x))).collect()
}

fn build_const(pool: &str, k: &ConstData) -> Constant {
    match k {
        ConstData::None => Constant::None,
        ConstData::True => Constant::True,
        ConstData::False => Constant::False,
        ConstData::Ellipsis => Constant::Ellipsis,
        ConstData::Int(i) => Constant::Int(st(pool, *i).parse().expect("decimal int constant")),
        ConstData::Float(f) => Constant::Float(f64::from_bits(*f)),
        ConstData::Complex(r, i) => Constant::Complex(f64::from_bits(*r), f64::from_bits(*i)),
        ConstData::Str(s) => Constant::Str(Rc::from(st(pool, *s))),
        ConstData::Bytes(b) => Constant::Bytes(Rc::from(*b)),
        ConstData::Tuple(v) => Constant::Tuple(v.iter().map(|x| build_const(pool, x)).collect()),
        ConstData::FrozenSet(v) => Constant::FrozenSet(v.iter().map(|x| build_const(pool, x)).collect()),
        ConstData::Code(c) => Constant::Code(Rc::new(build(pool, c))),
    }
}

/// The code object `d` describes; its strings are in `pool`.
pub fn build(pool: &str, d: &CodeData) -> CodeObject {
    CodeObject {
        name: Rc::from(st(pool, d.name)),
        qualname: Rc::from(st(pool, d.qualname)),
        filename: Rc::from(st(pool, d.filename)),
        first_line: d.first_line,
        flags: d.flags,
        argcount: d.argcount,
        posonlyargcount: d.posonlyargcount,
        kwonlyargcount: d.kwonlyargcount,
        instrs: d.instrs.to_vec(),
        spans: d.spans.to_vec(),
        lines: d.lines.to_vec(),
        consts: d.consts.iter().map(|k| build_const(pool, k)).collect(),
        names: rcs(pool, d.names),
        varnames: rcs(pool, d.varnames),
        cellvars: rcs(pool, d.cellvars),
        cell2arg: d.cell2arg.to_vec(),
        freevars: rcs(pool, d.freevars),
        max_stack: d.max_stack,
        cpython_code_units: d.cpython_code_units,
        cpython_stacksize: d.cpython_stacksize,
        match_cases: Vec::new(),
        has_docstring: d.has_docstring,
    }
}

/// Collects the strings of the units `to_rust` writes, each once.
#[derive(Default)]
pub struct Pool {
    text: String,
    at: std::collections::HashMap<String, S>,
}

impl Pool {
    fn add(&mut self, s: &str) -> S {
        if let Some(x) = self.at.get(s) {
            return *x;
        }
        let x = (self.text.len() as u32, s.len() as u32);
        self.text.push_str(s);
        self.at.insert(s.to_string(), x);
        x
    }
    /// All the strings, for `build`'s `pool`.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Rust source of a constant expression of type `CodeData` describing
/// `c`, its strings added to `pool`. It expects in scope: `I` (= `Instr`),
/// `K` (= `ConstData`), `CodeData`, and the variants of `BinOp`, `CmpOp`
/// and `UnaryOp`.
pub fn to_rust(c: &CodeObject, pool: &mut Pool) -> String {
    let mut o = String::new();
    write_code(&mut o, c, pool);
    o
}

fn strs(o: &mut String, v: &[Rc<str>], pool: &mut Pool) {
    o.push_str("&[");
    for x in v {
        let _ = write!(o, "{:?},", pool.add(x));
    }
    o.push(']');
}

fn write_code(o: &mut String, c: &CodeObject, pool: &mut Pool) {
    let _ = write!(
        o,
        "CodeData {{ name: {:?}, qualname: {:?}, filename: {:?}, first_line: {}, flags: {}, argcount: {}, posonlyargcount: {}, kwonlyargcount: {}, ",
        pool.add(&c.name),
        pool.add(&c.qualname),
        pool.add(&c.filename),
        c.first_line,
        c.flags,
        c.argcount,
        c.posonlyargcount,
        c.kwonlyargcount
    );
    o.push_str("instrs: &[");
    for i in &c.instrs {
        let _ = write!(o, "I::{i:?},");
    }
    o.push_str("], spans: &[");
    for (a, b) in &c.spans {
        let _ = write!(o, "({a},{b}),");
    }
    o.push_str("], lines: &[");
    for l in &c.lines {
        let _ = write!(o, "{l},");
    }
    o.push_str("], consts: &[");
    for k in &c.consts {
        write_const(o, k, pool);
        o.push(',');
    }
    o.push_str("], names: ");
    strs(o, &c.names, pool);
    o.push_str(", varnames: ");
    strs(o, &c.varnames, pool);
    o.push_str(", cellvars: ");
    strs(o, &c.cellvars, pool);
    let _ = write!(o, ", cell2arg: &{:?}, freevars: ", c.cell2arg);
    strs(o, &c.freevars, pool);
    let _ = write!(
        o,
        ", max_stack: {}, cpython_code_units: {}, cpython_stacksize: {}, has_docstring: {} }}",
        c.max_stack, c.cpython_code_units, c.cpython_stacksize, c.has_docstring
    );
}

fn write_const(o: &mut String, k: &Constant, pool: &mut Pool) {
    match k {
        Constant::None => o.push_str("K::None"),
        Constant::True => o.push_str("K::True"),
        Constant::False => o.push_str("K::False"),
        Constant::Ellipsis => o.push_str("K::Ellipsis"),
        Constant::Int(i) => {
            let _ = write!(o, "K::Int({:?})", pool.add(&i.to_string()));
        }
        Constant::Float(f) => {
            let _ = write!(o, "K::Float({:#x})", f.to_bits());
        }
        Constant::Complex(r, i) => {
            let _ = write!(o, "K::Complex({:#x}, {:#x})", r.to_bits(), i.to_bits());
        }
        Constant::Str(s) => {
            let _ = write!(o, "K::Str({:?})", pool.add(s));
        }
        Constant::Bytes(b) => {
            let _ = write!(o, "K::Bytes(&{:?})", &**b);
        }
        Constant::Tuple(v) | Constant::FrozenSet(v) => {
            o.push_str(if matches!(k, Constant::Tuple(_)) { "K::Tuple(&[" } else { "K::FrozenSet(&[" });
            for x in v.iter() {
                write_const(o, x, pool);
                o.push(',');
            }
            o.push_str("])");
        }
        Constant::Code(c) => {
            o.push_str("K::Code(&");
            write_code(o, c, pool);
            o.push(')');
        }
    }
}
