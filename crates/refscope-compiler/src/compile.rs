//! Code generation: syntax tree plus resolved scopes to code objects.
//!
//! One `Unit` per code object being built (module, class body, function,
//! lambda, comprehension), kept on a stack while nested definitions are
//! compiled. Control flow that leaves a block early (`break`, `continue`,
//! `return`) walks the unit's frame-block stack (`FBlock`) and emits the
//! cleanup each block needs: pop an iterator, leave a `try`, run a `finally`
//! body, call a `with` block's `__exit__`, restore the handled exception.
//!
//! Exception handling uses a runtime block stack: `SetupFinally` pushes a
//! handler with the current stack depth, `PopBlock` removes it. On entry to a
//! handler the runtime has pushed the previously handled exception and the new
//! one (like CPython 3.11's PUSH_EXC_INFO); `PopExcept` restores the former.

use crate::bytecode::*;
use crate::symtable::{NameScope, Scope, ScopeKind};
use crate::CompileError;
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::rc::Rc;

/// Evaluates constant sub-expressions for folding, with the runtime's own
/// arithmetic so folded and unfolded results agree. Returning `None` leaves
/// the expression to run time (errors included).
pub trait ConstFolder {
    fn binop(&self, op: BinOp, a: &Constant, b: &Constant) -> Option<Constant>;
    fn unary(&self, op: UnaryOp, a: &Constant) -> Option<Constant>;
    fn subscript(&self, a: &Constant, index: &Constant) -> Option<Constant>;
}

/// A folder that folds nothing.
pub struct NoFolding;
impl ConstFolder for NoFolding {
    fn binop(&self, _: BinOp, _: &Constant, _: &Constant) -> Option<Constant> {
        None
    }
    fn unary(&self, _: UnaryOp, _: &Constant) -> Option<Constant> {
        None
    }
    fn subscript(&self, _: &Constant, _: &Constant) -> Option<Constant> {
        None
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Label(u32);

enum FBlock<'a> {
    While { start: Label, end: Label },
    For { start: Label, end: Label },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With,
    HandlerCleanup { name: Option<&'a str> },
    /// An exception handler of `try`/`except` whose own cleanup block is set.
    ExceptHandler,
    /// The body of an `except*` handler: `break`, `continue` and `return`
    /// may not leave it.
    ExceptStarHandler,
}

struct Unit<'a> {
    scope: &'a Scope,
    name: Rc<str>,
    qualname: Rc<str>,
    instrs: Vec<Instr>,
    spans: Vec<(u32, u32)>,
    consts: Vec<Constant>,
    /// Constants CPython's optimizer folds after code generation (a tuple
    /// of constant defaults): added to `consts` when the unit ends, after
    /// every other, at the `LoadConst` emitted at this instruction index.
    deferred: Vec<(usize, Constant)>,
    names: Vec<Rc<str>>,
    varnames: Vec<Rc<str>>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
    labels: Vec<u32>,
    fblocks: Vec<FBlock<'a>>,
    match_cases: Vec<MatchCaseInfo>,
    span: (u32, u32),
    first_line: u32,
    argcount: u32,
    posonly: u32,
    kwonly: u32,
    flags: u32,
    has_docstring: bool,
}

const UNSET: u32 = u32::MAX;

pub struct Compiler<'a> {
    source: &'a str,
    filename: Rc<str>,
    line_starts: Vec<u32>,
    units: Vec<Unit<'a>>,
    folder: &'a dyn ConstFolder,
    /// Compiling for the interactive prompt: expression statements print.
    interactive: bool,
    /// For the CPython code-shape model (`shape`): names the module binds
    /// by import, and `from __future__ import annotations`.
    shape_imports: (std::collections::HashSet<String>, std::collections::HashSet<String>),
    shape_future: bool,
}

impl<'a> Compiler<'a> {
    pub fn new(source: &'a str, filename: &str, folder: &'a dyn ConstFolder, interactive: bool) -> Self {
        let mut line_starts = vec![0u32];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        Compiler {
            source,
            filename: filename.into(),
            line_starts,
            units: Vec::new(),
            folder,
            interactive,
            shape_imports: Default::default(),
            shape_future: false,
        }
    }

    pub fn line_of_offset(&self, off: u32) -> u32 {
        match self.line_starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    fn err<T>(&self, msg: impl Into<String>, range: TextRange) -> Result<T, CompileError> {
        Err(CompileError::new(msg.into(), range, self))
    }

    pub fn source(&self) -> &str {
        self.source
    }
    pub(crate) fn is_interactive(&self) -> bool {
        self.interactive
    }
    /// Whether CPython's AST optimiser leaves `e` as one constant.
    pub(crate) fn const_value_for_shape(&self, e: &Expr) -> bool {
        self.const_value(e).is_some()
    }

    /// The value of `e` when it folds to a str constant.
    pub(crate) fn const_str_for_shape(&self, e: &Expr) -> Option<std::rc::Rc<str>> {
        match self.const_value(e)? {
            Constant::Str(s) => Some(s),
            _ => None,
        }
    }

    /// CPython 3.11's co_code length and co_stacksize for `node`, stored on
    /// the code object for `sys.getsizeof` and `co_stacksize`.
    fn set_shape(&self, code: &mut CodeObject, scope: &'a Scope, node: crate::shape::Node<'a>) {
        let s = crate::shape::shape(self, scope, node, &self.shape_imports, self.shape_future, self.interactive);
        code.cpython_code_units = s.code_units;
        code.cpython_stacksize = s.stacksize;
    }
    pub fn filename(&self) -> &str {
        &self.filename
    }

    // ----- units -----

    fn enter(&mut self, scope: &'a Scope, name: &str, qualname: &str, range: TextRange) {
        let mut varnames: Vec<Rc<str>> = Vec::new();
        if scope.is_function_like() {
            for p in &scope.params {
                varnames.push(p.as_str().into());
            }
            for n in &scope.order {
                if scope.lookup(n) == NameScope::Local && !varnames.iter().any(|v| &**v == n.as_str()) {
                    varnames.push(n.as_str().into());
                }
            }
            // Parameters that are cells keep their slot (and are copied into
            // the cell at frame start), as CPython does.
        }
        let start = range.start().to_u32();
        let first_line = self.line_of_offset(start);
        self.units.push(Unit {
            scope,
            name: name.into(),
            qualname: qualname.into(),
            instrs: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            deferred: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars: scope.cellvars.iter().map(|s| Rc::from(s.as_str())).collect(),
            freevars: scope.freevars.iter().map(|s| Rc::from(s.as_str())).collect(),
            labels: Vec::new(),
            fblocks: Vec::new(),
            match_cases: Vec::new(),
            span: (start, start),
            first_line,
            argcount: 0,
            posonly: 0,
            kwonly: 0,
            flags: 0,
            has_docstring: false,
        });
    }

    fn leave(&mut self) -> CodeObject {
        for (at, c) in std::mem::take(&mut self.u().deferred) {
            let i = self.add_const(c);
            self.u().instrs[at] = Instr::LoadConst(i);
        }
        let u = self.units.pop().unwrap();
        let mut instrs = u.instrs;
        for ins in instrs.iter_mut() {
            let fix = |l: &mut u32| {
                let t = u.labels[*l as usize];
                debug_assert!(t != UNSET, "unresolved label");
                *l = t;
            };
            match ins {
                Instr::Jump(l)
                | Instr::PopJumpIfFalse(l)
                | Instr::PopJumpIfTrue(l)
                | Instr::JumpIfFalseOrPop(l)
                | Instr::JumpIfTrueOrPop(l)
                | Instr::PopJumpIfNone(l)
                | Instr::PopJumpIfNotNone(l)
                | Instr::ForIter(l)
                | Instr::Send(l)
                | Instr::SetupFinally(l)
                | Instr::SetupWith(l)
                | Instr::SetupCleanup(l) => fix(l),
                _ => {}
            }
        }
        let lines: Vec<u32> = u.spans.iter().map(|s| self.line_of_offset(s.0)).collect();
        let max_stack = compute_stack_depth(&instrs, &u.match_cases);
        crate::bytecode::fuse_pairs(&mut instrs, &lines);
        let mut flags = u.flags;
        if u.freevars.is_empty() && u.cellvars.is_empty() {
            flags |= code_flags::NOFREE;
        }
        if u.scope.is_generator {
            flags |= code_flags::GENERATOR;
        }
        let cell2arg = u
            .cellvars
            .iter()
            .map(|c| u.varnames.iter().take(u.scope.params.len()).position(|v| v == c).map(|p| p as u32))
            .collect();
        CodeObject {
            name: u.name,
            qualname: u.qualname,
            filename: self.filename.clone(),
            first_line: u.first_line,
            flags,
            argcount: u.argcount,
            posonlyargcount: u.posonly,
            kwonlyargcount: u.kwonly,
            instrs,
            spans: u.spans,
            lines,
            consts: u.consts,
            names: u.names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            cell2arg,
            freevars: u.freevars,
            max_stack,
            cpython_code_units: 0,
            cpython_stacksize: 0,
            match_cases: u.match_cases,
            has_docstring: u.has_docstring,
        }
    }

    fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().unwrap()
    }

    fn scope(&self) -> &'a Scope {
        self.units.last().unwrap().scope
    }

    /// The symbol-table scope of the function, lambda, class or
    /// comprehension at `range`, a child of the current unit's scope. Found
    /// by its source range (unique among one scope's children), not by
    /// position: the compiler may compile a node twice (a `finally` body is
    /// emitted on the normal and the exceptional path, and again where a
    /// `return` or `break` leaves the `try`), or in another order than the
    /// symbol table visited it.
    fn child_scope(&mut self, range: TextRange) -> Result<&'a Scope, CompileError> {
        let u = self.units.last().unwrap();
        let scope: &'a Scope = u.scope;
        match scope.children.iter().find(|c| c.range == range) {
            Some(s) => Ok(s),
            None => self.err("refscope internal error: no symbol table scope for a nested block", range),
        }
    }

    fn emit(&mut self, i: Instr) {
        let u = self.u();
        let sp = u.span;
        u.instrs.push(i);
        u.spans.push(sp);
    }

    fn set_span(&mut self, r: TextRange) -> (u32, u32) {
        let u = self.u();
        let old = u.span;
        u.span = (r.start().to_u32(), r.end().to_u32());
        old
    }

    fn restore_span(&mut self, s: (u32, u32)) {
        self.u().span = s;
    }

    fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(UNSET);
        Label(u.labels.len() as u32 - 1)
    }

    /// True when the last instruction emitted ends control flow (as `ends`
    /// says) and no label points past it, so nothing can reach the current
    /// position: a jump or implicit return emitted here would be dead code.
    fn falls_off_unreachable(&mut self, ends: fn(&[Instr]) -> bool) -> bool {
        let u = self.u();
        let here = u.instrs.len() as u32;
        ends(&u.instrs) && !u.labels.iter().any(|&at| at == here)
    }

    fn bind_label(&mut self, l: Label) {
        let u = self.u();
        u.labels[l.0 as usize] = u.instrs.len() as u32;
    }

    fn jump(&mut self, f: fn(u32) -> Instr, l: Label) {
        self.emit(f(l.0));
    }

    fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.u();
        for (i, e) in u.consts.iter().enumerate() {
            if e.same_as(&c) {
                return i as u32;
            }
        }
        u.consts.push(c);
        u.consts.len() as u32 - 1
    }

    fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    fn add_name(&mut self, n: &str) -> u32 {
        let u = self.u();
        if let Some(i) = u.names.iter().position(|x| &**x == n) {
            return i as u32;
        }
        u.names.push(n.into());
        u.names.len() as u32 - 1
    }

    fn mangle(&self, name: &str) -> String {
        // Private name mangling: __x inside class C becomes _C__x.
        if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
            return name.to_string();
        }
        for u in self.units.iter().rev() {
            if u.scope.kind == ScopeKind::Class {
                let cls = u.scope.name.trim_start_matches('_');
                if cls.is_empty() {
                    return name.to_string();
                }
                return format!("_{}{}", cls, name);
            }
        }
        name.to_string()
    }

    fn slot_of(&self, name: &str) -> Option<u32> {
        let u = self.units.last().unwrap();
        if let Some(i) = u.varnames.iter().position(|v| &**v == name) {
            return Some(i as u32);
        }
        None
    }

    fn deref_slot(&self, name: &str) -> u32 {
        let u = self.units.last().unwrap();
        let nv = u.varnames.len();
        if let Some(i) = u.cellvars.iter().position(|v| &**v == name) {
            return (nv + i) as u32;
        }
        if let Some(i) = u.freevars.iter().position(|v| &**v == name) {
            return (nv + u.cellvars.len() + i) as u32;
        }
        panic!("no cell or free variable named {name}");
    }

    // ----- names -----

    fn name_op(&mut self, name: &str, ctx: ast::ExprContext) {
        let name = self.mangle(name);
        let scope = self.scope();
        let ns = scope.lookup(&name);
        let is_class = scope.kind == ScopeKind::Class;
        match ns {
            NameScope::Local => {
                let slot = self.slot_of(&name).expect("local slot");
                self.emit(match ctx {
                    ast::ExprContext::Store => Instr::StoreFast(slot),
                    ast::ExprContext::Del => Instr::DeleteFast(slot),
                    _ => Instr::LoadFast(slot),
                });
            }
            NameScope::Cell | NameScope::Free => {
                let slot = self.deref_slot(&name);
                self.emit(match ctx {
                    ast::ExprContext::Store => Instr::StoreDeref(slot),
                    ast::ExprContext::Del => Instr::DeleteDeref(slot),
                    _ => {
                        if is_class {
                            Instr::LoadClassDeref(slot)
                        } else {
                            Instr::LoadDeref(slot)
                        }
                    }
                });
            }
            NameScope::GlobalExplicit => {
                let i = self.add_name(&name);
                self.emit(match ctx {
                    ast::ExprContext::Store => Instr::StoreGlobal(i),
                    ast::ExprContext::Del => Instr::DeleteGlobal(i),
                    _ => Instr::LoadGlobal(i),
                });
            }
            NameScope::GlobalImplicit => {
                let i = self.add_name(&name);
                if scope.is_function_like() {
                    self.emit(match ctx {
                        ast::ExprContext::Store => Instr::StoreGlobal(i),
                        ast::ExprContext::Del => Instr::DeleteGlobal(i),
                        _ => Instr::LoadGlobal(i),
                    });
                } else {
                    self.emit(match ctx {
                        ast::ExprContext::Store => Instr::StoreName(i),
                        ast::ExprContext::Del => Instr::DeleteName(i),
                        _ => Instr::LoadName(i),
                    });
                }
            }
            NameScope::Name => {
                let i = self.add_name(&name);
                self.emit(match ctx {
                    ast::ExprContext::Store => Instr::StoreName(i),
                    ast::ExprContext::Del => Instr::DeleteName(i),
                    _ => Instr::LoadName(i),
                });
            }
        }
    }

    fn load_name(&mut self, name: &str) {
        self.name_op(name, ast::ExprContext::Load)
    }
    fn store_name(&mut self, name: &str) {
        self.name_op(name, ast::ExprContext::Store)
    }
    fn delete_name(&mut self, name: &str) {
        self.name_op(name, ast::ExprContext::Del)
    }

    // ----- module -----

    pub fn compile_module(mut self, module: &'a ast::ModModule, scope: &'a Scope) -> Result<CodeObject, CompileError> {
        self.shape_imports = (crate::shape::module_imports(&module.body), crate::shape::declared_global(&module.body));
        self.shape_future = crate::shape::has_future_annotations(&module.body);
        self.enter(scope, "<module>", "<module>", module.range);
        self.u().first_line = 1;
        self.u().span = (0, 0);
        self.emit(Instr::Resume);
        let body = &module.body[..];
        if !self.interactive {
            if let Some(doc) = docstring(body) {
                self.set_span(body[0].range());
                self.load_const(Constant::Str(doc.into()));
                self.store_name("__doc__");
            }
        }
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        let start = if !self.interactive && docstring(body).is_some() { 1 } else { 0 };
        for s in &body[start..] {
            self.stmt(s)?;
        }
        self.load_const(Constant::None);
        self.emit(Instr::ReturnValue);
        let mut code = self.leave();
        self.set_shape(&mut code, scope, crate::shape::Node::Module(&module.body));
        Ok(code)
    }

    /// The code of `eval()`: the module's single expression statement,
    /// evaluated and returned.
    pub fn compile_eval(mut self, module: &'a ast::ModModule, scope: &'a Scope) -> Result<CodeObject, CompileError> {
        self.enter(scope, "<module>", "<module>", module.range);
        self.u().first_line = 1;
        self.u().span = (0, 0);
        self.emit(Instr::Resume);
        if let [Stmt::Expr(e)] = &module.body[..] {
            self.set_span(e.range);
            self.expr(&e.value)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        Ok(self.leave())
    }

    // ----- statements -----

    fn body(&mut self, b: &'a [Stmt]) -> Result<(), CompileError> {
        for s in b {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &'a Stmt) -> Result<(), CompileError> {
        self.set_span(stmt_head_range(s));
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => {
                if !self.scope().is_function_like() {
                    return self.err("'return' outside function", r.range);
                }
                if let Some(v) = &r.value {
                    self.expr(v)?;
                } else {
                    self.load_const(Constant::None);
                }
                // CPython reports it at the value, compiled by then.
                self.check_except_star_exit(None, r.value.as_ref().map_or(r.range, |v| v.range()))?;
                self.unwind_fblocks(true, None)?;
                self.set_span(r.range);
                self.emit(Instr::ReturnValue);
                Ok(())
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                if self.swap_assign(a)? {
                    return Ok(());
                }
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Copy(1));
                    }
                    self.assign_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.assign_target(&a.target)?;
                }
                if let Expr::Name(n) = &*a.target {
                    if a.simple && !self.scope().is_function_like() {
                        // __annotations__[name] = annotation
                        self.expr(&a.annotation)?;
                        let i = self.add_name("__annotations__");
                        self.emit(Instr::LoadName(i));
                        self.load_const(Constant::Str(self.mangle(&n.id).into()));
                        self.emit(Instr::StoreSubscr);
                    }
                } else if a.value.is_none() {
                    // `x.y: int` evaluates x; `x[i]: int` evaluates x and i.
                    match &*a.target {
                        Expr::Attribute(at) => {
                            self.expr(&at.value)?;
                            self.emit(Instr::PopTop);
                        }
                        Expr::Subscript(sb) => {
                            self.expr(&sb.value)?;
                            self.emit(Instr::PopTop);
                            self.expr(&sb.slice)?;
                            self.emit(Instr::PopTop);
                        }
                        _ => {}
                    }
                }
                Ok(())
            }
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => {
                if w.is_async {
                    return self.err("'async with' outside async function", w.range);
                }
                self.with_stmt(w, 0)
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_span(r.range);
                self.emit(Instr::Raise(n));
                Ok(())
            }
            Stmt::Try(t) => {
                if !t.finalbody.is_empty() {
                    self.try_finally(t)
                } else if t.is_star {
                    self.try_star(t)
                } else {
                    self.try_except(t)
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.cond_jump(&a.test, true, end)?;
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                // CPython locates the raise at the test (the traceback's
                // line and carets).
                self.set_span(a.test.range());
                self.emit(Instr::Raise(1));
                self.bind_label(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    self.set_span(a.range);
                    self.load_const(Constant::Int(BigInt::zero()));
                    self.load_const(Constant::None);
                    let ni = self.add_name(&a.name.id);
                    self.emit(Instr::ImportName(ni));
                    match &a.asname {
                        Some(asn) => {
                            // `import a.b.c as d` binds the submodule.
                            let parts: Vec<&str> = a.name.id.split('.').collect();
                            for p in &parts[1..] {
                                let pi = self.add_name(p);
                                self.emit(Instr::ImportFrom(pi));
                                self.emit(Instr::Swap(2));
                                self.emit(Instr::PopTop);
                            }
                            self.store_name(&asn.id);
                        }
                        None => {
                            let first = a.name.id.split('.').next().unwrap().to_string();
                            self.store_name(&first);
                        }
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                self.load_const(Constant::Int(BigInt::from(i.level)));
                let names: Vec<Constant> = i.names.iter().map(|a| Constant::Str(a.name.id.as_str().into())).collect();
                self.load_const(Constant::Tuple(names.into()));
                let modname = i.module.as_ref().map(|m| m.id.to_string()).unwrap_or_default();
                let ni = self.add_name(&modname);
                self.emit(Instr::ImportName(ni));
                if i.names.len() == 1 && &*i.names[0].name.id == "*" {
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for a in &i.names {
                    self.set_span(a.range);
                    let ni = self.add_name(&a.name.id);
                    self.emit(Instr::ImportFrom(ni));
                    let store = a.asname.as_ref().unwrap_or(&a.name);
                    self.store_name(&store.id);
                }
                self.emit(Instr::PopTop);
                Ok(())
            }
            // `global`/`nonlocal` are declarations: no code, so no line
            // event either (CPython's tracer never stops on them).
            Stmt::Global(_) | Stmt::Nonlocal(_) => Ok(()),
            Stmt::Pass(_) => {
                self.emit(Instr::Nop);
                Ok(())
            }
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(Instr::PrintExpr);
                    return Ok(());
                }
                // A lone constant (e.g. a docstring-like string) compiles to nothing.
                if is_constant_expr(&e.value) {
                    self.emit(Instr::Nop);
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(Instr::PopTop);
                Ok(())
            }
            Stmt::Break(b) => self.break_continue(true, b.range),
            Stmt::Continue(c) => self.break_continue(false, c.range),
            Stmt::TypeAlias(t) => self.err("type alias statements are Python 3.12 syntax", t.range),
            Stmt::IpyEscapeCommand(c) => self.err("invalid syntax", c.range),
        }
    }

    fn break_continue(&mut self, is_break: bool, range: TextRange) -> Result<(), CompileError> {
        // Find the innermost loop, unwinding blocks in between.
        let loop_idx = self.u().fblocks.iter().rposition(|b| matches!(b, FBlock::While { .. } | FBlock::For { .. }));
        self.check_except_star_exit(loop_idx, range)?;
        let Some(idx) = loop_idx else {
            let what = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return self.err(what, range);
        };
        self.unwind_fblocks(false, Some(idx))?;
        let (start, end) = match &self.u().fblocks[idx] {
            FBlock::While { start, end } | FBlock::For { start, end } => (*start, *end),
            _ => unreachable!(),
        };
        if is_break {
            if matches!(self.u().fblocks[idx], FBlock::For { .. }) {
                self.emit(Instr::PopTop);
            }
            self.jump(Instr::Jump, end);
        } else {
            self.jump(Instr::Jump, start);
        }
        Ok(())
    }

    /// Emit the cleanup of every frame block above `stop` (exclusive; all of
    /// them when `stop` is None). `preserve_tos`: a return value sits on top
    /// of the stack and must survive.
    fn unwind_fblocks(&mut self, preserve_tos: bool, stop: Option<usize>) -> Result<(), CompileError> {
        let n = self.u().fblocks.len();
        let lo = stop.map(|s| s + 1).unwrap_or(0);
        let mut i = n;
        while i > lo {
            i -= 1;
            // Temporarily remove the block so that a `finally` body compiled
            // here does not see itself.
            let fb = self.u().fblocks.remove(i);
            let r = self.unwind_one(&fb, preserve_tos);
            self.u().fblocks.insert(i, fb);
            r?;
        }
        Ok(())
    }

    fn unwind_one(&mut self, fb: &FBlock<'a>, preserve_tos: bool) -> Result<(), CompileError> {
        match fb {
            FBlock::While { .. } => {}
            FBlock::For { .. } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::TryExcept => self.emit(Instr::PopBlock),
            FBlock::FinallyTry { body } => {
                self.emit(Instr::PopBlock);
                // The finally body runs with the frame blocks outside it.
                let saved: Vec<FBlock<'a>> = Vec::new();
                let _ = saved;
                self.body(body)?;
            }
            FBlock::FinallyEnd => {
                // Inside the exception path of a finally: [prev, exc] below.
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
            }
            FBlock::With => {
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.load_const(Constant::None);
                self.load_const(Constant::None);
                self.load_const(Constant::None);
                self.emit(Instr::Call(3));
                self.emit(Instr::PopTop);
            }
            FBlock::ExceptHandler => {
                // [prev] below (the handler's cleanup block is set).
                self.emit(Instr::PopBlock);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
            }
            FBlock::ExceptStarHandler => {}
            FBlock::HandlerCleanup { name } => {
                if let Some(name) = name {
                    self.emit(Instr::PopBlock);
                    self.load_const(Constant::None);
                    self.store_name(name);
                    self.delete_name(name);
                }
            }
        }
        Ok(())
    }

    fn if_stmt(&mut self, s: &'a ast::StmtIf) -> Result<(), CompileError> {
        let end = self.new_label();
        let mut next = self.new_label();
        self.cond_jump(&s.test, false, next)?;
        self.body(&s.body)?;
        for clause in &s.elif_else_clauses {
            if !self.falls_off_unreachable(ends_with_jump) {
                self.jump(Instr::Jump, end);
            }
            self.bind_label(next);
            next = self.new_label();
            if let Some(t) = &clause.test {
                self.set_span(t.range());
                self.cond_jump(t, false, next)?;
            }
            self.body(&clause.body)?;
        }
        self.bind_label(next);
        self.bind_label(end);
        Ok(())
    }

    fn while_stmt(&mut self, w: &'a ast::StmtWhile) -> Result<(), CompileError> {
        let start = self.new_label();
        let end = self.new_label();
        let orelse = self.new_label();
        self.bind_label(start);
        self.set_span(w.test.range());
        self.cond_jump(&w.test, false, orelse)?;
        self.u().fblocks.push(FBlock::While { start, end });
        self.body(&w.body)?;
        self.u().fblocks.pop();
        self.set_span(w.test.range());
        self.jump(Instr::Jump, start);
        self.bind_label(orelse);
        self.body(&w.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    fn for_stmt(&mut self, f: &'a ast::StmtFor) -> Result<(), CompileError> {
        if f.is_async {
            return self.err("'async for' outside async function", f.range);
        }
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.iter_expr(&f.iter)?;
        self.set_span(f.iter.range());
        self.emit(Instr::GetIter);
        self.bind_label(start);
        self.set_span(f.target.range());
        self.jump(Instr::ForIter, cleanup);
        self.assign_target(&f.target)?;
        self.u().fblocks.push(FBlock::For { start, end });
        self.body(&f.body)?;
        self.u().fblocks.pop();
        self.set_span(f.iter.range());
        self.jump(Instr::Jump, start);
        self.bind_label(cleanup);
        self.body(&f.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    /// An iterable in `for x in [a, b]` or `x in [a, b]`: a list or set display
    /// of constants is folded to a tuple or frozenset constant.
    fn iter_expr(&mut self, e: &'a Expr) -> Result<(), CompileError> {
        match e {
            Expr::List(l) if !l.elts.iter().any(|x| matches!(x, Expr::Starred(_))) => {
                if let Some(c) = self.const_tuple(&l.elts) {
                    self.load_const(c);
                    return Ok(());
                }
                for x in &l.elts {
                    self.expr(x)?;
                }
                self.emit(Instr::BuildTuple(l.elts.len() as u32));
                Ok(())
            }
            _ => self.expr(e),
        }
    }

    /// The protected body of `try`/`except` and `try`/`except*`: returns
    /// the labels of the handlers (entered with [prev, exc] on the stack)
    /// and of the `else` clause (reached when the body raised nothing).
    fn try_body(&mut self, t: &'a ast::StmtTry) -> Result<(Label, Label), CompileError> {
        let handler = self.new_label();
        let orelse = self.new_label();
        self.jump(Instr::SetupFinally, handler);
        self.u().fblocks.push(FBlock::TryExcept);
        self.body(&t.body)?;
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.jump(Instr::Jump, orelse);
        Ok((handler, orelse))
    }

    /// The end of `try`/`except(*)`: the handlers' cleanup (an exception
    /// raised while handling: restore the previous handled exception and
    /// re-raise), then the `else` clause, then `end`.
    fn try_tail(&mut self, t: &'a ast::StmtTry, cleanup: Label, orelse: Label, end: Label) -> Result<(), CompileError> {
        self.bind_label(cleanup);
        self.emit(Instr::ReraiseCleanup(0));
        self.bind_label(orelse);
        self.body(&t.orelse)?;
        self.bind_label(end);
        Ok(())
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> Result<(), CompileError> {
        let end = self.new_label();
        let (handler, orelse) = self.try_body(t)?;

        // Handlers. Stack on entry: [prev, exc]. As in CPython 3.11, a
        // matching handler consumes `exc` (stores it in the `as` name or pops
        // it), so only the handled-exception record refers to it meanwhile.
        self.bind_label(handler);
        let cleanup = self.new_label();
        self.jump(Instr::SetupCleanup, cleanup);
        for (idx, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_span(h.range);
            let next = self.new_label();
            match &h.type_ {
                Some(ty) => {
                    self.expr(ty)?;
                    self.emit(Instr::CheckExcMatch);
                    self.jump(Instr::PopJumpIfFalse, next);
                }
                None => {
                    if idx + 1 != t.handlers.len() {
                        return self.err("default 'except:' must be last", h.range);
                    }
                }
            }
            match &h.name {
                Some(name) => {
                    self.store_name(&name.id);
                    let name_cleanup = self.new_label();
                    self.jump(Instr::SetupFinally, name_cleanup);
                    self.u().fblocks.push(FBlock::ExceptHandler);
                    self.u().fblocks.push(FBlock::HandlerCleanup { name: Some(&name.id) });
                    self.body(&h.body)?;
                    self.u().fblocks.pop();
                    self.u().fblocks.pop();
                    self.emit(Instr::PopBlock);
                    self.load_const(Constant::None);
                    self.store_name(&name.id);
                    self.delete_name(&name.id);
                    let after = self.new_label();
                    self.jump(Instr::Jump, after);
                    // An exception inside the handler body: unbind the name,
                    // then let the outer cleanup restore the handled exception.
                    self.bind_label(name_cleanup);
                    self.load_const(Constant::None);
                    self.store_name(&name.id);
                    self.delete_name(&name.id);
                    self.emit(Instr::Reraise);
                    self.bind_label(after);
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.u().fblocks.push(FBlock::ExceptHandler);
                    self.body(&h.body)?;
                    self.u().fblocks.pop();
                }
            }
            // Handled: [prev] -> restore prev.
            self.emit(Instr::PopBlock);
            self.emit(Instr::PopExcept);
            self.jump(Instr::Jump, end);
            self.bind_label(next);
        }
        // No handler matched: [prev, exc]; re-raise (restoring prev).
        self.emit(Instr::PopBlock);
        self.emit(Instr::Reraise);
        self.try_tail(t, cleanup, orelse, end)
    }

    /// `break`, `continue` and `return` may not leave an `except*` handler
    /// (frame blocks above `stop`).
    fn check_except_star_exit(&mut self, stop: Option<usize>, range: TextRange) -> Result<(), CompileError> {
        let lo = stop.map(|s| s + 1).unwrap_or(0);
        if self.u().fblocks[lo..].iter().any(|b| matches!(b, FBlock::ExceptStarHandler)) {
            return self.err("'break', 'continue' and 'return' cannot appear in an except* block", range);
        }
        Ok(())
    }

    /// `try`/`except*` (PEP 654). Each clause takes the part of the
    /// exception its types match (CheckEgMatch), runs with it as the handled
    /// exception, and what it raises is collected in a list; the rest goes
    /// on to the next clause. At the end PrepReraiseStar builds what is
    /// raised again from the caught exception and that list (the
    /// unhandled rest last), or None when everything was handled.
    fn try_star(&mut self, t: &'a ast::StmtTry) -> Result<(), CompileError> {
        let end = self.new_label();
        let (handler, orelse) = self.try_body(t)?;

        // Stack on entry: [prev, orig].
        self.bind_label(handler);
        let cleanup = self.new_label();
        self.jump(Instr::SetupCleanup, cleanup);
        self.emit(Instr::BuildList(0));
        self.emit(Instr::Copy(2));
        // [prev, orig, raised, exc]
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_span(h.range);
            let Some(ty) = &h.type_ else {
                return self.err("expected one or more exception types", h.range);
            };
            let next = self.new_label();
            let no_match = self.new_label();
            self.expr(ty)?;
            self.set_span(h.range);
            // [.., exc, T] -> [.., rest, match]
            self.emit(Instr::CheckEgMatch);
            self.emit(Instr::Copy(1));
            self.jump(Instr::PopJumpIfNone, no_match);
            match &h.name {
                Some(name) => self.store_name(&name.id),
                None => self.emit(Instr::PopTop),
            }
            // [prev, orig, raised, rest]
            let failed = self.new_label();
            self.jump(Instr::SetupFinally, failed);
            self.u().fblocks.push(FBlock::ExceptStarHandler);
            self.body(&h.body)?;
            self.u().fblocks.pop();
            self.emit(Instr::PopBlock);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.store_name(&name.id);
                self.delete_name(&name.id);
            }
            self.jump(Instr::Jump, next);
            // The handler raised: [.., raised, rest, match, new]. The new
            // exception joins the list; the match is handled again.
            self.bind_label(failed);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.store_name(&name.id);
                self.delete_name(&name.id);
            }
            self.emit(Instr::ListAppend(3));
            self.emit(Instr::PopExcept);
            self.jump(Instr::Jump, next);
            self.bind_label(no_match);
            self.emit(Instr::PopTop);
            self.bind_label(next);
        }
        // [prev, orig, raised, rest]
        self.emit(Instr::ListAppend(1));
        self.emit(Instr::PrepReraiseStar);
        // [prev, result]
        let reraise = self.new_label();
        self.emit(Instr::Copy(1));
        self.jump(Instr::PopJumpIfNotNone, reraise);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopBlock);
        self.emit(Instr::PopExcept);
        self.jump(Instr::Jump, end);
        self.bind_label(reraise);
        self.emit(Instr::PopBlock);
        self.emit(Instr::Reraise);
        self.try_tail(t, cleanup, orelse, end)
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> Result<(), CompileError> {
        let exc_path = self.new_label();
        let end = self.new_label();
        self.jump(Instr::SetupFinally, exc_path);
        self.u().fblocks.push(FBlock::FinallyTry { body: &t.finalbody });
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else if t.is_star {
            self.try_star(t)?;
        } else {
            self.try_except(t)?;
        }
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.body(&t.finalbody)?;
        self.jump(Instr::Jump, end);

        // Exception path: [prev, exc].
        self.bind_label(exc_path);
        let cleanup = self.new_label();
        self.jump(Instr::SetupFinally, cleanup);
        self.u().fblocks.push(FBlock::FinallyEnd);
        self.body(&t.finalbody)?;
        self.u().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.emit(Instr::Reraise);
        self.bind_label(cleanup);
        self.emit(Instr::ReraiseCleanup(1));
        self.bind_label(end);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, item: usize) -> Result<(), CompileError> {
        let it = &w.items[item];
        self.set_span(it.context_expr.range());
        self.expr(&it.context_expr)?;
        self.emit(Instr::BeforeWith);
        let exc_path = self.new_label();
        let end = self.new_label();
        self.jump(Instr::SetupWith, exc_path);
        match &it.optional_vars {
            Some(t) => self.assign_target(t)?,
            None => self.emit(Instr::PopTop),
        }
        self.u().fblocks.push(FBlock::With);
        if item + 1 < w.items.len() {
            self.with_stmt(w, item + 1)?;
        } else {
            self.body(&w.body)?;
        }
        self.u().fblocks.pop();
        self.set_span(w.range);
        self.emit(Instr::PopBlock);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Instr::Call(3));
        self.emit(Instr::PopTop);
        self.jump(Instr::Jump, end);

        // [exit, prev, exc]
        self.bind_label(exc_path);
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.jump(Instr::SetupFinally, cleanup);
        self.emit(Instr::WithExceptStart);
        self.emit(Instr::PopBlock);
        self.jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.bind_label(suppress);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.jump(Instr::Jump, end);
        self.bind_label(cleanup);
        self.emit(Instr::ReraiseCleanup(1));
        self.bind_label(end);
        Ok(())
    }

    fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> Result<(), CompileError> {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            if i + 1 < n && case.guard.is_none() {
                if let Some(msg) = irrefutable_message(&case.pattern) {
                    return self.err(msg, case.pattern.range());
                }
            }
            let next = self.new_label();
            self.set_span(case.pattern.range());
            let mut values: Vec<&'a Expr> = Vec::new();
            let mut captures: Vec<String> = Vec::new();
            let pattern = self.build_pattern(&case.pattern, &mut values, &mut captures)?;
            for v in &values {
                self.expr(v)?;
            }
            let info = MatchCaseInfo { pattern, nvalues: values.len() as u32, ncaptures: captures.len() as u32 };
            self.u().match_cases.push(info);
            let idx = self.u().match_cases.len() as u32 - 1;
            self.emit(Instr::MatchCase(idx));
            self.jump(Instr::PopJumpIfFalse, next);
            for name in captures.iter().rev() {
                self.store_name(name);
            }
            if let Some(g) = &case.guard {
                self.cond_jump(g, false, next)?;
            }
            self.emit(Instr::PopTop);
            self.body(&case.body)?;
            self.jump(Instr::Jump, end);
            self.bind_label(next);
        }
        self.emit(Instr::PopTop);
        self.bind_label(end);
        Ok(())
    }

    fn capture(&self, name: &str, captures: &mut Vec<String>, range: TextRange) -> Result<usize, CompileError> {
        if captures.iter().any(|c| c == name) {
            return self.err(format!("multiple assignments to name '{}' in pattern", name), range);
        }
        captures.push(name.to_string());
        Ok(captures.len() - 1)
    }

    fn build_pattern(&self, p: &'a ast::Pattern, values: &mut Vec<&'a Expr>, captures: &mut Vec<String>) -> Result<MatchPattern, CompileError> {
        use ast::Pattern as P;
        Ok(match p {
            P::MatchValue(v) => {
                values.push(&v.value);
                MatchPattern::Value(values.len() - 1)
            }
            P::MatchSingleton(s) => MatchPattern::Singleton(match s.value {
                ast::Singleton::None => Constant::None,
                ast::Singleton::True => Constant::True,
                ast::Singleton::False => Constant::False,
            }),
            P::MatchSequence(s) => {
                let stars = s.patterns.iter().filter(|x| matches!(x, P::MatchStar(_))).count();
                if stars > 1 {
                    return self.err("multiple starred names in sequence pattern", s.range);
                }
                let star = s.patterns.iter().position(|x| matches!(x, P::MatchStar(_)));
                let items = s.patterns.iter().map(|x| self.build_pattern(x, values, captures)).collect::<Result<Vec<_>, _>>()?;
                MatchPattern::Sequence { items, star }
            }
            P::MatchStar(s) => match &s.name {
                Some(n) => MatchPattern::Star(Some(self.capture(&n.id, captures, s.range)?)),
                None => MatchPattern::Star(None),
            },
            P::MatchMapping(mm) => {
                let mut keys = Vec::new();
                for k in mm.keys.iter() {
                    values.push(k);
                    keys.push(values.len() - 1);
                }
                let vals = mm.patterns.iter().map(|x| self.build_pattern(x, values, captures)).collect::<Result<Vec<_>, _>>()?;
                let rest = match &mm.rest {
                    Some(r) => Some(self.capture(&r.id, captures, mm.range)?),
                    None => None,
                };
                MatchPattern::Mapping { keys, values: vals, rest }
            }
            P::MatchClass(c) => {
                values.push(&c.cls);
                let cls = values.len() - 1;
                let positional = c.arguments.patterns.iter().map(|x| self.build_pattern(x, values, captures)).collect::<Result<Vec<_>, _>>()?;
                let mut keywords = Vec::new();
                for k in &c.arguments.keywords {
                    if keywords.iter().any(|(n, _): &(Rc<str>, MatchPattern)| **n == *k.attr.id.as_str()) {
                        return self.err(format!("attribute name repeated in class pattern: {}", k.attr.id), k.range);
                    }
                    keywords.push((Rc::from(k.attr.id.as_str()), self.build_pattern(&k.pattern, values, captures)?));
                }
                MatchPattern::Class { cls, positional, keywords }
            }
            P::MatchAs(a) => {
                let pattern = match &a.pattern {
                    Some(x) => Some(Box::new(self.build_pattern(x, values, captures)?)),
                    None => None,
                };
                let capture = match &a.name {
                    Some(n) => Some(self.capture(&n.id, captures, a.range)?),
                    None => None,
                };
                MatchPattern::As { pattern, capture }
            }
            P::MatchOr(o) => {
                // Every alternative binds the same names, into shared slots.
                let mut alts = Vec::new();
                let mut names: Option<Vec<String>> = None;
                let base = captures.clone();
                for x in &o.patterns {
                    let mut local = base.clone();
                    let alt = self.build_pattern(x, values, &mut local)?;
                    let mut bound: Vec<String> = local[base.len()..].to_vec();
                    bound.sort();
                    match &names {
                        None => {
                            *captures = local.clone();
                            names = Some(bound);
                        }
                        Some(n) if *n != bound => return self.err("alternative patterns bind different names", o.range),
                        _ => {}
                    }
                    alts.push((alt, local));
                }
                // Remap each alternative's slots onto the first's order.
                let mut out = Vec::new();
                for (alt, local) in alts {
                    let map: Vec<usize> = local.iter().map(|n| captures.iter().position(|c| c == n).unwrap()).collect();
                    out.push(remap_captures(alt, &map));
                }
                MatchPattern::Or(out)
            }
        })
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> Result<(), CompileError> {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(&n.id);
                self.expr(&a.value)?;
                self.set_span(a.range);
                self.emit(Instr::InplaceOp(op));
                self.store_name(&n.id);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Instr::Copy(1));
                let i = self.add_name(&self.mangle(&at.attr.id));
                self.emit(Instr::LoadAttr(i));
                self.expr(&a.value)?;
                self.set_span(a.range);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.expr(&a.value)?;
                self.set_span(a.range);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            other => return self.err("'expression' is an illegal expression for augmented assignment", other.range()),
        }
        Ok(())
    }

    fn assign_target(&mut self, t: &'a Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => {
                if &*n.id == "__debug__" {
                    return self.err("cannot assign to __debug__", n.range);
                }
                self.store_name(&n.id);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.add_name(&self.mangle(&a.attr.id));
                self.set_span(a.range);
                self.emit(Instr::StoreAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_span(s.range);
                self.emit(Instr::StoreSubscr);
            }
            Expr::Tuple(tu) => self.unpack(&tu.elts, tu.range)?,
            Expr::List(l) => self.unpack(&l.elts, l.range)?,
            Expr::Starred(s) => return self.err("starred assignment target must be in a list or tuple", s.range),
            other => return self.err(format!("cannot assign to {}", expr_kind_name(other)), other.range()),
        }
        Ok(())
    }

    fn unpack(&mut self, elts: &'a [Expr], range: TextRange) -> Result<(), CompileError> {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        self.set_span(range);
        match star {
            Some(i) => {
                if elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count() > 1 {
                    return self.err("multiple starred expressions in assignment", range);
                }
                let after = elts.len() - i - 1;
                if i > 255 || after > 255 {
                    return self.err("too many expressions in star-unpacking assignment", range);
                }
                self.emit(Instr::UnpackEx(i as u32 | ((after as u32) << 8)));
            }
            None => self.emit(Instr::UnpackSequence(elts.len() as u32)),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.assign_target(&s.value)?,
                _ => self.assign_target(e)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> Result<(), CompileError> {
        match t {
            Expr::Name(n) => self.delete_name(&n.id),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let i = self.add_name(&self.mangle(&a.attr.id));
                self.emit(Instr::DeleteAttr(i));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.delete_target(e)?;
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.delete_target(e)?;
                }
            }
            other => return self.err(format!("cannot delete {}", expr_kind_name(other)), other.range()),
        }
        Ok(())
    }

    // ----- definitions -----

    fn qualname_for(&self, name: &str) -> String {
        // The qualified name: enclosing functions contribute `f.<locals>.`,
        // classes `C.`.
        let parent = self.units.last().unwrap();
        match parent.scope.kind {
            ScopeKind::Module => name.to_string(),
            // A comprehension's code adds no `<locals>` (CPython 3.11).
            ScopeKind::Class | ScopeKind::Comprehension => format!("{}.{}", parent.qualname, name),
            _ => format!("{}.<locals>.{}", parent.qualname, name),
        }
    }

    fn defaults(&mut self, p: &'a ast::Parameters) -> Result<u32, CompileError> {
        let mut flags = 0;
        let pos: Vec<&ast::ParameterWithDefault> = p.posonlyargs.iter().chain(p.args.iter()).collect();
        let ndefaults = pos.iter().filter(|a| a.default.is_some()).count();
        if ndefaults > 0 {
            let defs: Vec<&Expr> = pos.iter().filter_map(|a| a.default.as_deref()).collect();
            let consts: Option<Vec<Constant>> = defs.iter().map(|d| self.const_value(d)).collect();
            match consts {
                Some(c) => {
                    // Each default is loaded, then CPython's optimizer folds
                    // the tuple built of them: the values stay among the
                    // constants, the tuple comes after every other.
                    for x in &c {
                        self.add_const(x.clone());
                    }
                    let at = self.u().instrs.len();
                    self.emit(Instr::LoadConst(0));
                    self.u().deferred.push((at, Constant::Tuple(c.into())));
                }
                None => {
                    for d in &defs {
                        self.expr(d)?;
                    }
                    self.emit(Instr::BuildTuple(defs.len() as u32));
                }
            }
            flags |= make_function::DEFAULTS;
        }
        let kwd: Vec<&ast::ParameterWithDefault> = p.kwonlyargs.iter().filter(|a| a.default.is_some()).collect();
        if !kwd.is_empty() {
            let mut keys = Vec::new();
            for a in &kwd {
                keys.push(Constant::Str(self.mangle(&a.parameter.name.id).into()));
                self.expr(a.default.as_ref().unwrap())?;
            }
            self.load_const(Constant::Tuple(keys.into()));
            self.emit(Instr::BuildConstKeyMap(kwd.len() as u32));
            flags |= make_function::KWDEFAULTS;
        }
        Ok(flags)
    }

    fn annotations(&mut self, p: Option<&'a ast::Parameters>, returns: Option<&'a Expr>) -> Result<u32, CompileError> {
        let mut n = 0u32;
        let mut keys = Vec::new();
        if let Some(p) = p {
            let all = p.posonlyargs.iter().chain(p.args.iter());
            for a in all {
                if let Some(an) = &a.parameter.annotation {
                    keys.push(Constant::Str(self.mangle(&a.parameter.name.id).into()));
                    self.expr(an)?;
                    n += 1;
                }
            }
            if let Some(v) = &p.vararg {
                if let Some(an) = &v.annotation {
                    keys.push(Constant::Str(self.mangle(&v.name.id).into()));
                    self.expr(an)?;
                    n += 1;
                }
            }
            for a in p.kwonlyargs.iter() {
                if let Some(an) = &a.parameter.annotation {
                    keys.push(Constant::Str(self.mangle(&a.parameter.name.id).into()));
                    self.expr(an)?;
                    n += 1;
                }
            }
            if let Some(v) = &p.kwarg {
                if let Some(an) = &v.annotation {
                    keys.push(Constant::Str(self.mangle(&v.name.id).into()));
                    self.expr(an)?;
                    n += 1;
                }
            }
        }
        if let Some(r) = returns {
            keys.push(Constant::Str("return".into()));
            self.expr(r)?;
            n += 1;
        }
        if n == 0 {
            return Ok(0);
        }
        self.load_const(Constant::Tuple(keys.into()));
        self.emit(Instr::BuildConstKeyMap(n));
        Ok(make_function::ANNOTATIONS)
    }

    /// Push the closure tuple for `scope` (if it has free variables) and the
    /// code object, then `MakeFunction`.
    fn make_closure(&mut self, code: CodeObject, mut flags: u32) {
        if !code.freevars.is_empty() {
            for fv in code.freevars.clone().iter() {
                // The free variable comes from this unit's cells or frees.
                let slot = self.deref_slot(fv);
                self.emit(Instr::LoadClosure(slot));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= make_function::CLOSURE;
        }
        self.load_const(Constant::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction(flags));
    }

    fn set_params(&mut self, p: &ast::Parameters) {
        let u = self.u();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonly = p.posonlyargs.len() as u32;
        u.kwonly = p.kwonlyargs.len() as u32;
        u.flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS;
        if p.vararg.is_some() {
            u.flags |= code_flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= code_flags::VARKEYWORDS;
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> Result<(), CompileError> {
        if f.is_async {
            return self.err("async functions are not supported by refscope yet", f.range);
        }
        for d in &f.decorator_list {
            self.set_span(d.range);
            self.expr(&d.expression)?;
        }
        self.set_span(f.name.range);
        let mut flags = self.defaults(&f.parameters)?;
        flags |= self.annotations(Some(&f.parameters), f.returns.as_deref())?;
        let scope = self.child_scope(f.range)?;
        let qualname = self.qualname_for(&f.name.id);
        self.enter(scope, &f.name.id, &qualname, f.range);
        self.set_params(&f.parameters);
        if self.units.len() > 2 {
            self.u().flags |= code_flags::NESTED;
        }
        let body = &f.body[..];
        let doc = docstring(body);
        match doc {
            Some(d) => {
                self.add_const(Constant::Str(d.into()));
                self.u().has_docstring = true;
            }
            None => {
                self.add_const(Constant::None);
            }
        }
        self.set_span(f.range);
        self.emit(Instr::Resume);
        let start = if doc.is_some() { 1 } else { 0 };
        for s in &body[start..] {
            self.stmt(s)?;
        }
        if !self.falls_off_unreachable(ends_with_return) {
            self.load_const(Constant::None);
            self.emit(Instr::ReturnValue);
        }
        let mut code = self.leave();
        self.set_shape(&mut code, scope, crate::shape::Node::Function(f));
        self.set_span(f.name.range);
        self.make_closure(code, flags);
        for _ in &f.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(&f.name.id);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> Result<(), CompileError> {
        for d in &c.decorator_list {
            self.set_span(d.range);
            self.expr(&d.expression)?;
        }
        self.set_span(c.name.range);
        self.emit(Instr::LoadBuildClass);
        let scope = self.child_scope(c.range)?;
        let qualname = self.qualname_for(&c.name.id);
        self.enter(scope, &c.name.id, &qualname, c.range);
        self.emit(Instr::Resume);
        // __module__ = __name__; __qualname__ = '...'
        let i = self.add_name("__name__");
        self.emit(Instr::LoadName(i));
        let i = self.add_name("__module__");
        self.emit(Instr::StoreName(i));
        self.load_const(Constant::Str(qualname.as_str().into()));
        let i = self.add_name("__qualname__");
        self.emit(Instr::StoreName(i));
        let body = &c.body[..];
        if let Some(d) = docstring(body) {
            self.set_span(body[0].range());
            self.load_const(Constant::Str(d.into()));
            let i = self.add_name("__doc__");
            self.emit(Instr::StoreName(i));
        }
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        let start = if docstring(body).is_some() { 1 } else { 0 };
        for s in &body[start..] {
            self.stmt(s)?;
        }
        if scope.needs_class_cell {
            let slot = self.deref_slot("__class__");
            self.emit(Instr::LoadClosure(slot));
            self.emit(Instr::Copy(1));
            let i = self.add_name("__classcell__");
            self.emit(Instr::StoreName(i));
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        let mut code = self.leave();
        self.set_shape(&mut code, scope, crate::shape::Node::Class(c));
        self.set_span(c.name.range);
        self.make_closure(code, 0);
        self.load_const(Constant::Str(c.name.id.as_str().into()));
        // Bases and keywords: the call __build_class__(func, name, *bases, **kw).
        let (args, keywords): (&[Expr], &[ast::Keyword]) = match &c.arguments {
            Some(a) => (&a.args, &a.keywords),
            None => (&[], &[]),
        };
        self.call_body(2, args, keywords, c.range, false)?;
        for _ in &c.decorator_list {
            self.emit(Instr::Call(1));
        }
        self.store_name(&c.name.id);
        Ok(())
    }

    /// `a, b = b, a` (one to three names, no star, values not a constant
    /// tuple): CPython 3.11's peephole turns the tuple built and unpacked
    /// into a SWAP, so no tuple is made (the allocation counts see it).
    fn swap_assign(&mut self, a: &'a ast::StmtAssign) -> Result<bool, CompileError> {
        let [target] = &a.targets[..] else { return Ok(false) };
        let targets = match target {
            Expr::Tuple(t) => &t.elts,
            Expr::List(l) => &l.elts,
            _ => return Ok(false),
        };
        let Expr::Tuple(values) = &*a.value else { return Ok(false) };
        let n = targets.len();
        let starred = |e: &Expr| matches!(e, Expr::Starred(_));
        if n == 0 || n > 3 || values.elts.len() != n || targets.iter().any(starred) || values.elts.iter().any(starred) {
            return Ok(false);
        }
        if self.const_value(&a.value).is_some() {
            return Ok(false);
        }
        for v in &values.elts {
            self.expr(v)?;
        }
        if n > 1 {
            self.emit(Instr::Swap(n as u32));
        }
        for t in targets {
            self.assign_target(t)?;
        }
        Ok(true)
    }

    // ----- expressions -----

    /// The value of `e` if it is a constant expression (after folding).
    pub(crate) fn const_value(&self, e: &Expr) -> Option<Constant> {
        match e {
            Expr::NumberLiteral(n) => Some(match &n.value {
                ast::Number::Int(i) => Constant::Int(int_literal(i)?),
                ast::Number::Float(f) => Constant::Float(*f),
                ast::Number::Complex { real, imag } => Constant::Complex(*real, *imag),
            }),
            Expr::StringLiteral(s) => Some(Constant::Str(s.value.to_str().into())),
            Expr::BytesLiteral(b) => Some(Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into())),
            Expr::BooleanLiteral(b) => Some(if b.value { Constant::True } else { Constant::False }),
            Expr::NoneLiteral(_) => Some(Constant::None),
            Expr::EllipsisLiteral(_) => Some(Constant::Ellipsis),
            Expr::Tuple(t) => self.const_tuple(&t.elts),
            Expr::UnaryOp(u) => {
                let v = self.const_value(&u.operand)?;
                let op = match u.op {
                    ast::UnaryOp::USub => UnaryOp::Neg,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                };
                self.folder.unary(op, &v)
            }
            Expr::BinOp(b) => {
                let l = self.const_value(&b.left)?;
                let r = self.const_value(&b.right)?;
                let op = binop(b.op);
                if !fold_is_safe(op, &l, &r) {
                    return None;
                }
                let v = self.folder.binop(op, &l, &r)?;
                if const_too_big(&v) {
                    return None;
                }
                Some(v)
            }
            Expr::Subscript(s) => {
                if s.ctx != ast::ExprContext::Load {
                    return None;
                }
                let v = self.const_value(&s.value)?;
                if matches!(&*s.slice, Expr::Slice(_)) {
                    return None;
                }
                let i = self.const_value(&s.slice)?;
                self.folder.subscript(&v, &i)
            }
            _ => None,
        }
    }

    fn const_tuple(&self, elts: &[Expr]) -> Option<Constant> {
        if elts.len() > 256 * 64 {
            return None;
        }
        let mut v = Vec::with_capacity(elts.len());
        for e in elts {
            if matches!(e, Expr::Starred(_)) {
                return None;
            }
            v.push(self.const_value(e)?);
        }
        Some(Constant::Tuple(v.into()))
    }

    fn expr(&mut self, e: &'a Expr) -> Result<(), CompileError> {
        if let Some(c) = self.const_value(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        match b.op {
                            ast::BoolOp::And => self.jump(Instr::JumpIfFalseOrPop, end),
                            ast::BoolOp::Or => self.jump(Instr::JumpIfTrueOrPop, end),
                        }
                    }
                }
                self.bind_label(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.assign_target(&n.target)?;
            }
            Expr::BinOp(b) if b.op == ast::Operator::Mod && self.percent_format(b)? => {}
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                let old = self.set_span(b.range);
                self.emit(Instr::BinaryOp(binop(b.op)));
                self.restore_span(old);
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                let old = self.set_span(u.range);
                self.emit(Instr::Unary(match u.op {
                    ast::UnaryOp::USub => UnaryOp::Neg,
                    ast::UnaryOp::UAdd => UnaryOp::Pos,
                    ast::UnaryOp::Invert => UnaryOp::Invert,
                    ast::UnaryOp::Not => UnaryOp::Not,
                }));
                self.restore_span(old);
            }
            Expr::Lambda(l) => {
                let mut flags = 0;
                if let Some(p) = &l.parameters {
                    flags = self.defaults(p)?;
                }
                let scope = self.child_scope(l.range)?;
                let qualname = self.qualname_for("<lambda>");
                self.enter(scope, "<lambda>", &qualname, l.range);
                match &l.parameters {
                    Some(p) => self.set_params(p),
                    None => self.u().flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS,
                }
                self.add_const(Constant::None);
                self.set_span(l.range);
                self.emit(Instr::Resume);
                self.expr(&l.body)?;
                if !scope.is_generator {
                    self.emit(Instr::ReturnValue);
                } else {
                    self.emit(Instr::PopTop);
                    self.load_const(Constant::None);
                    self.emit(Instr::ReturnValue);
                }
                let mut code = self.leave();
                self.set_shape(&mut code, scope, crate::shape::Node::Lambda(l));
                self.make_closure(code, flags);
            }
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.cond_jump(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.jump(Instr::Jump, end);
                self.bind_label(orelse);
                self.expr(&i.orelse)?;
                self.bind_label(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => {
                self.starred_collection(&s.elts, Instr::BuildSet, Instr::SetAdd, Instr::SetUpdate, true)?;
            }
            Expr::ListComp(c) => self.comprehension(CompKind::List, &c.generators, &c.elt, None, c.range)?,
            Expr::SetComp(c) => self.comprehension(CompKind::Set, &c.generators, &c.elt, None, c.range)?,
            Expr::Generator(c) => self.comprehension(CompKind::Gen, &c.generators, &c.elt, None, c.range)?,
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return self.err("dict unpacking cannot be used in dict comprehension", c.range);
                };
                self.comprehension(CompKind::Dict, &c.generators, key, Some(&c.value), c.range)?
            }
            Expr::Await(a) => return self.err("'await' outside async function", a.range),
            Expr::Yield(y) => {
                if !self.scope().is_function_like() {
                    return self.err("'yield' outside function", y.range);
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                if !self.scope().is_function_like() {
                    return self.err("'yield' outside function", y.range);
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Constant::None);
                let end = self.new_label();
                let l = self.new_label();
                self.bind_label(l);
                self.jump(Instr::Send, end);
                self.emit(Instr::YieldValue);
                self.jump(Instr::Jump, l);
                self.bind_label(end);
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => return self.err("template strings are Python 3.14 syntax", t.range),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                // Only reachable for ints the folder refused.
                if let Expr::NumberLiteral(n) = e {
                    if let ast::Number::Int(i) = &n.value {
                        match int_literal(i) {
                            Some(v) => self.load_const(Constant::Int(v)),
                            None => return self.err("invalid integer literal", n.range),
                        }
                    }
                }
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let old = self.set_span(a.range);
                let i = self.add_name(&self.mangle(&a.attr.id));
                self.emit(Instr::LoadAttr(i));
                self.restore_span(old);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                let old = self.set_span(s.range);
                self.emit(Instr::BinarySubscr);
                self.restore_span(old);
            }
            Expr::Starred(s) => return self.err("can't use starred expression here", s.range),
            Expr::Name(n) => {
                let old = self.set_span(n.range);
                self.load_name(&n.id);
                self.restore_span(old);
            }
            Expr::List(l) => {
                self.starred_collection(&l.elts, Instr::BuildList, Instr::ListAppend, Instr::ListExtend, false)?;
            }
            Expr::Tuple(t) => {
                if t.elts.iter().any(|x| matches!(x, Expr::Starred(_))) {
                    self.starred_collection(&t.elts, Instr::BuildList, Instr::ListAppend, Instr::ListExtend, false)?;
                    self.emit(Instr::ListToTuple);
                } else {
                    for x in &t.elts {
                        self.expr(x)?;
                    }
                    self.emit(Instr::BuildTuple(t.elts.len() as u32));
                }
            }
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(v) => self.expr(v)?,
                        None => self.load_const(Constant::None),
                    }
                }
                match &s.step {
                    Some(v) => {
                        self.expr(v)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            Expr::IpyEscapeCommand(c) => return self.err("invalid syntax", c.range),
        }
        Ok(())
    }

    /// Build a list/set (or a tuple through a list) from elements that may be
    /// starred.
    fn starred_collection(
        &mut self,
        elts: &'a [Expr],
        build: fn(u32) -> Instr,
        _add: fn(u32) -> Instr,
        extend: fn(u32) -> Instr,
        is_set: bool,
    ) -> Result<(), CompileError> {
        let has_star = elts.iter().any(|x| matches!(x, Expr::Starred(_)));
        if !has_star {
            // A list/set of 3+ constants is built from a constant tuple, as
            // CPython does.
            if elts.len() > 2 {
                if let Some(c) = self.const_tuple(elts) {
                    self.emit(build(0));
                    if is_set {
                        if let Constant::Tuple(items) = c {
                            self.load_const(Constant::FrozenSet(items));
                        }
                    } else {
                        self.load_const(c);
                    }
                    self.emit(extend(1));
                    return Ok(());
                }
            }
            for x in elts {
                self.expr(x)?;
            }
            self.emit(build(elts.len() as u32));
            return Ok(());
        }
        let mut pending = 0u32;
        let mut built = false;
        for x in elts {
            match x {
                Expr::Starred(s) => {
                    if !built {
                        self.emit(build(pending));
                        built = true;
                        pending = 0;
                    } else if pending > 0 {
                        // Unreachable: pending items are appended eagerly.
                    }
                    self.expr(&s.value)?;
                    self.emit(extend(1));
                }
                _ => {
                    self.expr(x)?;
                    if built {
                        self.emit(_add(1));
                    } else {
                        pending += 1;
                    }
                }
            }
        }
        if !built {
            self.emit(build(pending));
        }
        Ok(())
    }

    /// A dict display as CPython 3.11 compiles it (`compiler_dict`): runs
    /// of keyed items become one dict each (`dict_subset`), merged with
    /// DICT_UPDATE, as are `**` items; a run ends at a `**` item or once it
    /// would pass half the stack guideline (then it takes the item too).
    fn dict_display(&mut self, d: &'a ast::ExprDict) -> Result<(), CompileError> {
        let n = d.items.len();
        let mut have_dict = false;
        let mut elements = 0usize;
        for i in 0..n {
            match &d.items[i].key {
                None => {
                    if elements > 0 {
                        self.dict_subset(&d.items[i - elements..i])?;
                        if have_dict {
                            self.emit(Instr::DictUpdate(1));
                        }
                        have_dict = true;
                        elements = 0;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&d.items[i].value)?;
                    self.emit(Instr::DictUpdate(1));
                }
                Some(_) if elements * 2 > STACK_USE_GUIDELINE => {
                    self.dict_subset(&d.items[i - elements..=i])?;
                    if have_dict {
                        self.emit(Instr::DictUpdate(1));
                    }
                    have_dict = true;
                    elements = 0;
                }
                Some(_) => elements += 1,
            }
        }
        if elements > 0 {
            self.dict_subset(&d.items[n - elements..n])?;
            if have_dict {
                self.emit(Instr::DictUpdate(1));
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Instr::BuildMap(0));
        }
        Ok(())
    }

    /// CPython's `compiler_subdict`: constant keys (more than one, a run
    /// within the guideline) as BUILD_CONST_KEY_MAP; a big run as an empty
    /// dict and MAP_ADD per item; else BUILD_MAP of the run.
    fn dict_subset(&mut self, items: &'a [ast::DictItem]) -> Result<(), CompileError> {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let keys: Option<Vec<Constant>> = items.iter().map(|i| i.key.as_ref().and_then(|k| self.const_value(k))).collect();
            if let Some(keys) = keys {
                for it in items {
                    self.expr(&it.value)?;
                }
                self.load_const(Constant::Tuple(keys.into()));
                self.emit(Instr::BuildConstKeyMap(n as u32));
                return Ok(());
            }
        }
        if big {
            self.emit(Instr::BuildMap(0));
        }
        for it in items {
            if let Some(k) = &it.key {
                self.expr(k)?;
            }
            self.expr(&it.value)?;
            if big {
                self.emit(Instr::MapAdd(1));
            }
        }
        if !big {
            self.emit(Instr::BuildMap(n as u32));
        }
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> Result<(), CompileError> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.compare_operand(&c.comparators[0], c.ops[0])?;
            let old = self.set_span(c.range);
            self.cmp_instr(c.ops[0]);
            self.restore_span(old);
            return Ok(());
        }
        // a < b < c: [a] b -> Swap/Copy chain with short-circuit.
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n {
            if i + 1 < n {
                self.expr(&c.comparators[i])?;
            } else {
                self.compare_operand(&c.comparators[i], c.ops[i])?;
            }
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                let old = self.set_span(c.range);
                self.cmp_instr(c.ops[i]);
                self.restore_span(old);
                self.jump(Instr::JumpIfFalseOrPop, cleanup);
            } else {
                let old = self.set_span(c.range);
                self.cmp_instr(c.ops[i]);
                self.restore_span(old);
            }
        }
        self.jump(Instr::Jump, end);
        self.bind_label(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.bind_label(end);
        Ok(())
    }

    fn compare_operand(&mut self, e: &'a Expr, op: ast::CmpOp) -> Result<(), CompileError> {
        if matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
            match e {
                Expr::List(_) => return self.iter_expr(e),
                Expr::Set(s) if !s.elts.iter().any(|x| matches!(x, Expr::Starred(_))) => {
                    if let Some(Constant::Tuple(items)) = self.const_tuple(&s.elts) {
                        self.load_const(Constant::FrozenSet(items));
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        self.expr(e)
    }

    fn cmp_instr(&mut self, op: ast::CmpOp) {
        self.emit(match op {
            ast::CmpOp::Eq => Instr::CompareOp(CmpOp::Eq),
            ast::CmpOp::NotEq => Instr::CompareOp(CmpOp::Ne),
            ast::CmpOp::Lt => Instr::CompareOp(CmpOp::Lt),
            ast::CmpOp::LtE => Instr::CompareOp(CmpOp::Le),
            ast::CmpOp::Gt => Instr::CompareOp(CmpOp::Gt),
            ast::CmpOp::GtE => Instr::CompareOp(CmpOp::Ge),
            ast::CmpOp::Is => Instr::IsOp(0),
            ast::CmpOp::IsNot => Instr::IsOp(1),
            ast::CmpOp::In => Instr::ContainsOp(0),
            ast::CmpOp::NotIn => Instr::ContainsOp(1),
        });
    }

    /// Jump to `target` when `e` is truthy (`jump_if` true) or falsy.
    fn cond_jump(&mut self, e: &'a Expr, jump_if: bool, target: Label) -> Result<(), CompileError> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => return self.cond_jump(&u.operand, !jump_if, target),
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != jump_if {
                    // and/jump-if-false or or/jump-if-true: every operand jumps to target.
                    for v in &b.values {
                        self.cond_jump(v, jump_if, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.cond_jump(v, !jump_if, skip)?;
                        } else {
                            self.cond_jump(v, jump_if, target)?;
                        }
                    }
                    self.bind_label(skip);
                }
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() == 1 && matches!(c.ops[0], ast::CmpOp::Is | ast::CmpOp::IsNot) => {
                if matches!(&c.comparators[0], Expr::NoneLiteral(_)) {
                    self.expr(&c.left)?;
                    let is = c.ops[0] == ast::CmpOp::Is;
                    if is == jump_if {
                        self.jump(Instr::PopJumpIfNone, target);
                    } else {
                        self.jump(Instr::PopJumpIfNotNone, target);
                    }
                    return Ok(());
                }
            }
            _ => {}
        }
        self.expr(e)?;
        if jump_if {
            self.jump(Instr::PopJumpIfTrue, target);
        } else {
            self.jump(Instr::PopJumpIfFalse, target);
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> Result<(), CompileError> {
        let args = &c.arguments;
        let simple = !args.args.iter().any(|a| matches!(a, Expr::Starred(_))) && !args.keywords.iter().any(|k| k.arg.is_none());
        if let Expr::Attribute(at) = &*c.func {
            if simple && at.ctx == ast::ExprContext::Load {
                self.expr(&at.value)?;
                let old = self.set_span(at.range);
                let i = self.add_name(&self.mangle(&at.attr.id));
                self.emit(Instr::LoadMethod(i));
                self.restore_span(old);
                for a in args.args.iter() {
                    self.expr(a)?;
                }
                let old = self.set_span(c.range());
                self.kw_call(args, true)?;
                self.restore_span(old);
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        self.call_body(0, &args.args, &args.keywords, c.range(), true)
    }

    fn kw_call(&mut self, args: &'a ast::Arguments, method: bool) -> Result<(), CompileError> {
        let npos = args.args.len() as u32;
        if args.keywords.is_empty() {
            self.emit(if method { Instr::CallMethod(npos) } else { Instr::Call(npos) });
            return Ok(());
        }
        let mut names = Vec::new();
        for k in args.keywords.iter() {
            let name = k.arg.as_ref().unwrap();
            if names.iter().any(|n: &Constant| matches!(n, Constant::Str(s) if **s == *name.id.as_str())) {
                return self.err(format!("keyword argument repeated: {}", name.id), k.range);
            }
            self.expr(&k.value)?;
            names.push(Constant::Str(name.id.as_str().into()));
        }
        let n = npos + names.len() as u32;
        self.load_const(Constant::Tuple(names.into()));
        self.emit(if method { Instr::CallMethodKw(n) } else { Instr::CallKw(n) });
        Ok(())
    }

    /// The positional arguments of a call with a starred one, as a tuple:
    /// a list of the `extra` ones already pushed, then each argument.
    fn call_ex_args(&mut self, args: &'a [Expr], extra: u32) -> Result<(), CompileError> {
        // Without a starred one (the call has `**`), CPython builds the
        // tuple directly, or loads it as a constant.
        if !args.iter().any(|a| matches!(a, Expr::Starred(_))) {
            if extra == 0 && args.len() > 2 {
                if let Some(c) = self.const_tuple(args) {
                    self.load_const(c);
                    return Ok(());
                }
            }
            for a in args {
                self.expr(a)?;
            }
            self.emit(Instr::BuildTuple(extra + args.len() as u32));
            return Ok(());
        }
        self.emit(Instr::BuildList(extra));
        for a in args {
            match a {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtend(1 | LIST_EXTEND_CALL));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        Ok(())
    }

    /// The callable (and `extra` positional arguments) are on the stack.
    fn call_body(&mut self, extra: u32, args: &'a [Expr], keywords: &'a [ast::Keyword], range: TextRange, _plain: bool) -> Result<(), CompileError> {
        let simple = !args.iter().any(|a| matches!(a, Expr::Starred(_))) && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            let old = self.set_span(range);
            if keywords.is_empty() {
                self.emit(Instr::Call(extra + args.len() as u32));
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    let name = k.arg.as_ref().unwrap();
                    if names.iter().any(|n: &Constant| matches!(n, Constant::Str(s) if **s == *name.id.as_str())) {
                        return self.err(format!("keyword argument repeated: {}", name.id), k.range);
                    }
                    self.expr(&k.value)?;
                    names.push(Constant::Str(name.id.as_str().into()));
                }
                let n = extra + args.len() as u32 + names.len() as u32;
                self.load_const(Constant::Tuple(names.into()));
                self.emit(Instr::CallKw(n));
            }
            self.restore_span(old);
            return Ok(());
        }
        // General form: callable, args tuple, kwargs dict -> CallEx.
        // The `extra` arguments already pushed start the positional list.
        // A lone starred argument is passed as it is (CallEx makes a tuple
        // of it unless it is one), as CPython compiles it.
        if let ([Expr::Starred(s)], 0) = (args, extra) {
            self.expr(&s.value)?;
        } else {
            self.call_ex_args(args, extra)?;
        }
        if keywords.is_empty() {
            let old = self.set_span(range);
            self.emit(Instr::CallEx(0));
            self.restore_span(old);
            return Ok(());
        }
        // As CPython: named keywords before the first `**` make the dict
        // themselves; an empty one is made only to merge a leading `**`.
        let mut have_dict = false;
        let mut pending = 0;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(Constant::Str(name.id.as_str().into()));
                    self.expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 {
                        self.emit(Instr::BuildMap(pending));
                        if have_dict {
                            self.emit(Instr::DictMerge(1));
                        }
                        have_dict = true;
                        pending = 0;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        if pending > 0 {
            self.emit(Instr::BuildMap(pending));
            if have_dict {
                self.emit(Instr::DictMerge(1));
            }
        }
        let old = self.set_span(range);
        self.emit(Instr::CallEx(1));
        self.restore_span(old);
        Ok(())
    }

    /// `"..." % (a, b)` compiled as CPython 3.11's AST optimiser rewrites
    /// it: an f-string (no tuple built), when the format is a str constant
    /// (after folding), the right operand a tuple display that is not
    /// constant and has no `*`, and the format only `%s`, `%r`, `%a`
    /// (`percent_format_pieces`) as many as the tuple's items. Returns false,
    /// with nothing emitted, otherwise.
    fn percent_format(&mut self, b: &'a ast::ExprBinOp) -> Result<bool, CompileError> {
        let Expr::Tuple(args) = &*b.right else { return Ok(false) };
        if args.elts.iter().any(|e| matches!(e, Expr::Starred(_))) || self.const_value(&b.right).is_some() {
            return Ok(false);
        }
        let Some(Constant::Str(fmt)) = self.const_value(&b.left) else { return Ok(false) };
        let Some(pieces) = percent_format_pieces(&fmt, args.elts.len()) else { return Ok(false) };
        let old = self.set_span(b.range);
        let join = pieces.len() > STACK_USE_GUIDELINE;
        if join {
            self.join_start();
        }
        let mut n = 0u32;
        let mut values = args.elts.iter();
        for p in &pieces {
            match p {
                PercentPiece::Lit(l) => self.load_const(Constant::Str(l.as_str().into())),
                PercentPiece::Value { conv, spec } => {
                    let arg = values.next().expect("one value per piece");
                    self.expr(arg)?;
                    let mut flags = *conv as u32;
                    if !spec.is_empty() {
                        self.load_const(Constant::Str(spec.as_str().into()));
                        flags |= 4;
                    }
                    // A failing conversion is located at its argument.
                    let at = self.set_span(arg.range());
                    self.emit(Instr::FormatValue(flags));
                    self.restore_span(at);
                }
            }
            n += 1;
            self.piece_pushed(join);
        }
        self.pieces_end(join, n);
        self.restore_span(old);
        Ok(true)
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> Result<(), CompileError> {
        let join = fstring_piece_count(f) > STACK_USE_GUIDELINE;
        if join {
            self.join_start();
        }
        let mut n = 0u32;
        let mut lit = String::new();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => lit.push_str(&l.value),
                ast::FStringPart::FString(fs) => {
                    self.fstring_elements(&fs.elements, &mut lit, &mut n, join)?;
                }
            }
        }
        if !lit.is_empty() || n == 0 {
            self.load_const(Constant::Str(lit.as_str().into()));
            n += 1;
            self.piece_pushed(join);
        }
        self.pieces_end(join, n);
        Ok(())
    }

    /// `''.join([` : an f-string of more than `STACK_USE_GUIDELINE` pieces
    /// is built as a list joined by `''.join`, as CPython 3.11 compiles it
    /// (each piece is followed by LIST_APPEND, the join called at the end).
    fn join_start(&mut self) {
        self.load_const(Constant::Str("".into()));
        let i = self.add_name("join");
        self.emit(Instr::LoadMethod(i));
        self.emit(Instr::BuildList(0));
    }

    /// After each piece: appended to the list when joining.
    fn piece_pushed(&mut self, join: bool) {
        if join {
            self.emit(Instr::ListAppend(1));
        }
    }

    /// The string of `n` pieces: the join's call, or BUILD_STRING (none
    /// for a single piece).
    fn pieces_end(&mut self, join: bool, n: u32) {
        if join {
            self.emit(Instr::CallMethod(1));
        } else if n != 1 {
            self.emit(Instr::BuildString(n));
        }
    }

    fn fstring_elements(&mut self, els: &'a ast::InterpolatedStringElements, lit: &mut String, n: &mut u32, join: bool) -> Result<(), CompileError> {
        for el in els.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => lit.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let mut conv = match i.conversion {
                        ast::ConversionFlag::None => Conversion::None,
                        ast::ConversionFlag::Str => Conversion::Str,
                        ast::ConversionFlag::Repr => Conversion::Repr,
                        ast::ConversionFlag::Ascii => Conversion::Ascii,
                    };
                    if let Some(dt) = &i.debug_text {
                        lit.push_str(dt.leading());
                        lit.push_str(dt.expression());
                        lit.push_str(dt.trailing());
                        if conv == Conversion::None && i.format_spec.is_none() {
                            conv = Conversion::Repr;
                        }
                    }
                    if !lit.is_empty() {
                        self.load_const(Constant::Str(lit.as_str().into()));
                        *n += 1;
                        lit.clear();
                        self.piece_pushed(join);
                    }
                    self.expr(&i.expression)?;
                    let mut flags = conv as u32;
                    if let Some(spec) = &i.format_spec {
                        let mut sn = 0u32;
                        let mut slit = String::new();
                        self.fstring_elements(&spec.elements, &mut slit, &mut sn, false)?;
                        if !slit.is_empty() || sn == 0 {
                            self.load_const(Constant::Str(slit.as_str().into()));
                            sn += 1;
                        }
                        self.pieces_end(false, sn);
                        flags |= 4;
                    }
                    self.emit(Instr::FormatValue(flags));
                    *n += 1;
                    self.piece_pushed(join);
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        kind: CompKind,
        gens: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
        range: TextRange,
    ) -> Result<(), CompileError> {
        if gens.iter().any(|g| g.is_async) {
            return self.err("asynchronous comprehension outside of an asynchronous function", range);
        }
        let scope = self.child_scope(range)?;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let qualname = self.qualname_for(name);
        // The outermost iterable is evaluated here, in the enclosing scope.
        self.enter(scope, name, &qualname, range);
        self.u().argcount = 1;
        self.u().flags |= code_flags::OPTIMIZED | code_flags::NEWLOCALS;
        self.set_span(range);
        self.emit(Instr::Resume);
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comp_generator(kind, gens, 0, elt, value)?;
        if kind == CompKind::Gen {
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        let mut code = self.leave();
        let shape_kind = match kind {
            CompKind::List => crate::shape::CompShape::List,
            CompKind::Set => crate::shape::CompShape::Set,
            CompKind::Dict => crate::shape::CompShape::Dict,
            CompKind::Gen => crate::shape::CompShape::Gen,
        };
        self.set_shape(&mut code, scope, crate::shape::Node::Comp { kind: shape_kind, gens, elt, value });
        self.make_closure(code, 0);
        self.iter_expr(&gens[0].iter)?;
        self.emit(Instr::GetIter);
        self.set_span(range);
        self.emit(Instr::Call(1));
        Ok(())
    }

    fn comp_generator(
        &mut self,
        kind: CompKind,
        gens: &'a [ast::Comprehension],
        idx: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Result<(), CompileError> {
        let g = &gens[idx];
        let start = self.new_label();
        let end = self.new_label();
        let depth_before = idx as u32;
        if idx == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.iter_expr(&g.iter)?;
            self.emit(Instr::GetIter);
        }
        self.bind_label(start);
        self.jump(Instr::ForIter, end);
        self.assign_target(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, start)?;
        }
        if idx + 1 < gens.len() {
            self.comp_generator(kind, gens, idx + 1, elt, value)?;
        } else {
            // The collection sits below one iterator per generator level.
            let depth = depth_before + 2;
            match kind {
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.unwrap())?;
                    self.emit(Instr::MapAdd(depth));
                }
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
            }
        }
        self.jump(Instr::Jump, start);
        self.bind_label(end);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

/// Parse an integer literal token (the parser keeps big ones as text).
fn int_literal(i: &ast::Int) -> Option<BigInt> {
    if let Some(v) = i.as_u64() {
        return Some(BigInt::from(v));
    }
    let s = i.to_string().replace('_', "");
    let lower = s.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// Marks a `ListExtend` that builds call arguments (`f(*x)`), whose error
/// message names the function below the list.
pub const LIST_EXTEND_CALL: u32 = 1 << 16;

const MAX_INT_BITS: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

fn const_len(c: &Constant) -> Option<usize> {
    match c {
        Constant::Str(s) => Some(s.chars().count()),
        Constant::Bytes(b) => Some(b.len()),
        Constant::Tuple(t) => Some(t.len()),
        _ => None,
    }
}

/// The size limits CPython's optimizer applies before folding `*`, `**` and
/// `<<`, and its refusal to fold `%` on strings.
/// CPython's STACK_USE_GUIDELINE: an f-string of more pieces is built with
/// `''.join([...])` instead of BUILD_STRING.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// The pieces an f-string compiles to: each formatted value, and each run
/// of literal text between them (an `=` debug text joins the run before
/// its value); an empty f-string is one empty piece.
pub(crate) fn fstring_piece_count(f: &ast::ExprFString) -> usize {
    let (mut n, mut lit) = (0usize, false);
    for part in f.value.iter() {
        match part {
            ast::FStringPart::Literal(l) => lit |= !l.value.is_empty(),
            ast::FStringPart::FString(fs) => {
                for el in fs.elements.iter() {
                    match el {
                        ast::InterpolatedStringElement::Literal(l) => lit |= !l.value.is_empty(),
                        ast::InterpolatedStringElement::Interpolation(i) => {
                            if lit || i.debug_text.is_some() {
                                n += 1;
                            }
                            lit = false;
                            n += 1;
                        }
                    }
                }
            }
        }
    }
    if lit || n == 0 {
        n += 1;
    }
    n
}

/// A piece of a `%`-format that CPython 3.11 compiles as an f-string: text
/// (with `%%` as `%`), or a value with its conversion and format spec.
pub(crate) enum PercentPiece {
    Lit(String),
    Value { conv: Conversion, spec: String },
}

/// The pieces of `fmt` as an f-string, when it has exactly `nargs`
/// conversions and each is `%s`, `%r` or `%a` with optional flags (only
/// `-` matters: left alignment, which is a str's default; the others are
/// dropped), a width and a precision of at most two digits each. The
/// width becomes `>width` (right-aligned, as `%` pads) or `width` after
/// `-`; the precision `.prec` (`%.s` is `.0`). None when CPython keeps the
/// `%` operation.
pub(crate) fn percent_format_pieces(fmt: &str, nargs: usize) -> Option<Vec<PercentPiece>> {
    fn number(b: &[u8], i: &mut usize) -> Option<Option<u32>> {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        match *i - start {
            0 => Some(None),
            1 | 2 => Some(Some(b[start..*i].iter().fold(0, |v, d| v * 10 + (d - b'0') as u32))),
            _ => None,
        }
    }
    let b = fmt.as_bytes();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut lit_start = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'%' {
            i += 1;
            continue;
        }
        lit.push_str(&fmt[lit_start..i]);
        i += 1;
        if b.get(i) == Some(&b'%') {
            lit.push('%');
            i += 1;
            lit_start = i;
            continue;
        }
        let mut left = false;
        while let Some(&c) = b.get(i) {
            match c {
                b'-' => left = true,
                b'+' | b' ' | b'#' | b'0' => {}
                _ => break,
            }
            i += 1;
        }
        let width = number(b, &mut i)?;
        let prec = if b.get(i) == Some(&b'.') {
            i += 1;
            Some(number(b, &mut i)?.unwrap_or(0))
        } else {
            None
        };
        let conv = match b.get(i) {
            Some(b's') => Conversion::Str,
            Some(b'r') => Conversion::Repr,
            Some(b'a') => Conversion::Ascii,
            _ => return None,
        };
        i += 1;
        lit_start = i;
        let mut spec = String::new();
        if let Some(w) = width {
            if !left {
                spec.push('>');
            }
            spec.push_str(&w.to_string());
        }
        if let Some(p) = prec {
            spec.push('.');
            spec.push_str(&p.to_string());
        }
        if !lit.is_empty() {
            pieces.push(PercentPiece::Lit(std::mem::take(&mut lit)));
        }
        pieces.push(PercentPiece::Value { conv, spec });
    }
    lit.push_str(&fmt[lit_start..]);
    if !lit.is_empty() {
        pieces.push(PercentPiece::Lit(lit));
    }
    let values = pieces.iter().filter(|p| matches!(p, PercentPiece::Value { .. })).count();
    (values == nargs).then_some(pieces)
}

fn fold_is_safe(op: BinOp, l: &Constant, r: &Constant) -> bool {
    let bits = |c: &Constant| match c {
        Constant::Int(i) => Some(i.bits()),
        Constant::True | Constant::False => Some(1),
        _ => None,
    };
    match op {
        BinOp::Mul => {
            if let (Some(a), Some(b)) = (bits(l), bits(r)) {
                return a + b <= MAX_INT_BITS;
            }
            let (seq, n) = match (const_len(l), const_len(r)) {
                (Some(len), None) => (len, r),
                (None, Some(len)) => (len, l),
                _ => return true,
            };
            let n = match n {
                Constant::Int(i) => i.to_i64().unwrap_or(i64::MAX),
                _ => return true,
            };
            // CPython folds a repetition by zero but not by a negative count.
            if seq == 0 || n == 0 {
                return true;
            }
            if n < 0 {
                return false;
            }
            let limit = match (l, r) {
                (Constant::Tuple(_), _) | (_, Constant::Tuple(_)) => MAX_COLLECTION_SIZE,
                _ => MAX_STR_SIZE,
            };
            (n as usize) <= limit / seq
        }
        BinOp::Pow => {
            if let (Some(vb), Constant::Int(e)) = (bits(l), r) {
                if e.sign() == num_bigint::Sign::Minus {
                    return true;
                }
                let e = e.to_u64().unwrap_or(u64::MAX);
                return vb == 0 || e <= MAX_INT_BITS / vb.max(1);
            }
            true
        }
        BinOp::LShift => {
            if let (Some(vb), Constant::Int(e)) = (bits(l), r) {
                let e = e.to_u64().unwrap_or(u64::MAX);
                return e <= MAX_INT_BITS && vb <= MAX_INT_BITS - e;
            }
            true
        }
        BinOp::Mod => !matches!(l, Constant::Str(_) | Constant::Bytes(_)),
        BinOp::MatMul => false,
        _ => true,
    }
}

fn const_too_big(c: &Constant) -> bool {
    match c {
        Constant::Str(s) => s.len() > MAX_STR_SIZE * 4 && s.chars().count() > MAX_STR_SIZE,
        Constant::Bytes(b) => b.len() > MAX_STR_SIZE,
        Constant::Tuple(t) => t.len() > MAX_COLLECTION_SIZE,
        _ => false,
    }
}

/// CPython's error for an irrefutable case that is not the last one.
fn irrefutable_message(p: &ast::Pattern) -> Option<String> {
    match p {
        ast::Pattern::MatchAs(a) if a.pattern.is_none() => Some(match &a.name {
            Some(n) => format!("name capture '{}' makes remaining patterns unreachable", n.id),
            None => "wildcard makes remaining patterns unreachable".to_string(),
        }),
        ast::Pattern::MatchOr(o) => o.patterns.iter().find_map(irrefutable_message),
        _ => None,
    }
}

fn remap_captures(p: MatchPattern, map: &[usize]) -> MatchPattern {
    let r = |x: MatchPattern| remap_captures(x, map);
    match p {
        MatchPattern::Sequence { items, star } => MatchPattern::Sequence { items: items.into_iter().map(r).collect(), star },
        MatchPattern::Star(c) => MatchPattern::Star(c.map(|i| map[i])),
        MatchPattern::Mapping { keys, values, rest } => MatchPattern::Mapping { keys, values: values.into_iter().map(r).collect(), rest: rest.map(|i| map[i]) },
        MatchPattern::Class { cls, positional, keywords } => MatchPattern::Class {
            cls,
            positional: positional.into_iter().map(r).collect(),
            keywords: keywords.into_iter().map(|(n, x)| (n, r(x))).collect(),
        },
        MatchPattern::As { pattern, capture } => MatchPattern::As { pattern: pattern.map(|x| Box::new(r(*x))), capture: capture.map(|i| map[i]) },
        MatchPattern::Or(alts) => MatchPattern::Or(alts.into_iter().map(r).collect()),
        other => other,
    }
}

fn docstring(body: &[Stmt]) -> Option<&str> {
    if let Some(Stmt::Expr(e)) = body.first() {
        if let Expr::StringLiteral(s) = &*e.value {
            return Some(s.value.to_str());
        }
    }
    None
}

/// Whether a module or class body needs `__annotations__`: CPython 3.11
/// sets it up for any annotated assignment (simple or not) anywhere in
/// the body's own scope, match cases included.
pub(crate) fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        _ => {
            let mut found = false;
            crate::shape::for_each_block(s, |b| found = found || has_annotations(b));
            found
        }
    })
}

fn is_constant_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::StringLiteral(_) | Expr::NumberLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) | Expr::BytesLiteral(_)
    )
}

fn ends_with_jump(instrs: &[Instr]) -> bool {
    matches!(instrs.last(), Some(Instr::Jump(_) | Instr::ReturnValue | Instr::Raise(_) | Instr::Reraise))
}

fn ends_with_return(instrs: &[Instr]) -> bool {
    matches!(instrs.last(), Some(Instr::ReturnValue))
}

/// The range used for a statement's own instructions: its first line only for
/// compound statements (so a `for` loop's jump is attributed to the header).
fn stmt_head_range(s: &Stmt) -> TextRange {
    match s {
        Stmt::For(f) => f.iter.range(),
        Stmt::While(w) => w.test.range(),
        Stmt::If(i) => i.test.range(),
        Stmt::With(w) => w.items.first().map(|i| i.range).unwrap_or(w.range),
        Stmt::FunctionDef(f) => f.name.range,
        Stmt::ClassDef(c) => c.name.range,
        Stmt::Try(t) => TextRange::new(t.range.start(), t.range.start()),
        other => other.range(),
    }
}

fn expr_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::Call(_) => "function call",
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::BooleanLiteral(_) => "literal",
        Expr::NoneLiteral(_) => "None",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::BinOp(_) | Expr::UnaryOp(_) | Expr::BoolOp(_) => "expression",
        Expr::Compare(_) => "comparison",
        Expr::Lambda(_) => "lambda",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::FString(_) => "f-string expression",
        _ => "expression",
    }
}

/// Maximum value-stack depth, by abstract interpretation over the control
/// flow graph.
fn compute_stack_depth(instrs: &[Instr], cases: &[MatchCaseInfo]) -> u32 {
    let n = instrs.len();
    let mut depth_at: Vec<i64> = vec![-1; n + 1];
    let mut work = vec![(0usize, 0i64)];
    let mut max = 0i64;
    while let Some((mut pc, mut d)) = work.pop() {
        loop {
            if pc >= n {
                break;
            }
            if depth_at[pc] >= d {
                break;
            }
            depth_at[pc] = d;
            let ins = instrs[pc];
            let (eff, jump_eff, target, falls) = match ins {
                Instr::MatchCase(i) => {
                    let c = &cases[i as usize];
                    (c.ncaptures as i64 + 1 - c.nvalues as i64, 0, None, true)
                }
                _ => stack_effect(ins),
            };
            if let Some(t) = target {
                let jd = d + jump_eff;
                max = max.max(jd);
                work.push((t as usize, jd));
            }
            d += eff;
            max = max.max(d);
            if !falls {
                break;
            }
            pc += 1;
        }
    }
    (max + 2) as u32
}

/// (effect when falling through, effect when jumping, jump target, falls through)
fn stack_effect(i: Instr) -> (i64, i64, Option<u32>, bool) {
    use Instr::*;
    let n = |x: u32| x as i64;
    match i {
        Nop | Resume | Rot(_) | Swap(_) | SetupAnnotations => (0, 0, None, true),
        PopTop => (-1, 0, None, true),
        Copy(_) => (1, 0, None, true),
        LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_) | LoadGlobal(_) | LoadName(_)
        | LoadBuildClass | LoadAssertionError => (1, 0, None, true),
        StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) => (-1, 0, None, true),
        // (Made after the depth is computed: the effect of the first half,
        // the second half being the next instruction.)
        LoadFastLoadFast(..) | LoadFastLoadConst(..) | LoadFastLoadConstArith(..) | LoadFastLoadFastArith(..) | LoadFastLoadConstCompare(..) | LoadFastLoadFastCompare(..) | LoadFastLoadFastSubscr(..) | LoadFastLoadConstSubscr(..) | LoadFastLoadAttr(..) | LoadFastLoadMethod(..) | LoadFastStoreAttr(..) => (1, 0, None, true),
        StoreFastLoadFast(..) => (-1, 0, None, true),
        DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => (0, 0, None, true),
        LoadAttr(_) => (0, 0, None, true),
        StoreAttr(_) => (-2, 0, None, true),
        DeleteAttr(_) => (-1, 0, None, true),
        LoadMethod(_) => (1, 0, None, true),
        CallMethod(k) => (-n(k) - 1, 0, None, true),
        Call(k) => (-n(k), 0, None, true),
        CallKw(k) => (-n(k) - 1, 0, None, true),
        CallMethodKw(k) => (-n(k) - 2, 0, None, true),
        CallEx(k) => (-1 - n(k), 0, None, true),
        BinaryOp(_) | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_) => (-1, 0, None, true),
        Unary(_) => (0, 0, None, true),
        BinarySubscr => (-1, 0, None, true),
        StoreSubscr => (-3, 0, None, true),
        DeleteSubscr => (-2, 0, None, true),
        BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => (1 - n(k), 0, None, true),
        BuildMap(k) => (1 - 2 * n(k), 0, None, true),
        BuildConstKeyMap(k) => (-n(k), 0, None, true),
        BuildSlice(k) => (1 - n(k), 0, None, true),
        ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) => (-1, 0, None, true),
        MapAdd(_) => (-2, 0, None, true),
        ListToTuple => (0, 0, None, true),
        FormatValue(f) => (if f & 4 != 0 { -1 } else { 0 }, 0, None, true),
        UnpackSequence(k) => (n(k) - 1, 0, None, true),
        UnpackEx(k) => (n(k & 0xff) + n(k >> 8), 0, None, true),
        Jump(t) => (0, 0, Some(t), false),
        PopJumpIfFalse(t) | PopJumpIfTrue(t) | PopJumpIfNone(t) | PopJumpIfNotNone(t) => (-1, -1, Some(t), true),
        JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => (-1, 0, Some(t), true),
        GetIter | GetYieldFromIter => (0, 0, None, true),
        ForIter(t) => (1, -1, Some(t), true),
        ReturnValue => (-1, 0, None, false),
        YieldValue => (0, 0, None, true),
        Send(t) => (0, -1, Some(t), true),
        MakeFunction(f) => {
            let extra = (f & 1 != 0) as i64 + (f & 2 != 0) as i64 + (f & 4 != 0) as i64 + (f & 8 != 0) as i64;
            (-extra, 0, None, true)
        }
        ImportName(_) => (-1, 0, None, true),
        ImportFrom(_) => (1, 0, None, true),
        ImportStar => (-1, 0, None, true),
        Raise(_) | Reraise | ReraiseCleanup(_) => (0, 0, None, false),
        // The handler starts with the previous and the new exception pushed.
        SetupFinally(t) => (0, 2, Some(t), true),
        SetupWith(t) | SetupCleanup(t) => (0, 1, Some(t), true),
        PopBlock => (0, 0, None, true),
        PopExcept => (-1, 0, None, true),
        CheckExcMatch | CheckEgMatch => (0, 0, None, true),
        PrepReraiseStar => (-1, 0, None, true),
        WithExceptStart => (1, 0, None, true),
        BeforeWith => (1, 0, None, true),
        PrintExpr => (-1, 0, None, true),
        MatchCase(_) => unreachable!("handled by compute_stack_depth"),
    }
}
