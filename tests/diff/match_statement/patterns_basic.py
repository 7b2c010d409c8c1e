# match/case: literals, captures, wildcards, or-patterns, guards.
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case None:
            return "none"
        case True:
            return "true"
        case "hi" | "hello":
            return "greeting"
        case int(n) if n < 0:
            return f"negative {n}"
        case float() as f:
            return f"float {f}"
        case str(s):
            return f"other string {s!r}"
        case _:
            return "something else"

for v in [0, 2, None, True, "hi", -5, 2.5, "zz", [1], 1.0, False]:
    print(repr(v), "->", describe(v))
