//! `hash()` of str and bytes exactly as 64-bit CPython 3.11 computes it.
//!
//! CPython 3.11's default string hash (`sys.hash_info.algorithm`) is
//! SipHash-1-3 with a 128-bit key (`seed_bits=128`, `cutoff=0`, so there is
//! no small-string special case):
//!
//! * bytes hash over their raw contents;
//! * a str hashes over its PEP 393 canonical representation: one byte per
//!   code point if all are < 256, else UCS-2 (two bytes per code point) if
//!   all are < 65536, else UCS-4 (four bytes).  The multi-byte units are in
//!   native byte order; this module produces the little-endian (x86-64,
//!   aarch64) values;
//! * the empty str/bytes hashes to 0, and a result of -1 becomes -2.
//!
//! The key: with `PYTHONHASHSEED=0` randomization is disabled and the key is
//! all zero bytes; with `PYTHONHASHSEED=N` (1..=4294967295) the key is the
//! first 16 bytes of the byte stream of the linear congruential generator
//! `x = x * 214013 + 2531011 (mod 2^32)`, byte = `(x >> 16) & 0xff`, seeded
//! with `x = N` ([`hash_key_from_seed`]).  With `PYTHONHASHSEED` unset or
//! `random`, CPython uses 16 bytes from the OS random source.  The two
//! 64-bit SipHash keys `k0`, `k1` are the key's two halves read as
//! little-endian integers.

/// A 128-bit SipHash key as CPython stores it (`_Py_HashSecret.siphash`).
pub type HashKey = [u8; 16];

/// The key CPython uses for `PYTHONHASHSEED=seed`.  Seed 0 gives the all-zero
/// key (hash randomization disabled).
pub fn hash_key_from_seed(seed: u32) -> HashKey {
    let mut key = [0u8; 16];
    if seed == 0 {
        return key;
    }
    let mut x = seed;
    for b in key.iter_mut() {
        x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
        *b = ((x >> 16) & 0xFF) as u8;
    }
    key
}

/// An unusable `PYTHONHASHSEED` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidHashSeed;

impl InvalidHashSeed {
    /// CPython's startup message (printed after `Fatal Python error: `, exit
    /// status 1).
    pub const MESSAGE: &'static str =
        "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]";
}

impl std::fmt::Display for InvalidHashSeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(Self::MESSAGE)
    }
}

impl std::error::Error for InvalidHashSeed {}

/// Parse a `PYTHONHASHSEED` value as CPython does (C `strtoul`, base 10):
/// `Ok(None)` for `"random"` (use a random key), `Ok(Some(n))` for an
/// integer in `0..=4294967295`, which may have leading whitespace and a `+`
/// sign (`"-0"` is 0; any other negative is an error), and nothing after
/// the digits.  An empty variable counts as unset in CPython (treat it as
/// `"random"` before calling this).
pub fn parse_pythonhashseed(value: &str) -> Result<Option<u32>, InvalidHashSeed> {
    if value == "random" {
        return Ok(None);
    }
    let t = value.trim_start_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(InvalidHashSeed);
    }
    let n: u64 = digits
        .bytes()
        .try_fold(0u64, |acc, d| {
            acc.checked_mul(10)?.checked_add((d - b'0') as u64)
        })
        .ok_or(InvalidHashSeed)?;
    if negative && n != 0 {
        return Err(InvalidHashSeed);
    }
    u32::try_from(n).map(Some).map_err(|_| InvalidHashSeed)
}

/// Streaming SipHash-1-3 state.
struct Sip13 {
    v0: u64,
    v1: u64,
    v2: u64,
    v3: u64,
    tail: u64,
    ntail: u32,
    len: u64,
}

impl Sip13 {
    fn new(key: &HashKey) -> Self {
        let mut k = [0u8; 8];
        k.copy_from_slice(&key[..8]);
        let k0 = u64::from_le_bytes(k);
        k.copy_from_slice(&key[8..]);
        let k1 = u64::from_le_bytes(k);
        Sip13 {
            v0: k0 ^ 0x736f_6d65_7073_6575,
            v1: k1 ^ 0x646f_7261_6e64_6f6d,
            v2: k0 ^ 0x6c79_6765_6e65_7261,
            v3: k1 ^ 0x7465_6462_7974_6573,
            tail: 0,
            ntail: 0,
            len: 0,
        }
    }

    #[inline]
    fn round(&mut self) {
        self.v0 = self.v0.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(13) ^ self.v0;
        self.v0 = self.v0.rotate_left(32);
        self.v2 = self.v2.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(16) ^ self.v2;
        self.v0 = self.v0.wrapping_add(self.v3);
        self.v3 = self.v3.rotate_left(21) ^ self.v0;
        self.v2 = self.v2.wrapping_add(self.v1);
        self.v1 = self.v1.rotate_left(17) ^ self.v2;
        self.v2 = self.v2.rotate_left(32);
    }

    #[inline]
    fn block(&mut self, m: u64) {
        self.v3 ^= m;
        self.round();
        self.v0 ^= m;
    }

    #[inline]
    fn byte(&mut self, b: u8) {
        self.tail |= (b as u64) << (8 * self.ntail);
        self.ntail += 1;
        self.len += 1;
        if self.ntail == 8 {
            let m = self.tail;
            self.block(m);
            self.tail = 0;
            self.ntail = 0;
        }
    }

    fn bytes(&mut self, data: &[u8]) {
        let mut data = data;
        while self.ntail != 0 && !data.is_empty() {
            self.byte(data[0]);
            data = &data[1..];
        }
        let mut chunks = data.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.block(u64::from_le_bytes(w));
            self.len += 8;
        }
        for &b in chunks.remainder() {
            self.byte(b);
        }
    }

    fn finish(mut self) -> u64 {
        let b = (self.len << 56) | self.tail;
        self.block(b);
        self.v2 ^= 0xFF;
        self.round();
        self.round();
        self.round();
        self.v0 ^ self.v1 ^ self.v2 ^ self.v3
    }
}

/// SipHash-1-3 of `data` with CPython's key layout.
pub fn siphash13(key: &HashKey, data: &[u8]) -> u64 {
    let mut h = Sip13::new(key);
    h.bytes(data);
    h.finish()
}

fn finalize(x: u64) -> i64 {
    let h = x as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(b)` for bytes (and memoryview of bytes) under `key`.
pub fn hash_bytes(data: &[u8], key: &HashKey) -> i64 {
    if data.is_empty() {
        return 0;
    }
    finalize(siphash13(key, data))
}

/// `hash(s)` for a str under `key`.
pub fn hash_str(s: &str, key: &HashKey) -> i64 {
    if s.is_empty() {
        return 0;
    }
    if s.is_ascii() {
        return finalize(siphash13(key, s.as_bytes()));
    }
    let mut h = Sip13::new(key);
    match crate::pystr::str_kind(s) {
        1 => {
            for c in s.chars() {
                h.byte(c as u32 as u8);
            }
        }
        2 => {
            for c in s.chars() {
                h.bytes(&(c as u32 as u16).to_le_bytes());
            }
        }
        _ => {
            for c in s.chars() {
                h.bytes(&(c as u32).to_le_bytes());
            }
        }
    }
    finalize(h.finish())
}
