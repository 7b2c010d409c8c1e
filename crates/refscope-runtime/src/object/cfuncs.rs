//! C library functions that refscope must call as CPython does, behind safe
//! wrappers (they are here only because calling C is `unsafe`).
//!
//! `math` prints results that must equal CPython's bit for bit, and CPython
//! takes most of them from the platform's libm. Rust's `f64` methods are not
//! all libm's: `asinh`, `acosh`, `atanh` and `cbrt` are Rust's own
//! (`cbrt` differed from glibc's in half of the values tried), and there is
//! no `erf`. So every transcendental function `math` needs is called here,
//! straight from libm, as CPython calls it. The CPU-time clocks of
//! `time.process_time`/`time.thread_time` are `clock_gettime` clocks that
//! the standard library does not expose.

mod c {
    #[repr(C)]
    pub struct Timespec {
        pub tv_sec: i64,
        pub tv_nsec: i64,
    }
    // glibc's _Float64 names (glibc 2.27 on) for its double functions:
    // the plain names can bind to the Rust runtime's own copies instead
    // (compiler-builtins defines `cbrt`, which differs from glibc's).
    #[link(name = "m")]
    extern "C" {
        #[link_name = "erff64"]
        pub fn erf(x: f64) -> f64;
        #[link_name = "erfcf64"]
        pub fn erfc(x: f64) -> f64;
        #[link_name = "asinhf64"]
        pub fn asinh(x: f64) -> f64;
        #[link_name = "acoshf64"]
        pub fn acosh(x: f64) -> f64;
        #[link_name = "atanhf64"]
        pub fn atanh(x: f64) -> f64;
        #[link_name = "acosf64"]
        pub fn acos(x: f64) -> f64;
        #[link_name = "asinf64"]
        pub fn asin(x: f64) -> f64;
        #[link_name = "atanf64"]
        pub fn atan(x: f64) -> f64;
        #[link_name = "cbrtf64"]
        pub fn cbrt(x: f64) -> f64;
        #[link_name = "cosf64"]
        pub fn cos(x: f64) -> f64;
        #[link_name = "sinf64"]
        pub fn sin(x: f64) -> f64;
        #[link_name = "tanf64"]
        pub fn tan(x: f64) -> f64;
        #[link_name = "coshf64"]
        pub fn cosh(x: f64) -> f64;
        #[link_name = "sinhf64"]
        pub fn sinh(x: f64) -> f64;
        #[link_name = "tanhf64"]
        pub fn tanh(x: f64) -> f64;
        #[link_name = "expf64"]
        pub fn exp(x: f64) -> f64;
        #[link_name = "exp2f64"]
        pub fn exp2(x: f64) -> f64;
        #[link_name = "expm1f64"]
        pub fn expm1(x: f64) -> f64;
        #[link_name = "logf64"]
        pub fn log(x: f64) -> f64;
        #[link_name = "log2f64"]
        pub fn log2(x: f64) -> f64;
        #[link_name = "log10f64"]
        pub fn log10(x: f64) -> f64;
        #[link_name = "log1pf64"]
        pub fn log1p(x: f64) -> f64;
        #[link_name = "atan2f64"]
        pub fn atan2(y: f64, x: f64) -> f64;
        #[link_name = "powf64"]
        pub fn pow(x: f64, y: f64) -> f64;
        pub fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
}

macro_rules! libm1 {
    ($($name:ident),*) => {$(
        #[inline]
        pub fn $name(x: f64) -> f64 {
            // SAFETY: a pure libm function of one double; no pointers, no
            // state beyond errno, which nothing here reads.
            unsafe { c::$name(x) }
        }
    )*};
}
libm1!(erf, erfc, asinh, acosh, atanh, acos, asin, atan, cbrt, cos, sin, tan, cosh, sinh, tanh, exp, exp2, expm1, log, log2, log10, log1p);

#[inline]
pub fn atan2(y: f64, x: f64) -> f64 {
    // SAFETY: a pure libm function of two doubles.
    unsafe { c::atan2(y, x) }
}

#[inline]
pub fn pow(x: f64, y: f64) -> f64 {
    // SAFETY: a pure libm function of two doubles.
    unsafe { c::pow(x, y) }
}

/// Linux clock ids (`<time.h>`).
pub const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
pub const CLOCK_THREAD_CPUTIME_ID: i32 = 3;

/// `clock_gettime(clock)` in nanoseconds, or `None` when the clock fails.
pub fn clock_ns(clock: i32) -> Option<i64> {
    let mut ts = c::Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec (two 64-bit fields, the
    // layout of struct timespec on 64-bit Linux) for the call's duration.
    let r = unsafe { c::clock_gettime(clock, &mut ts) };
    (r == 0).then(|| ts.tv_sec.saturating_mul(1_000_000_000).saturating_add(ts.tv_nsec))
}

/// glibc's `confstr` name for the thread library's name and version.
pub const CS_GNU_LIBPTHREAD_VERSION: i32 = 3;

/// `confstr(name)`: a configuration string of the C library, `None` when
/// it has none.
pub fn confstr(name: i32) -> Option<String> {
    extern "C" {
        fn confstr(name: i32, buf: *mut u8, len: usize) -> usize;
    }
    let mut buf = vec![0u8; 256];
    // SAFETY: `buf` is writable for `buf.len()` bytes; confstr writes at
    // most that many (truncating, NUL included) and returns the size the
    // whole string needs, 0 when the name has no value.
    let need = unsafe { confstr(name, buf.as_mut_ptr(), buf.len()) };
    if need == 0 {
        return None;
    }
    if need > buf.len() {
        buf = vec![0u8; need];
        // SAFETY: as above, with a buffer of the size asked for.
        unsafe { confstr(name, buf.as_mut_ptr(), buf.len()) };
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Some(String::from_utf8_lossy(&buf[..end]).into_owned())
}

/// `clock_getres(clock)` in nanoseconds.
pub fn clock_res_ns(clock: i32) -> Option<i64> {
    extern "C" {
        fn clock_getres(clock: i32, ts: *mut c::Timespec) -> i32;
    }
    let mut ts = c::Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: as for clock_gettime.
    let r = unsafe { clock_getres(clock, &mut ts) };
    (r == 0).then(|| ts.tv_sec.saturating_mul(1_000_000_000).saturating_add(ts.tv_nsec))
}
