//! What CPython's parser leaves alive while the code it parsed runs.
//!
//! CPython 3.11 parses into an arena that keeps a list of every object the
//! parser and its constant folder made: one per literal (each number,
//! string and bytes literal, each run of text of an f-string) and one per
//! folded constant (a tuple of constants, `-1000`, `2 * 3000`, a list or
//! set after `in` or in a `for` turned into a tuple or frozenset). When it
//! runs a program file, a `-c` string, a line typed at the prompt or the
//! string given to `exec`/`eval`, that arena lives until the code finishes
//! (`compile()` and imports free it before anything runs). So each
//! constant written in the program has one reference more than its
//! holders: `x = 1000` gives `sys.getrefcount(x)` 4 (x, the argument, the
//! code's constants, the arena) where an imported module's gives 3.
//!
//! This module lists those objects as values, in the order the parser
//! makes them (literals in source order, then the folder's results in its
//! order), for the runtime to make the list (`refscope_runtime`'s
//! `parse_arena`). The parser also keeps its identifiers and the bytes of
//! each token there, several per occurrence where it backtracks: those
//! are not modelled (the names' counts are not exact), but the names are
//! listed, because a name-like string constant equal to one of them is
//! the parser's interned identifier in the code, not the literal's object.

use crate::bytecode::Constant;
use crate::compile::Compiler;
use ruff_python_ast::visitor::source_order::{walk_comprehension, walk_expr, walk_stmt, SourceOrderVisitor};
use ruff_python_ast::{self as ast, Expr, Identifier, Stmt};
use std::collections::HashSet;

/// How the parser's folder made a constant's object.
#[derive(Debug, Clone)]
pub enum Made {
    /// The parser's object for a literal.
    Literal,
    /// A tuple of these nodes' objects.
    Tuple(Vec<u32>),
    /// A frozenset of these nodes' objects (a set after `in` or in a `for`;
    /// the compiler's constant is a frozenset of its own).
    FrozenSet(Vec<u32>),
    /// This node's object itself (`+x`, an item of a constant tuple).
    Same(u32),
    /// A new object (the result of an operator).
    New,
}

/// One object of the arena.
#[derive(Debug, Clone)]
pub struct ArenaNode {
    pub value: Constant,
    pub made: Made,
}

/// The parser's objects of one compilation unit (see the module comment).
#[derive(Default, Debug)]
pub struct ParseArena {
    /// The objects, each after those it is made of.
    pub nodes: Vec<ArenaNode>,
    /// The nodes the code's constants come from (no fold took them), in
    /// source order: the first of each value is the code's constant.
    pub top: Vec<u32>,
    /// The identifiers written in the source.
    pub names: HashSet<Box<str>>,
}

struct Collector<'c, 'a> {
    comp: &'c Compiler<'a>,
    nodes: Vec<ArenaNode>,
    /// Taken by a fold (not a constant of the code by itself).
    consumed: Vec<bool>,
    names: HashSet<Box<str>>,
    /// The expression in an iterable position (`for`, comprehension, the
    /// right of a last `in`/`not in`), where a list or set of constants is
    /// folded.
    iter_pos: Option<*const Expr>,
}

pub(crate) fn collect(comp: &Compiler, body: &[Stmt]) -> ParseArena {
    let mut c = Collector { comp, nodes: Vec::new(), consumed: Vec::new(), names: HashSet::new(), iter_pos: None };
    c.visit_body(body);
    let top = (0..c.nodes.len() as u32).filter(|&i| !c.consumed[i as usize]).collect();
    ParseArena { nodes: c.nodes, top, names: c.names }
}

impl Collector<'_, '_> {
    fn push(&mut self, value: Constant, made: Made) {
        self.nodes.push(ArenaNode { value, made });
        self.consumed.push(false);
    }

    /// The nodes made since `start` that no fold took: the operands of a
    /// fold of the expressions walked since then, which takes them.
    fn take_operands(&mut self, start: usize) -> Vec<u32> {
        let ops: Vec<u32> = (start..self.nodes.len()).filter(|&i| !self.consumed[i]).map(|i| i as u32).collect();
        for &i in &ops {
            self.consumed[i as usize] = true;
        }
        ops
    }

    /// The text runs of f-string elements (each a constant of its own,
    /// as CPython's f-string parser makes them), and the expressions.
    fn fstring_elements<'a>(&mut self, els: &'a ast::InterpolatedStringElements, lit: &mut String)
    where
        Self: SourceOrderVisitor<'a>,
    {
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => lit.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(dt) = &i.debug_text {
                        lit.push_str(dt.leading());
                        lit.push_str(dt.expression());
                        lit.push_str(dt.trailing());
                    }
                    self.flush(lit);
                    self.visit_expr(&i.expression);
                    if let Some(spec) = &i.format_spec {
                        let mut slit = String::new();
                        self.fstring_elements(&spec.elements, &mut slit);
                        self.flush(&mut slit);
                    }
                }
            }
        }
    }

    fn flush(&mut self, lit: &mut String) {
        if !lit.is_empty() {
            self.push(Constant::Str(lit.as_str().into()), Made::Literal);
            lit.clear();
        }
    }

    /// A list or set display of constants in an iterable position: the
    /// tuple or frozenset CPython's folder makes of it.
    fn iter_fold(&self, e: &Expr) -> Option<(Constant, bool, usize)> {
        let (elts, set) = match e {
            Expr::List(l) => (&l.elts, false),
            Expr::Set(s) => (&s.elts, true),
            _ => return None,
        };
        let mut v = Vec::with_capacity(elts.len());
        for x in elts {
            if matches!(x, Expr::Starred(_)) {
                return None;
            }
            v.push(self.comp.const_value(x)?);
        }
        let n = v.len();
        Some((if set { Constant::FrozenSet(v.into()) } else { Constant::Tuple(v.into()) }, set, n))
    }
}

impl<'a> SourceOrderVisitor<'a> for Collector<'_, '_> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if let Stmt::For(f) = s {
            self.iter_pos = Some(&*f.iter as *const Expr);
        }
        walk_stmt(self, s);
    }

    fn visit_comprehension(&mut self, c: &'a ast::Comprehension) {
        self.iter_pos = Some(&c.iter as *const Expr);
        walk_comprehension(self, c);
    }

    fn visit_identifier(&mut self, id: &'a Identifier) {
        self.names.insert(id.as_str().into());
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        let in_iter = self.iter_pos == Some(e as *const Expr);
        match e {
            Expr::Name(n) => {
                self.names.insert(n.id.as_str().into());
            }
            Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                if let Some(c) = self.comp.const_value(e) {
                    self.push(c, Made::Literal);
                }
            }
            Expr::FString(f) => {
                let mut lit = String::new();
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => lit.push_str(&l.value),
                        ast::FStringPart::FString(fs) => self.fstring_elements(&fs.elements, &mut lit),
                    }
                }
                self.flush(&mut lit);
            }
            Expr::UnaryOp(_) | Expr::BinOp(_) | Expr::Tuple(_) | Expr::Subscript(_) => {
                let start = self.nodes.len();
                walk_expr(self, e);
                let Some(value) = self.comp.const_value(e) else { return };
                let ops = self.take_operands(start);
                let made = match e {
                    Expr::Tuple(t) if ops.len() == t.elts.len() => Made::Tuple(ops),
                    Expr::UnaryOp(u) if u.op == ast::UnaryOp::UAdd && ops.len() == 1 => Made::Same(ops[0]),
                    // An item of a constant tuple is that tuple's object.
                    Expr::Subscript(_) if ops.len() == 2 => match (&self.nodes[ops[0] as usize].made, &self.nodes[ops[1] as usize].value) {
                        (Made::Tuple(items), Constant::Int(i)) => {
                            let n = items.len() as i64;
                            let i: i64 = i.try_into().unwrap_or(i64::MAX);
                            let at = if i < 0 { i + n } else { i };
                            match usize::try_from(at).ok().and_then(|a| items.get(a)) {
                                Some(&item) => Made::Same(item),
                                None => Made::New,
                            }
                        }
                        _ => Made::New,
                    },
                    _ => Made::New,
                };
                self.push(value, made);
            }
            Expr::Compare(c) => {
                if matches!(c.ops.last(), Some(ast::CmpOp::In | ast::CmpOp::NotIn)) {
                    if let Some(last) = c.comparators.last() {
                        self.iter_pos = Some(last as *const Expr);
                    }
                }
                walk_expr(self, e);
            }
            Expr::List(_) | Expr::Set(_) if in_iter => {
                let start = self.nodes.len();
                walk_expr(self, e);
                let Some((value, set, n)) = self.iter_fold(e) else { return };
                let ops = self.take_operands(start);
                let made = match (set, ops.len() == n) {
                    (false, true) => Made::Tuple(ops),
                    (true, true) => Made::FrozenSet(ops),
                    _ => Made::New,
                };
                self.push(value, made);
            }
            _ => walk_expr(self, e),
        }
    }
}
