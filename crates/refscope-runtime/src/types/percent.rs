//! `str % args` (printf-style formatting), using refscope-numfmt for the
//! number conversions.

use crate::object::{Kind, PyRef};
use crate::ops;
use crate::types::*;
use crate::vm::{PyResult, Vm};
use refscope_numfmt::{Count, PercentSpec};

fn num_err(vm: &Vm, e: refscope_numfmt::NumError) -> crate::vm::PyErr {
    crate::builtins::num_error(vm, e)
}

/// `str % args`.
pub fn str_percent(vm: &Vm, fmt: &PyRef, args: &PyRef) -> PyResult {
    let f = str::as_str(fmt);
    if !f.contains('%') && fmt.ty().is(&vm.types.str_) {
        // Still an error when positional arguments are left over.
        percent_engine(vm, f, args, false)?;
        return Ok(fmt.clone());
    }
    Ok(vm.str_owned(percent_engine(vm, f, args, false)?))
}

/// `bytes % args` / `bytearray % args`: the format is run as Latin-1 text,
/// whose characters stand for the bytes.
pub fn bytes_percent(vm: &Vm, fmt: &PyRef, args: &PyRef) -> PyResult {
    let Some(b) = bytes::buffer(fmt) else { return Ok(vm.not_implemented.clone()) };
    let f: String = b.iter().map(|&c| c as char).collect();
    let out = percent_engine(vm, &f, args, true)?;
    let v: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    Ok(bytes::make(vm, fmt, v))
}

/// Latin-1 text for bytes.
fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

/// The bytes `%s`/`%b` inserts: a bytes-like object or `__bytes__`.
fn bytes_arg(vm: &Vm, value: &PyRef) -> PyResult<String> {
    if let Some(b) = bytes::buffer(value) {
        return Ok(latin1(&b));
    }
    if let Some(r) = ops::call_special(vm, value, "__bytes__", &[])? {
        return match bytes::get(&r) {
            Some(b) => Ok(latin1(b)),
            None => Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r)))),
        };
    }
    Err(vm.type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{}'", vm.type_name(value))))
}

/// printf-style formatting shared by str and bytes (`bytes_mode`).
fn percent_engine(vm: &Vm, f: &str, args: &PyRef, bytes_mode: bool) -> PyResult<String> {
    let excluded = if bytes_mode { matches!(args.kind(), Kind::Bytes | Kind::ByteArray | Kind::Str) } else { args.kind() == Kind::Str };
    let (items, mapping): (Vec<PyRef>, Option<PyRef>) = if args.kind() == Kind::Tuple {
        (tuple::items(args).to_vec(), None)
    } else if args.kind() == Kind::Dict || (ops::lookup_special(vm, args, "__getitem__").is_some() && !excluded) {
        (vec![args.clone()], Some(args.clone()))
    } else {
        (vec![args.clone()], None)
    };
    let mut out = String::with_capacity(f.len() + 8 * items.len());
    let mut argi = 0usize;
    let mut rest = f;
    let mut char_index = 0usize;
    let mut used_mapping = false;
    let next_arg = |argi: &mut usize| -> PyResult<PyRef> {
        if *argi >= items.len() {
            return Err(vm.type_error("not enough arguments for format string"));
        }
        *argi += 1;
        Ok(items[*argi - 1].clone())
    };
    while let Some(pos) = rest.find('%') {
        out.push_str(&rest[..pos]);
        char_index += rest[..pos].chars().count();
        let after = &rest[pos + 1..];
        let (mut spec, consumed): (PercentSpec, usize) = match refscope_numfmt::parse_percent_spec(after) {
            Ok(x) => x,
            Err(e) => return Err(num_err(vm, e.to_error())),
        };
        let spec_chars = after[..consumed].chars().count();
        rest = &after[consumed..];
        if spec.literal_percent {
            out.push('%');
            char_index += 1 + spec_chars;
            continue;
        }
        let value = match &spec.key {
            Some(k) => {
                let Some(m) = &mapping else { return Err(vm.type_error("format requires a mapping")) };
                used_mapping = true;
                let key = if bytes_mode { vm.bytes(k.chars().map(|c| c as u32 as u8).collect()) } else { vm.str(k) };
                ops::get_item(vm, m, &key)?
            }
            None => {
                if let Count::Star = spec.width {
                    let w = next_arg(&mut argi)?;
                    spec.set_star_width(crate::types::int::index_i64(vm, &w).map_err(|_| vm.type_error("* wants int"))?);
                }
                if let Count::Star = spec.precision {
                    let p = next_arg(&mut argi)?;
                    spec.set_star_precision(crate::types::int::index_i64(vm, &p).map_err(|_| vm.type_error("* wants int"))?);
                }
                if mapping.is_some() && items.len() == 1 && argi == 0 {
                    argi = 1;
                    items[0].clone()
                } else {
                    next_arg(&mut argi)?
                }
            }
        };
        if !(spec.is_valid_conversion() || (bytes_mode && spec.conv == 'b')) {
            return Err(vm.value_error(refscope_numfmt::unsupported_format_char_message(spec.conv, char_index + 1 + spec_chars - 1)));
        }
        char_index += 1 + spec_chars;
        // The plainest conversions of exact ints and strs write their text
        // straight out: what the general conversions below make of them.
        let plain = !spec.left && !spec.plus && !spec.space && !spec.alt && !spec.zero && matches!(spec.width, Count::Absent) && matches!(spec.precision, Count::Absent);
        if plain && !bytes_mode {
            match spec.conv {
                'd' | 'i' | 'u' if value.ty().is(&vm.types.int) => {
                    if let Some(i) = int::as_i64(&value) {
                        out.push_str(&int::small_decimal(i));
                        continue;
                    }
                }
                's' if value.ty().is(&vm.types.str_) => {
                    out.push_str(str::as_str(&value));
                    continue;
                }
                _ => {}
            }
        }
        let piece = match spec.conv {
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let v = if value.kind() == Kind::Int {
                    int::to_bigint(&value)
                } else if value.kind() == Kind::Float {
                    refscope_numfmt::float_to_int(float::get(&value).unwrap()).map_err(|e| num_err(vm, e))?
                } else {
                    match int::index_value(vm, &value) {
                        Ok(v) => v,
                        Err(_) => {
                            let what = if matches!(spec.conv, 'o' | 'x' | 'X') { "an integer is required" } else { "a real number is required" };
                            return Err(vm.type_error(format!("%{} format: {}, not {}", spec.conv, what, vm.type_name(&value))));
                        }
                    }
                };
                if matches!(spec.conv, 'd' | 'i' | 'u') {
                    int::check_str_digits(vm, &crate::builtins::int_data(v.clone()))?;
                }
                refscope_numfmt::percent_format_int(&v, &spec).map_err(|e| num_err(vm, e))?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match value.kind() {
                    Kind::Float => float::get(&value).unwrap(),
                    Kind::Int => int::int_to_f64(vm, int::get(&value).unwrap())?,
                    _ => match ops::call_special(vm, &value, "__float__", &[])? {
                        Some(f) => float::get(&f).unwrap_or(0.0),
                        None => return Err(vm.type_error(format!("must be real number, not {}", vm.type_name(&value)))),
                    },
                };
                refscope_numfmt::percent_format_float(x, &spec, "float").map_err(|e| num_err(vm, e))?
            }
            'c' if bytes_mode => {
                let ch = if let Some(b) = bytes::buffer(&value).filter(|b| b.len() == 1) {
                    b[0]
                } else if let Some(d) = int::get(&value) {
                    match d.as_i64() {
                        Some(i) if (0..256).contains(&i) => i as u8,
                        _ => return Err(vm.overflow_error("%c arg not in range(256)")),
                    }
                } else {
                    return Err(vm.type_error("%c requires an integer in range(256) or a single byte"));
                };
                refscope_numfmt::percent_format_str(&(ch as char).to_string(), &spec).map_err(|e| num_err(vm, e))?
            }
            'c' => {
                let s = if let Some(i) = int::as_i64(&value) {
                    match char::from_u32(i as u32) {
                        Some(c) if (0..=0x10ffff).contains(&i) => c.to_string(),
                        _ => return Err(vm.overflow_error("%c arg not in range(0x110000)")),
                    }
                } else if let Some(s) = str::get(&value) {
                    if s.char_len() != 1 {
                        return Err(vm.type_error("%c requires int or char"));
                    }
                    s.as_str().to_string()
                } else {
                    return Err(vm.type_error("%c requires int or char"));
                };
                refscope_numfmt::percent_format_str(&s, &spec).map_err(|e| num_err(vm, e))?
            }
            'r' | 'a' if bytes_mode => refscope_numfmt::percent_format_str(&crate::builtins::ascii_escape(&ops::repr_string(vm, &value)?), &spec).map_err(|e| num_err(vm, e))?,
            's' | 'b' if bytes_mode => refscope_numfmt::percent_format_str(&bytes_arg(vm, &value)?, &spec).map_err(|e| num_err(vm, e))?,
            'r' => refscope_numfmt::percent_format_str(&ops::repr_string(vm, &value)?, &spec).map_err(|e| num_err(vm, e))?,
            'a' => refscope_numfmt::percent_format_str(&crate::builtins::ascii_escape(&ops::repr_string(vm, &value)?), &spec).map_err(|e| num_err(vm, e))?,
            _ => refscope_numfmt::percent_format_str(&ops::str_string(vm, &value)?, &spec).map_err(|e| num_err(vm, e))?,
        };
        out.push_str(&piece);
    }
    out.push_str(rest);
    if mapping.is_none() && argi < items.len() {
        return Err(vm.type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    let _ = used_mapping;
    Ok(out)
}
