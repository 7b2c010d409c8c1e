//! The error type shared by the formatting and arithmetic helpers.

use std::fmt;

/// Which Python exception class an error maps to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    ValueError,
    OverflowError,
    TypeError,
    ZeroDivisionError,
    /// Only produced for absurd widths/precisions that cannot be allocated.
    MemoryError,
}

impl ErrorKind {
    /// The Python class name, e.g. `"ValueError"`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::ZeroDivisionError => "ZeroDivisionError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// An error with its Python exception class and CPython's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumError {
    pub kind: ErrorKind,
    pub message: String,
}

impl NumError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        NumError {
            kind,
            message: message.into(),
        }
    }
    pub(crate) fn value(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ValueError, message)
    }
    pub(crate) fn overflow(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::OverflowError, message)
    }
    pub(crate) fn type_error(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::TypeError, message)
    }
    pub(crate) fn zero_div(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::ZeroDivisionError, message)
    }
    pub(crate) fn memory() -> Self {
        Self::new(ErrorKind::MemoryError, "")
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for NumError {}
