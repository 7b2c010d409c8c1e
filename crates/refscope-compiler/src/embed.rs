//! Compiling the embedded standard library at build time.
//!
//! `refscope-runtime`'s build script compiles each embedded module with
//! `precompile` and writes the result as Rust source (`to_rust`), which the
//! runtime includes: at start-up it then only builds the code objects'
//! vectors instead of parsing and compiling the module (weakref.py, which
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

use crate::bytecode::{CodeObject, Constant};
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

/// Rust source of an expression that builds `c` again. It expects in
/// scope: `I` (= `Instr`), `C` (= `Constant`), the variants of `BinOp`,
/// `CmpOp` and `UnaryOp`, and helpers `s(&str) -> Rc<str>`,
/// `int(&str) -> BigInt`, `code(CodeObject) -> Constant`.
pub fn to_rust(c: &CodeObject) -> String {
    let mut o = String::new();
    write_code(&mut o, c);
    o
}

fn strs(o: &mut String, v: &[std::rc::Rc<str>]) {
    o.push_str("vec![");
    for x in v {
        let _ = write!(o, "s({:?}),", &**x);
    }
    o.push(']');
}

fn write_code(o: &mut String, c: &CodeObject) {
    let _ = write!(
        o,
        "CodeObject {{ name: s({:?}), qualname: s({:?}), filename: s({:?}), first_line: {}, flags: {}, argcount: {}, posonlyargcount: {}, kwonlyargcount: {}, ",
        &*c.name, &*c.qualname, &*c.filename, c.first_line, c.flags, c.argcount, c.posonlyargcount, c.kwonlyargcount
    );
    // Static arrays: the instructions and tables are data in the binary,
    // copied into their vectors, not code that pushes them one by one.
    o.push_str("instrs: { static X: &[Instr] = &[");
    for i in &c.instrs {
        let _ = write!(o, "I::{i:?},");
    }
    o.push_str("]; X.to_vec() }, spans: { static X: &[(u32, u32)] = &[");
    for (a, b) in &c.spans {
        let _ = write!(o, "({a},{b}),");
    }
    o.push_str("]; X.to_vec() }, lines: { static X: &[u32] = &[");
    for l in &c.lines {
        let _ = write!(o, "{l},");
    }
    o.push_str("]; X.to_vec() }, consts: vec![");
    for k in &c.consts {
        write_const(o, k);
        o.push(',');
    }
    o.push_str("], names: ");
    strs(o, &c.names);
    o.push_str(", varnames: ");
    strs(o, &c.varnames);
    o.push_str(", cellvars: ");
    strs(o, &c.cellvars);
    let _ = write!(o, ", cell2arg: vec!{:?}, freevars: ", c.cell2arg);
    strs(o, &c.freevars);
    let _ = write!(o, ", max_stack: {}, match_cases: Vec::new(), has_docstring: {} }}", c.max_stack, c.has_docstring);
}

fn write_const(o: &mut String, k: &Constant) {
    match k {
        Constant::None => o.push_str("C::None"),
        Constant::True => o.push_str("C::True"),
        Constant::False => o.push_str("C::False"),
        Constant::Ellipsis => o.push_str("C::Ellipsis"),
        Constant::Int(i) => {
            let _ = write!(o, "C::Int(int({:?}))", i.to_string());
        }
        Constant::Float(f) => {
            let _ = write!(o, "C::Float(f64::from_bits({:#x}))", f.to_bits());
        }
        Constant::Complex(r, i) => {
            let _ = write!(o, "C::Complex(f64::from_bits({:#x}), f64::from_bits({:#x}))", r.to_bits(), i.to_bits());
        }
        Constant::Str(s) => {
            let _ = write!(o, "C::Str(s({:?}))", &**s);
        }
        Constant::Bytes(b) => {
            let _ = write!(o, "C::Bytes(std::rc::Rc::from(&{:?}[..]))", &**b);
        }
        Constant::Tuple(v) | Constant::FrozenSet(v) => {
            o.push_str(if matches!(k, Constant::Tuple(_)) { "C::Tuple(std::rc::Rc::from(vec![" } else { "C::FrozenSet(std::rc::Rc::from(vec![" });
            for x in v.iter() {
                write_const(o, x);
                o.push(',');
            }
            o.push_str("]))");
        }
        Constant::Code(c) => {
            o.push_str("code(");
            write_code(o, c);
            o.push(')');
        }
    }
}
