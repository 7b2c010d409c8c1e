#!/usr/bin/env python3
"""Generate CPython 3.11 reference vectors for refscope-numfmt.

Usage (from anywhere):  python3 crates/refscope-numfmt/tests/gen_vectors.py

Every expected output in tests/vectors/*.txt is computed here by the running
python3; nothing is typed by hand. The generator is deterministic (fixed
seed), so rerunning it reproduces the committed files.

Line format: fields separated by TAB. Inside a field, backslash is written
as two backslashes and control / line-breaking characters as a backslash
followed by u{HEX}. Floats are written as 16 hex digits of their IEEE-754
bit pattern. A result field is either `OK<TAB>text` or
`ERR<TAB>ExceptionName<TAB>message`.
"""
import math
import os
import random
import struct
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "vectors must come from CPython 3.11"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "vectors")
rng = random.Random(20240611)


def esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029):
            out.append("\\u{%x}" % o)
        else:
            out.append(ch)
    return "".join(out)


def fbits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def bits_f(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def ok(s):
    return "OK\t" + esc(s)


def err(e):
    return "ERR\t%s\t%s" % (type(e).__name__, esc(str(e)))


def run(fn):
    try:
        return ok(fn())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        return err(e)


class Writer:
    def __init__(self, name):
        self.path = os.path.join(OUT, name)
        self.lines = []

    def add(self, *fields):
        line = "\t".join(fields)
        line.encode("utf-8")  # no lone surrogates
        self.lines.append(line)

    def close(self):
        with open(self.path, "w", encoding="utf-8", newline="\n") as f:
            f.write("\n".join(self.lines) + "\n")
        print("%-22s %6d lines" % (os.path.basename(self.path), len(self.lines)))


# ---------------------------------------------------------------- floats --

def random_float():
    r = rng.random()
    if r < 0.25:
        # uniform over bit patterns (finite)
        while True:
            x = bits_f(rng.getrandbits(64))
            if math.isfinite(x):
                return x
    if r < 0.45:
        # short decimals, the common case in programs
        d = rng.randint(0, 8)
        m = rng.randint(-10**rng.randint(1, 9), 10**rng.randint(1, 9))
        return float("%de%d" % (m, rng.randint(-12, 12) - d))
    if r < 0.55:
        # around the repr notation switches and powers of ten
        e = rng.choice([-6, -5, -4, -3, 14, 15, 16, 17, 22, 23, rng.randint(-320, 308)])
        x = float("1e%d" % e) * rng.choice([1, 1, 2, 5, 9.5, 9.999999, 1.2345])
        for _ in range(rng.randint(0, 3)):
            x = math.nextafter(x, rng.choice([0, math.inf]))
        return x * rng.choice([1, -1])
    if r < 0.65:
        # integers
        return float(rng.randint(-2**rng.randint(1, 70), 2**rng.randint(1, 70)))
    if r < 0.75:
        # subnormals and extremes
        return rng.choice([
            bits_f(rng.getrandbits(52)), 5e-324, 2.2250738585072014e-308,
            1.7976931348623157e308, -5e-324, bits_f(rng.getrandbits(20)),
        ])
    if r < 0.85:
        # halfway-ish values for rounding: k / 2**n
        return rng.randint(-10**6, 10**6) / 2 ** rng.randint(0, 12)
    return rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-30, 30)


SPECIAL_FLOATS = [
    0.0, -0.0, math.inf, -math.inf, math.nan, -math.nan, 1.0, -1.0, 0.5, 1.5, 2.5,
    0.1, 0.2, 0.3, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5,
    0.0001, 0.00001, 123456789012345.0, 1234567890123456.0, 12345678901234567.0,
    1.5e300, 1e300, 1e-300, 5e-324, 1e22, 1e23, 2.675, 1.005, 0.125, 0.375,
    9.5, 0.05, 0.15, 0.25, 0.35, 1e100, 123.456, -123.456, 1234.5678,
    4.35, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64, 2 ** -1074, 2 ** -1022,
    1.7976931348623157e308, 2.2250738585072014e-308, 0.999999, 9.9999995,
    99.5, 999999.5, 1e-7, 3.14159, 2.718281828459045, 1e21, 1e-10, 100.0,
    1e6, 1e7, 123456.0, 1234567.0, 0.0005, 0.00049999, 5e-5, 1.25, 2.25,
    6.02214076e23, -6.62607015e-34, 299792458.0, 255.0, 65536.0,
]
SPECIAL_FLOATS = [float(v) for v in SPECIAL_FLOATS]


def gen_repr():
    w = Writer("repr.txt")
    vals = list(SPECIAL_FLOATS)
    for e in range(-330, 310):
        vals.append(float("1e%d" % e))
        vals.append(float("3e%d" % e))
    for _ in range(15000):
        vals.append(random_float())
    for x in vals:
        w.add(fbits(x), esc(repr(x)))
    w.close()


FILLS = [" ", "*", "0", "x", "\u00e9", "<", "=", "{", "}", "\x00", "\U0001F600", "_", ",", "\u0663"]


def rand_spec(types):
    p = []
    r = rng.random
    if r() < 0.35:
        if r() < 0.5:
            p.append(rng.choice(FILLS))
        p.append(rng.choice("<>=^"))
    if r() < 0.3:
        p.append(rng.choice("+- "))
    if r() < 0.08:
        p.append("z")
    if r() < 0.2:
        p.append("#")
    if r() < 0.25:
        p.append("0")
    if r() < 0.55:
        p.append(str(rng.choice([0, 1, 2, 3, 5, 7, 8, 9, 10, 11, 12, 13, 15, 20, 25, 30])))
    if r() < 0.25:
        p.append(rng.choice([",", "_", ",", "_", ",_", "_,", ",,", "__"]))
    if r() < 0.5:
        if r() < 0.03:
            p.append(".")
        else:
            p.append("." + str(rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 10, 15, 16, 17, 20, 25, 60])))
    if r() < 0.85:
        p.append(rng.choice(types))
    s = "".join(p)
    if r() < 0.06:
        i = rng.randint(0, len(s))
        s = s[:i] + rng.choice("xz#0,._+-= q\u0665%") + s[i:]
    return s


FLOAT_TYPES = list("eEfFgGn%") + ["", "", ""] + list("dxsbc")
INT_TYPES = list("bcdoxXn") + ["", "", ""] + list("eEfFgG%") + list("sqrZ")
STR_TYPES = ["s", "s", "", "", "", "d", "r", "x"]

FIXED_SPECS = [
    "", "f", ".2f", "10.3f", "<10", ">10", "^10", "=10", "+", " ", "-", "010", "0=10",
    ",", "_", ",.2f", "_.3e", "#", "#.0", ".0", ".1", ".3", "#.3", "#g", "#.0e", "#.0f",
    "z", "z.1f", "z.0f", "+z.3f", ".0%", "%", "#%", "n", ".3n", "010,", "09,", "08,.1f",
    "*^20,.4e", "0<10", "0>10", "0^10", "x=+15,.2f", "15", "-15", ".100f", ".50e", ".30g",
    ".400f", ".800e", "#.17g", ".17g", "g", "G", "E", "F", ".16", ".17", "#.16",
    "0=12_", "020_.3f", ",g", ",e", "+,", "\u0665\u0662", ".\u0663", "\U0001F600^9",
    ".2147483648f", "99999999999999999999", ".", "10.", ",,", "__", ",_", "_,", "ff",
    "10.2ff", ",d", "_x", "_b", ",x", "\u00e9", ",\u00e9", " ", ", ", "\x7f", ",\x7f", "\x01",
    "#c", "+c", " c", "-c", "z", "zd", "z,", ".2", ".2d", "=", "=^", "<=", "1=", "0",
    "00", "0010", "+010,", "+010_", "#010x", "#010_x", "#_b", "#_o", "#X", "#10_X",
]


def gen_format_float():
    w = Writer("format_float.txt")
    vals = list(SPECIAL_FLOATS) + [random_float() for _ in range(100)]
    for x in vals:
        for spec in FIXED_SPECS:
            if x == x and abs(x) > 1e200 and ("400" in spec or "800" in spec):
                continue
            w.add(fbits(x), esc(spec), run(lambda: format(x, spec)))
    for _ in range(15000):
        x = rng.choice(vals)
        spec = rand_spec(FLOAT_TYPES)
        w.add(fbits(x), esc(spec), run(lambda: format(x, spec)))
    w.close()


SPECIAL_INTS = [
    0, 1, -1, 2, 7, 9, 10, 42, -42, 65, 97, 255, -255, 1000, 1234, -1234, 12345,
    123456, 1234567, -1234567, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 1, 2 ** 63 - 1,
    -2 ** 63, 2 ** 64, 10 ** 20, -10 ** 20, 10 ** 25 + 1, 3 ** 100, -(7 ** 90),
    2 ** 1023, 2 ** 1024, -2 ** 1024, 2 ** 1024 - 2 ** 970, 2 ** 1024 - 2 ** 971,
    2 ** 1024 - 2 ** 970 - 1, 0x10FFFF, 0x110000, 0xD7FF, 0xE000, 128512,
    0x1F600, 256, 4095, 4096, 65535, -65536, 99999, 999999,
]


def random_int():
    r = rng.random()
    if r < 0.4:
        return rng.randint(-10 ** 6, 10 ** 6)
    if r < 0.7:
        return rng.randint(-2 ** 70, 2 ** 70)
    if r < 0.85:
        return rng.randint(0, 0x10FFFF)
    if r < 0.97:
        return rng.randint(-10 ** 40, 10 ** 40)
    return rng.randint(-10 ** 400, 10 ** 400)


def surrogate_result(v, spec):
    # format(0xD800, 'c') makes a lone surrogate we cannot store; skip.
    return "c" in spec and isinstance(v, int) and 0xD800 <= v <= 0xDFFF


def gen_format_int():
    w = Writer("format_int.txt")
    vals = SPECIAL_INTS + [random_int() for _ in range(60)]
    for i, v in enumerate(vals):
        for spec in FIXED_SPECS:
            if surrogate_result(v, spec):
                continue
            if i > 12 and spec in (".400f", ".800e", ".100f", ".50e"):
                continue
            w.add(str(v), esc(spec), run(lambda: format(v, spec)))
    for _ in range(15000):
        v = rng.choice(vals)
        if abs(v) > 10 ** 50 and rng.random() < 0.85:
            v = rng.choice(vals[:30])
        spec = rand_spec(INT_TYPES)
        if surrogate_result(v, spec):
            continue
        w.add(str(v), esc(spec), run(lambda: format(v, spec)))
    # the type name in messages: bool
    for spec in ["q", "s", "d", ".2", "c"]:
        w.add("bool:1", esc(spec), run(lambda: format(True, spec)))
    w.close()


STRS = ["", "a", "ab", "abc", "hello", "hello world", "\u00e9t\u00e9", "\U0001F600x",
        "\u0663\u0664", "x" * 30, "tab\there", " sp ", "\u4e2d\u6587\u5b57"]


def gen_format_str():
    w = Writer("format_str.txt")
    for s in STRS:
        for spec in FIXED_SPECS:
            w.add(esc(s), esc(spec), run(lambda: format(s, spec)))
    for _ in range(8000):
        s = rng.choice(STRS)
        spec = rand_spec(STR_TYPES)
        w.add(esc(s), esc(spec), run(lambda: format(s, spec)))
    w.close()


# ------------------------------------------------------------- % format --

PCT_CONVS = list("diouxXeEfFgGcrsa") * 3 + list("%qyb") + ["ld", "hd", "Lf", "lld"]


def rand_pct():
    s = ""
    if rng.random() < 0.5:
        s += "".join(rng.choice("-+ #0") for _ in range(rng.randint(1, 3)))
    star_w = star_p = None
    r = rng.random()
    if r < 0.1:
        s += "*"
        star_w = rng.randint(-12, 12)
    elif r < 0.6:
        s += str(rng.choice([0, 1, 3, 5, 8, 10, 12, 20]))
    r = rng.random()
    if r < 0.07:
        s += ".*"
        star_p = rng.randint(-3, 12)
    elif r < 0.5:
        s += "." + rng.choice(["", "0", "1", "2", "3", "5", "10", "17", "25"])
    s += rng.choice(PCT_CONVS)
    return s, star_w, star_p


def pct_run(spec, star_w, star_p, v):
    args = []
    if star_w is not None:
        args.append(star_w)
    if star_p is not None:
        args.append(star_p)
    args.append(v)
    return run(lambda: ("%" + spec) % tuple(args))


def opt(v):
    return "-" if v is None else str(v)


def gen_percent():
    w = Writer("percent.txt")
    fixed = ["d", "i", "u", "5d", "-5d", "05d", "+d", " d", "+ d", ".3d", "#x", "#X",
             "#o", "#08x", "#.3x", "x", "X", "o", "c", "5c", "-5c", ".0c", "f", ".2f",
             "5.2f", "-10.3f", "010.3f", "+.1e", "#.0f", "#.0e", "#g", "#.3g", "g",
             "G", "e", "E", "F", ".0g", ".1g", "10", "s", "r", "a", ".2s", "5s", "%",
             "5%", "(a)d", "q", "ld", "hx", "Lf", ".x", "#.0g", "0-5d", "-05d",
             "020.10e", ".500f", ".30e", "#10.4g", "'d"]
    ints = SPECIAL_INTS + [random_int() for _ in range(80)]
    floats = SPECIAL_FLOATS + [random_float() for _ in range(80)]
    for spec in fixed:
        if spec == ".500f":
            for v in [0, 1, -7, 2 ** 70]:
                w.add("int", str(v), esc(spec), "-", "-", pct_run(spec, None, None, v))
            for x in floats[:8]:
                w.add("float", fbits(x), esc(spec), "-", "-", pct_run(spec, None, None, x))
            continue
        for v in ints[:40] + [10 ** 400, -10 ** 400]:
            if "c" in spec and 0xD800 <= v <= 0xDFFF:
                continue
            if spec.startswith("(a)"):
                w.add("int", str(v), esc(spec), "-", "-", run(lambda: ("%" + spec) % {"a": v}))
                continue
            w.add("int", str(v), esc(spec), "-", "-", pct_run(spec, None, None, v))
        for x in floats[:60]:
            if spec.startswith("(a)"):
                w.add("float", fbits(x), esc(spec), "-", "-", run(lambda: ("%" + spec) % {"a": x}))
                continue
            w.add("float", fbits(x), esc(spec), "-", "-", pct_run(spec, None, None, x))
    for _ in range(20000):
        spec, sw, sp = rand_pct()
        if rng.random() < 0.5:
            v = rng.choice(ints)
            if abs(v) > 10 ** 50 and rng.random() < 0.85:
                v = rng.choice(ints[:30])
            if "c" in spec and 0xD800 <= v <= 0xDFFF:
                continue
            w.add("int", str(v), esc(spec), opt(sw), opt(sp), pct_run(spec, sw, sp, v))
        else:
            x = rng.choice(floats)
            w.add("float", fbits(x), esc(spec), opt(sw), opt(sp), pct_run(spec, sw, sp, x))
    # parse errors
    for spec in ["", "5", "-", ".", "5.", "(a", "(a)", "(a(b)", "(a(b))", "l", "99999999999999999999d",
                 ".99999999999999999999d", ".2147483648f", ".2147483647"]:
        w.add("parse", "-", esc(spec), "-", "-", run(lambda: ("%" + spec) % {"a": 1, "a(b)": 2}))
    w.close()


# ------------------------------------------------------------- int parse --

UNI_DIGITS = ["\u0663", "\u0660", "\uff11", "\U0001D7D9", "\u096b", "\u0e52"]
UNI_SPACES = ["\u00a0", "\u2003", "\u3000", "\x1c", "\x85", "\u2028"]


def random_int_text():
    alphabet = list("0123456789") * 3 + list("abcdefxXoObBzZ") + ["_"] * 3 + \
        [" ", "+", "-", "\t", "\n"] + UNI_DIGITS + UNI_SPACES + ["\u00e9", ".", "\x00"]
    r = rng.random()
    if r < 0.3:
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
    # structured: [ws][sign][prefix][digits with _][ws]
    s = ""
    if rng.random() < 0.3:
        s += rng.choice([" ", "  ", "\t", "\n", "\u00a0", "\u3000"])
    if rng.random() < 0.3:
        s += rng.choice("+-")
    if rng.random() < 0.35:
        s += rng.choice(["0x", "0X", "0o", "0O", "0b", "0B", "0", "00", "0x_", "0_"])
    nd = rng.randint(0, 12)
    digs = rng.choice(["01", "01234567", "0123456789", "0123456789abcdef", "0123456789ABCDEFxyz"])
    for i in range(nd):
        s += rng.choice(digs)
        if rng.random() < 0.15:
            s += "_"
            if rng.random() < 0.1:
                s += "_"
    if rng.random() < 0.1:
        s += rng.choice(UNI_DIGITS)
    if rng.random() < 0.3:
        s += rng.choice([" ", "\n", " \t", "\u2003"])
    return s


def gen_parse_int():
    w = Writer("parse_int.txt")
    fixed = ["0", "-0", "+0", "00", "0_0", "010", "0x1f", "0X1F", "0o17", "0b101", "0x_1f",
             "0x__1f", "0_x1f", "1_000", "1__000", "_1", "1_", " 12 ", "\t-12\n", "",
             " ", "+", "-", "0x", "0b", "1 2", "12abc", "\u0663", "\u0663\u0664", "\uff11\uff12",
             "\u00a012\u00a0", "\x1c12\x1f", "\u200b12", "1e5", "1.0", "9" * 4300,
             "9" * 4301, "9" * 4301 + "x", "1" * 5000 + "__1", "1_" * 4301 + "1",
             "0" * 4301, "f" * 5000, "z", "Z", "zz", "0b2", "0o8", "0x", "0xg", "--1",
             "+-1", "- 1", "0_", "0__0", "00_00", "0_7", "0x0", "0o0", "0b0", "0xF_F_F"]
    bases = [0, 2, 8, 10, 16, 36, 3, 7, 1, 37]
    for s in fixed:
        for base in bases:
            w.add(esc(s), str(base), run_int(s, base))
    for _ in range(12000):
        s = random_int_text()
        base = rng.choice([0, 0, 10, 10, 16, 2, 8, 36, rng.randint(2, 36)])
        w.add(esc(s), str(base), run_int(s, base))
    w.close()


def run_int(s, base):
    if not (base == 0 or 2 <= base <= 36):
        return "ERR\tBase\t-"
    try:
        return ok(hex(int(s, base)))  # hex: str() of a huge int would hit the limit
    except ValueError as e:
        if "Exceeds the limit" in str(e):
            return "ERR\tLimit\t" + esc(str(e))
        return "ERR\tInvalid\t-"


def gen_radix():
    w = Writer("radix.txt")
    for v in SPECIAL_INTS + [random_int() for _ in range(800)]:
        w.add(str(v), bin(v), oct(v), hex(v))
    w.close()


# ----------------------------------------------------------- float parse --

def random_float_text():
    r = rng.random()
    if r < 0.35:
        return repr(random_float())
    if r < 0.5:
        alphabet = list("0123456789") * 2 + list(".eE+-_ ") + ["inf", "nan", "x", "\u0663", "\u00a0"]
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
    s = ""
    if rng.random() < 0.2:
        s += rng.choice([" ", "\t", "\u3000", "\n"])
    if rng.random() < 0.3:
        s += rng.choice("+-")
    if rng.random() < 0.1:
        s += rng.choice(["inf", "INF", "Infinity", "nan", "NaN", "infinit", "nann", "iNfInItY"])
    else:
        for _ in range(rng.randint(0, 25)):
            s += rng.choice("0123456789")
            if rng.random() < 0.05:
                s += "_"
        if rng.random() < 0.6:
            s += "."
            for _ in range(rng.randint(0, 25)):
                s += rng.choice("0123456789")
                if rng.random() < 0.05:
                    s += "_"
        if rng.random() < 0.4:
            s += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 400))
    if rng.random() < 0.2:
        s += rng.choice([" ", "\n", "\u2003"])
    return s


def gen_parse_float():
    w = Writer("parse_float.txt")
    fixed = ["1.5", " 1.5 ", "1_0.5", "1e1_0", "1_e10", "1._5", "_1", "1_", "1__0", "inf", "-inf",
             "+inf", "Infinity", "-iNfInItY", "nan", "-nan", "+NaN", "infinit", "in", "1.", ".5",
             ".", "e5", "1e", "1e+", "1e-5", "1E5", "0x1p3", "1e400", "-1e400", "1e-400",
             "2.4703282292062327e-324", "2.4703282292062328e-324", "\u0663.\u0665", "\u00a01.5",
             "1.5\u3000", "1 .5", "", " ", "+", "-", "--1", "1.5x", "0" * 500 + "1",
             "0." + "0" * 400 + "1e400", "1" * 400, "1.7976931348623157e308",
             "1.7976931348623158e308", "1.7976931348623159e308", "\x001", "1\x00", "١٢٣",
             "9007199254740993", "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791.9999999999999999999999999999999999999999999999999999999999999999999999",
             "1e99999999999999999999", "1e-99999999999999999999", "0e99999999999999999999"]
    for s in fixed:
        w.add(esc(s), run_float(s))
    for _ in range(12000):
        s = random_float_text()
        w.add(esc(s), run_float(s))
    w.close()


def run_float(s):
    try:
        x = float(s)
    except ValueError:
        return "ERR\tInvalid\t-"
    return "OK\t" + ("nan" if x != x else fbits(x))


# ---------------------------------------------------------------- round --

def gen_round():
    w = Writer("round.txt")
    vals = list(SPECIAL_FLOATS) + [random_float() for _ in range(3000)]
    # tie candidates: short decimals ending in 5
    for _ in range(2000):
        d = rng.randint(1, 6)
        m = rng.randint(0, 10 ** d) * 10 + 5
        vals.append(float("%de-%d" % (m, d)) * rng.choice([1, -1]))
    for _ in range(1000):
        vals.append(rng.randint(-10 ** 6, 10 ** 6) * 5 * 10.0 ** rng.randint(0, 10))
    for x in vals:
        for nd in {rng.randint(-3, 6), rng.randint(-20, 20), rng.choice([-400, -309, -308, -307, -300, 0, 1, 2, 300, 322, 323, 324, 400])}:
            w.add("nd", fbits(x), str(nd), run_round(x, nd))
        w.add("int", fbits(x), "-", run(lambda: str(round(x))))
        w.add("trunc", fbits(x), "-", run(lambda: str(int(x))))
    w.close()


def run_round(x, nd):
    try:
        r = round(x, nd)
    except OverflowError as e:
        return err(e)
    return "OK\t" + ("nan" if r != r else fbits(r))


# ----------------------------------------------------------------- hash --

def gen_hash():
    w = Writer("hash.txt")
    vals = list(SPECIAL_FLOATS) + [random_float() for _ in range(5000)]
    for x in vals:
        if x != x:
            continue
        w.add("float", fbits(x), str(hash(x)))
    ints = SPECIAL_INTS + [random_int() for _ in range(3000)] + [-1, -2, 2 ** 61 - 1, 2 ** 61 - 2,
                                                                  2 ** 61, -(2 ** 61 - 1), 2 ** 122 - 1,
                                                                  -(2 ** 61) - 1]
    for v in ints:
        w.add("int", str(v), str(hash(v)))
    for _ in range(500):
        re_, im = random_float(), random_float()
        w.add("complex", fbits(re_), fbits(im), str(hash(complex(re_, im))))
    w.close()


# ------------------------------------------------ ratio / hex / fromhex --

def gen_misc():
    w = Writer("misc.txt")
    vals = list(SPECIAL_FLOATS) + [random_float() for _ in range(2500)]
    for x in vals:
        def ratio():
            n, d = x.as_integer_ratio()
            return "%d/%d" % (n, d)
        w.add("ratio", fbits(x), run(ratio))
        w.add("hex", fbits(x), ok(x.hex()))
        w.add("is_integer", fbits(x), ok(str(x.is_integer())))
        w.add("fromhex", esc(x.hex()), run_fromhex(x.hex()))
    for v in SPECIAL_INTS + [random_int() for _ in range(1500)] + \
            [2 ** 1024 - 2 ** 970 - 1, 2 ** 1024 - 2 ** 970, (2 ** 53 + 1) << 900, ((2 ** 53 + 1) << 900) + 1,
             (2 ** 53 + 3) << 10, 2 ** 64 + 1, 2 ** 64 - 1, 2 ** 65 + 3, (2 ** 54 + 2) * 2 ** 11 + 1]:
        w.add("int_to_float", str(v), run(lambda: fbits(float(v))))
    fixed = ["0x1p0", "0x1.8p1", " 0x1p1 ", "\u00a00x1p1", "-0x1p-1074", "0x1p-1075", "0x1.0000000000001p-1075",
             "0x1p-1076", "0x1.8p-1074", "0x1.fffffffffffff8p1023", "0x1.fffffffffffff7ffp1023",
             "0x1p1024", "0x.8p1025", "inf", "-Infinity", "nan", "-nan", "1", "1.", ".8", ".", "0x",
             "0x.p1", "p1", "0x1p", "0x1p+", "0x1p-", "1p99999999999999999999999", "0p99999999999999999999",
             "1p-99999999999999999999", "0x1P3", "0X1p3", "0x1_0p3", "0xg", "0x1.8p1x", "",
             "0x" + "f" * 300 + "p-1200", "0x0." + "0" * 300 + "1p1200", "0x1.00000000000008p0",
             "0x1.00000000000008000000001p0", "0x1.00000000000018p0", "+0x1p0", "--0x1p0",
             "0x1.0p-1022", "0x0.fffffffffffffp-1022", "0x0.fffffffffffff8p-1022", "0x1.ffffffffffffffffp-1023",
             "infinit", "1 p1", "0x1p1\x00"]
    for s in fixed:
        w.add("fromhex", esc(s), run_fromhex(s))
    for _ in range(3000):
        n = rng.getrandbits(rng.randint(1, 120))
        digs = "%x" % n
        k = rng.randint(0, len(digs))
        s = rng.choice(["", "-", "+"]) + rng.choice(["0x", "", "0X"]) + digs[:k] + "." + digs[k:] + \
            "p%d" % rng.randint(-1200, 1100)
        w.add("fromhex", esc(s), run_fromhex(s))
    w.close()


def run_fromhex(s):
    try:
        x = float.fromhex(s)
    except (ValueError, OverflowError) as e:
        return err(e)
    return "OK\t" + ("nan" if x != x else fbits(x))


# ------------------------------------------------------------ arithmetic --

def gen_arith():
    w = Writer("arith.txt")
    specials = [0.0, -0.0, 1.0, -1.0, 2.0, -2.0, 0.5, -0.5, 3.0, -3.0, 1.5, -1.5, math.inf, -math.inf,
                math.nan, 1e308, -1e308, 5e-324, -5e-324, 7.0, -7.0, 0.1, 1e-300, 10.0, 1 / 3, 2.5]
    pairs = [(a, b) for a in specials for b in specials]
    for _ in range(2000):
        pairs.append((random_float(), random_float()))
        pairs.append((random_float(), rng.choice(specials)))
    for _ in range(1500):
        pairs.append((rng.uniform(-10, 10), rng.choice([rng.uniform(-5, 5), float(rng.randint(-40, 40)),
                                                        rng.randint(-4, 4) + 0.5])))

    def fl(x):
        return "nan" if x != x else fbits(x)

    for a, b in pairs:
        w.add("mod", fbits(a), fbits(b), run(lambda: fl(a % b)))
        w.add("floordiv", fbits(a), fbits(b), run(lambda: fl(a // b)))
        w.add("divmod", fbits(a), fbits(b), run(lambda: "%s,%s" % tuple(map(fl, divmod(a, b)))))
        w.add("truediv", fbits(a), fbits(b), run(lambda: fl(a / b)))

        def pw():
            try:
                r = a ** b
            except OverflowError as e:
                # The complex path is the caller's (PowError::ComplexResult).
                if str(e) == "complex exponentiation":
                    return "COMPLEX"
                raise
            if isinstance(r, complex):
                return "COMPLEX"
            return fl(r)
        w.add("pow", fbits(a), fbits(b), run(pw))
    w.close()


# --------------------------------------------------------------- unicode --

def gen_unicode():
    w = Writer("unicode.txt")
    for cp in range(0x110000):
        c = chr(cp)
        sp = c.isspace()
        d = unicodedata.decimal(c, None)
        if sp or d is not None:
            w.add("%x" % cp, "1" if sp else "0", "-" if d is None else str(d))
    w.close()


def main():
    os.makedirs(OUT, exist_ok=True)
    gen_repr()
    gen_format_float()
    gen_format_int()
    gen_format_str()
    gen_percent()
    gen_parse_int()
    gen_radix()
    gen_parse_float()
    gen_round()
    gen_hash()
    gen_misc()
    gen_arith()
    gen_unicode()


if __name__ == "__main__":
    main()
