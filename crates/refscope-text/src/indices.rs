//! Slice-style index normalisation shared by the str and bytes methods.

/// CPython's `ADJUST_INDICES` for the optional `start`/`end` arguments of
/// `find`, `count`, `startswith`, ... on a sequence of `len` items.
///
/// `None` means "not given" (start 0 / end `len`).  Negative values count
/// from the end and are clamped at 0; `end` is clamped at `len`.  `start` is
/// *not* clamped at `len`, so the result may have `start > end`; callers
/// treat `end - start < needle_len` as "no match".
///
/// Python ints outside the `i64` range may be saturated to `i64::MIN` /
/// `i64::MAX` by the caller without changing any result.
pub(crate) fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e = e.saturating_add(len);
        if e < 0 {
            e = 0;
        }
    }
    let mut s = start.unwrap_or(0);
    if s < 0 {
        s = s.saturating_add(len);
        if s < 0 {
            s = 0;
        }
    }
    (s, e)
}

/// True if the adjusted window `[start, end)` cannot contain a needle of
/// `needle_len` items (CPython: `end - start < needle_len`).
#[inline]
pub(crate) fn too_short(start: i64, end: i64, needle_len: usize) -> bool {
    (end as i128) - (start as i128) < needle_len as i128
}

/// Python's `maxsplit`/`count` convention: negative means unlimited.
#[inline]
pub(crate) fn limit(n: i64) -> usize {
    if n < 0 {
        usize::MAX
    } else {
        usize::try_from(n).unwrap_or(usize::MAX)
    }
}

/// Widths (for `center`, `zfill`, ...) below the current length mean "no
/// padding"; returns the number of items to add.
#[inline]
pub(crate) fn pad_needed(width: i64, len: usize) -> usize {
    if width <= len as i64 {
        0
    } else {
        (width as u64 - len as u64) as usize
    }
}
