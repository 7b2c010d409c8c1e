//! Checks every line of the CPython-generated vectors in `tests/vectors/`
//! (made by `tests/gen_vectors.py`) against this crate.

use std::str::FromStr;

use num_bigint::BigInt;
use refscope_numfmt::*;

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('\\') => out.push('\\'),
            Some('u') => {
                assert_eq!(it.next(), Some('{'));
                let mut hex = String::new();
                for h in it.by_ref() {
                    if h == '}' {
                        break;
                    }
                    hex.push(h);
                }
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("bad escape {:?} in {:?}", other, s),
        }
    }
    out
}

fn lines(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/tests/vectors/{}", env!("CARGO_MANIFEST_DIR"), name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {}", path, e));
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| l.split('\t').map(unescape).collect())
        .collect()
}

fn bits(s: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(s, 16).unwrap())
}

fn fbits(x: f64) -> String {
    if x.is_nan() {
        "nan".to_string()
    } else {
        format!("{:016x}", x.to_bits())
    }
}

fn big(s: &str) -> BigInt {
    BigInt::from_str(s).unwrap()
}

/// Renders a result the way the vector files do.
fn render(r: Result<String, NumError>) -> Vec<String> {
    match r {
        Ok(s) => vec!["OK".into(), s],
        Err(e) => vec!["ERR".into(), e.kind.name().into(), e.message],
    }
}

struct Failures {
    name: &'static str,
    count: usize,
    total: usize,
    shown: Vec<String>,
}

impl Failures {
    fn new(name: &'static str) -> Self {
        Failures {
            name,
            count: 0,
            total: 0,
            shown: Vec::new(),
        }
    }
    fn check(&mut self, input: &[String], got: Vec<String>, want: &[String]) {
        self.total += 1;
        if got != want {
            self.count += 1;
            if self.shown.len() < 40 {
                self.shown.push(format!(
                    "input {:?}\n   got  {:?}\n   want {:?}",
                    input, got, want
                ));
            }
        }
    }
    fn finish(self) {
        assert!(self.total > 0, "{}: no vectors", self.name);
        if self.count > 0 {
            panic!(
                "{}: {} of {} vectors differ:\n{}",
                self.name,
                self.count,
                self.total,
                self.shown.join("\n")
            );
        }
    }
}

#[test]
fn repr_vectors() {
    let mut f = Failures::new("repr");
    for l in lines("repr.txt") {
        let got = float_repr(bits(&l[0]));
        f.check(&l, vec![got], &l[1..]);
    }
    f.finish();
}

#[test]
fn format_float_vectors() {
    let mut f = Failures::new("format_float");
    for l in lines("format_float.txt") {
        let x = bits(&l[0]);
        let got = parse_format_spec(&l[1], "float").and_then(|s| format_float(x, &s, "float"));
        f.check(&l, render(got), &l[2..]);
    }
    f.finish();
}

#[test]
fn format_int_vectors() {
    let mut f = Failures::new("format_int");
    for l in lines("format_int.txt") {
        let (v, tn) = match l[0].strip_prefix("bool:") {
            Some(b) => (big(b), "bool"),
            None => (big(&l[0]), "int"),
        };
        let got = parse_format_spec(&l[1], tn).and_then(|s| format_int(&v, &s, tn));
        f.check(&l, render(got), &l[2..]);
    }
    f.finish();
}

#[test]
fn format_str_vectors() {
    let mut f = Failures::new("format_str");
    for l in lines("format_str.txt") {
        let got = parse_format_spec(&l[1], "str").and_then(|s| format_str(&l[0], &s, "str"));
        f.check(&l, render(got), &l[2..]);
    }
    f.finish();
}

/// Emulates the interpreter's `'%' + spec % args` for a one-conversion
/// template, the way the crate docs tell the caller to.
fn percent_emulate(
    kind: &str,
    value: &str,
    spec_text: &str,
    sw: &str,
    sp: &str,
) -> Result<String, NumError> {
    let (mut spec, consumed) = parse_percent_spec(spec_text).map_err(|e| e.to_error())?;
    let rest = &spec_text[consumed..];
    let mut args_left = if kind == "parse" { 0 } else { 1 };
    if sw != "-" {
        args_left += 1;
    }
    if sp != "-" {
        args_left += 1;
    }
    let mapping = spec.key.is_some() || kind == "parse";
    if spec.literal_percent {
        if args_left > 0 && !mapping {
            return Err(NumError::new(
                ErrorKind::TypeError,
                "not all arguments converted during string formatting",
            ));
        }
        return Ok(format!("%{}", rest));
    }
    if spec.width == Count::Star {
        spec.set_star_width(sw.parse().unwrap());
    }
    if spec.precision == Count::Star {
        spec.set_star_precision(sp.parse().unwrap());
    }
    if !spec.is_valid_conversion() {
        let index = spec_text[..consumed].chars().count();
        return Err(NumError::new(
            ErrorKind::ValueError,
            unsupported_format_char_message(spec.conv, index),
        ));
    }
    let out = match (kind, spec.key.as_deref()) {
        ("parse", Some("a")) => percent_format_int(&BigInt::from(1), &spec)?,
        ("parse", Some("a(b)")) => percent_format_int(&BigInt::from(2), &spec)?,
        ("int", _) => percent_format_int(&big(value), &spec)?,
        ("float", _) => percent_format_float(bits(value), &spec, "float")?,
        _ => panic!("unexpected percent line"),
    };
    Ok(format!("{}{}", out, rest))
}

#[test]
fn percent_vectors() {
    let mut f = Failures::new("percent");
    for l in lines("percent.txt") {
        let got = percent_emulate(&l[0], &l[1], &l[2], &l[3], &l[4]);
        f.check(&l, render(got), &l[5..]);
    }
    f.finish();
}

#[test]
fn parse_int_vectors() {
    let mut f = Failures::new("parse_int");
    for l in lines("parse_int.txt") {
        let base: u32 = l[1].parse().unwrap();
        let got = match parse_int_with_limit(&l[0], base, 4300) {
            Ok(v) => vec!["OK".into(), int_to_str_radix(&v, 16)],
            Err(ParseIntError::InvalidBase) => vec!["ERR".into(), "Base".into(), "-".into()],
            Err(ParseIntError::Invalid) => vec!["ERR".into(), "Invalid".into(), "-".into()],
            Err(ParseIntError::TooManyDigits { digits }) => vec![
                "ERR".into(),
                "Limit".into(),
                format!(
                    "Exceeds the limit (4300 digits) for integer string conversion: value has {} \
                     digits; use sys.set_int_max_str_digits() to increase the limit",
                    digits
                ),
            ],
        };
        f.check(&l, got, &l[2..]);
    }
    f.finish();
}

#[test]
fn radix_vectors() {
    let mut f = Failures::new("radix");
    for l in lines("radix.txt") {
        let v = big(&l[0]);
        let got = vec![
            int_to_str_radix(&v, 2),
            int_to_str_radix(&v, 8),
            int_to_str_radix(&v, 16),
        ];
        f.check(&l, got, &l[1..]);
    }
    f.finish();
}

#[test]
fn parse_float_vectors() {
    let mut f = Failures::new("parse_float");
    for l in lines("parse_float.txt") {
        let got = match parse_float(&l[0]) {
            Ok(x) => vec!["OK".into(), fbits(x)],
            Err(()) => vec!["ERR".into(), "Invalid".into(), "-".into()],
        };
        f.check(&l, got, &l[1..]);
    }
    f.finish();
}

#[test]
fn round_vectors() {
    let mut f = Failures::new("round");
    for l in lines("round.txt") {
        let x = bits(&l[1]);
        let got = match l[0].as_str() {
            "nd" => render(float_round(x, l[2].parse().unwrap()).map(fbits)),
            "int" => render(float_round_to_int(x).map(|v| v.to_string())),
            "trunc" => render(float_to_int(x).map(|v| v.to_string())),
            k => panic!("kind {}", k),
        };
        f.check(&l, got, &l[3..]);
    }
    f.finish();
}

#[test]
fn hash_vectors() {
    let mut f = Failures::new("hash");
    for l in lines("hash.txt") {
        let (got, want) = match l[0].as_str() {
            "float" => (float_hash(bits(&l[1])).unwrap().to_string(), &l[2]),
            "int" => {
                let v = big(&l[1]);
                let h = int_hash(&v);
                if let Ok(small) = i64::try_from(&v) {
                    assert_eq!(int_hash_i64(small), h, "int_hash_i64({})", small);
                }
                (h.to_string(), &l[2])
            }
            "complex" => {
                let re = float_hash(bits(&l[1])).unwrap();
                let im = float_hash(bits(&l[2])).unwrap();
                (complex_hash(re, im).to_string(), &l[3])
            }
            k => panic!("kind {}", k),
        };
        f.check(&l, vec![got], std::slice::from_ref(want));
    }
    f.finish();
}

#[test]
fn misc_vectors() {
    let mut f = Failures::new("misc");
    for l in lines("misc.txt") {
        let got = match l[0].as_str() {
            "ratio" => {
                render(float_to_integer_ratio(bits(&l[1])).map(|(n, d)| format!("{}/{}", n, d)))
            }
            "hex" => render(Ok(float_hex(bits(&l[1])))),
            "is_integer" => render(Ok(if float_is_integer(bits(&l[1])) {
                "True".to_string()
            } else {
                "False".to_string()
            })),
            "fromhex" => render(float_fromhex(&l[1]).map(fbits)),
            "int_to_float" => render(int_to_float(&big(&l[1])).map(fbits)),
            k => panic!("kind {}", k),
        };
        f.check(&l, got, &l[2..]);
    }
    f.finish();
}

#[test]
fn arith_vectors() {
    let mut f = Failures::new("arith");
    for l in lines("arith.txt") {
        let a = bits(&l[1]);
        let b = bits(&l[2]);
        let got = match l[0].as_str() {
            "mod" => render(float_mod(a, b).map(fbits)),
            "floordiv" => render(float_floor_div(a, b).map(fbits)),
            "divmod" => {
                render(float_divmod(a, b).map(|(q, r)| format!("{},{}", fbits(q), fbits(r))))
            }
            "truediv" => render(float_div(a, b).map(fbits)),
            "pow" => match float_pow(a, b) {
                Ok(x) => render(Ok(fbits(x))),
                Err(PowError::ComplexResult) => render(Ok("COMPLEX".into())),
                Err(e) => render(Err(e.to_error().unwrap())),
            },
            k => panic!("kind {}", k),
        };
        f.check(&l, got, &l[3..]);
    }
    f.finish();
}

#[test]
fn unicode_vectors() {
    let mut spaces = std::collections::HashSet::new();
    let mut digits = std::collections::HashMap::new();
    for l in lines("unicode.txt") {
        let cp = u32::from_str_radix(&l[0], 16).unwrap();
        if l[1] == "1" {
            spaces.insert(cp);
        }
        if l[2] != "-" {
            digits.insert(cp, l[2].parse::<u32>().unwrap());
        }
    }
    for cp in 0..0x110000u32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        assert_eq!(py_isspace(c), spaces.contains(&cp), "isspace U+{:04X}", cp);
        assert_eq!(
            py_decimal_value(c),
            digits.get(&cp).copied(),
            "decimal U+{:04X}",
            cp
        );
    }
}
