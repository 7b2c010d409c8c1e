//! The error type shared by the str and bytes methods.

use std::fmt;

/// An exception a str/bytes method raises in CPython, with its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// `ValueError(msg)`, e.g. `empty separator`, or
    /// `non-hexadecimal number found in fromhex() arg at position 3`.
    Value(String),
    /// `OverflowError(msg)`, e.g. `new string is too long`.
    Overflow(&'static str),
    /// `MemoryError()`: the result could not be allocated.
    Memory,
}

impl TextError {
    /// The CPython exception class name (`"ValueError"`, ...).
    pub fn exception_type(&self) -> &'static str {
        match self {
            TextError::Value(_) => "ValueError",
            TextError::Overflow(_) => "OverflowError",
            TextError::Memory => "MemoryError",
        }
    }

    /// The exception message, as `str(exc)` shows it.
    pub fn message(&self) -> String {
        match self {
            TextError::Value(m) => m.clone(),
            TextError::Overflow(m) => (*m).to_string(),
            TextError::Memory => String::new(),
        }
    }

    /// Adjust an error from a [`crate::pybytes`] function for `bytearray`:
    /// where building a too-large `bytes` raises `OverflowError("byte string
    /// is too large")`, `bytearray` raises `MemoryError()`.
    pub fn into_bytearray_error(self) -> Self {
        match self {
            TextError::Overflow(BYTES_TOO_LARGE) => TextError::Memory,
            other => other,
        }
    }

    pub(crate) fn empty_separator() -> Self {
        TextError::Value("empty separator".to_string())
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.exception_type(), self.message())
    }
}

impl std::error::Error for TextError {}

/// Allocate an empty `String` able to hold `cap` bytes without panicking.
pub(crate) fn string_with_capacity(cap: usize) -> Result<String, TextError> {
    let mut s = String::new();
    s.try_reserve_exact(cap).map_err(|_| TextError::Memory)?;
    Ok(s)
}

pub(crate) const BYTES_TOO_LARGE: &str = "byte string is too large";

/// Allocate an empty `Vec<u8>` able to hold `cap` bytes without panicking.
///
/// Sizes CPython cannot represent as a bytes object (more than
/// `PY_SSIZE_T_MAX - 33` bytes on 64-bit) are `OverflowError("byte string is
/// too large")`, as in `PyBytes_FromStringAndSize`.
pub(crate) fn vec_with_capacity(cap: usize) -> Result<Vec<u8>, TextError> {
    if cap > isize::MAX as usize - 33 {
        return Err(TextError::Overflow(BYTES_TOO_LARGE));
    }
    let mut v = Vec::new();
    v.try_reserve_exact(cap).map_err(|_| TextError::Memory)?;
    Ok(v)
}

/// `a * b + c` for result sizes, or CPython's overflow error.
pub(crate) fn size_mul_add(
    a: usize,
    b: usize,
    c: usize,
    msg: &'static str,
) -> Result<usize, TextError> {
    a.checked_mul(b)
        .and_then(|x| x.checked_add(c))
        .filter(|&x| x <= isize::MAX as usize)
        .ok_or(TextError::Overflow(msg))
}
