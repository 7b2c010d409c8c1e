//! The shape CPython 3.11 gives a code object: the length of its `co_code`
//! (in 2-byte code units, inline caches included) and its `co_stacksize`.
//!
//! refscope runs its own bytecode, but `sys.getsizeof` of a code object, a
//! frame or a generator depends on these two numbers in CPython. This module
//! models CPython 3.11's code generator for sizes only: it walks the same AST
//! and symbol table, emits the opcodes CPython would emit into basic blocks
//! (no operands beyond what sizes and stack effects need), and then applies
//! the effects of CPython's assembler that change the length: the stack-depth
//! analysis (done before optimisation, as in 3.11), constant conditions,
//! jump threading, unreachable-code removal, small exit blocks copied into
//! the jumps that reach them, exit blocks without a line number duplicated
//! per predecessor, NOPs kept only where a line would otherwise vanish, the
//! prologue (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR) and EXTENDED_ARG
//! prefixes for operands over 255.
//!
//! The behaviour was worked out by comparing with `dis` output of CPython
//! 3.11 on construct-focused programs (tests/diff/sizes); the corpus check is
//! crates/refscope-runtime/tests/codeshape.rs.

use crate::compile::Compiler;
use crate::symtable::{NameScope, Scope, ScopeKind};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::{HashMap, HashSet};

/// CPython 3.11's `len(co_code) // 2` and `co_stacksize` for one code object.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    pub code_units: u32,
    pub stacksize: u32,
}

/// The AST node a code object is compiled from.
pub enum Node<'a> {
    Module(&'a [Stmt]),
    Function(&'a ast::StmtFunctionDef),
    Class(&'a ast::StmtClassDef),
    Lambda(&'a ast::ExprLambda),
    Comp { kind: CompShape, gens: &'a [ast::Comprehension], elt: &'a Expr, value: Option<&'a Expr> },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CompShape {
    List,
    Set,
    Dict,
    Gen,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Op {
    Nop,
    PopTop,
    PushNull,
    Copy,
    Swap,
    Unary,
    BinaryOp,
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    CompareOp,
    IsOp,
    ContainsOp,
    LoadConst,
    LoadFast,
    StoreFast,
    DeleteFast,
    LoadDeref,
    StoreDeref,
    DeleteDeref,
    LoadClosure,
    LoadClassDeref,
    LoadName,
    StoreName,
    DeleteName,
    LoadGlobal,
    StoreGlobal,
    DeleteGlobal,
    LoadAttr,
    StoreAttr,
    DeleteAttr,
    LoadMethod,
    Precall,
    Call,
    KwNames,
    CallFunctionEx,
    BuildTuple,
    BuildList,
    BuildSet,
    BuildMap,
    BuildConstKeyMap,
    BuildSlice,
    BuildString,
    ListAppend,
    SetAdd,
    MapAdd,
    ListExtend,
    SetUpdate,
    DictUpdate,
    DictMerge,
    ListToTuple,
    FormatValue,
    UnpackSequence,
    UnpackEx,
    Jump,
    JumpNoInterrupt,
    PopJumpIfFalse,
    PopJumpIfTrue,
    PopJumpIfNone,
    PopJumpIfNotNone,
    JumpIfFalseOrPop,
    JumpIfTrueOrPop,
    ForIter,
    Send,
    GetIter,
    GetYieldFromIter,
    ReturnValue,
    YieldValue,
    Resume,
    ReturnGenerator,
    MakeCell,
    CopyFreeVars,
    MakeFunction,
    LoadBuildClass,
    ImportName,
    ImportFrom,
    ImportStar,
    RaiseVarargs,
    Reraise,
    PushExcInfo,
    PopExcept,
    CheckExcMatch,
    CheckEgMatch,
    PrepReraiseStar,
    WithExceptStart,
    BeforeWith,
    LoadAssertionError,
    SetupAnnotations,
    PrintExpr,
    MatchClass,
    MatchMapping,
    MatchSequence,
    MatchKeys,
    GetLen,
    // Pseudo-instructions: no code, only stack-depth and handler edges.
    SetupFinally,
    SetupCleanup,
    SetupWith,
    PopBlock,
}

impl Op {
    fn caches(self) -> u32 {
        match self {
            Op::BinarySubscr | Op::StoreAttr | Op::LoadAttr => 4,
            Op::StoreSubscr | Op::UnpackSequence | Op::BinaryOp | Op::Precall => 1,
            Op::CompareOp => 2,
            Op::LoadGlobal => 5,
            Op::LoadMethod => 10,
            Op::Call => 4,
            _ => 0,
        }
    }
    fn is_pseudo(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith | Op::PopBlock)
    }
    fn is_uncond_jump(self) -> bool {
        matches!(self, Op::Jump | Op::JumpNoInterrupt)
    }
    fn is_exit(self) -> bool {
        matches!(self, Op::ReturnValue | Op::RaiseVarargs | Op::Reraise)
    }
    fn ends_block(self) -> bool {
        self.is_exit() || self.is_uncond_jump()
    }
    /// Stack effect when execution falls through (`jump` false) or jumps.
    fn effect(self, arg: u32, jump: bool) -> i32 {
        let a = arg as i32;
        match self {
            Op::Nop | Op::Swap | Op::Unary | Op::DeleteFast | Op::DeleteDeref | Op::DeleteName | Op::DeleteGlobal => 0,
            Op::LoadAttr | Op::KwNames | Op::ListToTuple | Op::GetIter | Op::GetYieldFromIter | Op::YieldValue => 0,
            Op::Resume | Op::ReturnGenerator | Op::MakeCell | Op::CopyFreeVars | Op::CheckExcMatch | Op::CheckEgMatch | Op::SetupAnnotations => 0,
            Op::PopBlock | Op::Jump | Op::JumpNoInterrupt => 0,
            Op::PopTop | Op::BinaryOp | Op::BinarySubscr | Op::CompareOp | Op::IsOp | Op::ContainsOp => -1,
            Op::StoreFast | Op::StoreDeref | Op::StoreName | Op::StoreGlobal | Op::DeleteAttr | Op::ImportName => -1,
            Op::ListAppend | Op::SetAdd | Op::ListExtend | Op::SetUpdate | Op::DictUpdate | Op::DictMerge => -1,
            Op::ReturnValue | Op::ImportStar | Op::Reraise | Op::PopExcept | Op::PrintExpr | Op::PrepReraiseStar => -1,
            Op::PushNull | Op::Copy | Op::LoadConst | Op::LoadFast | Op::LoadDeref | Op::LoadClosure => 1,
            Op::LoadClassDeref | Op::LoadName | Op::LoadMethod | Op::LoadBuildClass | Op::ImportFrom => 1,
            Op::PushExcInfo | Op::WithExceptStart | Op::BeforeWith | Op::LoadAssertionError => 1,
            Op::MatchMapping | Op::MatchSequence | Op::MatchKeys | Op::GetLen => 1,
            Op::LoadGlobal => 1 + (a & 1),
            Op::StoreSubscr => -3,
            Op::DeleteSubscr | Op::StoreAttr | Op::MapAdd | Op::MatchClass => -2,
            Op::Precall => -a,
            Op::Call => -1,
            Op::CallFunctionEx => -2 - (a & 1),
            Op::BuildTuple | Op::BuildList | Op::BuildSet | Op::BuildSlice | Op::BuildString => 1 - a,
            Op::BuildMap => 1 - 2 * a,
            Op::BuildConstKeyMap => -a,
            Op::FormatValue => {
                if a & 4 != 0 {
                    -1
                } else {
                    0
                }
            }
            Op::UnpackSequence => a - 1,
            Op::UnpackEx => (a & 0xff) + (a >> 8),
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            Op::ForIter => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            Op::Send => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            Op::MakeFunction => -((arg & 0xf).count_ones() as i32),
            Op::RaiseVarargs => -a,
            Op::SetupFinally | Op::SetupWith => {
                if jump {
                    1
                } else {
                    0
                }
            }
            Op::SetupCleanup => {
                if jump {
                    2
                } else {
                    0
                }
            }
        }
    }
}

const NO_LINE: i32 = -1;
const NO_TARGET: usize = usize::MAX;

#[derive(Clone, Copy, Debug)]
struct Ins {
    op: Op,
    arg: u32,
    target: usize,
    line: i32,
    /// For LOAD_CONST: the constant's truth value, when known (constant
    /// conditions are folded by the peephole pass).
    truth: Option<bool>,
    /// LOAD_CONST None (for `is None` jumps).
    is_none: bool,
}

#[derive(Clone, Default)]
struct Block {
    instrs: Vec<Ins>,
    /// The handler in force at the block's end for the instructions after
    /// SETUP pseudo-instructions were removed (reachability only).
    handlers: Vec<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FbKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    HandlerCleanup,
    ExceptionHandler,
    PopValue,
}

#[derive(Clone, Copy)]
struct Fblock<'a> {
    kind: FbKind,
    block: usize,
    exit: usize,
    /// FinallyTry: the finally body; HandlerCleanup: whether a name is bound.
    finalbody: Option<&'a [Stmt]>,
    name: Option<&'a str>,
    /// With: the statement's line, where the exit call is located.
    line: i32,
}

struct Gen<'c, 'a> {
    c: &'c Compiler<'a>,
    scope: &'a Scope,
    module_imports: &'c (HashSet<String>, HashSet<String>),
    blocks: Vec<Block>,
    /// Layout order of the blocks that have been placed.
    order: Vec<usize>,
    cur: usize,
    line: i32,
    fblocks: Vec<Fblock<'a>>,
    future_annotations: bool,
    /// Names and constants, for EXTENDED_ARG on operands over 255.
    names: HashMap<String, u32>,
    consts: u32,
    nlocals: HashMap<String, u32>,
    debug_name: String,
    /// Pattern matching: the running stack depth, and the failure-pop
    /// blocks with the depth they are relative to.
    pdepth: i32,
    fail: Vec<(Vec<usize>, i32)>,
}

/// Call `f` on each statement block nested in `s` that runs in the same
/// scope (if/elif/else, loops and their else, with, try and its parts,
/// match cases); function and class bodies are not among them.
pub(crate) fn for_each_block<'a>(s: &'a Stmt, mut f: impl FnMut(&'a [Stmt])) {
    match s {
        Stmt::If(x) => {
            f(&x.body);
            for c in &x.elif_else_clauses {
                f(&c.body);
            }
        }
        Stmt::For(x) => {
            f(&x.body);
            f(&x.orelse);
        }
        Stmt::While(x) => {
            f(&x.body);
            f(&x.orelse);
        }
        Stmt::With(x) => f(&x.body),
        Stmt::Try(x) => {
            f(&x.body);
            for h in &x.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                f(&h.body);
            }
            f(&x.orelse);
            f(&x.finalbody);
        }
        Stmt::Match(m) => {
            for c in &m.cases {
                f(&c.body);
            }
        }
        _ => {}
    }
}

/// Names bound by import statements at module level (CPython calls
/// `mod.f()` with LOAD_ATTR, not LOAD_METHOD, for those).
pub fn module_imports(body: &[Stmt]) -> HashSet<String> {
    fn walk(body: &[Stmt], out: &mut HashSet<String>) {
        for s in body {
            match s {
                Stmt::Import(i) => {
                    for a in &i.names {
                        let n = match &a.asname {
                            Some(x) => x.id.to_string(),
                            None => a.name.id.split('.').next().unwrap_or("").to_string(),
                        };
                        out.insert(n);
                    }
                }
                Stmt::ImportFrom(i) => {
                    for a in &i.names {
                        let n = a.asname.as_ref().unwrap_or(&a.name);
                        out.insert(n.id.to_string());
                    }
                }
                _ => for_each_block(s, |b| walk(b, out)),
            }
        }
    }
    let mut out = HashSet::new();
    walk(body, &mut out);
    out
}

/// Names a `global` statement names anywhere in the module: CPython's
/// symbol table marks them global in the module's own table too, so the
/// module body loads and stores them with LOAD_GLOBAL/STORE_GLOBAL.
pub fn declared_global(body: &[Stmt]) -> HashSet<String> {
    fn walk(body: &[Stmt], out: &mut HashSet<String>) {
        for s in body {
            match s {
                Stmt::Global(g) => {
                    for n in &g.names {
                        out.insert(n.id.to_string());
                    }
                }
                Stmt::FunctionDef(f) => walk(&f.body, out),
                Stmt::ClassDef(c) => walk(&c.body, out),
                _ => for_each_block(s, |b| walk(b, out)),
            }
        }
    }
    let mut out = HashSet::new();
    walk(body, &mut out);
    out
}

pub fn has_future_annotations(body: &[Stmt]) -> bool {
    for s in body {
        match s {
            Stmt::ImportFrom(i) if i.module.as_ref().is_some_and(|m| m.id.as_str() == "__future__") => {
                if i.names.iter().any(|a| a.name.id.as_str() == "annotations") {
                    return true;
                }
            }
            Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)) => {}
            Stmt::ImportFrom(_) => {}
            _ => return false,
        }
    }
    false
}

fn docstring(body: &[Stmt]) -> bool {
    matches!(body.first(), Some(Stmt::Expr(e)) if matches!(&*e.value, Expr::StringLiteral(_)))
}

/// Computes CPython 3.11's shape of the code object for `node`, whose scope
/// is `scope`. `imports` are the module's import-bound names; `future` is
/// `from __future__ import annotations`.
pub(crate) fn shape<'c, 'a>(c: &'c Compiler<'a>, scope: &'a Scope, node: Node<'a>, imports: &'c (HashSet<String>, HashSet<String>), future: bool, interactive: bool) -> Shape {
    let mut g = Gen {
        c,
        scope,
        module_imports: imports,
        blocks: vec![Block::default()],
        order: vec![0],
        cur: 0,
        line: 1,
        fblocks: Vec::new(),
        future_annotations: future,
        names: HashMap::new(),
        consts: 0,
        nlocals: HashMap::new(),
        pdepth: 0,
        fail: Vec::new(),
        debug_name: match &node {
            Node::Module(_) => "<module>".to_string(),
            Node::Function(f) => f.name.id.to_string(),
            Node::Class(c) => c.name.id.to_string(),
            Node::Lambda(_) => "<lambda>".to_string(),
            Node::Comp { .. } => "<comp>".to_string(),
        },
    };
    g.run(node, interactive);
    g.finish()
}

impl<'c, 'a> Gen<'c, 'a>
where
    'a: 'c,
{
    fn line_of(&self, r: TextRange) -> i32 {
        self.c.line_of_offset(r.start().to_u32()) as i32
    }

    fn new_block(&mut self) -> usize {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    fn use_block(&mut self, b: usize) {
        self.order.push(b);
        self.cur = b;
    }

    /// A fresh block placed after the current one (code after a jump or
    /// return goes there, and is unreachable unless jumped to).
    fn next_block(&mut self) {
        let b = self.new_block();
        self.use_block(b);
    }

    fn emit_full(&mut self, op: Op, arg: u32, target: usize, line: i32) {
        self.pdepth += op.effect(arg, false);
        let b = self.cur;
        self.blocks[b].instrs.push(Ins { op, arg, target, line, truth: None, is_none: false });
    }

    fn op(&mut self, op: Op, arg: u32) {
        self.emit_full(op, arg, NO_TARGET, self.line);
    }

    fn op_noline(&mut self, op: Op, arg: u32) {
        self.emit_full(op, arg, NO_TARGET, NO_LINE);
    }

    /// A jump ends its basic block (what follows is the fall-through
    /// block), as in CPython's control-flow graph.
    fn jump(&mut self, op: Op, target: usize) {
        self.emit_full(op, 0, target, self.line);
        self.next_block();
    }

    fn jump_noline(&mut self, op: Op, target: usize) {
        self.emit_full(op, 0, target, NO_LINE);
        self.next_block();
    }

    fn name_arg(&mut self, n: &str) -> u32 {
        let len = self.names.len() as u32;
        *self.names.entry(n.to_string()).or_insert(len)
    }

    fn local_arg(&mut self, n: &str) -> u32 {
        let len = self.nlocals.len() as u32;
        *self.nlocals.entry(n.to_string()).or_insert(len)
    }

    fn load_const_truth(&mut self, truth: Option<bool>, is_none: bool) {
        let arg = self.consts.min(255);
        self.consts += 1;
        let line = self.line;
        let b = self.cur;
        self.pdepth += 1;
        self.blocks[b].instrs.push(Ins { op: Op::LoadConst, arg, target: NO_TARGET, line, truth, is_none });
    }

    fn load_const(&mut self) {
        self.load_const_truth(None, false);
    }

    fn load_none(&mut self) {
        self.load_const_truth(Some(false), true);
    }

    fn load_const_expr(&mut self, e: &Expr) {
        let truth = const_truth(e);
        let none = matches!(e, Expr::NoneLiteral(_));
        self.load_const_truth(truth, none);
    }

    fn is_const(&self, e: &Expr) -> bool {
        if let Expr::Tuple(t) = e {
            if t.elts.is_empty() {
                return true;
            }
        }
        // CPython's AST optimiser folds `not` of a constant too.
        self.c.const_value_for_shape(e)
    }

    // ----- units -----

    fn run(&mut self, node: Node<'a>, interactive: bool) {
        match node {
            Node::Module(body) => {
                self.line = 0;
                self.op(Op::Resume, 0);
                self.line = 1;
                if crate::compile::has_annotations(body) {
                    self.op(Op::SetupAnnotations, 0);
                }
                self.body_with_doc(body, interactive);
                self.line = NO_LINE;
                self.load_none();
                self.op(Op::ReturnValue, 0);
            }
            Node::Function(f) => {
                self.line = self.line_of(f.range);
                if f.decorator_list.is_empty() {
                    self.line = self.line_of(f.range);
                } else {
                    self.line = self.line_of(f.decorator_list[0].range);
                }
                self.op(Op::Resume, 0);
                // co_consts[0]: the docstring or None.
                self.consts = 1;
                for p in params_of(&f.parameters) {
                    self.local_arg(p);
                }
                let body = &f.body[..];
                let start = if docstring(body) { 1 } else { 0 };
                for s in &body[start..] {
                    self.stmt(s);
                }
                self.implicit_return();
            }
            Node::Lambda(l) => {
                self.line = self.line_of(l.range);
                self.op(Op::Resume, 0);
                self.consts = 1;
                if let Some(p) = &l.parameters {
                    for p in params_of(p) {
                        self.local_arg(p);
                    }
                }
                self.expr(&l.body);
                if self.scope.is_generator {
                    self.op(Op::PopTop, 0);
                    self.load_none();
                }
                self.op(Op::ReturnValue, 0);
            }
            Node::Class(cd) => {
                self.line = if cd.decorator_list.is_empty() { self.line_of(cd.range) } else { self.line_of(cd.decorator_list[0].range) };
                self.op(Op::Resume, 0);
                self.line = self.line_of(cd.range);
                let a = self.name_arg("__name__");
                self.op(Op::LoadName, a);
                let a = self.name_arg("__module__");
                self.op(Op::StoreName, a);
                self.load_const();
                let a = self.name_arg("__qualname__");
                self.op(Op::StoreName, a);
                if crate::compile::has_annotations(&cd.body) {
                    self.op(Op::SetupAnnotations, 0);
                }
                self.body_with_doc(&cd.body, false);
                if self.scope.needs_class_cell {
                    self.op(Op::LoadClosure, 0);
                    self.op(Op::Copy, 1);
                    let a = self.name_arg("__classcell__");
                    self.op(Op::StoreName, a);
                } else {
                    self.load_none();
                }
                self.op(Op::ReturnValue, 0);
            }
            Node::Comp { kind, gens, elt, value } => {
                self.line = self.line_of(elt.range());
                self.line = self.c.line_of_offset(self.comp_start(gens, elt)) as i32;
                self.op(Op::Resume, 0);
                self.local_arg(".0");
                match kind {
                    CompShape::List => self.op(Op::BuildList, 0),
                    CompShape::Set => self.op(Op::BuildSet, 0),
                    CompShape::Dict => self.op(Op::BuildMap, 0),
                    CompShape::Gen => {}
                }
                self.comp_gen(kind, gens, 0, elt, value, 0);
                if kind == CompShape::Gen {
                    self.load_none();
                }
                self.op(Op::ReturnValue, 0);
            }
        }
    }

    fn comp_start(&self, _gens: &[ast::Comprehension], elt: &Expr) -> u32 {
        elt.range().start().to_u32()
    }

    fn body_with_doc(&mut self, body: &'a [Stmt], interactive: bool) {
        let mut start = 0;
        if !interactive && docstring(body) {
            self.line = self.line_of(body[0].range());
            self.load_const();
            let a = self.name_arg("__doc__");
            self.op(Op::StoreName, a);
            start = 1;
        }
        for s in &body[start..] {
            self.stmt(s);
        }
    }

    fn implicit_return(&mut self) {
        if !self.cur_block_returns() {
            self.line = NO_LINE;
            self.load_none();
            self.op(Op::ReturnValue, 0);
        }
    }

    fn cur_block_returns(&self) -> bool {
        self.blocks[self.cur].instrs.last().is_some_and(|i| i.op == Op::ReturnValue)
    }

    // ----- names -----

    fn name_op(&mut self, name: &str, ctx: ast::ExprContext) {
        let mut scope = self.scope.lookup(name);
        if self.scope.kind == ScopeKind::Module && self.module_imports.1.contains(name) {
            scope = NameScope::GlobalExplicit;
        }
        let fast = self.scope.is_function_like();
        use ast::ExprContext::*;
        let (op, arg) = match scope {
            NameScope::Local if fast => {
                let a = self.local_arg(name);
                (
                    match ctx {
                        Store => Op::StoreFast,
                        Del => Op::DeleteFast,
                        _ => Op::LoadFast,
                    },
                    a,
                )
            }
            NameScope::Cell | NameScope::Free => {
                let a = self.local_arg(name);
                (
                    match ctx {
                        Store => Op::StoreDeref,
                        Del => Op::DeleteDeref,
                        _ => {
                            if self.scope.kind == ScopeKind::Class {
                                Op::LoadClassDeref
                            } else {
                                Op::LoadDeref
                            }
                        }
                    },
                    a,
                )
            }
            NameScope::GlobalExplicit => {
                let a = self.name_arg(name);
                (
                    match ctx {
                        Store => Op::StoreGlobal,
                        Del => Op::DeleteGlobal,
                        _ => Op::LoadGlobal,
                    },
                    a * 2,
                )
            }
            NameScope::GlobalImplicit if fast => {
                let a = self.name_arg(name);
                (
                    match ctx {
                        Store => Op::StoreGlobal,
                        Del => Op::DeleteGlobal,
                        _ => Op::LoadGlobal,
                    },
                    a * 2,
                )
            }
            _ => {
                let a = self.name_arg(name);
                (
                    match ctx {
                        Store => Op::StoreName,
                        Del => Op::DeleteName,
                        _ => Op::LoadName,
                    },
                    a,
                )
            }
        };
        self.op(op, arg);
    }

    fn load_name(&mut self, name: &str) {
        self.name_op(name, ast::ExprContext::Load);
    }
    fn store_name(&mut self, name: &str) {
        self.name_op(name, ast::ExprContext::Store);
    }

    // ----- statements -----

    fn body(&mut self, b: &'a [Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &'a Stmt) {
        self.line = self.line_of(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(cd) => self.class_def(cd),
            Stmt::Return(r) => self.return_stmt(r.value.as_deref()),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t);
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value);
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.op(Op::Copy, 1);
                    }
                    self.assign_target(t);
                }
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => {
                self.if_stmt(i);
                // The location is the `if` again after its clauses.
                self.line = self.line_of(s.range());
            }
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e);
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c);
                        n = 2;
                    }
                }
                self.op(Op::RaiseVarargs, n);
                self.next_block();
            }
            Stmt::Try(t) => {
                if t.is_star {
                    self.try_star(t);
                } else if !t.finalbody.is_empty() {
                    self.try_finally(t);
                } else {
                    self.try_except(t);
                }
            }
            Stmt::Assert(a) => {
                // An assert of a non-empty tuple warns and is compiled as usual.
                let end = self.new_block();
                self.jump_if(&a.test, end, true);
                self.op(Op::LoadAssertionError, 0);
                if let Some(m) = &a.msg {
                    self.expr(m);
                    self.op(Op::Precall, 0);
                    self.op(Op::Call, 0);
                }
                self.op(Op::RaiseVarargs, 1);
                self.use_block(end);
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.line = self.line_of(s.range());
                    self.load_const();
                    self.load_none();
                    let full = a.name.id.as_str();
                    let na = self.name_arg(full);
                    self.op(Op::ImportName, na);
                    match &a.asname {
                        Some(asn) => {
                            let parts: Vec<&str> = full.split('.').collect();
                            if parts.len() > 1 {
                                for (k, p) in parts[1..].iter().enumerate() {
                                    let pa = self.name_arg(p);
                                    self.op(Op::ImportFrom, pa);
                                    if k + 2 < parts.len() {
                                        self.op(Op::Swap, 2);
                                        self.op(Op::PopTop, 0);
                                    }
                                }
                                self.store_name(asn.id.as_str());
                                self.op(Op::PopTop, 0);
                            } else {
                                self.store_name(asn.id.as_str());
                            }
                        }
                        None => {
                            let first = full.split('.').next().unwrap_or(full);
                            self.store_name(first);
                        }
                    }
                }
            }
            Stmt::ImportFrom(i) => {
                self.load_const();
                self.load_const();
                let module = i.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
                let na = self.name_arg(module);
                self.op(Op::ImportName, na);
                if i.names.len() == 1 && i.names[0].name.id.as_str() == "*" {
                    self.op(Op::ImportStar, 0);
                } else {
                    for a in &i.names {
                        let fa = self.name_arg(a.name.id.as_str());
                        self.op(Op::ImportFrom, fa);
                        let store = a.asname.as_ref().unwrap_or(&a.name);
                        self.store_name(store.id.as_str());
                    }
                    self.op(Op::PopTop, 0);
                }
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) => {}
            Stmt::Pass(_) => self.op(Op::Nop, 0),
            Stmt::Expr(e) => {
                if self.c.is_interactive() && self.scope.kind == ScopeKind::Module {
                    self.expr(&e.value);
                    self.op(Op::PrintExpr, 0);
                } else if self.is_const(&e.value) {
                    self.op(Op::Nop, 0);
                } else {
                    self.expr(&e.value);
                    self.op(Op::PopTop, 0);
                }
            }
            Stmt::Break(_) => self.break_continue(true),
            Stmt::Continue(_) => self.break_continue(false),
            _ => {}
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) {
        for d in &f.decorator_list {
            self.expr(&d.expression);
        }
        self.line = self.line_of(f.range);
        let mut flags = self.defaults(&f.parameters);
        if self.annotations(Some(&f.parameters), f.returns.as_deref()) {
            flags |= 4;
        }
        self.make_closure(f.range, flags);
        for _ in &f.decorator_list {
            self.op(Op::Precall, 0);
            self.op(Op::Call, 0);
        }
        self.store_name(f.name.id.as_str());
    }

    fn class_def(&mut self, cd: &'a ast::StmtClassDef) {
        for d in &cd.decorator_list {
            self.expr(&d.expression);
        }
        self.line = self.line_of(cd.range);
        self.op(Op::PushNull, 0);
        self.op(Op::LoadBuildClass, 0);
        self.make_closure(cd.range, 0);
        self.load_const();
        let (args, kws): (&'a [Expr], &'a [ast::Keyword]) = match &cd.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_helper(2, args, kws);
        for _ in &cd.decorator_list {
            self.op(Op::Precall, 0);
            self.op(Op::Call, 0);
        }
        self.store_name(cd.name.id.as_str());
    }

    /// Pushes the function object for the child scope at `range`: its
    /// closure tuple, code object, MAKE_FUNCTION.
    fn make_closure(&mut self, range: TextRange, flags: u32) {
        let child = self.scope.children.iter().find(|c| c.range == range);
        let mut flags = flags;
        if let Some(ch) = child {
            if !ch.freevars.is_empty() {
                for _ in &ch.freevars {
                    self.op(Op::LoadClosure, 0);
                }
                self.op(Op::BuildTuple, ch.freevars.len() as u32);
                flags |= 8;
            }
        }
        self.load_const();
        self.op(Op::MakeFunction, flags);
    }

    /// Positional and keyword-only defaults; returns MAKE_FUNCTION's flags.
    fn defaults(&mut self, p: &'a ast::Parameters) -> u32 {
        let mut flags = 0;
        let pos: Vec<&Expr> = p.posonlyargs.iter().chain(p.args.iter()).filter_map(|a| a.default.as_deref()).collect();
        if !pos.is_empty() {
            let all_const = pos.iter().all(|e| self.is_const(e));
            if all_const {
                for _ in &pos {
                    self.consts += 1;
                }
                self.load_const();
            } else {
                for e in &pos {
                    self.expr(e);
                }
                self.op(Op::BuildTuple, pos.len() as u32);
            }
            flags |= 1;
        }
        let kw: Vec<&Expr> = p.kwonlyargs.iter().filter_map(|a| a.default.as_deref()).collect();
        if !kw.is_empty() {
            for e in &kw {
                self.expr(e);
            }
            self.load_const();
            self.op(Op::BuildConstKeyMap, kw.len() as u32);
            flags |= 2;
        }
        flags
    }

    fn annotations(&mut self, p: Option<&'a ast::Parameters>, returns: Option<&'a Expr>) -> bool {
        let mut n = 0;
        if let Some(p) = p {
            let mut all: Vec<&'a ast::Parameter> = Vec::new();
            for a in p.posonlyargs.iter().chain(p.args.iter()) {
                all.push(&a.parameter);
            }
            if let Some(v) = &p.vararg {
                all.push(v);
            }
            for a in &p.kwonlyargs {
                all.push(&a.parameter);
            }
            if let Some(k) = &p.kwarg {
                all.push(k);
            }
            // CPython's order: positional, *args, keyword-only, **kwargs.
            let mut ordered: Vec<&'a ast::Parameter> = Vec::new();
            for a in p.posonlyargs.iter().chain(p.args.iter()) {
                ordered.push(&a.parameter);
            }
            for a in &p.kwonlyargs {
                ordered.push(&a.parameter);
            }
            if let Some(v) = &p.vararg {
                ordered.push(v);
            }
            if let Some(k) = &p.kwarg {
                ordered.push(k);
            }
            let _ = all;
            for a in ordered {
                if let Some(ann) = &a.annotation {
                    self.load_const();
                    self.annotation(ann);
                    n += 1;
                }
            }
        }
        if let Some(r) = returns {
            self.load_const();
            self.annotation(r);
            n += 1;
        }
        if n > 0 {
            self.op(Op::BuildTuple, 2 * n);
            true
        } else {
            false
        }
    }

    fn annotation(&mut self, e: &'a Expr) {
        if self.future_annotations {
            self.load_const();
        } else if let Expr::Starred(s) = e {
            // `*args: *Ts` (3.11): the unpacked value.
            self.expr(&s.value);
            self.op(Op::UnpackSequence, 1);
        } else {
            self.expr(e);
        }
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>) {
        let preserve = value.is_some_and(|v| !self.is_const(v));
        if preserve {
            self.expr(value.unwrap());
        } else if let Some(v) = value {
            // The constant is loaded after unwinding.
            let _ = v;
        }
        self.unwind_all(preserve);
        match value {
            None => self.load_none(),
            Some(v) if !preserve => {
                let _ = v;
                self.load_const_expr(v);
            }
            _ => {}
        }
        self.op(Op::ReturnValue, 0);
        self.next_block();
    }

    fn unwind_all(&mut self, preserve: bool) {
        let mut i = self.fblocks.len();
        while i > 0 {
            i -= 1;
            let fb = self.fblocks[i];
            self.unwind(fb, preserve, i);
        }
    }

    /// Code leaving one frame block on `return`, `break` or `continue`.
    fn unwind(&mut self, fb: Fblock<'a>, preserve: bool, depth: usize) {
        match fb.kind {
            FbKind::WhileLoop | FbKind::ExceptionHandler => {
                if fb.kind == FbKind::ExceptionHandler && preserve {
                    // nothing on 3.11: handled by the enclosing cleanup
                }
            }
            FbKind::ForLoop => {
                if preserve {
                    self.op(Op::Swap, 2);
                }
                self.op(Op::PopTop, 0);
            }
            FbKind::TryExcept => self.op(Op::PopBlock, 0),
            FbKind::FinallyTry => {
                self.op(Op::PopBlock, 0);
                if let Some(fin) = fb.finalbody {
                    // The finally body runs here, outside this block.
                    let saved: Vec<Fblock<'a>> = self.fblocks.drain(depth..).collect();
                    if preserve {
                        self.fblocks.push(Fblock { kind: FbKind::PopValue, block: NO_TARGET, exit: NO_TARGET, finalbody: None, name: None, line: 0 });
                    }
                    self.body(fin);
                    if preserve {
                        self.fblocks.pop();
                    }
                    self.fblocks.extend(saved);
                }
            }
            FbKind::FinallyEnd => {
                if preserve {
                    self.op(Op::Swap, 2);
                }
                self.op(Op::PopTop, 0);
                if preserve {
                    self.op(Op::Swap, 2);
                }
                self.op(Op::PopBlock, 0);
                self.op(Op::PopExcept, 0);
            }
            FbKind::With => {
                self.op(Op::PopBlock, 0);
                // The exit call is located at the `with` statement, and the
                // location sticks for what follows (as in CPython).
                self.line = fb.line;
                if preserve {
                    self.op(Op::Swap, 2);
                }
                self.load_none();
                self.load_none();
                self.load_none();
                self.op(Op::Precall, 2);
                self.op(Op::Call, 2);
                self.op(Op::PopTop, 0);
            }
            FbKind::HandlerCleanup => {
                if fb.name.is_some() {
                    self.op(Op::PopBlock, 0);
                }
                self.op(Op::PopBlock, 0);
                if preserve {
                    self.op(Op::Swap, 2);
                }
                self.op(Op::PopExcept, 0);
                if let Some(n) = fb.name {
                    self.load_none();
                    self.store_name(n);
                    self.name_op(n, ast::ExprContext::Del);
                }
            }
            FbKind::PopValue => {
                if preserve {
                    self.op(Op::Swap, 2);
                }
                self.op(Op::PopTop, 0);
            }
        }
    }

    fn break_continue(&mut self, is_break: bool) {
        let saved_line = self.line;
        let mut i = self.fblocks.len();
        while i > 0 {
            i -= 1;
            let fb = self.fblocks[i];
            if matches!(fb.kind, FbKind::WhileLoop | FbKind::ForLoop) {
                if is_break {
                    self.unwind(fb, false, i);
                    self.line = saved_line;
                    self.jump(Op::Jump, fb.exit);
                } else {
                    self.jump(Op::Jump, fb.block);
                }
                return;
            }
            self.unwind(fb, false, i);
            self.line = saved_line;
        }
        self.next_block();
    }

    fn if_stmt(&mut self, s: &'a ast::StmtIf) {
        let end = self.new_block();
        // elif/else clauses: (test, body) pairs, else has no test.
        let clauses = &s.elif_else_clauses;
        let next = if clauses.is_empty() { end } else { self.new_block() };
        self.jump_if(&s.test, next, false);
        self.body(&s.body);
        if !clauses.is_empty() {
            self.jump_noline_or_line(end);
            self.use_block(next);
            self.elif_chain(clauses, end);
        }
        self.use_block(end);
    }

    fn jump_noline_or_line(&mut self, target: usize) {
        self.jump_noline(Op::Jump, target);
    }

    fn elif_chain(&mut self, clauses: &'a [ast::ElifElseClause], end: usize) {
        let first = &clauses[0];
        match &first.test {
            None => self.body(&first.body),
            Some(test) => {
                self.line = self.line_of(first.range);
                let rest = &clauses[1..];
                let next = if rest.is_empty() { end } else { self.new_block() };
                self.jump_if(test, next, false);
                self.body(&first.body);
                if !rest.is_empty() {
                    self.jump_noline_or_line(end);
                    self.use_block(next);
                    self.elif_chain(rest, end);
                }
            }
        }
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) {
        let lp = self.new_block();
        let body = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_block(lp);
        self.fblocks.push(Fblock { kind: FbKind::WhileLoop, block: lp, exit: end, finalbody: None, name: None, line: 0 });
        self.jump_if(&w.test, anchor, false);
        self.use_block(body);
        self.body(&w.body);
        self.line = self.line_of(w.test.range());
        self.jump_if(&w.test, body, true);
        self.fblocks.pop();
        self.use_block(anchor);
        self.body(&w.orelse);
        self.use_block(end);
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) {
        let start = self.new_block();
        let body = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.fblocks.push(Fblock { kind: FbKind::ForLoop, block: start, exit: end, finalbody: None, name: None, line: 0 });
        self.iter_expr(&f.iter);
        self.op(Op::GetIter, 0);
        self.use_block(start);
        self.jump(Op::ForIter, cleanup);
        self.use_block(body);
        self.assign_target(&f.target);
        self.body(&f.body);
        self.jump_noline(Op::Jump, start);
        self.use_block(cleanup);
        self.fblocks.pop();
        self.body(&f.orelse);
        self.use_block(end);
    }

    /// An iterable as CPython's AST optimiser leaves it: a list or set
    /// display of constants in `for x in [...]` becomes a constant.
    fn iter_expr(&mut self, e: &'a Expr) {
        match e {
            Expr::List(l) if !l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) && l.elts.iter().all(|x| self.is_const(x)) => {
                self.load_const();
            }
            Expr::Set(s) if s.elts.iter().all(|x| self.is_const(x)) => self.load_const(),
            Expr::List(l) if !l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) => {
                for x in &l.elts {
                    self.expr(x);
                }
                self.op(Op::BuildTuple, l.elts.len() as u32);
            }
            _ => self.expr(e),
        }
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) {
        let body = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_full(Op::SetupFinally, 0, except, self.line);
        self.use_block(body);
        self.fblocks.push(Fblock { kind: FbKind::TryExcept, block: body, exit: NO_TARGET, finalbody: None, name: None, line: 0 });
        self.body(&t.body);
        self.fblocks.pop();
        self.op_noline(Op::PopBlock, 0);
        if !t.orelse.is_empty() {
            self.body(&t.orelse);
        }
        self.jump_noline(Op::Jump, end);
        self.use_block(except);
        self.emit_full(Op::SetupCleanup, 0, cleanup, NO_LINE);
        self.op_noline(Op::PushExcInfo, 0);
        self.fblocks.push(Fblock { kind: FbKind::ExceptionHandler, block: NO_TARGET, exit: NO_TARGET, finalbody: None, name: None, line: 0 });
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.line = self.line_of(h.range);
            let next_except = self.new_block();
            if let Some(ty) = &h.type_ {
                self.expr(ty);
                self.op(Op::CheckExcMatch, 0);
                self.jump(Op::PopJumpIfFalse, next_except);
            }
            match &h.name {
                Some(name) => {
                    let cleanup_end = self.new_block();
                    let cleanup_body = self.new_block();
                    self.store_name(name.id.as_str());
                    self.emit_full(Op::SetupCleanup, 0, cleanup_end, self.line);
                    self.use_block(cleanup_body);
                    self.fblocks.push(Fblock { kind: FbKind::HandlerCleanup, block: cleanup_body, exit: NO_TARGET, finalbody: None, name: Some(name.id.as_str()), line: 0 });
                    self.body(&h.body);
                    self.fblocks.pop();
                    self.op(Op::PopBlock, 0);
                    self.op(Op::PopBlock, 0);
                    self.op_noline(Op::PopExcept, 0);
                    self.load_none_noline();
                    self.name_op_noline(name.id.as_str(), ast::ExprContext::Store);
                    self.name_op_noline(name.id.as_str(), ast::ExprContext::Del);
                    self.jump_noline(Op::Jump, end);
                    self.use_block(cleanup_end);
                    self.load_none_noline();
                    self.name_op_noline(name.id.as_str(), ast::ExprContext::Store);
                    self.name_op_noline(name.id.as_str(), ast::ExprContext::Del);
                    self.op_noline(Op::Reraise, 1);
                    self.next_block();
                }
                None => {
                    let cleanup_body = self.new_block();
                    self.op(Op::PopTop, 0);
                    self.use_block(cleanup_body);
                    self.fblocks.push(Fblock { kind: FbKind::HandlerCleanup, block: cleanup_body, exit: NO_TARGET, finalbody: None, name: None, line: 0 });
                    self.body(&h.body);
                    self.fblocks.pop();
                    self.op(Op::PopBlock, 0);
                    self.op_noline(Op::PopExcept, 0);
                    self.jump_noline(Op::Jump, end);
                }
            }
            self.use_block(next_except);
        }
        self.fblocks.pop();
        self.op_noline(Op::Reraise, 0);
        self.next_block();
        self.use_block(cleanup);
        self.op_noline(Op::Copy, 3);
        self.op_noline(Op::PopExcept, 0);
        self.op_noline(Op::Reraise, 1);
        self.next_block();
        self.use_block(end);
    }

    fn load_none_noline(&mut self) {
        let l = self.line;
        self.line = NO_LINE;
        self.load_none();
        self.line = l;
    }

    fn name_op_noline(&mut self, n: &str, ctx: ast::ExprContext) {
        let l = self.line;
        self.line = NO_LINE;
        self.name_op(n, ctx);
        self.line = l;
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) {
        let body = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_full(Op::SetupFinally, 0, end, self.line);
        self.use_block(body);
        self.fblocks.push(Fblock { kind: FbKind::FinallyTry, block: body, exit: end, finalbody: Some(&t.finalbody), name: None, line: 0 });
        if t.handlers.is_empty() {
            self.body(&t.body);
        } else if t.is_star {
            self.try_star_except(t);
        } else {
            self.try_except(t);
        }
        self.op_noline(Op::PopBlock, 0);
        self.fblocks.pop();
        self.body(&t.finalbody);
        self.jump_noline(Op::Jump, exit);
        self.use_block(end);
        self.emit_full(Op::SetupCleanup, 0, cleanup, NO_LINE);
        self.op_noline(Op::PushExcInfo, 0);
        self.fblocks.push(Fblock { kind: FbKind::FinallyEnd, block: end, exit: NO_TARGET, finalbody: None, name: None, line: 0 });
        self.body(&t.finalbody);
        self.fblocks.pop();
        self.op(Op::PopBlock, 0);
        self.op_noline(Op::Reraise, 0);
        self.next_block();
        self.use_block(cleanup);
        self.op_noline(Op::Copy, 3);
        self.op_noline(Op::PopExcept, 0);
        self.op_noline(Op::Reraise, 1);
        self.next_block();
        self.use_block(exit);
    }

    fn try_star(&mut self, t: &'a ast::StmtTry) {
        if !t.finalbody.is_empty() {
            self.try_finally(t);
        } else {
            self.try_star_except(t);
        }
    }

    /// CPython 3.11's code for `try`/`except*`: the caught exception and a
    /// list of what handlers raise stay on the stack; each clause matches
    /// with CHECK_EG_MATCH and appends what its body raises; at the end
    /// PREP_RERAISE_STAR decides what is raised again.
    fn try_star_except(&mut self, t: &'a ast::StmtTry) {
        let body = self.new_block();
        let except = self.new_block();
        let orelse = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.emit_full(Op::SetupFinally, 0, except, self.line);
        self.use_block(body);
        self.fblocks.push(Fblock { kind: FbKind::TryExcept, block: body, exit: NO_TARGET, finalbody: None, name: None, line: 0 });
        self.body(&t.body);
        self.fblocks.pop();
        self.op_noline(Op::PopBlock, 0);
        self.jump_noline(Op::Jump, orelse);
        self.use_block(except);
        self.emit_full(Op::SetupCleanup, 0, cleanup, NO_LINE);
        self.op_noline(Op::PushExcInfo, 0);
        self.fblocks.push(Fblock { kind: FbKind::ExceptionHandler, block: NO_TARGET, exit: NO_TARGET, finalbody: None, name: None, line: 0 });
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let hline = self.line_of(h.range);
            self.line = hline;
            let next = self.new_block();
            let no_match = self.new_block();
            let with_error = self.new_block();
            if i == 0 {
                self.op(Op::Copy, 1);
                self.op(Op::BuildList, 0);
                self.op(Op::Swap, 2);
            }
            if let Some(ty) = &h.type_ {
                self.expr(ty);
                self.op(Op::CheckEgMatch, 0);
                self.op(Op::Copy, 1);
                self.jump(Op::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            let name = h.name.as_ref().map(|n| n.id.as_str());
            match name {
                Some(nm) => self.store_name(nm),
                None => self.op(Op::PopTop, 0),
            }
            self.emit_full(Op::SetupCleanup, 0, cleanup_end, self.line);
            self.use_block(cleanup_body);
            self.fblocks.push(Fblock { kind: FbKind::HandlerCleanup, block: cleanup_body, exit: NO_TARGET, finalbody: None, name, line: 0 });
            self.body(&h.body);
            self.fblocks.pop();
            self.op(Op::PopBlock, 0);
            if let Some(nm) = name {
                self.load_none_noline();
                self.name_op_noline(nm, ast::ExprContext::Store);
                self.name_op_noline(nm, ast::ExprContext::Del);
            }
            self.jump_noline(Op::Jump, next);
            self.use_block(cleanup_end);
            if let Some(nm) = name {
                self.load_none_noline();
                self.name_op_noline(nm, ast::ExprContext::Store);
                self.name_op_noline(nm, ast::ExprContext::Del);
            }
            self.op_noline(Op::ListAppend, 3);
            self.op_noline(Op::PopTop, 0);
            self.jump_noline(Op::Jump, with_error);
            self.use_block(next);
            self.op_noline(Op::Nop, 0);
            self.jump_noline(Op::Jump, with_error);
            self.use_block(no_match);
            self.line = hline;
            self.op(Op::PopTop, 0);
            self.use_block(with_error);
            if i == n - 1 {
                // From here on the code has no line of its own (the jump to
                // the end threads into a loop's artificial jump).
                self.op_noline(Op::ListAppend, 1);
                self.jump_noline(Op::Jump, reraise_star);
            }
        }
        self.fblocks.pop();
        let reraise = self.new_block();
        self.use_block(reraise_star);
        self.op_noline(Op::PrepReraiseStar, 0);
        self.op_noline(Op::Copy, 1);
        self.jump_noline(Op::PopJumpIfNotNone, reraise);
        self.op_noline(Op::PopTop, 0);
        self.op_noline(Op::PopBlock, 0);
        self.op_noline(Op::PopExcept, 0);
        self.jump_noline(Op::Jump, end);
        self.use_block(reraise);
        self.op_noline(Op::PopBlock, 0);
        self.op_noline(Op::Swap, 2);
        self.op_noline(Op::PopExcept, 0);
        self.op_noline(Op::Reraise, 0);
        self.next_block();
        self.use_block(cleanup);
        self.op_noline(Op::Copy, 3);
        self.op_noline(Op::PopExcept, 0);
        self.op_noline(Op::Reraise, 1);
        self.next_block();
        self.use_block(orelse);
        self.body(&t.orelse);
        self.use_block(end);
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, pos: usize) {
        let item = &w.items[pos];
        let block = self.new_block();
        let fin = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr);
        self.op(Op::BeforeWith, 0);
        self.emit_full(Op::SetupWith, 0, fin, self.line);
        self.use_block(block);
        let with_line = self.line_of(w.range);
        self.fblocks.push(Fblock { kind: FbKind::With, block, exit: NO_TARGET, finalbody: None, name: None, line: with_line });
        match &item.optional_vars {
            Some(v) => self.assign_target(v),
            None => self.op(Op::PopTop, 0),
        }
        if pos + 1 < w.items.len() {
            self.with_stmt(w, pos + 1);
        } else {
            self.body(&w.body);
        }
        self.fblocks.pop();
        self.op_noline(Op::PopBlock, 0);
        self.line = self.line_of(w.range);
        self.load_none();
        self.load_none();
        self.load_none();
        self.op(Op::Precall, 2);
        self.op(Op::Call, 2);
        self.op(Op::PopTop, 0);
        self.jump(Op::Jump, exit);
        self.use_block(fin);
        self.emit_full(Op::SetupCleanup, 0, cleanup, NO_LINE);
        self.op_noline(Op::PushExcInfo, 0);
        self.op(Op::WithExceptStart, 0);
        let suppress = self.new_block();
        self.jump(Op::PopJumpIfTrue, suppress);
        self.op(Op::Reraise, 2);
        self.next_block();
        self.use_block(cleanup);
        self.op_noline(Op::Copy, 3);
        self.op_noline(Op::PopExcept, 0);
        self.op_noline(Op::Reraise, 1);
        self.next_block();
        self.use_block(suppress);
        self.op(Op::PopTop, 0);
        self.op(Op::PopBlock, 0);
        self.op(Op::PopExcept, 0);
        self.op(Op::PopTop, 0);
        self.op(Op::PopTop, 0);
        self.use_block(exit);
    }

    /// `match`: each case but the last (and a trailing `case _`) matches a
    /// copy of the subject; captured values stay on the stack until the
    /// whole pattern matched; a failed test jumps to a chain of POP_TOPs
    /// that drops what the pattern had pushed so far (CPython 3.11's
    /// layout). Rotations of captured values are left out: in function
    /// bodies CPython's optimiser turns them into reordered stores.
    fn match_stmt(&mut self, m: &'a ast::StmtMatch) {
        self.expr(&m.subject);
        let end = self.new_block();
        let n = m.cases.len();
        let last = &m.cases[n - 1];
        let has_default = n > 1 && is_wildcard(&last.pattern);
        for (i, case) in m.cases[..n - has_default as usize].iter().enumerate() {
            self.line = self.line_of(case.pattern.range());
            let last_nondefault = i == n - has_default as usize - 1;
            self.fail.push((Vec::new(), 0));
            self.pdepth = if last_nondefault { 1 } else { 0 };
            if !last_nondefault {
                self.op(Op::Copy, 1);
            }
            let mut stores = Vec::new();
            self.pattern(&case.pattern, &mut stores);
            for s in &stores {
                self.store_name(s);
            }
            if let Some(g) = &case.guard {
                let t = self.fail_target(0);
                self.jump_if(g, t, false);
            }
            if !last_nondefault {
                self.op(Op::PopTop, 0);
            }
            self.body(&case.body);
            self.jump_noline(Op::Jump, end);
            self.line = self.line_of(case.pattern.range());
            self.emit_fail_pops();
        }
        if has_default {
            self.line = self.line_of(last.pattern.range());
            self.op(Op::Nop, 0);
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false);
            }
            self.body(&last.body);
        }
        self.use_block(end);
    }

    /// The block a failed test jumps to when the stack holds `pops` items
    /// above the pattern context's base.
    fn fail_target(&mut self, pops: usize) -> usize {
        while self.fail.last().unwrap().0.len() <= pops {
            let b = self.new_block();
            self.fail.last_mut().unwrap().0.push(b);
        }
        self.fail.last().unwrap().0[pops]
    }

    fn jump_fail(&mut self, op: Op) {
        let base = self.fail.last().unwrap().1;
        let after = self.pdepth + op.effect(0, true);
        let pops = (after - base).max(0) as usize;
        let t = self.fail_target(pops);
        self.jump(op, t);
    }

    fn emit_fail_pops(&mut self) {
        let (blocks, _) = self.fail.pop().unwrap();
        if blocks.is_empty() {
            return;
        }
        for k in (1..blocks.len()).rev() {
            self.use_block(blocks[k]);
            self.op(Op::PopTop, 0);
        }
        self.use_block(blocks[0]);
    }

    fn pattern(&mut self, p: &'a ast::Pattern, stores: &mut Vec<&'a str>) {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => {
                self.expr(&v.value);
                self.op(Op::CompareOp, 2);
                self.jump_fail(Op::PopJumpIfFalse);
            }
            P::MatchSingleton(s) => {
                if matches!(s.value, ast::Singleton::None) {
                    self.load_none();
                } else {
                    self.load_const();
                }
                self.op(Op::IsOp, 0);
                self.jump_fail(Op::PopJumpIfFalse);
            }
            P::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => self.op(Op::PopTop, 0),
                (None, Some(n)) => stores.push(n.id.as_str()),
                (Some(inner), name) => {
                    if name.is_some() {
                        self.op(Op::Copy, 1);
                    }
                    self.pattern(inner, stores);
                    if let Some(n) = name {
                        stores.push(n.id.as_str());
                    }
                }
            },
            P::MatchStar(s) => match &s.name {
                Some(n) => stores.push(n.id.as_str()),
                None => self.op(Op::PopTop, 0),
            },
            P::MatchSequence(s) => {
                let star = s.patterns.iter().position(|x| matches!(x, P::MatchStar(_)));
                let n = s.patterns.len();
                self.op(Op::MatchSequence, 0);
                self.jump_fail(Op::PopJumpIfFalse);
                if star.is_none() || n > 1 {
                    self.op(Op::GetLen, 0);
                    self.load_const();
                    self.op(Op::CompareOp, 2);
                    self.jump_fail(Op::PopJumpIfFalse);
                }
                if n == 0 {
                    self.op(Op::PopTop, 0);
                    return;
                }
                match star {
                    Some(i) => self.op(Op::UnpackEx, (i as u32) | (((n - i - 1) as u32) << 8)),
                    None => self.op(Op::UnpackSequence, n as u32),
                }
                for sp in &s.patterns {
                    self.pattern(sp, stores);
                }
            }
            P::MatchMapping(mm) => {
                self.op(Op::MatchMapping, 0);
                self.jump_fail(Op::PopJumpIfFalse);
                if mm.keys.is_empty() && mm.rest.is_none() {
                    self.op(Op::PopTop, 0);
                    return;
                }
                if !mm.keys.is_empty() {
                    self.op(Op::GetLen, 0);
                    self.load_const();
                    self.op(Op::CompareOp, 2);
                    self.jump_fail(Op::PopJumpIfFalse);
                }
                if mm.keys.iter().all(|k| self.is_const(k)) {
                    self.load_const();
                } else {
                    for k in &mm.keys {
                        self.expr(k);
                    }
                    self.op(Op::BuildTuple, mm.keys.len() as u32);
                }
                self.op(Op::MatchKeys, 0);
                self.op(Op::Copy, 1);
                self.load_none();
                self.op(Op::IsOp, 0);
                self.jump_fail(Op::PopJumpIfTrue);
                self.op(Op::UnpackSequence, mm.keys.len() as u32);
                for sp in &mm.patterns {
                    self.pattern(sp, stores);
                }
                match &mm.rest {
                    Some(r) => {
                        self.op(Op::BuildMap, 0);
                        self.op(Op::Swap, 3);
                        self.op(Op::DictUpdate, 2);
                        self.op(Op::UnpackSequence, mm.keys.len() as u32);
                        for _ in &mm.keys {
                            self.op(Op::Copy, 2);
                            self.op(Op::Swap, 2);
                            self.op(Op::DeleteSubscr, 0);
                        }
                        stores.push(r.id.as_str());
                    }
                    None => {
                        self.op(Op::PopTop, 0);
                        self.op(Op::PopTop, 0);
                    }
                }
            }
            P::MatchClass(mc) => {
                self.expr(&mc.cls);
                self.load_const();
                let nargs = mc.arguments.patterns.len() as u32;
                self.op(Op::MatchClass, nargs);
                self.op(Op::Copy, 1);
                self.load_none();
                self.op(Op::IsOp, 0);
                self.jump_fail(Op::PopJumpIfTrue);
                let n = mc.arguments.patterns.len() + mc.arguments.keywords.len();
                self.op(Op::UnpackSequence, n as u32);
                for sp in &mc.arguments.patterns {
                    self.pattern(sp, stores);
                }
                for kw in &mc.arguments.keywords {
                    self.pattern(&kw.pattern, stores);
                }
            }
            P::MatchOr(o) => {
                let end = self.new_block();
                let start_depth = self.pdepth;
                let mut alt_stores = Vec::new();
                for alt in &o.patterns {
                    self.pdepth = start_depth;
                    self.op(Op::Copy, 1);
                    self.fail.push((Vec::new(), start_depth));
                    alt_stores.clear();
                    self.pattern(alt, &mut alt_stores);
                    self.jump(Op::Jump, end);
                    self.emit_fail_pops();
                }
                self.pdepth = start_depth;
                self.op(Op::PopTop, 0);
                self.jump_fail(Op::Jump);
                self.use_block(end);
                self.pdepth = start_depth + alt_stores.len() as i32;
                self.op(Op::PopTop, 0);
                stores.extend(alt_stores);
            }
        }
    }

    // ----- assignment -----

    fn assign_target(&mut self, t: &'a Expr) {
        let saved = self.line;
        match t {
            Expr::Name(n) => self.store_name(n.id.as_str()),
            Expr::Attribute(a) => {
                self.expr(&a.value);
                self.line = self.line_of(a.range);
                let na = self.name_arg(a.attr.id.as_str());
                self.op(Op::StoreAttr, na);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
                self.op(Op::StoreSubscr, 0);
            }
            Expr::Tuple(tu) => self.unpack(&tu.elts),
            Expr::List(l) => self.unpack(&l.elts),
            Expr::Starred(s) => self.assign_target(&s.value),
            _ => {}
        }
        self.line = saved;
    }

    fn unpack(&mut self, elts: &'a [Expr]) {
        match elts.iter().position(|e| matches!(e, Expr::Starred(_))) {
            Some(i) => {
                let after = elts.len() - i - 1;
                self.op(Op::UnpackEx, (i as u32) + ((after as u32) << 8));
            }
            None => self.op(Op::UnpackSequence, elts.len() as u32),
        }
        for e in elts {
            self.assign_target(e);
        }
    }

    fn delete_target(&mut self, t: &'a Expr) {
        match t {
            Expr::Name(n) => self.name_op(n.id.as_str(), ast::ExprContext::Del),
            Expr::Attribute(a) => {
                self.expr(&a.value);
                let na = self.name_arg(a.attr.id.as_str());
                self.op(Op::DeleteAttr, na);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
                self.op(Op::DeleteSubscr, 0);
            }
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.delete_target(e);
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.delete_target(e);
                }
            }
            _ => {}
        }
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) {
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(n.id.as_str());
                self.expr(&a.value);
                self.op(Op::BinaryOp, 13);
                self.store_name(n.id.as_str());
            }
            Expr::Attribute(at) => {
                self.expr(&at.value);
                self.op(Op::Copy, 1);
                let na = self.name_arg(at.attr.id.as_str());
                self.op(Op::LoadAttr, na);
                self.expr(&a.value);
                self.op(Op::BinaryOp, 13);
                self.op(Op::Swap, 2);
                self.op(Op::StoreAttr, na);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
                self.op(Op::Copy, 2);
                self.op(Op::Copy, 2);
                self.op(Op::BinarySubscr, 0);
                self.expr(&a.value);
                self.op(Op::BinaryOp, 13);
                self.op(Op::Swap, 3);
                self.op(Op::Swap, 2);
                self.op(Op::StoreSubscr, 0);
            }
            _ => {}
        }
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) {
        if let Some(v) = &a.value {
            self.expr(v);
            self.assign_target(&a.target);
        }
        match &*a.target {
            Expr::Name(n) => {
                // Module and class bodies record simple annotations.
                if a.simple && !self.scope.is_function_like() {
                    if self.future_annotations {
                        self.load_const();
                    } else {
                        self.expr(&a.annotation);
                    }
                    let na = self.name_arg("__annotations__");
                    self.op(Op::LoadName, na);
                    self.load_const();
                    self.op(Op::StoreSubscr, 0);
                }
                let _ = n;
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.expr(&at.value);
                    self.op(Op::PopTop, 0);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.expr(&s.value);
                    self.op(Op::PopTop, 0);
                    self.expr(&s.slice);
                    self.op(Op::PopTop, 0);
                }
            }
            _ => {}
        }
        if !a.simple || !matches!(&*a.target, Expr::Name(_)) {
            // Non-simple annotation in module/class: evaluated and dropped.
            if !self.scope.is_function_like() && !self.future_annotations {
                self.expr(&a.annotation);
                self.op(Op::PopTop, 0);
            }
        }
    }

    // ----- conditions -----

    fn jump_if(&mut self, e: &'a Expr, target: usize, cond: bool) {
        let saved = self.line;
        self.line = self.line_of(e.range());
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not && !self.is_const(e) => {
                self.jump_if(&u.operand, target, !cond);
            }
            Expr::BoolOp(b) => {
                let is_or = b.op == ast::BoolOp::Or;
                let next2 = if is_or != cond { self.new_block() } else { target };
                let n = b.values.len();
                for v in &b.values[..n - 1] {
                    self.jump_if(v, next2, is_or);
                }
                self.jump_if(&b.values[n - 1], target, cond);
                if next2 != target {
                    self.use_block(next2);
                }
            }
            Expr::If(i) if !self.is_const(e) => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(&i.test, next2, false);
                self.jump_if(&i.body, target, cond);
                self.jump_noline(Op::Jump, end);
                self.use_block(next2);
                self.jump_if(&i.orelse, target, cond);
                self.use_block(end);
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                self.expr(&c.left);
                let cleanup = self.new_block();
                let n = c.ops.len();
                for i in 0..n - 1 {
                    self.expr(&c.comparators[i]);
                    self.op(Op::Swap, 2);
                    self.op(Op::Copy, 2);
                    self.compare_op(c.ops[i]);
                    self.jump(Op::PopJumpIfFalse, cleanup);
                }
                self.comparator(c.ops[n - 1], &c.comparators[n - 1]);
                self.compare_op(c.ops[n - 1]);
                self.jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
                let end = self.new_block();
                self.jump_noline(Op::Jump, end);
                self.use_block(cleanup);
                self.op(Op::PopTop, 0);
                if !cond {
                    self.jump_noline(Op::Jump, target);
                }
                self.use_block(end);
            }
            _ => {
                self.expr(e);
                self.jump(if cond { Op::PopJumpIfTrue } else { Op::PopJumpIfFalse }, target);
            }
        }
        self.line = saved;
    }

    /// The last right operand of a comparison (CPython's `fold_compare`
    /// looks at no other): for `in`/`not in`, CPython's AST optimiser turns
    /// a list display into a tuple and a set display of constants into a
    /// frozenset constant.
    fn comparator(&mut self, op: ast::CmpOp, e: &'a Expr) {
        if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            self.iter_expr(e);
        } else {
            self.expr(e);
        }
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        use ast::CmpOp::*;
        match op {
            Is => self.op(Op::IsOp, 0),
            IsNot => self.op(Op::IsOp, 1),
            In => self.op(Op::ContainsOp, 0),
            NotIn => self.op(Op::ContainsOp, 1),
            _ => self.op(Op::CompareOp, 0),
        }
    }

    // ----- expressions -----

    fn expr(&mut self, e: &'a Expr) {
        let saved = self.line;
        self.line = self.line_of(e.range());
        self.expr_inner(e);
        self.line = saved;
    }

    fn expr_inner(&mut self, e: &'a Expr) {
        if self.is_const(e) {
            self.load_const_expr(e);
            return;
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_block();
                let n = b.values.len();
                let op = if b.op == ast::BoolOp::And { Op::JumpIfFalseOrPop } else { Op::JumpIfTrueOrPop };
                for v in &b.values[..n - 1] {
                    self.expr(v);
                    self.jump(op, end);
                }
                self.expr(&b.values[n - 1]);
                self.use_block(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value);
                self.op(Op::Copy, 1);
                self.assign_target(&n.target);
            }
            Expr::BinOp(b) if b.op == ast::Operator::Mod && self.percent_format(b) => {}
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
                self.op(Op::BinaryOp, 0);
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand);
                self.op(Op::Unary, 0);
            }
            Expr::Lambda(l) => {
                let flags = match &l.parameters {
                    Some(p) => self.defaults(p),
                    None => 0,
                };
                self.make_closure(l.range, flags);
            }
            Expr::If(i) => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(&i.test, next, false);
                self.expr(&i.body);
                self.jump_noline(Op::Jump, end);
                self.use_block(next);
                self.expr(&i.orelse);
                self.use_block(end);
            }
            Expr::Dict(d) => self.dict_display(d),
            Expr::Set(s) => self.starunpack(&s.elts, Op::BuildSet, Op::SetAdd, Op::SetUpdate, false),
            Expr::List(l) => self.starunpack(&l.elts, Op::BuildList, Op::ListAppend, Op::ListExtend, false),
            Expr::Tuple(t) => self.starunpack(&t.elts, Op::BuildList, Op::ListAppend, Op::ListExtend, true),
            Expr::ListComp(c) => self.comprehension(c.range, &c.generators),
            Expr::SetComp(c) => self.comprehension(c.range, &c.generators),
            Expr::Generator(c) => self.comprehension(c.range, &c.generators),
            Expr::DictComp(c) => self.comprehension(c.range, &c.generators),
            Expr::Await(a) => self.expr(&a.value),
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v),
                    None => self.load_none(),
                }
                self.op(Op::YieldValue, 0);
                self.op(Op::Resume, 1);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value);
                self.op(Op::GetYieldFromIter, 0);
                self.load_none();
                self.yield_from_loop();
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                let n = c.ops.len();
                if n == 1 {
                    self.comparator(c.ops[0], &c.comparators[0]);
                    self.compare_op(c.ops[0]);
                } else {
                    let cleanup = self.new_block();
                    for i in 0..n - 1 {
                        self.expr(&c.comparators[i]);
                        self.op(Op::Swap, 2);
                        self.op(Op::Copy, 2);
                        self.compare_op(c.ops[i]);
                        self.jump(Op::JumpIfFalseOrPop, cleanup);
                    }
                    self.comparator(c.ops[n - 1], &c.comparators[n - 1]);
                    self.compare_op(c.ops[n - 1]);
                    let end = self.new_block();
                    self.jump_noline(Op::Jump, end);
                    self.use_block(cleanup);
                    self.op(Op::Swap, 2);
                    self.op(Op::PopTop, 0);
                    self.use_block(end);
                }
            }
            Expr::Call(c) => self.call(c),
            Expr::FString(f) => self.fstring(f),
            Expr::Attribute(a) => {
                self.expr(&a.value);
                self.line = self.line_of(a.range);
                let na = self.name_arg(a.attr.id.as_str());
                self.op(Op::LoadAttr, na);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
                self.op(Op::BinarySubscr, 0);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => self.load_name(n.id.as_str()),
            Expr::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(x) => self.expr(x),
                    None => self.load_none(),
                }
                match &s.upper {
                    Some(x) => self.expr(x),
                    None => self.load_none(),
                }
                if let Some(x) = &s.step {
                    self.expr(x);
                    n = 3;
                }
                self.op(Op::BuildSlice, n);
            }
            _ => self.load_const(),
        }
    }

    /// `"..." % (a, b)` that CPython 3.11's AST optimiser makes an
    /// f-string (`compile::percent_format_pieces` says when). Returns false
    /// (nothing emitted) otherwise.
    fn percent_format(&mut self, b: &'a ast::ExprBinOp) -> bool {
        let Expr::Tuple(args) = &*b.right else { return false };
        // A tuple of constants was folded into one constant first.
        if self.is_const(&b.right) || args.elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
            return false;
        }
        let Some(fmt) = self.c.const_str_for_shape(&b.left) else { return false };
        let Some(pieces) = crate::compile::percent_format_pieces(&fmt, args.elts.len()) else { return false };
        let join = pieces.len() > crate::compile::STACK_USE_GUIDELINE;
        if join {
            self.join_start();
        }
        let mut values = args.elts.iter();
        for p in &pieces {
            match p {
                crate::compile::PercentPiece::Lit(_) => self.load_const(),
                crate::compile::PercentPiece::Value { spec, .. } => {
                    self.expr(values.next().expect("one value per piece"));
                    if !spec.is_empty() {
                        self.load_const();
                    }
                    self.op(Op::FormatValue, if spec.is_empty() { 0 } else { 4 });
                }
            }
            self.join_append(join);
        }
        if join {
            self.op(Op::Precall, 1);
            self.op(Op::Call, 1);
        } else if pieces.len() > 1 {
            self.op(Op::BuildString, pieces.len() as u32);
        }
        true
    }

    fn yield_from_loop(&mut self) {
        let send = self.new_block();
        let fail = self.new_block();
        let exit = self.new_block();
        self.use_block(send);
        self.jump(Op::Send, exit);
        self.op(Op::YieldValue, 0);
        self.op(Op::Resume, 2);
        self.jump(Op::JumpNoInterrupt, send);
        let _ = fail;
        self.use_block(exit);
    }

    fn starunpack(&mut self, elts: &'a [Expr], build: Op, add: Op, extend: Op, tuple: bool) {
        let n = elts.len();
        let has_star = elts.iter().any(|x| matches!(x, Expr::Starred(_)));
        if !has_star && n > 2 && elts.iter().all(|x| self.is_const(x)) {
            // [1, 2, 3]: BUILD_LIST 0, LOAD_CONST (1, 2, 3), LIST_EXTEND 1.
            if tuple {
                self.load_const();
                return;
            }
            self.op(build, 0);
            self.load_const();
            self.op(extend, 1);
            return;
        }
        // Past 30 items the sequence is built one append at a time.
        let big = n > 30;
        if !has_star && !big {
            for x in elts {
                self.expr(x);
            }
            let op = if tuple { Op::BuildTuple } else { build };
            self.op(op, n as u32);
            return;
        }
        let mut seen_star = false;
        if big {
            self.op(build, 0);
            seen_star = true;
        }
        let mut pushed = 0u32;
        for (i, x) in elts.iter().enumerate() {
            match x {
                Expr::Starred(s) => {
                    if !seen_star {
                        self.op(build, i as u32);
                        seen_star = true;
                    }
                    self.expr(&s.value);
                    self.op(extend, 1);
                }
                _ => {
                    self.expr(x);
                    if seen_star {
                        self.op(add, 1);
                    } else {
                        pushed += 1;
                    }
                }
            }
        }
        if !seen_star {
            self.op(build, pushed);
        }
        if tuple {
            self.op(Op::ListToTuple, 0);
        }
    }

    /// CPython 3.11's `compiler_dict` (as `Compiler::dict_display`).
    fn dict_display(&mut self, d: &'a ast::ExprDict) {
        let n = d.items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            match &d.items[i].key {
                None => {
                    if elements > 0 {
                        self.dict_subset(&d.items[i - elements..i]);
                        if have_dict {
                            self.op(Op::DictUpdate, 1);
                        }
                        have_dict = true;
                        elements = 0;
                    }
                    if !have_dict {
                        self.op(Op::BuildMap, 0);
                        have_dict = true;
                    }
                    self.expr(&d.items[i].value);
                    self.op(Op::DictUpdate, 1);
                }
                Some(_) if elements * 2 > crate::compile::STACK_USE_GUIDELINE => {
                    self.dict_subset(&d.items[i - elements..=i]);
                    if have_dict {
                        self.op(Op::DictUpdate, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                Some(_) => elements += 1,
            }
        }
        if elements > 0 {
            self.dict_subset(&d.items[n - elements..n]);
            if have_dict {
                self.op(Op::DictUpdate, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.op(Op::BuildMap, 0);
        }
    }

    /// CPython 3.11's `compiler_subdict` (as `Compiler::dict_subset`).
    fn dict_subset(&mut self, items: &'a [ast::DictItem]) {
        let n = items.len();
        let big = n * 2 > crate::compile::STACK_USE_GUIDELINE;
        let all_const_keys = n > 1 && !big && items.iter().all(|it| it.key.as_ref().is_some_and(|k| self.is_const(k)));
        if all_const_keys {
            for it in items {
                self.expr(&it.value);
            }
            self.load_const();
            self.op(Op::BuildConstKeyMap, n as u32);
            return;
        }
        if big {
            self.op(Op::BuildMap, 0);
        }
        for it in items {
            if let Some(k) = &it.key {
                self.expr(k);
            }
            self.expr(&it.value);
            if big {
                self.op(Op::MapAdd, 1);
            }
        }
        if !big {
            self.op(Op::BuildMap, n as u32);
        }
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) {
        // More pieces than CPython's guideline: ''.join([...]).
        let join = crate::compile::fstring_piece_count(f) > crate::compile::STACK_USE_GUIDELINE;
        if join {
            self.join_start();
        }
        // Count the pieces: literal parts (merged) and formatted values.
        let mut pieces = 0u32;
        let mut pending_lit = false;
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => {
                    if !l.value.is_empty() {
                        pending_lit = true;
                    }
                }
                ast::FStringPart::FString(fs) => {
                    for el in fs.elements.iter() {
                        match el {
                            ast::InterpolatedStringElement::Literal(l) => {
                                if !l.value.is_empty() {
                                    pending_lit = true;
                                }
                            }
                            ast::InterpolatedStringElement::Interpolation(x) => {
                                // f"{x=}": the text "x=" is a literal piece.
                                if x.debug_text.is_some() {
                                    pending_lit = true;
                                }
                                if pending_lit {
                                    self.load_const();
                                    pieces += 1;
                                    pending_lit = false;
                                    self.join_append(join);
                                }
                                self.formatted_value(x);
                                pieces += 1;
                                self.join_append(join);
                            }
                        }
                    }
                }
            }
        }
        if pending_lit {
            self.load_const();
            pieces += 1;
            self.join_append(join);
        }
        if join {
            self.op(Op::Precall, 1);
            self.op(Op::Call, 1);
        } else if pieces == 0 {
            self.load_const();
        } else if pieces > 1 {
            self.op(Op::BuildString, pieces);
        }
    }

    /// `''.join([` of an f-string with many pieces (`compile::join_start`).
    fn join_start(&mut self) {
        self.load_const();
        let na = self.name_arg("join");
        self.op(Op::LoadMethod, na);
        self.op(Op::BuildList, 0);
    }

    fn join_append(&mut self, join: bool) {
        if join {
            self.op(Op::ListAppend, 1);
        }
    }

    fn formatted_value(&mut self, x: &'a ast::InterpolatedElement) {
        let mut arg = 0;
        if x.debug_text.is_some() {
            // f"{x=}" adds the text before the value.
            // (Counted by the caller as a separate literal piece in CPython.)
        }
        self.expr(&x.expression);
        if x.conversion != ast::ConversionFlag::None {
            arg |= 1;
        } else if x.debug_text.is_some() && x.format_spec.is_none() {
            arg |= 1;
        }
        if let Some(spec) = &x.format_spec {
            let mut pieces = 0u32;
            let mut pending_lit = false;
            for el in spec.elements.iter() {
                match el {
                    ast::InterpolatedStringElement::Literal(l) => {
                        if !l.value.is_empty() {
                            pending_lit = true;
                        }
                    }
                    ast::InterpolatedStringElement::Interpolation(y) => {
                        if pending_lit {
                            self.load_const();
                            pieces += 1;
                            pending_lit = false;
                        }
                        self.formatted_value(y);
                        pieces += 1;
                    }
                }
            }
            if pending_lit {
                self.load_const();
                pieces += 1;
            }
            if pieces == 0 {
                self.load_const();
            } else if pieces > 1 {
                self.op(Op::BuildString, pieces);
            }
            arg |= 4;
        }
        self.op(Op::FormatValue, arg);
    }

    fn comprehension(&mut self, range: TextRange, gens: &'a [ast::Comprehension]) {
        self.make_closure(range, 0);
        self.iter_expr(&gens[0].iter);
        self.op(Op::GetIter, 0);
        self.op(Op::Precall, 0);
        self.op(Op::Call, 0);
    }

    fn comp_gen(&mut self, kind: CompShape, gens: &'a [ast::Comprehension], i: usize, elt: &'a Expr, value: Option<&'a Expr>, depth: u32) {
        let g = &gens[i];
        let start = self.new_block();
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        if i == 0 {
            self.op(Op::LoadFast, 0);
        } else {
            self.iter_expr(&g.iter);
            self.op(Op::GetIter, 0);
        }
        self.use_block(start);
        self.jump(Op::ForIter, anchor);
        self.assign_target(&g.target);
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false);
        }
        let depth = depth + 1;
        if i + 1 < gens.len() {
            self.comp_gen(kind, gens, i + 1, elt, value, depth);
        } else {
            match kind {
                CompShape::Gen => {
                    self.expr(elt);
                    self.op(Op::YieldValue, 0);
                    self.op(Op::Resume, 1);
                    self.op(Op::PopTop, 0);
                }
                CompShape::List => {
                    self.expr(elt);
                    self.op(Op::ListAppend, depth + 1);
                }
                CompShape::Set => {
                    self.expr(elt);
                    self.op(Op::SetAdd, depth + 1);
                }
                CompShape::Dict => {
                    self.expr(elt);
                    if let Some(v) = value {
                        self.expr(v);
                    }
                    self.op(Op::MapAdd, depth + 1);
                }
            }
        }
        self.use_block(if_cleanup);
        self.jump(Op::Jump, start);
        self.use_block(anchor);
    }

    // ----- calls -----

    fn call(&mut self, c: &'a ast::ExprCall) {
        if self.method_call(c) {
            return;
        }
        self.op(Op::PushNull, 0);
        self.expr(&c.func);
        self.call_helper(0, &c.arguments.args, &c.arguments.keywords);
    }

    fn method_call(&mut self, c: &'a ast::ExprCall) -> bool {
        let Expr::Attribute(meth) = &*c.func else { return false };
        if let Expr::Name(n) = &*meth.value {
            if self.module_imports.0.contains(n.id.as_str()) {
                return false;
            }
        }
        let args = &c.arguments.args;
        let kws = &c.arguments.keywords;
        if args.iter().any(|a| matches!(a, Expr::Starred(_))) || kws.iter().any(|k| k.arg.is_none()) {
            return false;
        }
        if args.len() + kws.len() >= 15 {
            return false;
        }
        self.expr(&meth.value);
        let line = self.line;
        self.line = self.line_of(meth.range);
        let na = self.name_arg(meth.attr.id.as_str());
        self.op(Op::LoadMethod, na);
        self.line = line;
        for a in args {
            self.expr(a);
        }
        for k in kws {
            self.expr(&k.value);
        }
        let n = (args.len() + kws.len()) as u32;
        if !kws.is_empty() {
            self.load_const_kwnames();
        }
        self.op(Op::Precall, n);
        self.op(Op::Call, n);
        true
    }

    fn load_const_kwnames(&mut self) {
        let arg = self.consts.min(255);
        self.consts += 1;
        self.op(Op::KwNames, arg);
    }

    fn call_helper(&mut self, n: u32, args: &'a [Expr], kws: &'a [ast::Keyword]) {
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let dstar = kws.iter().any(|k| k.arg.is_none());
        let big = args.len() + kws.len() + n as usize > 30;
        if !starred && !dstar && !big {
            for a in args {
                self.expr(a);
            }
            for k in kws {
                self.expr(&k.value);
            }
            if !kws.is_empty() {
                self.load_const_kwnames();
            }
            let total = n + (args.len() + kws.len()) as u32;
            self.op(Op::Precall, total);
            self.op(Op::Call, total);
            return;
        }
        // CALL_FUNCTION_EX: positional arguments as one tuple.
        if n == 0 && args.len() == 1 && starred {
            if let Expr::Starred(s) = &args[0] {
                self.expr(&s.value);
            }
        } else if starred || n > 0 || !args.is_empty() {
            if n > 0 && !starred {
                // class bases: the two leading arguments are already pushed
                for a in args {
                    self.expr(a);
                }
                self.op(Op::BuildTuple, n + args.len() as u32);
            } else {
                let mut seen = false;
                let mut pushed = n;
                for a in args.iter() {
                    match a {
                        Expr::Starred(s) => {
                            if !seen {
                                self.op(Op::BuildList, pushed);
                                seen = true;
                            }
                            self.expr(&s.value);
                            self.op(Op::ListExtend, 1);
                        }
                        _ => {
                            self.expr(a);
                            if seen {
                                self.op(Op::ListAppend, 1);
                            } else {
                                pushed += 1;
                            }
                        }
                    }
                }
                if seen {
                    self.op(Op::ListToTuple, 0);
                } else {
                    self.op(Op::BuildTuple, pushed);
                }
            }
        } else {
            self.load_const();
        }
        let mut flag = 0;
        if !kws.is_empty() {
            flag = 1;
            let mut have_dict = false;
            let mut pending = 0u32;
            for k in kws {
                match &k.arg {
                    Some(_) => {
                        self.load_const();
                        self.expr(&k.value);
                        pending += 1;
                    }
                    None => {
                        if pending > 0 {
                            self.op(Op::BuildMap, pending);
                            if have_dict {
                                self.op(Op::DictMerge, 1);
                            }
                            have_dict = true;
                            pending = 0;
                        }
                        if !have_dict {
                            self.op(Op::BuildMap, 0);
                            have_dict = true;
                        }
                        self.expr(&k.value);
                        self.op(Op::DictMerge, 1);
                    }
                }
            }
            if pending > 0 {
                self.op(Op::BuildMap, pending);
                if have_dict {
                    self.op(Op::DictMerge, 1);
                }
            }
        }
        self.op(Op::CallFunctionEx, flag);
    }

    // ----- assembly -----

    fn finish(mut self) -> Shape {
        self.prologue();
        // CPython 3.11 measures the stack after optimising (code removed as
        // unreachable, constant tuples folded, does not count), with the
        // exception-handler pseudo-instructions still in place.
        self.optimize();
        let stacksize = self.stackdepth();
        self.lower_pseudo();
        let code_units = self.assemble_size();
        if let Ok(q) = std::env::var("REFSCOPE_SHAPE_DEBUG") {
            if q == self.debug_name {
                for &b in &self.order {
                    eprintln!("block {b}:");
                    for ins in &self.blocks[b].instrs {
                        let t = if ins.target == NO_TARGET { String::new() } else { format!(" -> {}", ins.target) };
                        eprintln!("  {:4} {:?} {}{}", ins.line, ins.op, ins.arg, t);
                    }
                }
                eprintln!("units {code_units} stack {stacksize}");
            }
        }
        Shape { code_units, stacksize }
    }

    fn prologue(&mut self) {
        let mut pre = Vec::new();
        let mk = |op, arg| Ins { op, arg, target: NO_TARGET, line: NO_LINE, truth: None, is_none: false };
        for _ in &self.scope.cellvars {
            pre.push(mk(Op::MakeCell, 0));
        }
        if !self.scope.freevars.is_empty() {
            pre.push(mk(Op::CopyFreeVars, self.scope.freevars.len() as u32));
        }
        if self.scope.is_generator {
            pre.push(mk(Op::ReturnGenerator, 0));
            pre.push(mk(Op::PopTop, 0));
        }
        if !pre.is_empty() {
            let first = self.order[0];
            let mut v = pre;
            v.extend(self.blocks[first].instrs.drain(..));
            self.blocks[first].instrs = v;
        }
    }

    fn stackdepth(&self) -> u32 {
        let n = self.blocks.len();
        let mut depth_at: Vec<i32> = vec![i32::MIN; n];
        let mut next_of: Vec<usize> = vec![NO_TARGET; n];
        for w in self.order.windows(2) {
            next_of[w[0]] = w[1];
        }
        let mut stack: Vec<usize> = Vec::new();
        let mut maxd: i32 = 0;
        let mut visits = vec![0u8; n];
        let first = self.order[0];
        depth_at[first] = 0;
        stack.push(first);
        let skip_prologue_gen = self.scope.is_generator;
        while let Some(b) = stack.pop() {
            let mut depth = depth_at[b];
            let mut falls = true;
            for ins in &self.blocks[b].instrs {
                if skip_prologue_gen && (ins.op == Op::ReturnGenerator || (ins.op == Op::PopTop && ins.line == NO_LINE && b == first && depth == 0)) {
                    continue;
                }
                let eff = ins.op.effect(ins.arg, false);
                let nd = depth + eff;
                maxd = maxd.max(nd);
                if ins.target != NO_TARGET {
                    let td = depth + ins.op.effect(ins.arg, true);
                    maxd = maxd.max(td);
                    let t = ins.target;
                    if depth_at[t] < td && visits[t] < 8 {
                        visits[t] += 1;
                        depth_at[t] = td;
                        stack.push(t);
                    }
                }
                depth = nd;
                if ins.op.ends_block() {
                    falls = false;
                    break;
                }
            }
            if falls {
                let nx = next_of[b];
                if nx != NO_TARGET && depth_at[nx] < depth && visits[nx] < 8 {
                    visits[nx] += 1;
                    depth_at[nx] = depth;
                    stack.push(nx);
                }
            }
        }
        maxd.max(0) as u32
    }

    /// The next block in layout order.
    fn next_map(&self) -> Vec<usize> {
        let mut next_of = vec![NO_TARGET; self.blocks.len()];
        for w in self.order.windows(2) {
            next_of[w[0]] = w[1];
        }
        next_of
    }

    /// The exception-handler pseudo-instructions become NOPs (their line
    /// numbers may keep a NOP, as for `try:`), then the lines are settled.
    fn lower_pseudo(&mut self) {
        // Lines spread first (a block with one predecessor takes its line),
        // so a NOP left by a pseudo-instruction may keep that line.
        self.propagate_lines();
        let order = self.order.clone();
        for &b in &order {
            for ins in self.blocks[b].instrs.iter_mut() {
                if ins.op.is_pseudo() {
                    ins.op = Op::Nop;
                    ins.target = NO_TARGET;
                }
            }
        }
        for &b in &order {
            self.clean_block(b);
        }
        self.eliminate_empty();
        self.duplicate_exits_without_lineno();
        self.remove_redundant_jumps();
        for &b in &self.order.clone() {
            self.clean_block(b);
        }
        self.eliminate_empty();
        self.propagate_lines();
    }

    fn optimize(&mut self) {
        let order = self.order.clone();
        // Drop dead code after a terminator inside a block.
        for &b in &order {
            let instrs = &mut self.blocks[b].instrs;
            if let Some(p) = instrs.iter().position(|i| i.op.ends_block()) {
                instrs.truncate(p + 1);
            }
        }
        self.eliminate_empty();
        for &b in &order {
            self.peephole(b);
        }
        for &b in &order {
            self.extend_block(b);
        }
        for &b in &order {
            self.clean_block(b);
        }
        self.eliminate_empty();
        self.remove_unreachable();
        self.remove_redundant_jumps();
        for &b in &self.order.clone() {
            self.clean_block(b);
        }
        self.eliminate_empty();
        self.remove_unreachable();
    }

    fn first_nonempty(&self, mut b: usize, next_of: &[usize]) -> usize {
        while b != NO_TARGET && self.blocks[b].instrs.is_empty() {
            b = next_of[b];
        }
        b
    }

    fn eliminate_empty(&mut self) {
        let next_of = self.next_map();
        let order = self.order.clone();
        for &b in &order {
            for k in 0..self.blocks[b].instrs.len() {
                let t = self.blocks[b].instrs[k].target;
                if t != NO_TARGET {
                    let nt = self.first_nonempty(t, &next_of);
                    self.blocks[b].instrs[k].target = nt;
                }
            }
            for k in 0..self.blocks[b].handlers.len() {
                let t = self.blocks[b].handlers[k];
                self.blocks[b].handlers[k] = self.first_nonempty(t, &next_of);
            }
        }
        self.order.retain(|&b| !self.blocks[b].instrs.is_empty());
        if self.order.is_empty() {
            self.order.push(order[0]);
        }
    }

    fn peephole(&mut self, b: usize) {
        let mut i = 0;
        let mut guard = 0;
        while i < self.blocks[b].instrs.len() {
            guard += 1;
            if guard > 10_000 {
                break;
            }
            let ins = self.blocks[b].instrs[i];
            let nxt = self.blocks[b].instrs.get(i + 1).copied();
            match ins.op {
                Op::LoadConst => {
                    if let Some(n) = nxt {
                        if let Some(truth) = ins.truth {
                            match n.op {
                                Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                                    let jump_if = n.op == Op::PopJumpIfTrue;
                                    self.blocks[b].instrs[i].op = Op::Nop;
                                    if truth == jump_if {
                                        self.blocks[b].instrs[i + 1].op = Op::Jump;
                                        self.blocks[b].instrs.truncate(i + 2);
                                    } else {
                                        self.blocks[b].instrs[i + 1].op = Op::Nop;
                                        self.blocks[b].instrs[i + 1].target = NO_TARGET;
                                    }
                                }
                                Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                                    let jump_if = n.op == Op::JumpIfTrueOrPop;
                                    if truth == jump_if {
                                        self.blocks[b].instrs[i + 1].op = Op::Jump;
                                        self.blocks[b].instrs.truncate(i + 2);
                                    } else {
                                        self.blocks[b].instrs[i].op = Op::Nop;
                                        self.blocks[b].instrs[i + 1].op = Op::Nop;
                                        self.blocks[b].instrs[i + 1].target = NO_TARGET;
                                    }
                                }
                                _ => {}
                            }
                        }
                        if ins.is_none && n.op == Op::IsOp {
                            if let Some(j) = self.blocks[b].instrs.get(i + 2).copied() {
                                let flip = n.arg == 1;
                                let newop = match (j.op, flip) {
                                    (Op::PopJumpIfFalse, false) => Some(Op::PopJumpIfNotNone),
                                    (Op::PopJumpIfTrue, false) => Some(Op::PopJumpIfNone),
                                    (Op::PopJumpIfFalse, true) => Some(Op::PopJumpIfNone),
                                    (Op::PopJumpIfTrue, true) => Some(Op::PopJumpIfNotNone),
                                    _ => None,
                                };
                                if let Some(op) = newop {
                                    self.blocks[b].instrs[i].op = Op::Nop;
                                    self.blocks[b].instrs[i + 1].op = Op::Nop;
                                    self.blocks[b].instrs[i + 2].op = op;
                                }
                            }
                        }
                    }
                }
                Op::PushNull => {
                    if let Some(n) = nxt {
                        if n.op == Op::LoadGlobal {
                            self.blocks[b].instrs[i].op = Op::Nop;
                            self.blocks[b].instrs[i + 1].arg |= 1;
                        }
                    }
                }
                Op::BuildTuple => {
                    let n = ins.arg as usize;
                    if let Some(nx) = nxt {
                        if nx.op == Op::UnpackSequence && nx.arg == ins.arg && n <= 3 {
                            match n {
                                1 => {
                                    self.blocks[b].instrs[i].op = Op::Nop;
                                    self.blocks[b].instrs[i + 1].op = Op::Nop;
                                }
                                2 | 3 => {
                                    self.blocks[b].instrs[i].op = Op::Nop;
                                    self.blocks[b].instrs[i + 1].op = Op::Swap;
                                    self.static_swap(b, i + 1);
                                }
                                _ => {}
                            }
                            i += 1;
                            continue;
                        }
                    }
                    // A tuple of constants built at run time is one constant.
                    if n > 0 && i >= n && self.blocks[b].instrs[i - n..i].iter().all(|x| x.op == Op::LoadConst) {
                        for k in i - n..i {
                            self.blocks[b].instrs[k].op = Op::Nop;
                        }
                        self.blocks[b].instrs[i].op = Op::LoadConst;
                        self.blocks[b].instrs[i].truth = Some(true);
                    }
                }
                Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::Jump | Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                    let t = ins.target;
                    if t != NO_TARGET && !self.blocks[t].instrs.is_empty() {
                        let tgt = self.blocks[t].instrs[0];
                        let same_line = tgt.line == ins.line;
                        if tgt.op == Op::Jump && same_line && tgt.target != ins.target {
                            self.blocks[b].instrs[i].target = tgt.target;
                            continue;
                        }
                        if matches!(ins.op, Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop) && same_line && tgt.target != ins.target {
                            let sense_false = ins.op == Op::JumpIfFalseOrPop;
                            match tgt.op {
                                Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop if (tgt.op == Op::JumpIfFalseOrPop) == sense_false => {
                                    self.blocks[b].instrs[i].target = tgt.target;
                                    continue;
                                }
                                Op::PopJumpIfFalse | Op::PopJumpIfTrue if (tgt.op == Op::PopJumpIfFalse) == sense_false => {
                                    self.blocks[b].instrs[i].op = tgt.op;
                                    self.blocks[b].instrs[i].target = tgt.target;
                                    continue;
                                }
                                // The opposite test there would not jump:
                                // pop and go on after it.
                                Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop | Op::PopJumpIfFalse | Op::PopJumpIfTrue
                                    if self.blocks[t].instrs.len() == 1 =>
                                {
                                    let next_of = self.next_map();
                                    let after = next_of[t];
                                    if after != NO_TARGET {
                                        self.blocks[b].instrs[i].op = if sense_false { Op::PopJumpIfFalse } else { Op::PopJumpIfTrue };
                                        self.blocks[b].instrs[i].target = after;
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
                _ => {}
            }
            i += 1;
        }
        // Dead code after a jump the peephole made unconditional.
        let instrs = &mut self.blocks[b].instrs;
        if let Some(p) = instrs.iter().position(|i| i.op.ends_block()) {
            instrs.truncate(p + 1);
        }
    }

    /// `SWAP n` followed by n stores to distinct locals (or POP_TOPs) on
    /// its line: the stores are reordered and the SWAP dropped.
    fn static_swap(&mut self, b: usize, at: usize) {
        let swap = self.blocks[b].instrs[at];
        let n = swap.arg as usize;
        let mut seen = Vec::new();
        let mut k = at + 1;
        let mut count = 0;
        while count < n {
            let Some(x) = self.blocks[b].instrs.get(k) else { return };
            k += 1;
            if x.op == Op::Nop {
                continue;
            }
            if x.line != swap.line {
                return;
            }
            match x.op {
                Op::StoreFast => {
                    if seen.contains(&x.arg) {
                        return;
                    }
                    seen.push(x.arg);
                }
                Op::PopTop => {}
                _ => return,
            }
            count += 1;
        }
        self.blocks[b].instrs[at].op = Op::Nop;
    }

    fn is_exit_block(&self, b: usize) -> bool {
        self.blocks[b].instrs.last().is_some_and(|i| i.op.is_exit())
    }

    /// A jump to a small exit block without a line number becomes a copy
    /// of that block.
    fn extend_block(&mut self, b: usize) {
        let Some(last) = self.blocks[b].instrs.last().copied() else { return };
        if !last.op.is_uncond_jump() || last.target == NO_TARGET {
            return;
        }
        let t = last.target;
        // Only exits without a line number of their own (the implicit
        // `return None`, handler cleanups) are copied.
        if t == b
            || !self.is_exit_block(t)
            || self.blocks[t].instrs.len() > 4
            || self.blocks[t].instrs[0].line >= 0
            || self.blocks[t].instrs.iter().any(|i| i.op.is_pseudo())
        {
            return;
        }
        let copy = self.blocks[t].instrs.clone();
        let n = self.blocks[b].instrs.len();
        self.blocks[b].instrs[n - 1].op = Op::Nop;
        self.blocks[b].instrs[n - 1].target = NO_TARGET;
        self.blocks[b].instrs.extend(copy);
        let th = self.blocks[t].handlers.clone();
        self.blocks[b].handlers.extend(th);
    }

    /// NOPs are removed unless they carry a line number no neighbour has.
    fn clean_block(&mut self, b: usize) {
        let next_of = self.next_map();
        let next_first_line = {
            let nb = if next_of[b] != NO_TARGET { self.first_nonempty(next_of[b], &next_of) } else { NO_TARGET };
            if nb != NO_TARGET {
                Some(self.blocks[nb].instrs[0].line)
            } else {
                None
            }
        };
        let instrs = std::mem::take(&mut self.blocks[b].instrs);
        let mut out: Vec<Ins> = Vec::with_capacity(instrs.len());
        let mut prev_line = NO_LINE;
        let n = instrs.len();
        let mut instrs = instrs;
        for k in 0..n {
            let ins = instrs[k];
            if ins.op == Op::Nop {
                let line = ins.line;
                if line < 0 {
                    continue;
                }
                if prev_line == line {
                    continue;
                }
                if k + 1 < n {
                    let nl = instrs[k + 1].line;
                    if nl < 0 || nl == line {
                        instrs[k + 1].line = line;
                        continue;
                    }
                } else if next_first_line == Some(line) || next_first_line.is_some_and(|l| l < 0) {
                    continue;
                }
            }
            prev_line = ins.line;
            out.push(ins);
        }
        self.blocks[b].instrs = out;
    }

    fn reachable(&self) -> Vec<bool> {
        let next_of = self.next_map();
        let mut seen = vec![false; self.blocks.len()];
        let mut stack = vec![self.order[0]];
        seen[self.order[0]] = true;
        while let Some(b) = stack.pop() {
            let push = |t: usize, seen: &mut Vec<bool>, stack: &mut Vec<usize>| {
                if t != NO_TARGET && !seen[t] {
                    seen[t] = true;
                    stack.push(t);
                }
            };
            for ins in &self.blocks[b].instrs {
                push(ins.target, &mut seen, &mut stack);
            }
            for &h in &self.blocks[b].handlers {
                push(h, &mut seen, &mut stack);
            }
            let ends = self.blocks[b].instrs.last().is_some_and(|i| i.op.ends_block());
            if !ends {
                push(next_of[b], &mut seen, &mut stack);
            }
        }
        seen
    }

    fn remove_unreachable(&mut self) {
        let seen = self.reachable();
        let first = self.order[0];
        self.order.retain(|&b| seen[b] || b == first);
        self.eliminate_empty();
    }

    fn remove_redundant_jumps(&mut self) {
        let next_of = self.next_map();
        for &b in &self.order.clone() {
            let Some(last) = self.blocks[b].instrs.last().copied() else { continue };
            if last.op.is_uncond_jump() {
                let nx = if next_of[b] != NO_TARGET { self.first_nonempty(next_of[b], &next_of) } else { NO_TARGET };
                if nx == last.target {
                    let n = self.blocks[b].instrs.len();
                    self.blocks[b].instrs[n - 1].op = Op::Nop;
                    self.blocks[b].instrs[n - 1].target = NO_TARGET;
                }
            }
        }
    }

    fn duplicate_exits_without_lineno(&mut self) {
        // Predecessor counts.
        let next_of = self.next_map();
        let mut preds = vec![0u32; self.blocks.len()];
        for &b in &self.order {
            for ins in &self.blocks[b].instrs {
                if ins.target != NO_TARGET {
                    preds[ins.target] += 1;
                }
            }
            let ends = self.blocks[b].instrs.last().is_some_and(|i| i.op.ends_block());
            if !ends && next_of[b] != NO_TARGET {
                preds[next_of[b]] += 1;
            }
        }
        let order = self.order.clone();
        for &b in &order {
            let Some(last) = self.blocks[b].instrs.last().copied() else { continue };
            if last.target == NO_TARGET {
                continue;
            }
            let t = last.target;
            let first_line = self.blocks[t].instrs.first().map(|i| i.line).unwrap_or(0);
            if self.is_exit_block(t) && first_line < 0 && preds[t] > 1 {
                let mut copy = self.blocks[t].clone();
                copy.instrs[0].line = last.line;
                self.blocks.push(copy);
                let nb = self.blocks.len() - 1;
                // The copy goes right after the jumping block, so a jump
                // to it becomes redundant.
                let at = self.order.iter().position(|&x| x == b).unwrap_or(self.order.len() - 1);
                self.order.insert(at + 1, nb);
                let n = self.blocks[b].instrs.len();
                self.blocks[b].instrs[n - 1].target = nb;
                preds[t] -= 1;
            }
        }
    }

    /// Instructions without a line take the previous one's; a block's first
    /// takes its only predecessor's last line.
    fn propagate_lines(&mut self) {
        let next_of = self.next_map();
        let mut preds = vec![0u32; self.blocks.len()];
        for &b in &self.order {
            for ins in &self.blocks[b].instrs {
                if ins.target != NO_TARGET {
                    preds[ins.target] += 1;
                }
            }
            let ends = self.blocks[b].instrs.last().is_some_and(|i| i.op.ends_block());
            if !ends && next_of[b] != NO_TARGET {
                preds[next_of[b]] += 1;
            }
        }
        for &b in &self.order.clone() {
            let mut prev = NO_LINE;
            for ins in self.blocks[b].instrs.iter_mut() {
                if ins.line < 0 {
                    ins.line = prev;
                } else {
                    prev = ins.line;
                }
            }
            if prev < 0 {
                continue;
            }
            let ends = self.blocks[b].instrs.last().is_some_and(|i| i.op.ends_block());
            let nx = next_of[b];
            if !ends && nx != NO_TARGET && preds[nx] == 1 {
                if let Some(first) = self.blocks[nx].instrs.first_mut() {
                    if first.line < 0 {
                        first.line = prev;
                    }
                }
            }
            if let Some(last) = self.blocks[b].instrs.last().copied() {
                if last.target != NO_TARGET && preds[last.target] == 1 {
                    if let Some(first) = self.blocks[last.target].instrs.first_mut() {
                        if first.line < 0 {
                            first.line = last.line;
                        }
                    }
                }
            }
        }
    }

    /// Code units, with EXTENDED_ARG prefixes for operands over 255 (jump
    /// offsets included, which need a fixed point).
    fn assemble_size(&self) -> u32 {
        let order = &self.order;
        let mut pos_of = vec![0u32; self.blocks.len()];
        let mut ext: HashMap<(usize, usize), u32> = HashMap::new();
        let mut rounds = 0;
        loop {
            let mut off = 0u32;
            for &b in order {
                pos_of[b] = off;
                for (k, ins) in self.blocks[b].instrs.iter().enumerate() {
                    if ins.op.is_pseudo() {
                        continue;
                    }
                    off += 1 + ins.op.caches() + ext.get(&(b, k)).copied().unwrap_or_else(|| ext_units(ins.arg));
                }
            }
            let mut changed = false;
            let mut off = 0u32;
            for &b in order {
                for (k, ins) in self.blocks[b].instrs.iter().enumerate() {
                    let cur = ext.get(&(b, k)).copied().unwrap_or_else(|| ext_units(ins.arg));
                    let size = 1 + ins.op.caches() + cur;
                    let end = off + size;
                    if ins.target != NO_TARGET {
                        let t = pos_of[ins.target];
                        let arg = t.abs_diff(end);
                        let need = ext_units(arg);
                        if need > cur {
                            ext.insert((b, k), need);
                            changed = true;
                        } else if !ext.contains_key(&(b, k)) {
                            ext.insert((b, k), need);
                        }
                    }
                    off = end;
                }
            }
            rounds += 1;
            if !changed || rounds > 50 {
                return off;
            }
        }
    }
}

fn ext_units(arg: u32) -> u32 {
    if arg > 0xff_ffff {
        3
    } else if arg > 0xffff {
        2
    } else if arg > 0xff {
        1
    } else {
        0
    }
}

fn const_truth(e: &Expr) -> Option<bool> {
    match e {
        Expr::NoneLiteral(_) => Some(false),
        Expr::BooleanLiteral(b) => Some(b.value),
        Expr::NumberLiteral(n) => Some(match &n.value {
            ast::Number::Int(i) => i.as_u64() != Some(0),
            ast::Number::Float(f) => *f != 0.0,
            ast::Number::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        }),
        Expr::StringLiteral(s) => Some(!s.value.to_str().is_empty()),
        Expr::BytesLiteral(b) => Some(b.value.bytes().next().is_some()),
        Expr::EllipsisLiteral(_) => Some(true),
        Expr::Tuple(t) => Some(!t.elts.is_empty()),
        _ => None,
    }
}

fn is_wildcard(p: &ast::Pattern) -> bool {
    matches!(p, ast::Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn params_of(p: &ast::Parameters) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    for a in p.posonlyargs.iter().chain(p.args.iter()) {
        v.push(a.parameter.name.id.as_str());
    }
    for a in &p.kwonlyargs {
        v.push(a.parameter.name.id.as_str());
    }
    if let Some(a) = &p.vararg {
        v.push(a.name.id.as_str());
    }
    if let Some(a) = &p.kwarg {
        v.push(a.name.id.as_str());
    }
    v
}
