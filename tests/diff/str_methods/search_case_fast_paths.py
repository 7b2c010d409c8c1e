# Searches and case mappings on ASCII and non-ASCII text, with and without
# start/end (the paths that avoid counting the whole string).
texts = ["abcabc", "ζeta délta ζeta", "ΣΑΣ αΣ", "", "ab\x1ccd\x0bef  gh"]
subs = ["a", "ζ", "eta", "Σ", "", "zz", "délta ζeta!"]
for t in texts:
    for sub in subs:
        row = [t.find(sub), t.rfind(sub), t.count(sub),
               t.startswith(sub), t.endswith(sub)]
        for st in (0, 1, 3, 20, -2):
            row += [t.find(sub, st), t.rfind(sub, st), t.count(sub, st),
                    t.startswith(sub, st), t.endswith(sub, st)]
        row += [t.find(sub, 1, 5), t.rfind(sub, -5, -1), t.count(sub, 2, 100)]
        print(repr(t), repr(sub), row)
words = ["hello wORLD", "they're 3rd", "ΣΑΣ αΣ", "ßtraße ǆ", "ÉCOLE élève",
         "ὈΔΥΣΣΕΎΣ", "mixed Σ. end", "a\u0345Σ", "x"]
for w in words:
    print(repr(w), w.lower(), w.upper(), w.title(), w.capitalize(), w.swapcase())
print("a\x1cb c\x0bd  e".split(), " a  b ".split(maxsplit=1), "".split(),
      "  ".split(maxsplit=0), " x ".split(maxsplit=0), "é  ü".split())
