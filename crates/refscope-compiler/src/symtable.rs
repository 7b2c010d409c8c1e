//! Scope analysis: which names of each block are fast locals, cells, free
//! variables, globals or (in module and class bodies) name lookups.
//!
//! Two passes, as CPython's symtable does:
//! 1. `Builder` walks the syntax tree once, recording for each scope the names
//!    it binds, uses and declares `global`/`nonlocal`, and nesting children
//!    in source order (functions, lambdas, classes, comprehensions).
//! 2. `analyze` resolves every name, from the module down: a name bound in a
//!    function is local to it unless declared otherwise; a name used but not
//!    bound is free if an enclosing *function* binds it (class bodies are
//!    skipped), else global. A function's local that a nested scope uses
//!    becomes a cell; scopes between the binding and the use pass it on as a
//!    free variable.
//!
//! The code generator walks the tree in the same order and takes the child
//! scopes one by one (`ScopeCursor`).

use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// How a name is resolved inside one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameScope {
    /// A fast local (function scopes).
    Local,
    /// A local captured by an inner scope.
    Cell,
    /// Captured from an enclosing function.
    Free,
    /// `global x`, or a name not bound in any enclosing function.
    GlobalExplicit,
    GlobalImplicit,
    /// Module and class bodies: looked up by name at run time.
    Name,
}

#[derive(Default, Clone, Copy, Debug)]
pub struct SymFlags {
    pub bound: bool,
    pub used: bool,
    pub param: bool,
    pub global: bool,
    pub nonlocal: bool,
    /// Bound by an assignment expression inside a comprehension nested here.
    pub comp_target: bool,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub range: TextRange,
    /// Names in the order first seen (parameters first for functions).
    pub order: Vec<String>,
    pub flags: HashMap<String, SymFlags>,
    pub resolved: HashMap<String, NameScope>,
    pub children: Vec<Scope>,
    pub params: Vec<String>,
    pub is_generator: bool,
    /// A method uses `super` or `__class__`: the class body needs a
    /// `__class__` cell.
    pub needs_class_cell: bool,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, range: TextRange) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            range,
            order: Vec::new(),
            flags: HashMap::new(),
            resolved: HashMap::new(),
            children: Vec::new(),
            params: Vec::new(),
            is_generator: false,
            needs_class_cell: false,
            cellvars: Vec::new(),
            freevars: Vec::new(),
        }
    }

    fn entry(&mut self, name: &str) -> &mut SymFlags {
        if !self.flags.contains_key(name) {
            self.order.push(name.to_string());
        }
        self.flags.entry(name.to_string()).or_default()
    }

    pub fn lookup(&self, name: &str) -> NameScope {
        match self.resolved.get(name) {
            Some(s) => *s,
            None => match self.kind {
                ScopeKind::Module | ScopeKind::Class => NameScope::Name,
                _ => NameScope::GlobalImplicit,
            },
        }
    }

    pub fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// A compile-time error found during scope analysis (CPython raises these as
/// SyntaxError).
#[derive(Debug)]
pub struct ScopeError {
    pub message: String,
    pub range: TextRange,
    /// A RecursionError (nesting too deep), not a SyntaxError.
    pub recursion: bool,
}

pub fn build(module: &ast::ModModule) -> Result<Scope, ScopeError> {
    let mut b = Builder { stack: vec![Scope::new(ScopeKind::Module, "<module>", module.range)], error: None, depth: 0 };
    for s in &module.body {
        b.stmt(s);
    }
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut top = b.stack.pop().unwrap();
    analyze(&mut top, &[])?;
    Ok(top)
}

struct Builder {
    stack: Vec<Scope>,
    error: Option<ScopeError>,
    depth: u32,
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        self.stack.last_mut().unwrap()
    }

    fn err(&mut self, message: String, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(ScopeError { message, range, recursion: false });
        }
    }

    fn bind(&mut self, name: &str, range: TextRange) {
        let sc = self.cur();
        let f = sc.entry(name);
        f.bound = true;
        let _ = range;
    }

    fn use_name(&mut self, name: &str) {
        self.cur().entry(name).used = true;
    }

    fn push(&mut self, kind: ScopeKind, name: &str, range: TextRange) {
        self.stack.push(Scope::new(kind, name, range));
    }

    fn pop(&mut self) {
        let s = self.stack.pop().unwrap();
        self.cur().children.push(s);
    }

    fn params(&mut self, p: &ast::Parameters) {
        // CPython's local slot order: positional, keyword-only, *args, **kwargs.
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            self.param(&a.parameter.name.id);
        }
        if let Some(v) = &p.vararg {
            self.param(&v.name.id);
        }
        if let Some(k) = &p.kwarg {
            self.param(&k.name.id);
        }
    }

    fn param(&mut self, name: &str) {
        let sc = self.cur();
        if sc.flags.get(name).map(|f| f.param).unwrap_or(false) {
            let r = sc.range;
            self.err(format!("duplicate argument '{}' in function definition", name), r);
            return;
        }
        let f = sc.entry(name);
        f.param = true;
        f.bound = true;
        sc.params.push(name.to_string());
    }

    fn param_defaults_and_annotations(&mut self, p: &ast::Parameters) {
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
        for a in p.posonlyargs.iter().chain(p.args.iter()).chain(p.kwonlyargs.iter()) {
            if let Some(an) = &a.parameter.annotation {
                self.expr(an);
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(an) = &v.annotation {
                self.expr(an);
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(an) = &v.annotation {
                self.expr(an);
            }
        }
    }

    fn body(&mut self, b: &[Stmt]) {
        for s in b {
            self.stmt(s);
        }
    }

    /// Nesting deeper than this is CPython's "maximum recursion depth
    /// exceeded during compilation" (its compiler allows 3 x the default
    /// recursion limit).
    const MAX_DEPTH: u32 = 3000;

    fn enter(&mut self, range: TextRange) -> bool {
        self.depth += 1;
        if self.depth > Self::MAX_DEPTH {
            if self.error.is_none() {
                self.error = Some(ScopeError { message: "maximum recursion depth exceeded during compilation".into(), range, recursion: true });
            }
            return false;
        }
        true
    }

    fn stmt(&mut self, s: &Stmt) {
        if self.enter(s.range()) {
            self.stmt_inner(s);
        }
        self.depth -= 1;
    }

    fn expr(&mut self, e: &Expr) {
        if self.enter(e.range()) {
            self.expr_inner(e);
        }
        self.depth -= 1;
    }

    fn stmt_inner(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression);
                }
                self.param_defaults_and_annotations(&f.parameters);
                if let Some(r) = &f.returns {
                    self.expr(r);
                }
                self.bind(&f.name.id, f.name.range);
                self.push(ScopeKind::Function, &f.name.id, f.range);
                self.params(&f.parameters);
                self.body(&f.body);
                self.pop();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a);
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value);
                    }
                }
                self.bind(&c.name.id, c.name.range);
                self.push(ScopeKind::Class, &c.name.id, c.range);
                self.body(&c.body);
                self.pop();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t);
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value);
                for t in &a.targets {
                    self.target(t);
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value);
                if let Expr::Name(n) = &*a.target {
                    self.use_name(&n.id);
                }
                self.target(&a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v);
                }
                if self.cur().kind != ScopeKind::Function || !a.simple {
                    self.expr(&a.annotation);
                }
                if a.value.is_some() || matches!(&*a.target, Expr::Name(_)) {
                    if let Expr::Name(n) = &*a.target {
                        let f = self.cur().entry(&n.id);
                        f.bound = true;
                    } else {
                        self.target(&a.target);
                    }
                } else {
                    self.target(&a.target);
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.target(&f.target);
                self.body(&f.body);
                self.body(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.body(&w.body);
                self.body(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.body(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.body(&c.body);
                }
            }
            Stmt::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr);
                    if let Some(v) = &it.optional_vars {
                        self.target(v);
                    }
                }
                self.body(&w.body);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for c in &m.cases {
                    self.pattern(&c.pattern);
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.body(&c.body);
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(c) = &r.cause {
                    self.expr(c);
                }
            }
            Stmt::Try(t) => {
                self.body(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(&n.id, n.range);
                    }
                    self.body(&h.body);
                }
                self.body(&t.orelse);
                self.body(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a.name.id.split('.').next().unwrap().to_string(),
                    };
                    self.bind(&name, a.range);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if &*a.name.id == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            self.err("import * only allowed at module level".into(), i.range);
                        }
                        continue;
                    }
                    let name = a.asname.as_ref().unwrap_or(&a.name);
                    self.bind(&name.id.to_string(), a.range);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let kind = self.cur().kind;
                    let sc = self.cur();
                    let existing = sc.flags.get(n.id.as_str()).copied();
                    if let Some(f) = existing {
                        if f.param {
                            self.err(format!("name '{}' is parameter and global", n.id), n.range);
                            continue;
                        }
                        if f.nonlocal {
                            self.err(format!("name '{}' is nonlocal and global", n.id), n.range);
                            continue;
                        }
                        if f.used && !f.global {
                            self.err(format!("name '{}' is used prior to global declaration", n.id), n.range);
                            continue;
                        }
                        if f.bound && !f.global {
                            self.err(format!("name '{}' is assigned to before global declaration", n.id), n.range);
                            continue;
                        }
                    }
                    let _ = kind;
                    self.cur().entry(&n.id).global = true;
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    let kind = self.cur().kind;
                    if kind == ScopeKind::Module {
                        self.err("nonlocal declaration not allowed at module level".into(), g.range);
                        return;
                    }
                    let existing = self.cur().flags.get(n.id.as_str()).copied();
                    if let Some(f) = existing {
                        if f.param {
                            self.err(format!("name '{}' is parameter and nonlocal", n.id), n.range);
                            continue;
                        }
                        if f.global {
                            self.err(format!("name '{}' is nonlocal and global", n.id), n.range);
                            continue;
                        }
                        if f.used && !f.nonlocal {
                            self.err(format!("name '{}' is used prior to nonlocal declaration", n.id), n.range);
                            continue;
                        }
                        if f.bound && !f.nonlocal {
                            self.err(format!("name '{}' is assigned to before nonlocal declaration", n.id), n.range);
                            continue;
                        }
                    }
                    self.cur().entry(&n.id).nonlocal = true;
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
            Stmt::TypeAlias(t) => {
                self.expr(&t.value);
                self.target(&t.name);
            }
        }
    }

    fn pattern(&mut self, p: &ast::Pattern) {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value),
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p);
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k);
                }
                for p in &m.patterns {
                    self.pattern(p);
                }
                if let Some(r) = &m.rest {
                    self.bind(&r.id, r.range);
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls);
                for p in c.arguments.patterns.iter() {
                    self.pattern(p);
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern);
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(&n.id, n.range);
                }
            }
            P::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p);
                }
                if let Some(n) = &a.name {
                    self.bind(&n.id, n.range);
                }
            }
            P::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p);
                }
            }
        }
    }

    fn target(&mut self, t: &Expr) {
        match t {
            Expr::Name(n) => self.bind(&n.id, n.range),
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.target(e);
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.target(e);
                }
            }
            Expr::Starred(s) => self.target(&s.value),
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            other => self.expr(other),
        }
    }

    fn comprehension(&mut self, name: &str, range: TextRange, gens: &[ast::Comprehension], elts: &[&Expr]) {
        self.push(ScopeKind::Comprehension, name, range);
        self.param(".0");
        if name == "<genexpr>" {
            self.cur().is_generator = true;
        }
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            for c in &g.ifs {
                self.expr(c);
            }
        }
        for e in elts {
            self.expr(e);
        }
        self.pop();
        // The first iterable is evaluated in the enclosing scope. It is
        // visited after the comprehension's own scope because the compiler
        // takes child scopes in the order it compiles them, and it compiles
        // the comprehension's body before the iterable.
        self.expr(&gens[0].iter);
    }

    fn expr_inner(&mut self, e: &Expr) {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v);
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value);
                if let Expr::Name(name) = &*n.target {
                    // In a comprehension, the target binds in the nearest
                    // enclosing non-comprehension scope.
                    let depth = self.stack.len();
                    let mut i = depth - 1;
                    while self.stack[i].kind == ScopeKind::Comprehension && i > 0 {
                        i -= 1;
                    }
                    if i != depth - 1 {
                        if self.stack[i].kind == ScopeKind::Class {
                            self.err(
                                "assignment expression within a comprehension cannot be used in a class body".into(),
                                n.range,
                            );
                            return;
                        }
                        // A name the target scope declares global is
                        // global in the comprehension too.
                        let target_is_module = self.stack[i].kind == ScopeKind::Module || self.stack[i].entry(&name.id).global;
                        for j in (i + 1)..depth {
                            let f = self.stack[j].entry(&name.id);
                            f.nonlocal = !target_is_module;
                            f.global = target_is_module;
                            f.comp_target = true;
                        }
                        let module = self.stack[i].kind == ScopeKind::Module;
                        let f = self.stack[i].entry(&name.id);
                        f.bound = true;
                        // CPython declares the name global in the module
                        // (DEF_GLOBAL): the module body then uses
                        // LOAD_GLOBAL/STORE_GLOBAL for it.
                        if module {
                            f.global = true;
                        }
                    } else {
                        self.bind(&name.id, name.range);
                    }
                } else {
                    self.target(&n.target);
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.param_defaults_and_annotations(p);
                }
                self.push(ScopeKind::Lambda, "<lambda>", l.range);
                if let Some(p) = &l.parameters {
                    self.params(p);
                }
                self.expr(&l.body);
                self.pop();
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for it in &d.items {
                    if let Some(k) = &it.key {
                        self.expr(k);
                    }
                    self.expr(&it.value);
                }
            }
            Expr::Set(s) => {
                for v in &s.elts {
                    self.expr(v);
                }
            }
            Expr::ListComp(c) => self.comprehension("<listcomp>", c.range, &c.generators, &[&c.elt]),
            Expr::SetComp(c) => self.comprehension("<setcomp>", c.range, &c.generators, &[&c.elt]),
            Expr::Generator(c) => self.comprehension("<genexpr>", c.range, &c.generators, &[&c.elt]),
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    elts.push(k);
                }
                elts.push(&c.value);
                self.comprehension("<dictcomp>", c.range, &c.generators, &elts)
            }
            Expr::Await(a) => self.expr(&a.value),
            Expr::Yield(y) => {
                self.mark_generator(y.range);
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => {
                self.mark_generator(y.range);
                self.expr(&y.value);
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                for x in c.comparators.iter() {
                    self.expr(x);
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                for a in c.arguments.args.iter() {
                    self.expr(a);
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value);
                }
                // Zero-argument super() needs the __class__ cell.
                if let Expr::Name(n) = &*c.func {
                    if &*n.id == "super" && c.arguments.args.is_empty() {
                        self.use_class_cell();
                    }
                }
            }
            Expr::FString(f) => {
                for part in f.value.iter() {
                    if let ast::FStringPart::FString(fs) = part {
                        self.fstring_elements(&fs.elements);
                    }
                }
            }
            Expr::TString(_) => {}
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => {
                match n.ctx {
                    ast::ExprContext::Load => {
                        self.use_name(&n.id);
                        if &*n.id == "__class__" {
                            self.use_class_cell();
                        }
                    }
                    _ => self.bind(&n.id, n.range),
                }
            }
            Expr::List(l) => {
                for v in &l.elts {
                    self.expr(v);
                }
            }
            Expr::Tuple(t) => {
                for v in &t.elts {
                    self.expr(v);
                }
            }
            Expr::Slice(s) => {
                for v in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(v);
                }
            }
        }
    }

    fn fstring_elements(&mut self, elements: &ast::InterpolatedStringElements) {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression);
                if let Some(spec) = &i.format_spec {
                    self.fstring_elements(&spec.elements);
                }
            }
        }
    }

    fn mark_generator(&mut self, range: TextRange) {
        let sc = self.cur();
        match sc.kind {
            ScopeKind::Function | ScopeKind::Lambda => sc.is_generator = true,
            ScopeKind::Comprehension => {
                self.err("'yield' inside list comprehension".into(), range);
            }
            ScopeKind::Module | ScopeKind::Class => {
                self.err("'yield' outside function".into(), range);
            }
        }
    }

    fn use_class_cell(&mut self) {
        // Mark `__class__` as used in the current function; the enclosing
        // class provides it as a cell.
        let in_function = self.stack.iter().rev().any(|s| s.kind == ScopeKind::Class);
        if in_function && self.cur().kind != ScopeKind::Class {
            self.use_name("__class__");
        }
    }
}

/// Resolve names in `scope`. `enclosing` lists, for each enclosing function
/// scope (innermost last), the names it binds as locals or receives as free
/// variables: what a nested scope can capture.
fn analyze(scope: &mut Scope, enclosing: &[&HashMap<String, SymFlags>]) -> Result<(), ScopeError> {
    let is_func = scope.is_function_like();
    let mut resolved: HashMap<String, NameScope> = HashMap::new();

    // Names this scope binds locally (for functions) and declarations.
    for name in &scope.order {
        let f = scope.flags[name];
        let ns = if f.global {
            NameScope::GlobalExplicit
        } else if f.nonlocal {
            if !f.comp_target && !enclosing.iter().any(|m| m.get(name).is_some_and(|g| g.bound && !g.global)) {
                return Err(ScopeError { message: format!("no binding for nonlocal '{}' found", name), range: scope.range, recursion: false });
            }
            NameScope::Free
        } else if is_func && f.bound {
            NameScope::Local
        } else if !is_func {
            if f.bound {
                NameScope::Name
            } else if enclosing.iter().any(|m| m.get(name).is_some_and(|g| g.bound && !g.global)) && f.used {
                NameScope::Free
            } else {
                NameScope::Name
            }
        } else if enclosing.iter().rev().any(|m| m.get(name).is_some_and(|g| g.bound && !g.global)) {
            NameScope::Free
        } else {
            NameScope::GlobalImplicit
        };
        resolved.insert(name.clone(), ns);
    }
    // Zero-argument super()/__class__ inside a method: the class provides it.
    if scope.kind == ScopeKind::Class {
        scope.needs_class_cell = scope.children.iter().any(child_uses_class_cell);
    }

    // What children may capture: for a function, everything it binds (its
    // locals) plus what it captures itself.
    let mut my_bindings: HashMap<String, SymFlags> = HashMap::new();
    if is_func {
        for (name, ns) in &resolved {
            if matches!(ns, NameScope::Local | NameScope::Free) {
                my_bindings.insert(name.clone(), SymFlags { bound: true, ..Default::default() });
            }
        }
    }
    if scope.kind == ScopeKind::Class && scope.needs_class_cell {
        my_bindings.insert("__class__".into(), SymFlags { bound: true, ..Default::default() });
    }
    let mut child_env: Vec<&HashMap<String, SymFlags>> = enclosing.to_vec();
    let pushes = is_func || (scope.kind == ScopeKind::Class && scope.needs_class_cell);
    // Classes only provide `__class__` to their methods.
    let class_env: HashMap<String, SymFlags>;
    if scope.kind == ScopeKind::Class {
        class_env = my_bindings.clone();
        if pushes {
            child_env.push(&class_env);
        }
    } else if pushes {
        child_env.push(&my_bindings);
    }

    for child in scope.children.iter_mut() {
        analyze(child, &child_env)?;
    }

    // Children's free variables: cells here if bound here, else free here
    // (passing through) unless this is the module.
    let mut child_free: Vec<String> = Vec::new();
    for child in &scope.children {
        for fv in &child.freevars {
            if !child_free.contains(fv) {
                child_free.push(fv.clone());
            }
        }
    }
    let mut cellvars: Vec<String> = Vec::new();
    let mut freevars: Vec<String> = Vec::new();
    for fv in child_free {
        if scope.kind == ScopeKind::Class {
            if fv == "__class__" && scope.needs_class_cell {
                if !cellvars.contains(&fv) {
                    cellvars.push(fv);
                }
            } else {
                // Passes through the class body as a free variable.
                if !freevars.contains(&fv) {
                    freevars.push(fv.clone());
                }
                resolved.entry(fv).or_insert(NameScope::Name);
            }
            continue;
        }
        if !is_func {
            continue;
        }
        match resolved.get(&fv).copied() {
            Some(NameScope::Local) | Some(NameScope::Cell) => {
                resolved.insert(fv.clone(), NameScope::Cell);
                if !cellvars.contains(&fv) {
                    cellvars.push(fv);
                }
            }
            Some(NameScope::Free) => {}
            Some(NameScope::GlobalExplicit) | Some(NameScope::GlobalImplicit) | Some(NameScope::Name) => {}
            None => {
                resolved.insert(fv.clone(), NameScope::Free);
            }
        }
    }
    if scope.kind == ScopeKind::Class && scope.needs_class_cell && !cellvars.iter().any(|c| c == "__class__") {
        cellvars.push("__class__".into());
    }
    for name in &scope.order {
        if resolved.get(name) == Some(&NameScope::Free) && !freevars.contains(name) {
            freevars.push(name.clone());
        }
    }
    for (name, ns) in &resolved {
        if *ns == NameScope::Free && !freevars.contains(name) && scope.kind != ScopeKind::Class {
            freevars.push(name.clone());
        }
    }
    // In a class body, a name that is also free for the body's own use is
    // looked up with LoadClassDeref; keep its resolution `Free` only when the
    // body does not bind it.
    if scope.kind == ScopeKind::Class {
        for name in &scope.order {
            let f = scope.flags[name];
            if !f.bound && !f.global && f.used && freevars.contains(name) {
                resolved.insert(name.clone(), NameScope::Free);
            }
        }
    }
    cellvars.sort();
    freevars.sort();
    scope.cellvars = cellvars;
    scope.freevars = freevars;
    scope.resolved = resolved;
    Ok(())
}

fn child_uses_class_cell(s: &Scope) -> bool {
    if s.kind == ScopeKind::Class {
        return false;
    }
    s.flags.get("__class__").is_some_and(|f| f.used) || s.children.iter().any(child_uses_class_cell)
}

pub fn range_of<T: Ranged>(t: &T) -> TextRange {
    t.range()
}
