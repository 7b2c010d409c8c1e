//! The instruction set and the code object the compiler produces.
//!
//! The instructions follow CPython 3.11's stack discipline wherever a program
//! could observe it: which references sit on the value stack during a call,
//! when an argument is moved into the callee's frame, when an iterator holds
//! its sequence. Because reference counts are exact by construction in the
//! runtime, matching `sys.getrefcount` with CPython means matching these stack
//! effects, not computing counts.

use num_bigint::BigInt;
use std::rc::Rc;

/// Binary operators, for `BinaryOp` and `InplaceOp`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

impl BinOp {
    /// The operator as Python writes it, for error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::TrueDiv => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "** or pow()",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::And => "&",
            BinOp::Or => "|",
            BinOp::Xor => "^",
        }
    }
    /// The augmented-assignment spelling (`+=`), for error messages.
    pub fn inplace_symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+=",
            BinOp::Sub => "-=",
            BinOp::Mul => "*=",
            BinOp::MatMul => "@=",
            BinOp::TrueDiv => "/=",
            BinOp::FloorDiv => "//=",
            BinOp::Mod => "%=",
            BinOp::Pow => "**=",
            BinOp::LShift => "<<=",
            BinOp::RShift => ">>=",
            BinOp::And => "&=",
            BinOp::Or => "|=",
            BinOp::Xor => "^=",
        }
    }
    /// Names of the forward, reflected and in-place special methods.
    pub fn dunders(self) -> (&'static str, &'static str, &'static str) {
        match self {
            BinOp::Add => ("__add__", "__radd__", "__iadd__"),
            BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
            BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
            BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
            BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "__itruediv__"),
            BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
            BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
            BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
            BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
            BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
            BinOp::And => ("__and__", "__rand__", "__iand__"),
            BinOp::Or => ("__or__", "__ror__", "__ior__"),
            BinOp::Xor => ("__xor__", "__rxor__", "__ixor__"),
        }
    }
}

/// Rich comparison operators, in CPython's `Py_LT..Py_GE` order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
    pub fn dunder(self) -> &'static str {
        match self {
            CmpOp::Lt => "__lt__",
            CmpOp::Le => "__le__",
            CmpOp::Eq => "__eq__",
            CmpOp::Ne => "__ne__",
            CmpOp::Gt => "__gt__",
            CmpOp::Ge => "__ge__",
        }
    }
    /// The operator with its operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CmpOp {
        match self {
            CmpOp::Lt => CmpOp::Gt,
            CmpOp::Le => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Eq,
            CmpOp::Ne => CmpOp::Ne,
            CmpOp::Gt => CmpOp::Lt,
            CmpOp::Ge => CmpOp::Le,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum UnaryOp {
    Neg,
    Pos,
    Not,
    Invert,
}

/// `FormatValue` conversion, as in f"{x!r}".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

/// Flags of `MakeFunction`: which optional parts are on the stack, pushed in
/// this order below the code object.
pub mod make_function {
    pub const DEFAULTS: u32 = 1;
    pub const KWDEFAULTS: u32 = 2;
    pub const ANNOTATIONS: u32 = 4;
    pub const CLOSURE: u32 = 8;
}

/// One instruction. Jump targets are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,
    PopTop,
    /// Push another reference to the item `n` from the top (1 = top).
    Copy(u32),
    /// Swap the top with the item `n` from the top (2 = second).
    Swap(u32),
    /// Rotate the top `n` items: the top one goes below the other `n-1`.
    Rot(u32),

    LoadConst(u32),
    /// Superinstructions (`fuse_pairs`): the instruction at the next index
    /// is the second half, left in place (a jump may land on it); running
    /// the pair skips it.
    LoadFastLoadFast(u16, u16),
    LoadFastLoadConst(u16, u16),
    StoreFastLoadFast(u16, u16),
    /// Three-instruction superinstructions, the second and third halves
    /// left in place: `LOAD_FAST a; LOAD_CONST c` (or `LOAD_FAST b`) and a
    /// `BINARY_OP`/in-place operator `op` or a `COMPARE_OP` on them. The
    /// operator's machine-sized int and float cases run at once; anything
    /// else runs the pair and lets the operator instruction do its work.
    LoadFastLoadConstArith(u16, u16, BinOp),
    LoadFastLoadFastArith(u16, u16, BinOp),
    LoadFastLoadConstCompare(u16, u16, CmpOp),
    LoadFastLoadFastCompare(u16, u16, CmpOp),
    /// `LOAD_FAST a; LOAD_FAST b; BINARY_SUBSCR`.
    LoadFastLoadFastSubscr(u16, u16),
    /// `LOAD_FAST a; LOAD_CONST c; BINARY_SUBSCR` (`row[0]`).
    LoadFastLoadConstSubscr(u16, u16),
    /// `LOAD_FAST a` and the attribute instruction on it (name `n`), which
    /// holds the object in the interpreter's hands either way, so the pair
    /// always runs as one.
    LoadFastLoadAttr(u16, u16),
    LoadFastLoadMethod(u16, u16),
    LoadFastStoreAttr(u16, u16),
    LoadFast(u32),
    /// `LoadFast` of a local the compiler proved bound: no unbound check.
    StoreFast(u32),
    DeleteFast(u32),
    /// Cell and free variables live in the frame's local slots after the
    /// plain locals; the operand is the slot index.
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell object itself (to build a closure tuple).
    LoadClosure(u32),
    /// In a class body: look in the class namespace first, then the cell.
    LoadClassDeref(u32),
    /// Operands of the name instructions are indices into `names`.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),
    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes `[method, self]` when the attribute is a plain function found on
    /// the type (no bound method is created), else `[attribute, NULL]`, so the
    /// arguments of `CallMethod` are contiguous either way.
    LoadMethod(u32),
    /// Calls what `LoadMethod` pushed, with `n` positional arguments.
    CallMethod(u32),
    /// Stack: callable, n arguments.
    Call(u32),
    /// Stack: callable, n arguments (the last `k` are keyword values), and a
    /// constant tuple of the `k` keyword names on top.
    CallKw(u32),
    /// Like `CallMethod` with a keyword-names tuple on top.
    CallMethodKw(u32),
    /// Stack: callable, args tuple, (kwargs dict if operand is 1).
    CallEx(u32),

    BinaryOp(BinOp),
    InplaceOp(BinOp),
    Unary(UnaryOp),
    CompareOp(CmpOp),
    /// `is` (0) / `is not` (1).
    IsOp(u32),
    /// `in` (0) / `not in` (1).
    ContainsOp(u32),
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,

    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// n key/value pairs.
    BuildMap(u32),
    /// n values and a constant tuple of keys on top.
    BuildConstKeyMap(u32),
    /// 2 or 3 items.
    BuildSlice(u32),
    /// Concatenate n strings (f-strings).
    BuildString(u32),
    ListAppend(u32),
    SetAdd(u32),
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// Like `DictUpdate`, raising on duplicate keys (`f(**a, **b)`).
    DictMerge(u32),
    ListToTuple,
    /// Operand: conversion in bits 0-1, bit 2 set when a format spec is on
    /// top of the value.
    FormatValue(u32),

    UnpackSequence(u32),
    /// Low byte: names before the starred target; next byte: after.
    UnpackEx(u32),

    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),

    GetIter,
    /// Push the next item, or pop the iterator and jump when exhausted.
    ForIter(u32),
    ReturnValue,
    YieldValue,
    /// Stack: sub-iterator, value to send. Yields what the sub-iterator
    /// yields; on its return, replaces both with the result and jumps.
    Send(u32),
    GetYieldFromIter,

    /// Flags from `make_function`; the code object and its qualified name are
    /// in the code object's constants (the qualname is stored in the code).
    MakeFunction(u32),
    LoadBuildClass,

    /// names[i]; stack: level, fromlist.
    ImportName(u32),
    ImportFrom(u32),
    ImportStar,

    /// 0: re-raise the active exception; 1: raise exc; 2: raise exc from cause.
    Raise(u32),
    /// Stack: previously handled exception, exception. Restore the former as
    /// the handled exception and raise the latter again, without a new
    /// traceback entry (end of a finally, an unmatched except chain).
    Reraise,
    /// Stack: prev, n other items, prev2, exc2 (an exception raised inside
    /// a handler or finally body). Restore `prev` as the handled exception,
    /// drop the rest and raise `exc2`.
    ReraiseCleanup(u32),
    /// Push an exception-handler block: on an exception, unwind the stack to
    /// its current depth, push the previously handled exception and the new
    /// one, and jump.
    SetupFinally(u32),
    /// Like `SetupFinally`, for the cleanup of a `with` block: the block's
    /// depth excludes the `__enter__` result on top.
    SetupWith(u32),
    /// Like `SetupFinally`, for the cleanup of an except handler: the depth
    /// excludes the exception on top, which the handler consumes.
    SetupCleanup(u32),
    /// Leave a block pushed by `SetupFinally`/`SetupWith` normally.
    PopBlock,
    /// Stack: previous handled exception (or NULL). Restore it as the handled
    /// exception and pop it.
    PopExcept,
    /// Stack: exception type pattern on top of the exception. Pops the
    /// pattern, pushes whether the exception matches.
    CheckExcMatch,
    /// `except*`: stack: exception (or None) below a handler's types. Pops
    /// both, pushes the part the types do not match, then the part they do
    /// (None for none; a matching naked exception comes wrapped in an
    /// ExceptionGroup), and makes a match the handled exception.
    CheckEgMatch,
    /// `except*`: stack: the caught exception below the list of what the
    /// handlers raised (and the rest). Pops both, pushes what to raise again
    /// (None for nothing).
    PrepReraiseStar,
    /// Stack: exit, (prev exc), exc. Calls exit(type, exc, tb); pushes result.
    WithExceptStart,
    /// Stack: context manager. Pushes its bound `__exit__` below the result
    /// of `__enter__()`.
    BeforeWith,
    LoadAssertionError,
    /// REPL: print the repr of the top and store it in `builtins._`.
    PrintExpr,
    SetupAnnotations,
    /// Marks the start of a line for tracing; never executed differently.
    Resume,
    /// `match` case `match_cases[i]`: the top `nvalues` stack items are the
    /// values and classes its pattern refers to (in pattern order), below
    /// them the subject (left on the stack). Pops the values; on a match
    /// pushes the captured values (in capture order) and True, else False.
    MatchCase(u32),
}

/// A `match` pattern, as the runtime interprets it. `usize` operands of
/// `Value`, `Class` and mapping keys index the values the `MatchCase`
/// instruction pops; captures index the case's capture slots.
#[derive(Clone, Debug)]
pub enum MatchPattern {
    /// `subject == values[i]`
    Value(usize),
    /// `subject is None/True/False`
    Singleton(Constant),
    /// A sequence pattern; `star` is the position of the starred item.
    Sequence { items: Vec<MatchPattern>, star: Option<usize> },
    /// The starred item of a sequence: capture slot (None for `*_`).
    Star(Option<usize>),
    Mapping { keys: Vec<usize>, values: Vec<MatchPattern>, rest: Option<usize> },
    Class { cls: usize, positional: Vec<MatchPattern>, keywords: Vec<(Rc<str>, MatchPattern)> },
    /// `pattern as name`, a bare capture (`pattern` None) or `_` (both None).
    As { pattern: Option<Box<MatchPattern>>, capture: Option<usize> },
    Or(Vec<MatchPattern>),
}

/// One `case` of a `match` statement.
#[derive(Clone, Debug)]
pub struct MatchCaseInfo {
    pub pattern: MatchPattern,
    pub nvalues: u32,
    pub ncaptures: u32,
}

/// A compile-time constant. The runtime turns each into one object per
/// compilation unit, merging equal constants (as CPython's compiler does).
#[derive(Clone, Debug)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    FrozenSet(Rc<[Constant]>),
    Code(Rc<CodeObject>),
}

impl Constant {
    /// Equality as CPython's constant cache sees it: same type and same value,
    /// with 0.0 and -0.0 distinct and NaNs equal to themselves bitwise.
    pub fn same_as(&self, other: &Constant) -> bool {
        use Constant::*;
        match (self, other) {
            (None, None) | (True, True) | (False, False) | (Ellipsis, Ellipsis) => true,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Complex(a, b), Complex(c, d)) => a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits(),
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) | (FrozenSet(a), FrozenSet(b)) => {
                a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.same_as(y))
            }
            (Code(a), Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A hash agreeing with `same_as`: constants it calls the same hash
    /// alike (so a hashed table can find a constant met before).
    pub fn hash_same<H: std::hash::Hasher>(&self, h: &mut H) {
        use std::hash::Hash;
        use Constant::*;
        std::mem::discriminant(self).hash(h);
        match self {
            None | True | False | Ellipsis => {}
            Int(i) => i.hash(h),
            Float(f) => f.to_bits().hash(h),
            Complex(r, i) => (r.to_bits(), i.to_bits()).hash(h),
            Str(s) => s.hash(h),
            Bytes(b) => b.hash(h),
            Tuple(items) | FrozenSet(items) => {
                items.len().hash(h);
                for x in items.iter() {
                    x.hash_same(h);
                }
            }
            Code(c) => Rc::as_ptr(c).hash(h),
        }
    }
}

/// Code flags (a subset of CPython's `co_flags`, same bit values).
pub mod code_flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
}

/// A compiled block of code: a module, a class body, a function, a lambda or
/// a comprehension.
#[derive(Debug)]
pub struct CodeObject {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub instrs: Vec<Instr>,
    /// Source span (byte offsets) of each instruction, for line numbers and
    /// traceback carets.
    pub spans: Vec<(u32, u32)>,
    /// Line number of each instruction (1-based).
    pub lines: Vec<u32>,
    pub consts: Vec<Constant>,
    pub names: Vec<Rc<str>>,
    /// Plain locals: parameters first, in order.
    pub varnames: Vec<Rc<str>>,
    /// Cell variables (locals captured by inner scopes), stored after the
    /// varnames in the frame. A parameter that is also a cell is copied into
    /// its cell at frame start (`cell2arg`).
    pub cellvars: Vec<Rc<str>>,
    /// For each cell variable, the parameter index it starts from.
    pub cell2arg: Vec<Option<u32>>,
    /// Free variables (captured from enclosing scopes), after the cells.
    pub freevars: Vec<Rc<str>>,
    pub max_stack: u32,
    /// CPython 3.11's `len(co_code) // 2` (inline caches included) and
    /// `co_stacksize` for the same source (`shape`): refscope's bytecode
    /// differs, but sizes of code objects, frames and generators follow
    /// CPython's.
    pub cpython_code_units: u32,
    pub cpython_stacksize: u32,
    /// The cases of the `match` statements in this code.
    pub match_cases: Vec<MatchCaseInfo>,
    /// The docstring, if the body starts with one (functions, classes, modules).
    pub has_docstring: bool,
}

impl CodeObject {
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }
    pub fn is_generator(&self) -> bool {
        self.flags & code_flags::GENERATOR != 0
    }
    pub fn line_of(&self, instr_index: usize) -> u32 {
        self.lines.get(instr_index).copied().unwrap_or(self.first_line)
    }
    /// Name of local slot `i` (plain, cell or free), for error messages.
    pub fn localsplus_name(&self, i: usize) -> &str {
        let nv = self.varnames.len();
        let nc = self.cellvars.len();
        if i < nv {
            &self.varnames[i]
        } else if i < nv + nc {
            &self.cellvars[i - nv]
        } else {
            &self.freevars[i - nv - nc]
        }
    }
}

/// Combine common pairs of instructions on one line into superinstructions
/// (CPython 3.11 has the first three): `LOAD_FAST a; LOAD_FAST b`,
/// `LOAD_FAST a; LOAD_CONST c`, `STORE_FAST a; LOAD_FAST b`, a local and
/// the attribute instruction on it (`LoadFastLoadAttr`...), and the
/// triples of two loads and an operator (`LoadFastLoadConstArith`...). The
/// first instruction of a group is replaced and the others kept, so
/// instruction indices, jump targets and the line table do not change;
/// groups never overlap (the later halves of one do not start another).
pub fn fuse_pairs(instrs: &mut [Instr], lines: &[u32]) {
    let small = |i: u32| u16::try_from(i).ok();
    let mut k = 0;
    while k + 1 < instrs.len() {
        if lines.get(k) != lines.get(k + 1) {
            k += 1;
            continue;
        }
        if k + 2 < instrs.len() && lines.get(k + 1) == lines.get(k + 2) {
            let tri = match (instrs[k], instrs[k + 1], instrs[k + 2]) {
                (Instr::LoadFast(a), Instr::LoadConst(c), Instr::BinaryOp(op) | Instr::InplaceOp(op)) => small(a).zip(small(c)).map(|(a, c)| Instr::LoadFastLoadConstArith(a, c, op)),
                (Instr::LoadFast(a), Instr::LoadFast(b), Instr::BinaryOp(op) | Instr::InplaceOp(op)) => small(a).zip(small(b)).map(|(a, b)| Instr::LoadFastLoadFastArith(a, b, op)),
                (Instr::LoadFast(a), Instr::LoadConst(c), Instr::CompareOp(op)) => small(a).zip(small(c)).map(|(a, c)| Instr::LoadFastLoadConstCompare(a, c, op)),
                (Instr::LoadFast(a), Instr::LoadFast(b), Instr::CompareOp(op)) => small(a).zip(small(b)).map(|(a, b)| Instr::LoadFastLoadFastCompare(a, b, op)),
                (Instr::LoadFast(a), Instr::LoadFast(b), Instr::BinarySubscr) => small(a).zip(small(b)).map(|(a, b)| Instr::LoadFastLoadFastSubscr(a, b)),
                (Instr::LoadFast(a), Instr::LoadConst(c), Instr::BinarySubscr) => small(a).zip(small(c)).map(|(a, c)| Instr::LoadFastLoadConstSubscr(a, c)),
                _ => None,
            };
            if let Some(f) = tri {
                instrs[k] = f;
                k += 3;
                continue;
            }
        }
        let fused = match (instrs[k], instrs[k + 1]) {
            (Instr::LoadFast(a), Instr::LoadAttr(n)) => small(a).zip(small(n)).map(|(a, n)| Instr::LoadFastLoadAttr(a, n)),
            (Instr::LoadFast(a), Instr::LoadMethod(n)) => small(a).zip(small(n)).map(|(a, n)| Instr::LoadFastLoadMethod(a, n)),
            (Instr::LoadFast(a), Instr::StoreAttr(n)) => small(a).zip(small(n)).map(|(a, n)| Instr::LoadFastStoreAttr(a, n)),
            (Instr::LoadFast(a), Instr::LoadFast(b)) => small(a).zip(small(b)).map(|(a, b)| Instr::LoadFastLoadFast(a, b)),
            (Instr::LoadFast(a), Instr::LoadConst(c)) => small(a).zip(small(c)).map(|(a, c)| Instr::LoadFastLoadConst(a, c)),
            (Instr::StoreFast(a), Instr::LoadFast(b)) => small(a).zip(small(b)).map(|(a, b)| Instr::StoreFastLoadFast(a, b)),
            _ => None,
        };
        match fused {
            Some(f) => {
                instrs[k] = f;
                k += 2;
            }
            None => k += 1,
        }
    }
}
