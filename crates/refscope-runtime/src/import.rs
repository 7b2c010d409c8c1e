//! `import`: the builtin modules (sys, builtins) and the program's own
//! modules, found as `NAME.py` (or packages `NAME/__init__.py`) in the
//! directories of `sys.path`, then the embedded standard library
//! (`stdlib/`, Python sources compiled into the binary).

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};

fn modules_get(vm: &Vm, name: &str) -> Option<PyRef> {
    dict::get_str_key(&vm.modules, &vm.intern(name))
}

/// Import `name` (dotted) and return what `IMPORT_NAME` pushes: the top
/// package, or the module itself when a fromlist is given.
pub fn import_name(vm: &Vm, name: &PyRef, fromlist: &PyRef, level: &PyRef, globals: &PyRef) -> PyResult {
    let mut full = str::as_str(name).to_string();
    let level = int::as_i64(level).unwrap_or(0);
    if level > 0 {
        let pkg = dict::get_str_key(globals, &vm.intern("__package__"))
            .filter(|p| p.kind() == Kind::Str)
            .map(|p| str::as_str(&p).to_string())
            .unwrap_or_default();
        let mut parts: Vec<&str> = if pkg.is_empty() { Vec::new() } else { pkg.split('.').collect() };
        if pkg.is_empty() || (level as usize - 1) > parts.len() {
            return Err(vm.new_exception(&vm.exc.import_error, "attempted relative import with no known parent package".into()));
        }
        parts.truncate(parts.len() + 1 - level as usize);
        let base = parts.join(".");
        full = if full.is_empty() { base } else { format!("{}.{}", base, full) };
    }
    let mut module = None;
    let mut prefix = String::new();
    for part in full.split('.') {
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(part);
        let m = load(vm, &prefix, module.as_ref())?;
        if let Some(parent) = &module {
            let _ = ops::set_attr_str(vm, parent, part, m.clone());
        }
        module = Some(m);
    }
    let leaf = module.expect("non-empty module name");
    let has_fromlist = !fromlist.is(&vm.none) && !tuple::items(fromlist).is_empty();
    if has_fromlist || full.find('.').is_none() {
        if has_fromlist {
            return Ok(leaf);
        }
        return Ok(leaf);
    }
    let top = full.split('.').next().unwrap();
    Ok(modules_get(vm, top).unwrap_or(leaf))
}

/// Import the top-level module `name` from Rust code (e.g. `copyreg` for
/// `object.__reduce_ex__`), as `import name` would.
pub fn import_module(vm: &Vm, name: &str) -> PyResult {
    load(vm, name, None)
}

fn load(vm: &Vm, name: &str, parent: Option<&PyRef>) -> PyResult {
    if let Some(m) = modules_get(vm, name) {
        return Ok(m);
    }
    if parent.is_none() {
        if let Some(m) = crate::modules::builtin_module(vm, name) {
            dict::set_item_str(vm, &vm.modules, vm.intern(name), m.clone());
            return Ok(m);
        }
    }
    let dirs: Vec<String> = match parent {
        Some(p) => match ops::get_attr_opt(vm, p, &vm.intern("__path__"))? {
            Some(path) => ops::iterate(vm, &path)?.iter().map(|x| ops::str_string(vm, x)).collect::<PyResult<Vec<_>>>()?,
            None => {
                return Err(not_found(vm, name));
            }
        },
        None => vm.path.borrow().clone(),
    };
    let leaf = name.rsplit('.').next().unwrap();
    for d in dirs {
        let base = std::path::Path::new(&d);
        let file = base.join(format!("{}.py", leaf));
        let pkg = base.join(leaf).join("__init__.py");
        let (path, is_pkg) = if file.is_file() {
            (file, false)
        } else if pkg.is_file() {
            (pkg, true)
        } else {
            continue;
        };
        let source = std::fs::read_to_string(&path).map_err(|e| vm.new_exception(&vm.exc.import_error, e.to_string()))?;
        let filename = path.to_string_lossy().to_string();
        let dir = if is_pkg { Some(path.parent().unwrap().to_string_lossy().to_string()) } else { None };
        return exec_module(vm, name, &source, &filename, Some(&filename), dir);
    }
    if parent.is_none() {
        // The embedded standard library sits at the end of the search path,
        // as CPython's Lib directory does: a program's own `copy.py` wins.
        if let Some(source) = crate::stdlib::source(name) {
            return exec_module(vm, name, source, &format!("<frozen {}>", name), None, None);
        }
    }
    Err(not_found(vm, name))
}

/// Import module `name` of the embedded standard library (or a builtin
/// module) as CPython's start-up does for the modules it always loads:
/// from refscope's own copy, whatever the program's directory holds.
pub fn preload(vm: &Vm, name: &str) -> PyResult {
    if let Some(m) = modules_get(vm, name) {
        return Ok(m);
    }
    if let Some(m) = crate::modules::builtin_module(vm, name) {
        dict::set_item_str(vm, &vm.modules, vm.intern(name), m.clone());
        return Ok(m);
    }
    match crate::stdlib::source(name) {
        Some(source) => exec_module(vm, name, source, &format!("<frozen {}>", name), None, None),
        None => Err(not_found(vm, name)),
    }
}

/// Create module `name`, register it in `sys.modules`, run `source` in its
/// namespace; on failure the half-made module leaves `sys.modules` again.
fn exec_module(vm: &Vm, name: &str, source: &str, filename: &str, file: Option<&str>, pkg_dir: Option<String>) -> PyResult {
    let m = new_module(vm, name);
    let md = module::get(&m).unwrap().dict.clone();
    if let Some(f) = file {
        dict::set_item_str(vm, &md, vm.intern("__file__"), vm.str(f));
    }
    let package = if pkg_dir.is_some() { name.to_string() } else { name.rsplit_once('.').map(|x| x.0.to_string()).unwrap_or_default() };
    dict::set_item_str(vm, &md, vm.intern("__package__"), vm.str(&package));
    if let Some(dir) = pkg_dir {
        dict::set_item_str(vm, &md, vm.intern("__path__"), vm.list(vec![vm.str(&dir)]));
    }
    dict::set_item_str(vm, &vm.modules, vm.intern(name), m.clone());
    let code = match crate::compile_source(vm, source, filename, false) {
        Ok(c) => c,
        Err(e) => {
            dict::del_item_str(vm, &vm.modules, &vm.intern(name));
            return Err(e);
        }
    };
    if let Err(e) = crate::interp::run_code(vm, &code, md.clone(), md, None) {
        dict::del_item_str(vm, &vm.modules, &vm.intern(name));
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    Ok(modules_get(vm, name).unwrap_or(m))
}

fn not_found(vm: &Vm, name: &str) -> crate::vm::PyErr {
    let e = vm.new_exception(&vm.exc.module_not_found_error, format!("No module named '{}'", name));
    let _ = ops::set_attr_str(vm, &e.0, "name", vm.str(name));
    e
}

pub fn new_module(vm: &Vm, name: &str) -> PyRef {
    let d = vm.dict();
    dict::set_item_str(vm, &d, vm.intern("__name__"), vm.str(name));
    dict::set_item_str(vm, &d, vm.intern("__doc__"), vm.none());
    dict::set_item_str(vm, &d, vm.intern("__package__"), vm.none());
    dict::set_item_str(vm, &d, vm.intern("__loader__"), vm.none());
    dict::set_item_str(vm, &d, vm.intern("__spec__"), vm.none());
    dict::set_item_str(vm, &d, vm.intern("__builtins__"), vm.builtins.borrow().clone().expect("builtins"));
    PyRef::new(&vm.types.module, module::ModuleData { dict: d, builtin: true })
}

/// `from module import name`.
pub fn import_from(vm: &Vm, m: &PyRef, name: &PyRef) -> PyResult {
    match ops::get_attr_opt(vm, m, name)? {
        Some(v) => Ok(v),
        None => {
            // A submodule not yet imported.
            if m.kind() == Kind::Module {
                let mname = ops::module_name(vm, m);
                let full = format!("{}.{}", mname, str::as_str(name));
                if ops::get_attr_opt(vm, m, &vm.intern("__path__"))?.is_some() {
                    if let Ok(sub) = load(vm, &full, Some(m)) {
                        let _ = ops::set_attr(vm, m, name, Some(sub.clone()));
                        return Ok(sub);
                    }
                }
                let file = dict::get_str_key(&module::get(m).unwrap().dict, &vm.intern("__file__"));
                let place = match file {
                    Some(f) if f.kind() == Kind::Str => str::as_str(&f).to_string(),
                    _ => "unknown location".to_string(),
                };
                return Err(vm.new_exception(
                    &vm.exc.import_error,
                    format!("cannot import name '{}' from '{}' ({})", str::as_str(name), mname, place),
                ));
            }
            Err(vm.new_exception(&vm.exc.import_error, format!("cannot import name '{}'", str::as_str(name))))
        }
    }
}

/// `from module import *`.
pub fn import_star(vm: &Vm, m: &PyRef, target: &PyRef) -> PyResult<()> {
    let md = ops::instance_dict(vm, m, false).ok_or_else(|| vm.type_error("from-import-* object has no __dict__ and no __all__"))?;
    let names: Vec<PyRef> = match dict::get_str_key(&md, &vm.intern("__all__")) {
        Some(all) => ops::iterate(vm, &all)?,
        None => dict::get(&md).unwrap().keys().into_iter().filter(|k| !str::as_str(k).starts_with('_')).collect(),
    };
    for n in names {
        let v = ops::get_attr(vm, m, &n)?;
        ops::set_item(vm, target, n, v)?;
    }
    Ok(())
}
