//! Every public function on pseudo-random inputs, including extreme integer
//! arguments: nothing may panic.  (Results are checked against CPython in
//! tests/vectors.rs; this only exercises robustness.)

use refscope_text::{codecs, hash, pybytes, pystr, repr, unicode};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn char(&mut self) -> char {
        const POOL: &[char] = &[
            'a',
            'B',
            ' ',
            '\t',
            '\n',
            '\r',
            '\u{b}',
            '\u{1c}',
            '\u{85}',
            '\u{a0}',
            'ß',
            'ﬁ',
            'İ',
            'Σ',
            'ς',
            'ǅ',
            '\u{345}',
            '\'',
            '"',
            '\\',
            '0',
            '١',
            '½',
            '\u{2028}',
            '\u{3000}',
            '😀',
            '\u{10ffff}',
            '\u{e000}',
            '\u{fffe}',
            '\u{0}',
            'é',
            '\u{100}',
            '-',
            '+',
        ];
        if self.below(5) == 0 {
            loop {
                if let Some(c) = char::from_u32(self.below(0x110000) as u32) {
                    return c;
                }
            }
        }
        POOL[self.below(POOL.len() as u64) as usize]
    }
    fn string(&mut self) -> String {
        let n = self.below(10);
        (0..n).map(|_| self.char()).collect()
    }
    fn bytes(&mut self) -> Vec<u8> {
        let n = self.below(10);
        (0..n)
            .map(|_| match self.below(3) {
                0 => {
                    let pool = b" \t\n\r\x0b\x0caA0'\"\\";
                    pool[self.below(pool.len() as u64) as usize]
                }
                _ => self.below(256) as u8,
            })
            .collect()
    }
    fn int(&mut self) -> i64 {
        match self.below(6) {
            0 => i64::MIN,
            1 => i64::MAX,
            2 => i64::MAX - self.below(40) as i64,
            _ => self.below(30) as i64 - 15,
        }
    }
    fn opt_int(&mut self) -> Option<i64> {
        if self.below(3) == 0 {
            None
        } else {
            Some(self.int())
        }
    }
}

#[test]
fn str_functions_never_panic() {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let s = r.string();
        let t = r.string();
        let u = r.string();
        let (a, b) = (r.opt_int(), r.opt_int());
        let n = r.int();
        let _ = pystr::find(&s, &t, a, b);
        let _ = pystr::rfind(&s, &t, a, b);
        let _ = pystr::count(&s, &t, a, b);
        let _ = pystr::startswith(&s, &t, a, b);
        let _ = pystr::endswith(&s, &t, a, b);
        let _ = pystr::split(&s, Some(&t), n);
        let _ = pystr::split(&s, None, n);
        let _ = pystr::rsplit(&s, Some(&t), n);
        let _ = pystr::rsplit(&s, None, n);
        let _ = pystr::splitlines(&s, n % 2 == 0);
        let _ = pystr::partition(&s, &t);
        let _ = pystr::rpartition(&s, &t);
        let _ = pystr::strip(&s, Some(&t));
        let _ = pystr::lstrip(&s, None);
        let _ = pystr::rstrip(&s, Some(&t));
        if n.unsigned_abs() < 1000 {
            let _ = pystr::replace(&s, &t, &u, n);
        }
        let _ = pystr::replace(&s, &t, &u, 3);
        let _ = pystr::center(&s, n, r.char());
        let _ = pystr::ljust(&s, n, r.char());
        let _ = pystr::rjust(&s, n, r.char());
        let _ = pystr::zfill(&s, n);
        let _ = pystr::expandtabs(&s, (n % 20) as i32);
        let _ = pystr::removeprefix(&s, &t);
        let _ = pystr::removesuffix(&s, &t);
        let _ = (pystr::upper(&s), pystr::lower(&s), pystr::casefold(&s));
        let _ = (pystr::title(&s), pystr::capitalize(&s), pystr::swapcase(&s));
        let _ = (pystr::isalpha(&s), pystr::isalnum(&s), pystr::isdigit(&s));
        let _ = (
            pystr::isdecimal(&s),
            pystr::isnumeric(&s),
            pystr::isspace(&s),
        );
        let _ = (pystr::islower(&s), pystr::isupper(&s), pystr::istitle(&s));
        let _ = (
            pystr::isidentifier(&s),
            pystr::isprintable(&s),
            pystr::str_kind(&s),
        );
        let _ = (repr::str_repr(&s), repr::ascii_repr(&s));
        let _ = hash::hash_str(&s, &hash::hash_key_from_seed(n as u32));
        let _ = pybytes::fromhex(&s);
        let _ = pybytes::hex_sep_from_str(&t);
        let _ = codecs::encode(&s, &t, &u);
        let _ = codecs::lookup(&s);
        for enc in ["utf-8", "ascii", "latin-1"] {
            for err in [
                "strict",
                "ignore",
                "replace",
                "backslashreplace",
                "xmlcharrefreplace",
                "namereplace",
            ] {
                let _ = codecs::encode(&s, enc, err);
            }
        }
    }
}

#[test]
fn bytes_functions_never_panic() {
    let mut r = Rng(0x0123_4567_89AB_CDEF);
    for _ in 0..20_000 {
        let s = r.bytes();
        let t = r.bytes();
        let u = r.bytes();
        let (a, b) = (r.opt_int(), r.opt_int());
        let n = r.int();
        let _ = pybytes::find(&s, &t, a, b);
        let _ = pybytes::rfind(&s, &t, a, b);
        let _ = pybytes::count(&s, &t, a, b);
        let _ = pybytes::startswith(&s, &t, a, b);
        let _ = pybytes::endswith(&s, &t, a, b);
        let _ = pybytes::split(&s, Some(&t), n);
        let _ = pybytes::split(&s, None, n);
        let _ = pybytes::rsplit(&s, Some(&t), n);
        let _ = pybytes::rsplit(&s, None, n);
        let _ = pybytes::splitlines(&s, n % 2 == 0);
        let _ = pybytes::partition(&s, &t);
        let _ = pybytes::rpartition(&s, &t);
        let _ = pybytes::strip(&s, Some(&t));
        let _ = pybytes::lstrip(&s, None);
        let _ = pybytes::rstrip(&s, Some(&t));
        let _ = pybytes::replace(&s, &t, &u, 3);
        let _ = pybytes::center(&s, n, b'x');
        let _ = pybytes::ljust(&s, n, b'x');
        let _ = pybytes::rjust(&s, n, b'x');
        let _ = pybytes::zfill(&s, n).map_err(|e| e.into_bytearray_error());
        let _ = pybytes::expandtabs(&s, (n % 20) as i32);
        let _ = pybytes::hex(&s, Some(b':'), n);
        let _ = pybytes::hex_sep_from_bytes(&t);
        let _ = (pybytes::upper(&s), pybytes::lower(&s), pybytes::title(&s));
        let _ = (
            pybytes::capitalize(&s),
            pybytes::swapcase(&s),
            pybytes::istitle(&s),
        );
        let _ = (repr::bytes_repr(&s, ""), repr::bytes_repr(&s, "bytearray"));
        let _ = hash::hash_bytes(&s, &hash::hash_key_from_seed(n as u32));
        for enc in ["utf-8", "ascii", "latin-1", "utf-16", "hex", "nope"] {
            for err in [
                "strict",
                "ignore",
                "replace",
                "backslashreplace",
                "surrogateescape",
                "surrogatepass",
                "namereplace",
                "x",
            ] {
                let _ = codecs::decode(&s, enc, err);
            }
        }
    }
}

#[test]
fn char_functions_never_panic() {
    for c in (0u32..0x110000).filter_map(char::from_u32) {
        let _ = unicode::to_fold_full(c).as_slice().len();
        let _ = unicode::general_category_abbr(c);
    }
}
