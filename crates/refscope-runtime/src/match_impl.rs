//! Structural pattern matching (`match`/`case`): the runtime side of the
//! `MatchCase` instruction, following PEP 634's semantics.
//!
//! Sequence patterns accept list, tuple, range and their subclasses (not
//! str, bytes or bytearray); mapping patterns accept dict and its
//! subclasses; class patterns check `isinstance` and use `__match_args__`
//! for positional sub-patterns, except for the builtins that match their
//! single positional sub-pattern against the subject itself.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::typeobj;
use crate::types::*;
use crate::vm::{PyResult, Vm};
use refscope_compiler::bytecode::{Constant, MatchPattern};

pub struct Matcher<'a> {
    pub vm: &'a Vm,
    pub values: &'a [PyRef],
    pub captures: Vec<Option<PyRef>>,
}

impl Matcher<'_> {
    pub fn matches(&mut self, p: &MatchPattern, subject: &PyRef) -> PyResult<bool> {
        let vm = self.vm;
        Ok(match p {
            MatchPattern::Value(i) => ops::eq(vm, subject, &self.values[*i])?,
            MatchPattern::Singleton(c) => match c {
                Constant::None => subject.is(&vm.none),
                Constant::True => subject.is(&vm.true_),
                _ => subject.is(&vm.false_),
            },
            MatchPattern::As { pattern, capture } => {
                if let Some(p) = pattern {
                    if !self.matches(p, subject)? {
                        return Ok(false);
                    }
                }
                if let Some(c) = capture {
                    self.captures[*c] = Some(subject.clone());
                }
                true
            }
            MatchPattern::Or(alts) => {
                for a in alts {
                    let saved = self.captures.clone();
                    if self.matches(a, subject)? {
                        return Ok(true);
                    }
                    self.captures = saved;
                }
                false
            }
            MatchPattern::Star(_) => true,
            MatchPattern::Sequence { items, star } => self.sequence(items, *star, subject)?,
            MatchPattern::Mapping { keys, values, rest } => self.mapping(keys, values, *rest, subject)?,
            MatchPattern::Class { cls, positional, keywords } => self.class(*cls, positional, keywords, subject)?,
        })
    }

    fn sequence(&mut self, items: &[MatchPattern], star: Option<usize>, subject: &PyRef) -> PyResult<bool> {
        let vm = self.vm;
        if !matches!(subject.kind(), Kind::List | Kind::Tuple | Kind::Range) {
            return Ok(false);
        }
        let elems = ops::iterate(vm, subject)?;
        match star {
            None => {
                if elems.len() != items.len() {
                    return Ok(false);
                }
                for (p, e) in items.iter().zip(&elems) {
                    if !self.matches(p, e)? {
                        return Ok(false);
                    }
                }
            }
            Some(s) => {
                let after = items.len() - s - 1;
                if elems.len() < items.len() - 1 {
                    return Ok(false);
                }
                for (p, e) in items[..s].iter().zip(&elems[..s]) {
                    if !self.matches(p, e)? {
                        return Ok(false);
                    }
                }
                let tail_start = elems.len() - after;
                if let MatchPattern::Star(Some(c)) = &items[s] {
                    self.captures[*c] = Some(vm.list(elems[s..tail_start].to_vec()));
                }
                for (p, e) in items[s + 1..].iter().zip(&elems[tail_start..]) {
                    if !self.matches(p, e)? {
                        return Ok(false);
                    }
                }
            }
        }
        Ok(true)
    }

    fn mapping(&mut self, keys: &[usize], pats: &[MatchPattern], rest: Option<usize>, subject: &PyRef) -> PyResult<bool> {
        let vm = self.vm;
        if subject.kind() != Kind::Dict {
            return Ok(false);
        }
        let mut seen: Vec<PyRef> = Vec::new();
        for (ki, p) in keys.iter().zip(pats) {
            let key = &self.values[*ki];
            for s in &seen {
                if ops::eq(vm, s, key)? {
                    return Err(vm.value_error(format!("mapping pattern checks duplicate key ({})", ops::repr_string(vm, key)?)));
                }
            }
            seen.push(key.clone());
            // CPython looks keys up with get(), so __missing__ is not used.
            let v = match dict::get(subject).unwrap().get(vm, key)? {
                Some(v) => v,
                None => return Ok(false),
            };
            if !self.matches(p, &v)? {
                return Ok(false);
            }
        }
        if let Some(r) = rest {
            let d = vm.dict();
            crate::types::dict_impl::update_from(vm, &d, subject)?;
            for k in &seen {
                dict::get(&d).unwrap().remove(vm, k)?;
            }
            self.captures[r] = Some(d);
        }
        Ok(true)
    }

    fn class(&mut self, cls: usize, positional: &[MatchPattern], keywords: &[(std::rc::Rc<str>, MatchPattern)], subject: &PyRef) -> PyResult<bool> {
        let vm = self.vm;
        let cls = self.values[cls].clone();
        if cls.kind() != Kind::Type {
            return Err(vm.type_error("called match pattern must be a type"));
        }
        if !ops::isinstance(vm, subject, &cls)? {
            return Ok(false);
        }
        let t = &vm.types;
        let self_matching = [&t.bool_, &t.bytearray, &t.bytes, &t.dict, &t.float, &t.frozenset, &t.int, &t.list, &t.set, &t.str_, &t.tuple]
            .iter()
            .any(|b| typeobj::is_subtype(&cls, b) && typeobj::data(&cls).instance_kind == typeobj::data(b).instance_kind)
            && typeobj::lookup_str(vm, &cls, "__match_args__").is_none();
        let mut names: Vec<String> = Vec::new();
        if !positional.is_empty() {
            if self_matching {
                if positional.len() > 1 {
                    return Err(vm.type_error(format!("{}() accepts 1 positional sub-pattern ({} given)", typeobj::type_name(&cls), positional.len())));
                }
                if !self.matches(&positional[0], subject)? {
                    return Ok(false);
                }
            } else {
                let ma = ops::get_attr_opt(vm, &cls, &vm.intern("__match_args__"))?;
                let args: Vec<PyRef> = match ma {
                    Some(m) if m.kind() == Kind::Tuple => tuple::items(&m).to_vec(),
                    Some(m) => return Err(vm.type_error(format!("{}.__match_args__ must be a tuple (got {})", typeobj::type_name(&cls), vm.type_name(&m)))),
                    None => Vec::new(),
                };
                if positional.len() > args.len() {
                    return Err(vm.type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({} given)",
                        typeobj::type_name(&cls),
                        args.len(),
                        if args.len() == 1 { "" } else { "s" },
                        positional.len()
                    )));
                }
                for (p, a) in positional.iter().zip(&args) {
                    let Some(name) = str::get(a) else {
                        return Err(vm.type_error(format!("__match_args__ elements must be strings (got {})", vm.type_name(a))));
                    };
                    let name = name.as_str().to_string();
                    if names.contains(&name) {
                        return Err(vm.type_error(format!("{}() got multiple sub-patterns for attribute '{}'", typeobj::type_name(&cls), name)));
                    }
                    let Some(v) = ops::get_attr_opt(vm, subject, &vm.intern(&name))? else { return Ok(false) };
                    names.push(name);
                    if !self.matches(p, &v)? {
                        return Ok(false);
                    }
                }
            }
        }
        for (name, p) in keywords {
            if names.iter().any(|n| **n == **name) {
                return Err(vm.type_error(format!("{}() got multiple sub-patterns for attribute '{}'", typeobj::type_name(&cls), name)));
            }
            let Some(v) = ops::get_attr_opt(vm, subject, &vm.intern(name))? else { return Ok(false) };
            if !self.matches(p, &v)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}
