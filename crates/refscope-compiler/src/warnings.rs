//! The SyntaxWarnings CPython 3.11's compiler emits while it generates
//! code: `is` with a literal, calling or subscripting something that cannot
//! be (a literal, a display), indexing a sequence literal with a non-integer,
//! and asserting a non-empty tuple. The checks see the tree after constant
//! folding, as CPython's do (`x is -1`, `x is (1, 2)` count as literals).

use ruff_python_ast::visitor::{walk_expr, walk_stmt, Visitor};
use crate::bytecode::Constant;
use ruff_python_ast::{self as ast, Expr, ExprContext, Stmt};
use ruff_text_size::Ranged;
use std::cell::RefCell;

/// One warning: its category, message and where the compiler was.
#[derive(Debug, Clone)]
pub struct CompileWarning {
    pub category: &'static str,
    pub message: String,
    pub filename: String,
    pub line: u32,
    /// Byte offset in the source (for ordering against errors).
    pub offset: usize,
}

thread_local! {
    static PENDING: RefCell<Vec<CompileWarning>> = const { RefCell::new(Vec::new()) };
}

/// The warnings of the last compilations, for the caller to report (in
/// order).
pub fn take_warnings() -> Vec<CompileWarning> {
    PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

pub(crate) fn push(warnings: Vec<CompileWarning>) {
    PENDING.with(|p| p.borrow_mut().extend(warnings));
}

/// The warnings for a module, in the order CPython emits them.
pub(crate) fn collect(module: &ast::ModModule, source: &str, filename: &str, fold: &dyn Fn(&Expr) -> Option<Constant>) -> Vec<CompileWarning> {
    let mut c = Checker { source, filename, out: Vec::new(), fold };
    for s in &module.body {
        c.visit_stmt(s);
    }
    c.out
}

struct Checker<'s> {
    fold: &'s dyn Fn(&Expr) -> Option<Constant>,
    source: &'s str,
    filename: &'s str,
    out: Vec<CompileWarning>,
}

impl Checker<'_> {
    fn warn(&mut self, node: &impl Ranged, message: String) {
        let offset = node.start().to_usize();
        let line = self.source.as_bytes()[..offset.min(self.source.len())].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        self.out.push(CompileWarning { category: "SyntaxWarning", message, filename: self.filename.to_string(), line, offset });
    }
}

/// The type of the constant `e` folds to, if it does (the compiler's
/// folder decides, as CPython's checks see the folded tree).
fn const_type(fold: &dyn Fn(&Expr) -> Option<Constant>, e: &Expr) -> Option<&'static str> {
    Some(match fold(e)? {
        Constant::Int(_) => "int",
        Constant::Float(_) => "float",
        Constant::Complex(..) => "complex",
        Constant::Str(_) => "str",
        Constant::Bytes(_) => "bytes",
        Constant::True | Constant::False => "bool",
        Constant::None => "NoneType",
        Constant::Ellipsis => "ellipsis",
        Constant::Tuple(_) => "tuple",
        Constant::FrozenSet(_) => "frozenset",
        Constant::Code(_) => return None,
    })
}

/// CPython's `infer_type`: the type of an expression known from its form.
fn infer_type(fold: &dyn Fn(&Expr) -> Option<Constant>, e: &Expr) -> Option<&'static str> {
    if let Some(t) = const_type(fold, e) {
        return Some(t);
    }
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::FString(_) => "str",
        Expr::Slice(_) => "slice",
        _ => return None,
    })
}

impl<'a> Visitor<'a> for Checker<'_> {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if let Stmt::Assert(a) = s {
            if let Expr::Tuple(t) = &*a.test {
                if !t.elts.is_empty() {
                    self.warn(s, "assertion is always true, perhaps remove parentheses?".to_string());
                }
            }
        }
        walk_stmt(self, s);
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::Compare(c) => {
                // A literal on either side of `is` / `is not` (None, True,
                // False and Ellipsis are fine).
                let is_literal = |x: &Expr| const_type(self.fold, x).is_some_and(|t| !matches!(t, "NoneType" | "bool" | "ellipsis"));
                let mut left = is_literal(&c.left);
                for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
                    let right_lit = is_literal(right);
                    if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && (left || right_lit) {
                        let msg = if *op == ast::CmpOp::Is { "\"is\" with a literal. Did you mean \"==\"?" } else { "\"is not\" with a literal. Did you mean \"!=\"?" };
                        self.warn(e, msg.to_string());
                        break;
                    }
                    left = right_lit;
                }
            }
            Expr::Call(c) => {
                let callee = &*c.func;
                let not_callable = const_type(self.fold, callee).is_some()
                    || matches!(
                        callee,
                        Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::Dict(_) | Expr::DictComp(_) | Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::FString(_)
                    );
                if not_callable {
                    if let Some(t) = infer_type(self.fold, callee) {
                        self.warn(e, format!("'{}' object is not callable; perhaps you missed a comma?", t));
                    }
                }
            }
            Expr::Subscript(s) if s.ctx == ExprContext::Load => {
                let value = &*s.value;
                let vt = infer_type(self.fold, value);
                let not_subscriptable = match const_type(self.fold, value) {
                    Some(t) => matches!(t, "NoneType" | "ellipsis" | "int" | "bool" | "float" | "complex"),
                    None => matches!(value, Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_)),
                };
                if not_subscriptable {
                    if let Some(t) = vt {
                        self.warn(e, format!("'{}' object is not subscriptable; perhaps you missed a comma?", t));
                    }
                }
                if let Some(it) = infer_type(self.fold, &s.slice) {
                    if !matches!(it, "int" | "bool" | "slice") {
                        let sequence = match const_type(self.fold, value) {
                            Some(t) => matches!(t, "str" | "bytes" | "tuple"),
                            None => matches!(value, Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_)),
                        };
                        if sequence {
                            if let Some(t) = vt {
                                self.warn(e, format!("{} indices must be integers or slices, not {}; perhaps you missed a comma?", t, it));
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        walk_expr(self, e);
    }
}
