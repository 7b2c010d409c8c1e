# copy and deepcopy of builtin objects of every kind: copies, themselves, or TypeError.
import copy, sys
def gen(): yield 1
objs = [iter([1]), iter((1,)), iter(range(3)), iter("ab"), iter({1: 2}), iter({1}), enumerate("ab"), zip("a", "b"),
        map(abs, [1]), filter(None, [1]), reversed([1]), {}.keys(), {}.items(), gen(), sys, len, [].append,
        property(), staticmethod(len), classmethod(len), super(int, 1), (lambda: 0).__code__, sys._getframe(),
        range(3), slice(1, 2), 1 + 2j, b"x", bytearray(b"x"), frozenset(), NotImplemented, ..., type(None),
        object(), list.append, ValueError("v")]
for o in objs:
    for f in (copy.copy, copy.deepcopy):
        try:
            r = f(o)
            print(type(o).__name__, f.__name__, "same" if r is o else type(r).__name__)
        except Exception as e:
            print(type(o).__name__, f.__name__, type(e).__name__, e)
