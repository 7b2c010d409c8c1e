//! Spot checks of the public API (expected values taken from python3 3.11
//! sessions; the exhaustive comparison lives in `vectors.rs`) and a light
//! fuzz test asserting that nothing panics on arbitrary input.

use num_bigint::BigInt;
use refscope_numfmt::*;

fn fmt_f(x: f64, spec: &str) -> Result<String, NumError> {
    format_float(x, &parse_format_spec(spec, "float")?, "float")
}

fn fmt_i(v: i64, spec: &str) -> Result<String, NumError> {
    format_int_i64(v, &parse_format_spec(spec, "int")?, "int")
}

fn pct_f(spec: &str, x: f64) -> String {
    let (s, n) = parse_percent_spec(spec).unwrap();
    assert_eq!(n, spec.len());
    percent_format_float(x, &s, "float").unwrap()
}

fn pct_i(spec: &str, v: i64) -> String {
    let (s, n) = parse_percent_spec(spec).unwrap();
    assert_eq!(n, spec.len());
    percent_format_int(&BigInt::from(v), &s).unwrap()
}

#[test]
fn api_examples() {
    assert_eq!(float_repr(1e16), "1e+16");
    assert_eq!(float_repr(1e-5), "1e-05");
    assert_eq!(float_repr(0.0001), "0.0001");
    assert_eq!(float_repr(-0.0), "-0.0");
    assert_eq!(float_repr(123456789012345.0), "123456789012345.0");
    assert_eq!(float_repr(f64::NAN), "nan");
    assert_eq!(float_repr(-f64::INFINITY), "-inf");

    assert_eq!(fmt_f(1234.5, "010,.1f").unwrap(), "0,001,234.5");
    assert_eq!(fmt_f(123.0, ".3").unwrap(), "1.23e+02");
    assert_eq!(fmt_f(-0.0001, "z.2f").unwrap(), "0.00");
    assert_eq!(fmt_f(0.5, "%").unwrap(), "50.000000%");
    assert_eq!(
        fmt_f(1.0, "d").unwrap_err().message,
        "Unknown format code 'd' for object of type 'float'"
    );
    assert_eq!(fmt_i(1234, "010,").unwrap(), "00,001,234");
    assert_eq!(fmt_i(-255, "#x").unwrap(), "-0xff");
    assert_eq!(fmt_i(-1234, "0=10_x").unwrap(), "-0000_04d2");
    assert_eq!(fmt_i(65, "c").unwrap(), "A");
    assert_eq!(
        fmt_i(1, ".2").unwrap_err().message,
        "Precision not allowed in integer format specifier"
    );
    let s = parse_format_spec(".2", "str").unwrap();
    assert_eq!(format_str("héllo", &s, "str").unwrap(), "hé");
    let s = parse_format_spec(",", "str").unwrap();
    assert_eq!(
        format_str("x", &s, "str").unwrap_err().message,
        "Cannot specify ',' with 's'."
    );

    assert_eq!(pct_f("5.2f", 1.23456), " 1.23");
    assert_eq!(pct_f("e", 1e100), "1.000000e+100");
    assert_eq!(pct_f("g", 1e-5), "1e-05");
    assert_eq!(pct_f("d", 3.7), "3");
    assert_eq!(pct_i("x", 255), "ff");
    assert_eq!(pct_i("#o", 8), "0o10");
    assert_eq!(pct_i("#08x", -5), "-0x00005");
    let (spec, n) = parse_percent_spec("(name)-*.*f rest").unwrap();
    assert_eq!(n, "(name)-*.*f".len());
    assert_eq!(spec.key.as_deref(), Some("name"));
    assert_eq!(spec.width, Count::Star);
    assert_eq!(spec.precision, Count::Star);
    assert!(parse_percent_spec("%").unwrap().0.literal_percent);
    assert_eq!(
        parse_percent_spec("5").unwrap_err().to_error().message,
        "incomplete format"
    );

    assert_eq!(int_to_str_radix(&BigInt::from(-31), 16), "-0x1f");
    assert_eq!(parse_int("0x1f", 16), Ok(BigInt::from(31)));
    assert_eq!(parse_int(" -1_000\n", 10), Ok(BigInt::from(-1000)));
    assert_eq!(parse_int("010", 0), Err(ParseIntError::Invalid));
    assert_eq!(parse_int("\u{663}\u{664}", 10), Ok(BigInt::from(34)));
    assert_eq!(parse_int("1", 37), Err(ParseIntError::InvalidBase));

    assert_eq!(parse_float(" 1_0.5 "), Ok(10.5));
    assert!(parse_float("-iNfInItY").unwrap().is_infinite());
    assert_eq!(parse_float("0x1p3"), Err(()));
    assert_eq!(float_round(2.675, 2).unwrap(), 2.67);
    assert_eq!(float_round(1234.5678, -2).unwrap(), 1200.0);
    assert_eq!(float_round_to_int(2.5).unwrap(), BigInt::from(2));
    assert_eq!(float_round_to_int(1.5).unwrap(), BigInt::from(2));
    assert!(float_round(-0.4, 0).unwrap().is_sign_negative());
    assert_eq!(float_hash(-1.0), Some(-2));
    assert_eq!(float_hash(f64::INFINITY), Some(314159));
    assert_eq!(float_hash(f64::NAN), None);
    assert_eq!(int_hash_i64(-1), -2);
    assert_eq!(float_hex(3.0), "0x1.8000000000000p+1");
    assert_eq!(float_fromhex("0x1.8p1").unwrap(), 3.0);
    assert_eq!(float_mod(-1.0, 3.0).unwrap(), 2.0);
    assert_eq!(float_floor_div(-1.0, 3.0).unwrap(), -1.0);
    assert_eq!(
        float_pow(0.0, -1.0)
            .unwrap_err()
            .to_error()
            .unwrap()
            .message,
        "0.0 cannot be raised to a negative power"
    );
    assert_eq!(float_pow(-8.0, 1.0 / 3.0), Err(PowError::ComplexResult));
}

/// xorshift64*: deterministic, dependency-free randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn text(&mut self, alphabet: &[char], max_len: usize) -> String {
        let len = self.below(max_len + 1);
        (0..len)
            .map(|_| {
                if self.below(20) == 0 {
                    // any scalar value
                    loop {
                        if let Some(c) = char::from_u32((self.next() % 0x110000) as u32) {
                            break c;
                        }
                    }
                } else {
                    alphabet[self.below(alphabet.len())]
                }
            })
            .collect()
    }
    fn float(&mut self) -> f64 {
        match self.below(4) {
            0 => f64::from_bits(self.next()),
            1 => (self.next() as i64 as f64) / 1e6,
            2 => [
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                5e-324,
                f64::MAX,
            ][self.below(7)],
            _ => self.below(2000) as f64 - 1000.0,
        }
    }
    fn bigint(&mut self) -> BigInt {
        let words = self.below(40);
        let mut v = BigInt::from(self.next() as i64);
        for _ in 0..words {
            v = (v << 64) + BigInt::from(self.next());
        }
        v
    }
}

fn small_enough(width: Option<usize>, precision: Option<usize>) -> bool {
    width.unwrap_or(0) < 5000 && precision.unwrap_or(0) < 5000
}

#[test]
fn fuzz_no_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let spec_chars: Vec<char> = "<>=^+- z#0123456789,_.eEfFgGn%bcdoxXsq*()lhL'é٣"
        .chars()
        .collect();
    let num_chars: Vec<char> = "0123456789abcdefxXoObBpP.eE+-_ \t\ninfnatyINF\u{a0}\u{663}\u{3000}"
        .chars()
        .collect();
    for _ in 0..60_000 {
        let spec_text = rng.text(&spec_chars, 10);
        for tn in ["int", "float", "str"] {
            if let Ok(spec) = parse_format_spec(&spec_text, tn) {
                if small_enough(spec.width, spec.precision) {
                    let _ = format_int(&rng.bigint(), &spec, tn);
                    let _ = format_int_i64(rng.next() as i64, &spec, tn);
                    let _ = format_float(rng.float(), &spec, tn);
                    let _ = format_str(&spec_text, &spec, tn);
                }
            }
        }
        if let Ok((mut spec, n)) = parse_percent_spec(&spec_text) {
            assert!(n <= spec_text.len() && spec_text.is_char_boundary(n));
            if spec.width == Count::Star {
                spec.set_star_width(rng.next() as i64 % 100);
            }
            if spec.precision == Count::Star {
                spec.set_star_precision(rng.next() as i64 % 100);
            }
            let w = match spec.width {
                Count::Fixed(w) => Some(w),
                _ => None,
            };
            let p = match spec.precision {
                Count::Fixed(p) => Some(p),
                _ => None,
            };
            if small_enough(w, p) {
                let _ = percent_format_int(&rng.bigint(), &spec);
                let _ = percent_format_float(rng.float(), &spec, "float");
                let _ = percent_format_str(&spec_text, &spec);
            }
        }
        let num_text = rng.text(&num_chars, 14);
        let _ = parse_int(&num_text, [0, 2, 8, 10, 16, 36, 1, 99][rng.below(8)]);
        let _ = parse_int_with_limit(&num_text, 10, 5);
        let _ = parse_int_bytes(num_text.as_bytes(), 0, 0);
        let _ = parse_float(&num_text);
        let _ = float_fromhex(&num_text);
        let x = rng.float();
        let y = rng.float();
        let _ = float_repr(x);
        let _ = float_round(x, (rng.next() as i64) >> rng.below(64));
        let _ = float_round(x, rng.below(700) as i64 - 350);
        let _ = float_round_to_int(x);
        let _ = float_to_int(x);
        let _ = float_hash(x);
        let _ = float_hex(x);
        let _ = float_to_integer_ratio(x);
        let _ = float_is_integer(x);
        let _ = float_mod(x, y);
        let _ = float_divmod(x, y);
        let _ = float_floor_div(x, y);
        let _ = float_div(x, y);
        let _ = float_pow(x, y);
        let b = rng.bigint();
        let _ = int_to_float(&b);
        let _ = int_hash(&b);
        let _ = int_to_str_radix(&b, [2, 8, 10, 16, 0, 99][rng.below(6)]);
    }
}

#[test]
fn huge_sizes_are_errors_or_cheap() {
    // CPython: precision too big; Too many decimal digits in format string.
    assert_eq!(
        fmt_f(1.0, ".2147483648f").unwrap_err().message,
        "precision too big"
    );
    assert_eq!(
        fmt_f(1.0, "99999999999999999999").unwrap_err().message,
        "Too many decimal digits in format string"
    );
    // Beyond what we are willing to allocate: MemoryError, never an abort.
    assert_eq!(
        fmt_i(1, "999999999999").unwrap_err().kind,
        ErrorKind::MemoryError
    );
    // Trailing zeros that 'g' trims are never materialised.
    assert_eq!(fmt_f(1.5, ".2147483647g").unwrap(), "1.5");
    assert_eq!(
        parse_percent_spec("99999999999999999999d").unwrap_err(),
        PercentParseError::WidthTooBig
    );
}
