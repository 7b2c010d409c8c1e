//! `repr(float)` (identical to `str(float)` in Python 3).
//!
//! Rules: the shortest digit string that reads back as the same `f64`
//! (ties between equally short candidates go to the one nearest the exact
//! value); positional notation when the decimal exponent `e` of the first
//! digit satisfies `-4 <= e < 16`, otherwise `d[.ddd]e±XX` with at least
//! two exponent digits; an integral positional result gets `.0`; the
//! specials are `inf`, `-inf` and `nan` (never `-nan`); `-0.0` keeps its
//! sign.
//!
//! Examples: `1e+16`, `1e-05`, `1.5e+300`, `0.0001`, `123456789012345.0`,
//! `5e-324`.

use crate::digits::{float_to_text, TextFlags};

/// CPython's `repr(x)` / `str(x)` for a float.
pub fn float_repr(x: f64) -> String {
    let t = float_to_text(
        x,
        'r',
        0,
        TextFlags {
            add_dot_0: true,
            ..TextFlags::default()
        },
    );
    if t.negative {
        let mut s = String::with_capacity(t.body.len() + 1);
        s.push('-');
        s.push_str(&t.body);
        s
    } else {
        t.body
    }
}
