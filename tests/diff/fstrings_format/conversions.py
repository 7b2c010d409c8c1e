s = "it's"
n = 42
print(f"{s}|{s!r}|{s!s}|{s!a}")
print(f"{'café'!a} {'tab	'!r}")
print(f"{n} {n!r} {n + 1}")
print(f"{[1, 'a']} {(1,)} {{'braces'}} {{}}")
print(f"{n=} {s=} {n * 2=}")
print(f"{n = }")
print(f"{'nested ' + f'{n}'}")
print(f"{None} {True} {3.0} {1e20} {-0.0}")
print(f"{'a' 'b'}")
