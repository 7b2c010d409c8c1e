# float methods: hex/fromhex, ratios, rounding dunders, complex basics.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for x in [0.0, -0.0, 1.5, 0.1, 1e300, 5e-324, float("inf"), float("nan")]:
    print(repr(x), x.hex(), x.is_integer(), x.conjugate())
print(float.fromhex("0x1.8p1"), float.fromhex(" -0X.1P-2 "), float.fromhex("inf"))
show(lambda: float.fromhex("0x1p99999"))
show(lambda: float.fromhex("zz"))
show(lambda: float.fromhex(b"1"))
show(lambda: float("inf").as_integer_ratio())
show(lambda: float("nan").as_integer_ratio())
print((0.75).as_integer_ratio(), (-2.5).as_integer_ratio(), (1e20).as_integer_ratio())
print((2.5).__round__(), (3.5).__round__(), (2.675).__round__(2), (-2.5).__round__(None))
print((2.7).__trunc__(), (-2.7).__floor__(), (-2.2).__ceil__(), (2.5).__getnewargs__())
show(lambda: float("inf").__floor__())
show(lambda: float("nan").__trunc__())
print(float.__getformat__("double"))
show(lambda: float.__getformat__("x"))
print((7.5).__divmod__(2), (7.5).__rdivmod__(2), divmod(-7.5, 2), divmod(7, -2.5))
show(lambda: divmod(1.0, 0))
z = complex(3, -4)
print(z, z.real, z.imag, z.conjugate(), abs(z), z.__getnewargs__(), -z, +z)
print(complex("1+2j"), complex(" (-1.5e3-2J) "), complex("j"), complex("-inf+nanj"), complex(2, 3j))
show(lambda: complex("1 + 2j"))
show(lambda: complex("1", 2))
show(lambda: complex(1, "2"))
show(lambda: complex(None))
for spec in ["", ">14", "+", ".2f", "^16.1e", "g", "#", ",.1f"]:
    print(repr(spec), repr(format(complex(1234.5, -0.25), spec)), repr(format(2j, spec)))
show(lambda: format(1j, "010"))
show(lambda: format(1j, "=8"))
show(lambda: format(1j, "d"))
