#!/usr/bin/env python3
"""Generate CPython 3.11 reference vectors for refscope-text's tests.

Run with CPython 3.11 (the interpreter whose behaviour refscope reproduces):

    python3 crates/refscope-text/tests/gen_vectors.py

Every expected value in tests/vectors/ comes from this script's execution
under python3; nothing is typed by hand.  Output is deterministic (fixed
random seeds), so re-running it produces identical files.

Files written (JSON lines, one JSON value per line):

* props.jsonl   - per-code-point predicates over 0..0x10FFFF (surrogates
                  excluded) as inclusive ranges where the predicate is true,
                  plus the general category as runs.
* casemap.jsonl - every code point whose upper/lower/title/casefold/
                  swapcase/capitalize result is not the code point itself.
* methods.jsonl - str and bytes method calls on edge cases and random data.
* hash.jsonl    - hash() of str/bytes under several PYTHONHASHSEED values.
* codecs.jsonl  - str.encode / bytes.decode results and error messages,
                  and encoding-name lookups.

Values are encoded as JSON: str -> string, bytes -> {"b": hex}, tuple/list
-> array, None -> null.  An exception is {"err": TypeName, "msg": str(exc)}.
"""

import codecs
import json
import os
import random
import subprocess
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "vectors must come from CPython 3.11"
assert unicodedata.unidata_version == "14.0.0"

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "vectors")
os.makedirs(OUT, exist_ok=True)

MAXCP = 0x110000
SURR = range(0xD800, 0xE000)


def all_cps():
    for cp in range(MAXCP):
        if 0xD800 <= cp < 0xE000:
            continue
        yield cp


def enc(v):
    if isinstance(v, (bytes, bytearray)):
        return {"b": bytes(v).hex()}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    return v


def call(f):
    try:
        return enc(f())
    except Exception as e:  # record CPython's exception type and message
        return {"err": type(e).__name__, "msg": str(e)}


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def write(name, lines):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for obj in lines:
            f.write(dumps(obj) + "\n")
    print(f"{name}: {os.path.getsize(path)} bytes", file=sys.stderr)


# ---------------------------------------------------------------- props

def ranges_of(pred):
    out = []
    start = None
    prev = None
    for cp in all_cps():
        ok = pred(chr(cp))
        if ok:
            if start is None:
                start = cp
            elif prev is not None and prev != cp - 1:
                # gap caused by the surrogate hole: keep the range going,
                # surrogates are excluded on the Rust side anyway.
                pass
            prev = cp
        else:
            if start is not None:
                out.append([start, prev])
                start = None
    if start is not None:
        out.append([start, prev])
    return out


def final_sigma_after(c):
    # 'AΣ' + c + 'a': Σ maps to σ iff c is case-ignorable or cased.
    return ("A\u03a3" + c + "a").lower()[1] == "\u03c3"


def final_sigma_before(c):
    # '1' + c + 'Σ': Σ maps to ς iff c is cased and not case-ignorable.
    return ("1" + c + "\u03a3").lower()[-1] == "\u03c2"


def title_prev_cased(c):
    # (c + 'a').title(): the 'a' stays lowercase iff c is cased.
    return (c + "a").title()[-1] == "a"


PROPS = {
    "isalpha": str.isalpha,
    "isdecimal": str.isdecimal,
    "isdigit": str.isdigit,
    "isnumeric": str.isnumeric,
    "isalnum": str.isalnum,
    "isspace": str.isspace,
    "islower": str.islower,
    "isupper": str.isupper,
    "istitle": str.istitle,
    "isprintable": str.isprintable,
    "isidentifier": str.isidentifier,
    "xid_continue": lambda c: ("a" + c).isidentifier(),
    "linebreak": lambda c: len(("a" + c + "b").splitlines()) > 1,
    "cased": title_prev_cased,
    "sigma_after_not_final": final_sigma_after,
    "sigma_before_final": final_sigma_before,
    "repr_verbatim": lambda c: repr(c) == "'" + c + "'" or repr(c) == '"' + c + '"',
}


def gen_props():
    lines = []
    for name, pred in PROPS.items():
        lines.append({"prop": name, "ranges": ranges_of(pred)})
    runs = []
    for cp in all_cps():
        cat = unicodedata.category(chr(cp))
        if runs and runs[-1][2] == cat and (runs[-1][1] == cp - 1 or cp == 0xE000):
            runs[-1][1] = cp
        else:
            runs.append([cp, cp, cat])
    lines.append({"prop": "category", "runs": runs})
    write("props.jsonl", lines)


# ---------------------------------------------------------------- casemap

def gen_casemap():
    lines = []
    for cp in all_cps():
        c = chr(cp)
        vals = [c.upper(), c.lower(), c.title(), c.casefold(), c.swapcase(), c.capitalize()]
        if any(v != c for v in vals):
            lines.append([cp] + vals)
    write("casemap.jsonl", lines)


# ---------------------------------------------------------------- methods

rng = random.Random(20241111)

WS = "".join(chr(c) for c in range(MAXCP) if not 0xD800 <= c < 0xE000 and chr(c).isspace())
LB = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
SPECIAL = (
    "\u00df\ufb01\ufb02\u0130\u0131\u0149\u01c4\u01c5\u01c6\u03a3\u03c3\u03c2\u0390"
    "\u03ac\u1f48\u1fb3\u1fbc\u1ffc\u0178\u00ff\u00b5\u0345\u0307\u00c5\u212b\u212a"
    "\u017f\u13f8\uab70\u13a0\u10d0\u1c90\U00010400\U00010428\U0001e900\U0001e922"
    "\u1e9e\u0587\u01f0\u1e96\u0149\u2160\u2170\u24b6\u24d0\u02b0\u00aa\u00ba"
)
CASE_IGN = "'.:^`\u00ad\u02b0\u2019\u0300\u0301\u00b7\u05f4\u2018"
DIGITS = "0123456789\u0660\u0661\u0967\u00b2\u00b3\u00b9\u00bd\u2153\u2163\u216b\u2460\u4e00\u4e8c\u4e09\u5341\u767e\u5343\u4e07\u5146\u96f6\u3007\U0001d7d8\U0001d7ce"
ASTRAL = "\U0001d400\U0001d41a\U0001f600\U0001f389\U00010348\U00020000\U0010fffd\U000e0001"
CTRL = "\x00\x01\x07\x08\x1b\x7f\x80\x9f\xa0\xad\u200b\u200e\u2028\u2029\ufeff\ufffe\uffff\ue000\u0378\U000e0000"
LATIN1 = "".join(chr(c) for c in range(0x80, 0x100))
ASCII = "abcXYZ019 _-+'\"\\\t\n\r!~"

POOLS = [
    (ASCII, 30),
    ("abcABC", 15),
    (WS, 8),
    (LB, 6),
    (SPECIAL, 10),
    (CASE_IGN, 5),
    (DIGITS, 5),
    (ASTRAL, 4),
    (CTRL, 5),
    (LATIN1, 5),
]
POOL_TOTAL = sum(w for _, w in POOLS)


def rand_cp():
    while True:
        cp = rng.randrange(MAXCP) if rng.random() < 0.5 else rng.randrange(0x3000)
        if not 0xD800 <= cp < 0xE000:
            return chr(cp)


def rand_char():
    if rng.random() < 0.07:
        return rand_cp()
    x = rng.randrange(POOL_TOTAL)
    for pool, w in POOLS:
        if x < w:
            return rng.choice(pool)
        x -= w
    return "a"


def rand_str(maxlen=12):
    n = rng.choice([0, 1, 1, 2, 3, 4, 5, 6, 8, 10, maxlen])
    return "".join(rand_char() for _ in range(n))


def rand_sub(s):
    r = rng.random()
    if s and r < 0.55:
        i = rng.randrange(len(s))
        j = rng.randrange(i, min(len(s), i + 3) + 1)
        return s[i:j]
    if r < 0.65:
        return ""
    return rand_str(3)


def rand_idx(n):
    r = rng.random()
    if r < 0.3:
        return None
    if r < 0.35:
        return rng.choice([-(2**63), 2**63 - 1, -(2**40), 2**40])
    return rng.randrange(-n - 3, n + 4)


def rand_maxsplit():
    return rng.choice([-1, -1, -5, 0, 1, 2, 3, 100])


EDGE_STRS = [
    "", " ", "a", "  a  b  ", "a,b,,c,", ",", "\t\n", "\r\n", "a\r\nb\rc\nd", "\n\n",
    "abc", "ABC", "Hello World", "hello world", "HELLO", "ǅungla", "ǅ", "ǆ", "Ǆ",
    "ß", "ﬁ", "ﬁne ﬂow", "İstanbul", "ΣΑΣ", "ΌΣΟΣ", "A\u03a3", "A\u03a3b", "A.\u03a3.",
    "\u03a3", "a\u03a3'", "AΣ\u0345", "ᾳ", "ᾼ", "ᾼ\u0300a", "'twas", "they're bill's",
    "a1b2", "1a", "_x", "x_1", "1", "١٢٣", "½", "²", "Ⅻ", "一二三", "𝟘", "\u00a0",
    "\u3000x\u3000", "\x1c\x1d\x1e\x1fx", "\x85", "a\u2028b\u2029c", "a\x0bb\x0cc",
    "a\x1cb\x1dc\x1ed", "\x00", "\x7f", "\xad", "é", "'", '"', "'\"", "\\", "\U0001f600",
    "\U0010ffff", "\ue000", "\u0378", "+12", "-12", "+", "-", "0", "--1", "a\tb\tc",
    "\t", "ab\tc\r\td\n\te", "Σ", "σ", "ς", "\U00010400\U00010428", "AbC", "aBc",
    "abc'def", "ǈ", "ǉ", "ǋ", "ŉ", "ǰ", "ΐ", "ẞ", "K", "Å", "ſ", "ꭰ", "Ᏸ", "ა", "Ა",
] + ["".join(chr(c) for c in range(i, i + 16)) for i in range(0, 0x300, 16)]


def gen_str_calls():
    strs = list(EDGE_STRS) + [rand_str() for _ in range(500)]
    calls = []
    for s in strs:
        n = len(s)
        calls.append(("repr", [s]))
        calls.append(("ascii", [s]))
        for m in ["upper", "lower", "casefold", "capitalize", "title", "swapcase",
                  "isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace",
                  "islower", "isupper", "istitle", "isidentifier", "isprintable", "isascii"]:
            calls.append((m, [s]))
        calls.append(("splitlines", [s, False]))
        calls.append(("splitlines", [s, True]))
        for _ in range(2):
            calls.append((rng.choice(["split", "rsplit"]), [s, None, rand_maxsplit()]))
            calls.append((rng.choice(["split", "rsplit"]), [s, rand_sub(s), rand_maxsplit()]))
            calls.append((rng.choice(["strip", "lstrip", "rstrip"]),
                          [s, rng.choice([None, rand_sub(s), rand_str(4), WS[:5]])]))
            calls.append((rng.choice(["find", "rfind", "count", "startswith", "endswith"]),
                          [s, rand_sub(s), rand_idx(n), rand_idx(n)]))
            calls.append(("replace", [s, rand_sub(s), rand_str(3), rng.choice([-1, -1, 0, 1, 2, 3])]))
            calls.append((rng.choice(["partition", "rpartition"]), [s, rand_sub(s)]))
            calls.append((rng.choice(["center", "ljust", "rjust"]),
                          [s, rng.randrange(-2, n + 7), rng.choice([" ", "*", "é", "\U0001f600", rand_char()])]))
            calls.append(("zfill", [rng.choice(["", "+", "-"]) + s, rng.randrange(-1, n + 5)]))
            calls.append(("expandtabs", [s, rng.choice([-1, 0, 1, 2, 3, 4, 8, 8])]))
            calls.append((rng.choice(["removeprefix", "removesuffix"]), [s, rand_sub(s)]))
    # results too large to build: CPython reports MemoryError/OverflowError
    big = 2**63 - 1
    for m in ["center", "ljust", "rjust"]:
        calls.append((m, ["a", big, "x"]))
        calls.append((m, ["a", big, "\U0001f600"]))
    calls.append(("zfill", ["-1", big]))
    for s in strs[:300]:
        calls.append(("getsizeof", [s]))
    # exhaustive small find/count/startswith grid on a few strings
    for s in ["", "abc", "éaé", "\U0001f600a\U0001f600"]:
        for sub in ["", "a", s[:2]]:
            for st in [None, -5, -1, 0, 1, 2, 3, 4, 5]:
                for en in [None, -5, -1, 0, 1, 2, 3, 4, 5]:
                    for m in ["find", "rfind", "count", "startswith", "endswith"]:
                        calls.append((m, [s, sub, st, en]))
    return calls


STR_FUNCS = {
    "repr": repr,
    "ascii": ascii,
    "getsizeof": sys.getsizeof,
    "split": lambda s, sep, m: s.split(sep, m),
    "rsplit": lambda s, sep, m: s.rsplit(sep, m),
    "splitlines": lambda s, k: s.splitlines(k),
    "strip": str.strip, "lstrip": str.lstrip, "rstrip": str.rstrip,
    "find": str.find, "rfind": str.rfind, "count": str.count,
    "startswith": str.startswith, "endswith": str.endswith,
    "replace": str.replace,
    "partition": str.partition, "rpartition": str.rpartition,
    "center": str.center, "ljust": str.ljust, "rjust": str.rjust,
    "zfill": str.zfill, "expandtabs": str.expandtabs,
    "removeprefix": str.removeprefix, "removesuffix": str.removesuffix,
}
for _m in ["upper", "lower", "casefold", "capitalize", "title", "swapcase",
           "isalpha", "isdigit", "isdecimal", "isnumeric", "isalnum", "isspace",
           "islower", "isupper", "istitle", "isidentifier", "isprintable", "isascii"]:
    STR_FUNCS[_m] = getattr(str, _m)


def rand_byte():
    r = rng.random()
    if r < 0.45:
        return rng.choice(b"abcxyzABCXYZ019_-+'\"\\")
    if r < 0.65:
        return rng.choice(b" \t\n\r\x0b\x0c\x1c\x1f\x85\xa0")
    if r < 0.75:
        return rng.choice(b"aA")
    return rng.randrange(256)


def rand_bytes(maxlen=12):
    n = rng.choice([0, 1, 1, 2, 3, 4, 5, 6, 8, 10, maxlen])
    return bytes(rand_byte() for _ in range(n))


def rand_bsub(b):
    r = rng.random()
    if b and r < 0.55:
        i = rng.randrange(len(b))
        j = rng.randrange(i, min(len(b), i + 3) + 1)
        return b[i:j]
    if r < 0.65:
        return b""
    return rand_bytes(3)


EDGE_BYTES = [
    b"", b" ", b"a", b"  a  b  ", b"a,b,,c,", b"\x1c a \x1c", b"\x85a\xa0", b"\r\n",
    b"a\r\nb\rc\nd\x0be\x0cf", b"Hello World", b"hello world", b"HELLO", b"they're",
    b"a1", b"1a", b"\x00\xff", b"'", b'"', b"'\"", b"\\", b"\t\x7f\x80", b"+12", b"-1",
    b"a\tb\tc", b"\xc3\xa9", bytes(range(256)),
] + [bytes(range(i, i + 16)) for i in range(0, 256, 16)]

HEX_STRS = [
    "", "00", "0", "a", "ab", "AB", "abc", " ab cd ", "a b", "ab\tcd\n", "\x0bab\x0c",
    "zz", "0g", "ab cd ef 01", "é", "ab é", "ab\u00a0cd", "ab\x1ccd", "  ", "0 0",
    "ffFF", "12345", "1 2", "\u3000", "01\u0660",
]


def gen_bytes_calls():
    bs = list(EDGE_BYTES) + [rand_bytes() for _ in range(350)]
    calls = []
    for b in bs:
        n = len(b)
        calls.append(("b.repr", [b]))
        calls.append(("b.bytearray_repr", [b]))
        calls.append(("b.hex", [b, None, 1]))
        calls.append(("b.hex", [b, rng.choice([":", "-", " "]), rng.choice([1, 2, 3, -1, -2, 0, 5, -7])]))
        for m in ["upper", "lower", "swapcase", "capitalize", "title", "isalpha", "isalnum",
                  "isdigit", "islower", "isupper", "isspace", "istitle", "isascii"]:
            calls.append(("b." + m, [b]))
        calls.append(("b.splitlines", [b, False]))
        calls.append(("b.splitlines", [b, True]))
        for _ in range(2):
            calls.append((rng.choice(["b.split", "b.rsplit"]), [b, None, rand_maxsplit()]))
            calls.append((rng.choice(["b.split", "b.rsplit"]), [b, rand_bsub(b), rand_maxsplit()]))
            calls.append((rng.choice(["b.strip", "b.lstrip", "b.rstrip"]),
                          [b, rng.choice([None, rand_bsub(b), rand_bytes(4)])]))
            calls.append((rng.choice(["b.find", "b.rfind", "b.count", "b.startswith", "b.endswith"]),
                          [b, rand_bsub(b), rand_idx(n), rand_idx(n)]))
            calls.append(("b.replace", [b, rand_bsub(b), rand_bytes(3), rng.choice([-1, 0, 1, 2])]))
            calls.append((rng.choice(["b.partition", "b.rpartition"]), [b, rand_bsub(b)]))
            calls.append((rng.choice(["b.center", "b.ljust", "b.rjust"]),
                          [b, rng.randrange(-2, n + 7), bytes([rand_byte()])]))
            calls.append(("b.zfill", [rng.choice([b"", b"+", b"-"]) + b, rng.randrange(-1, n + 5)]))
            calls.append(("b.expandtabs", [b, rng.choice([-1, 0, 1, 4, 8])]))
            calls.append((rng.choice(["b.removeprefix", "b.removesuffix"]), [b, rand_bsub(b)]))
    big = 2**63 - 1
    for m in ["b.center", "b.ljust", "b.rjust"]:
        calls.append((m, [b"a", big, b"x"]))
    calls.append(("b.zfill", [b"-1", big]))
    for w in [big, big - 32, big - 33, big - 34]:
        calls.append(("b.center", [b"a", w, b"x"]))
        calls.append(("ba.center", [b"a", w, b"x"]))
    calls.append(("ba.zfill", [b"-1", big]))
    calls.append(("ba.ljust", [b"a", big, b"x"]))
    calls.append(("ba.center", [b"abc", 7, b"x"]))
    for s in HEX_STRS:
        calls.append(("b.fromhex", [s]))
    for _ in range(200):
        s = "".join(rng.choice("0123456789abcdefABCDEF \t\nxg\u00e9") for _ in range(rng.randrange(0, 9)))
        calls.append(("b.fromhex", [s]))
    for sep in [":", "", "ab", "é", "\x7f", b":", b"", b"\xff", b"ab"]:
        calls.append(("b.hex", [b"\x01\x02\x03\x04\x05", sep, 2]))
    return calls


BYTES_FUNCS = {
    "b.repr": repr,
    "b.bytearray_repr": lambda b: repr(bytearray(b)),
    "b.hex": lambda b, sep, n: b.hex() if sep is None else b.hex(sep, n),
    "b.fromhex": bytes.fromhex,
    "b.split": lambda b, sep, m: b.split(sep, m),
    "b.rsplit": lambda b, sep, m: b.rsplit(sep, m),
    "b.splitlines": lambda b, k: b.splitlines(k),
}
for _m in ["upper", "lower", "swapcase", "capitalize", "title", "isalpha", "isalnum",
           "isdigit", "islower", "isupper", "isspace", "istitle", "isascii",
           "strip", "lstrip", "rstrip", "find", "rfind", "count", "startswith", "endswith",
           "replace", "partition", "rpartition", "center", "ljust", "rjust", "zfill",
           "expandtabs", "removeprefix", "removesuffix"]:
    BYTES_FUNCS["b." + _m] = getattr(bytes, _m)


BYTES_FUNCS["ba.center"] = lambda b, w, f: bytes(bytearray(b).center(w, f))
BYTES_FUNCS["ba.ljust"] = lambda b, w, f: bytes(bytearray(b).ljust(w, f))
BYTES_FUNCS["ba.zfill"] = lambda b, w: bytes(bytearray(b).zfill(w))


def dec_arg(a):
    if isinstance(a, dict) and "b" in a:
        return bytes.fromhex(a["b"])
    return a


def gen_methods():
    lines = []
    for name, args in gen_str_calls():
        f = STR_FUNCS[name]
        lines.append({"f": name, "a": enc(args), "r": call(lambda: f(*args))})
    for name, args in gen_bytes_calls():
        f = BYTES_FUNCS[name]
        lines.append({"f": name, "a": enc(args), "r": call(lambda: f(*args))})
    write("methods.jsonl", lines)


# ---------------------------------------------------------------- hash

HASH_SEEDS = [0, 1, 2, 42, 12345, 987654321, 4294967295]


def gen_hash():
    strs = ["", "a", "ab", "abc", "abcdefg", "abcdefgh", "abcdefghi", "é", "\xff", "ÿé",
            "\u0100", "ĀĀ", "\u20ac", "€uro", "\U0001f600", "a\U0001f600", "\x00", "\x00\x00",
            "\U0010ffff", "\uffff", "日本語", "ñandú"]
    strs += [rand_str(rng.choice([3, 10, 30])) for _ in range(250)]
    strs += ["x" * n for n in range(0, 25)]
    bs = [b"", b"a", b"abc", b"\x00", b"\xff" * 9] + [rand_bytes(rng.choice([3, 10, 30])) for _ in range(100)]
    prog = (
        "import sys, json\n"
        "d = json.load(sys.stdin)\n"
        "print(json.dumps([[hash(s) for s in d['s']], [hash(bytes.fromhex(b)) for b in d['b']]]))\n"
    )
    payload = json.dumps({"s": strs, "b": [b.hex() for b in bs]})
    lines = []
    for seed in HASH_SEEDS:
        env = dict(os.environ)
        env["PYTHONHASHSEED"] = str(seed)
        out = subprocess.run([sys.executable, "-c", prog], input=payload, env=env,
                             capture_output=True, text=True, check=True).stdout
        hs, hb = json.loads(out)
        for s, h in zip(strs, hs):
            lines.append({"seed": seed, "s": s, "h": h})
        for b, h in zip(bs, hb):
            lines.append({"seed": seed, "b": b.hex(), "h": h})
    # How CPython parses PYTHONHASHSEED: hash('a') under each raw value, or
    # null if CPython refuses to start.  ("random" and "" give random keys.)
    for raw in ["42", " 42", "+42", "-0", "042", "\t42", "42 ", "-1", "0x10", "+", "-", " ",
                "4294967295", "4294967296", "-4294967295", "99999999999999999999999", "1e3",
                "007", "\n\x0b\x0c\r 7"]:
        env = dict(os.environ)
        env["PYTHONHASHSEED"] = raw
        p = subprocess.run([sys.executable, "-c", "print(hash('a'))"], env=env,
                           capture_output=True, text=True)
        lines.append({"seedenv": raw, "h": int(p.stdout) if p.returncode == 0 else None})
    write("hash.jsonl", lines)


# ---------------------------------------------------------------- codecs

ENC_NAMES = [
    "utf-8", "utf8", "UTF-8", "UTF8", "u8", "utf", "Utf_8", "utf 8", " utf-8 ", "utf--8",
    "cp65001", "utf8_ucs2", "UTF8-UCS4", "utf-8-sig", "ascii", "ASCII", "us-ascii", "US_ASCII",
    "646", "us", "ansi_x3.4_1968", "ANSI_X3.4-1968", "ansi_x3_4_1986", "iso646-us", "cp367",
    "latin-1", "latin1", "LATIN_1", "latin", "l1", "L1", "iso-8859-1", "iso8859-1", "ISO_8859-1",
    "iso8859_1", "8859", "cp819", "iso_ir_100", "iso_8859_1_1987", "ibm819", "csisolatin1",
    "utf-16", "utf-32", "cp1252", "iso-8859-15", "koi8-r", "shift_jis", "mbcs", "idna",
    "hex", "rot13", "rot_13", "base64", "zlib", "unicode_escape", "raw_unicode_escape",
    "xyz", "", "utf-9", "latin-2", "u.t.f-8", "utf.8", "ut f8", "utf8\u00e9", "\u00e9utf8",
    "-utf8-", "__ascii__", "as.cii", "latin_1.", "utf_8", "UTF", "646.", "ascii\x00",
]

ERR_NAMES_ENC = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                 "namereplace", "surrogateescape", "surrogatepass", "bogus"]
ERR_NAMES_DEC = ["strict", "ignore", "replace", "backslashreplace", "surrogateescape",
                 "surrogatepass", "bogus", "xmlcharrefreplace", "namereplace"]


def has_surrogate(s):
    return any(0xD800 <= ord(c) < 0xE000 for c in s)


def codec_call(f):
    try:
        r = f()
    except UnicodeError as e:
        return {"err": type(e).__name__, "msg": str(e), "start": e.start, "end": e.end}
    except Exception as e:
        return {"err": type(e).__name__, "msg": str(e)}
    if isinstance(r, str) and has_surrogate(r):
        return {"surrogates": True}
    return enc(r)


def gen_codecs():
    lines = []
    for name in ENC_NAMES:
        try:
            info = codecs.lookup(name)
            canon = info.name
            text = getattr(info, "_is_text_encoding", True)
        except (LookupError, ValueError):
            canon = None
            text = None
        lines.append({"lookup": name, "name": canon, "text": text,
                      "enc": codec_call(lambda: "abc".encode(name)),
                      "dec": codec_call(lambda: b"abc".decode(name))})
    enc_strs = ["", "abc", "é", "aé", "aéb", "aéé€b", "\x7f\x80", "\xff\u0100",
                "€", "a\U0001f600b", "\U0001f600\U0001f600", "日本", "x\u0100\xffy",
                "\x00", "a\u2028", "éa\u20acb\U0010ffff"] + [rand_str(8) for _ in range(200)]
    for i, s in enumerate(enc_strs):
        for encname in ["utf-8", "ascii", "latin-1"]:
            for err in ERR_NAMES_ENC if i < 40 else ERR_NAMES_ENC[:6]:
                lines.append({"encode": s, "encoding": encname, "errors": err,
                              "r": codec_call(lambda: s.encode(encname, err))})
    dec_bytes = [b"", b"abc", b"\xff", b"a\xffb", b"\x80", b"\xc0\x80", b"\xc1\xbf", b"\xc2",
                 b"\xc2\x80", b"\xc2a", b"\xe0", b"\xe0\x80", b"\xe0\xa0", b"\xe0\xa0\x80",
                 b"\xe0\xa0a", b"\xed\xa0\x80", b"\xed\x9f\xbf", b"\xed\xbf\xbf", b"\xef\xbf\xbf",
                 b"\xf0", b"\xf0\x80", b"\xf0\x90", b"\xf0\x90\x80", b"\xf0\x90\x80\x80",
                 b"\xf0\x90\x80a", b"\xf4\x8f\xbf\xbf", b"\xf4\x90\x80\x80", b"\xf5\x80\x80\x80",
                 b"\xf8\x88\x80\x80\x80", b"\xfe\xff", b"\xe2\x82\xac", b"\xe2\x82", b"\xe2\x82(",
                 b"\xe2(\xa1", b"a\xe2\x82", b"\xc3\xa9\xff\xc3", b"\x00\x7f\x80\xff"]
    dec_bytes += [bytes([a, b]) for a in range(0x80, 0x100, 3) for b in (0x7f, 0x80, 0x9f, 0xa0, 0xbf, 0xc0)]
    dec_bytes += [bytes([a, b, c]) for a in (0xe0, 0xe1, 0xed, 0xee, 0xef) for b in (0x80, 0x9f, 0xa0, 0xbf, 0xc0) for c in (0x80, 0xbf, 0x41)]
    dec_bytes += [bytes([a, b, c, d]) for a in (0xf0, 0xf1, 0xf3, 0xf4, 0xf5) for b in (0x80, 0x8f, 0x90, 0xbf, 0xc0) for c in (0x80, 0x41) for d in (0x80, 0x41)]
    for _ in range(200):
        n = rng.randrange(0, 10)
        dec_bytes.append(bytes(rng.choice([rng.randrange(256), rng.randrange(0x80, 0x100), rng.randrange(0x80)]) for _ in range(n)))
    for _ in range(150):
        s = rand_str(6).encode("utf-8")
        if s:
            i = rng.randrange(len(s))
            s = s[:i] + s[i + 1:] if rng.random() < 0.5 else s[:i]
        dec_bytes.append(s)
    for i, b in enumerate(dec_bytes):
        for encname in ["utf-8", "ascii", "latin-1"]:
            errs = ERR_NAMES_DEC if i < 120 else ERR_NAMES_DEC[:4]
            if encname == "latin-1":
                errs = ["strict"]
            for err in errs:
                lines.append({"decode": b.hex(), "encoding": encname, "errors": err,
                              "r": codec_call(lambda: b.decode(encname, err))})
    write("codecs.jsonl", lines)


def main():
    gen_props()
    gen_casemap()
    gen_methods()
    gen_hash()
    gen_codecs()


if __name__ == "__main__":
    main()
