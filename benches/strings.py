"""String building and methods: join, split, replace, find, case
changes, strip, formatting, f-strings, slicing and str.count over ASCII
and non-ASCII text."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"

WORDS = ["alpha", "Beta", "gamma", "délta", "epsilon", "ζeta", "eta",
         "theta", "iota", "kappa", "lambda", "mu"]


def build_lines(n):
    lines = []
    for i in range(n):
        w = WORDS[i % len(WORDS)]
        v = WORDS[(i * 7) % len(WORDS)]
        lines.append(f"{i:06d} {w} {v.upper()} {i * 3 % 17}: {w}-{v} ")
    return lines


def transform(lines):
    out = []
    for line in lines:
        s = line.strip()
        s = s.replace("-", "+").replace("eta", "ETA")
        head, _, tail = s.partition(":")
        parts = head.split()
        parts.reverse()
        s = " ".join(parts) + "|" + tail.lstrip().title()
        if s.startswith("1") or s.endswith("Mu"):
            s = s.lower()
        out.append(s.center(60, "."))
    return out


def scan(text):
    total = 0
    for word in WORDS:
        total += text.count(word)
        pos = text.find(word)
        total += pos if pos >= 0 else 1
        total += text.rfind(word.upper()) % 1000
    return total


def concat(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
        if len(s) > 500:
            s = s[250:]
    return s


def main():
    n = 2000 if QUICK else 60000
    lines = build_lines(n)
    out = transform(lines)
    print(out[0])
    print(out[-1])
    text = "\n".join(out)
    print("length", len(text), "lines", text.count("\n") + 1)
    print("scan", scan(text))
    chars = sum(1 for c in text[: n * 5] if c.isalpha())
    print("alpha chars", chars)
    words = text.split()
    print("words", len(words), "longest", max(words, key=len))
    tail = concat(n * 4)
    print("concat", len(tail), tail[:20])
    pieces = ["%s=%d" % (w, len(w)) for w in words[: n]]
    print("formatted", len(",".join(pieces)), pieces[:3])


main()
