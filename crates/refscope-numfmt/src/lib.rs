//! CPython 3.11-exact conversions between numbers and text.
//!
//! This crate knows nothing about Python objects: values go in as plain Rust
//! values (`f64`, `i64`, [`num_bigint::BigInt`], `&str`) and come out as
//! `String`s, numbers or a [`NumError`] that carries the Python exception
//! class ([`ErrorKind`]) and CPython's exact message. The interpreter maps
//! those to exception objects.
//!
//! What is here, by module:
//!
//! * [`repr`] — `repr(float)` / `str(float)` ([`float_repr`]).
//! * [`spec`] — the format-spec mini-language parser ([`parse_format_spec`]).
//! * [`mod@format`] — `format(value, spec)` for int, float and str
//!   ([`format_int`], [`format_float`], [`format_str`]).
//! * [`percent`] — printf-style `%` conversions of one operand
//!   ([`parse_percent_spec`], [`percent_format_int`], [`percent_format_float`],
//!   [`percent_format_str`]).
//! * [`int`] — `int(s, base)` ([`parse_int`]), `bin`/`oct`/`hex`
//!   ([`int_to_str_radix`]), numeric hashes of ints ([`int_hash`]).
//! * [`float`] — `float(s)` ([`parse_float`]), `round` ([`float_round`],
//!   [`float_round_to_int`]), hashing ([`float_hash`]), `as_integer_ratio`,
//!   `is_integer`, `hex`, `fromhex`, `//`, `%`, `divmod`, `**`, int<->float
//!   conversions.
//!
//! Decimal digit generation: all float -> decimal text goes through Rust's
//! standard library formatting (`{:e}` for the shortest round-tripping
//! digits, `{:.N}` / `{:.Ne}` for correctly rounded fixed/scientific digits).
//! Both are exact (Grisu with a Dragon4 fallback) and round ties to even on
//! the exact binary value, which is what CPython's David Gay `dtoa` does in
//! modes 0, 2 and 3. This avoids an extra dependency (such as `ryu`, which
//! only offers the shortest form anyway); `tests/vectors/` checks the output
//! against python3 on many thousands of values.
//!
//! Nothing in this crate panics on any input and it contains no `unsafe`.
//!
//! # Notes for callers
//!
//! * `format(v, spec)`: `parse_format_spec(spec, type_name)` then
//!   `format_int` / `format_float` / `format_str` with the same `type_name`
//!   (`'bool'`, a subclass name, ...). An empty spec works and gives
//!   `str(v)` for exact int/float/str, but CPython calls `str(v)` for an
//!   empty spec *before* looking at the type, so subclasses with their own
//!   `__str__` are the caller's business. `bool` goes through `format_int`
//!   only for non-empty specs (`format(True, '')` is `'True'`).
//! * `sys.set_int_max_str_digits` (default 4300) is the caller's: pass the
//!   limit to [`parse_int_with_limit`]; for `str(int)`/`format(int, 'd')`
//!   check the digit count yourself.
//! * `hash(nan)` is the object's identity hash in 3.11: [`float_hash`]
//!   returns `None` for nan.
//! * [`float_pow`] returns [`PowError::ComplexResult`] where CPython switches
//!   to complex exponentiation.
//! * A lone surrogate (`format(0xD800, 'c')`, `'%c' % 0xDC00`) cannot be held
//!   in a Rust `String`; those return a `ValueError` starting with
//!   `surrogate`.
//! * Widths/precisions that would need more than 2**32 characters return
//!   `ErrorKind::MemoryError` rather than trying to allocate.
//! * Regenerate the reference vectors with
//!   `python3 crates/refscope-numfmt/tests/gen_vectors.py` (CPython 3.11).

#![forbid(unsafe_code)]

mod digits;
mod error;
pub mod float;
pub mod format;
pub mod int;
pub mod percent;
pub mod repr;
pub mod spec;
mod unicode;
mod unicode_tables;

pub use error::{ErrorKind, NumError};
pub use float::{
    float_div, float_divmod, float_floor_div, float_fromhex, float_hash, float_hex,
    float_is_integer, float_mod, float_pow, float_round, float_round_to_int, float_to_int,
    float_to_integer_ratio, int_to_float, parse_float, parse_float_bytes, PowError,
};
pub use format::{format_float, format_int, format_int_i64, format_str};
pub use int::{
    complex_hash, int_hash, int_hash_i64, int_to_str_radix, parse_int, parse_int_bytes,
    parse_int_with_limit, ParseIntError, HASH_IMAG, HASH_INF, HASH_MODULUS,
};
pub use percent::{
    parse_percent_spec, percent_format_float, percent_format_int, percent_format_str,
    unsupported_format_char_message, Count, PercentParseError, PercentSpec,
};
pub use repr::float_repr;
pub use spec::{parse_format_spec, Align, FormatSpec, Grouping, Sign};
pub use unicode::{py_decimal_value, py_isspace};
