# Sequence __add__/__mul__ called directly raise (CPython sq_concat/sq_repeat
# wrappers) instead of returning NotImplemented.
for e in ['"a".__add__(1)', '[].__add__(1)', '().__add__(1)', 'b"a".__add__(1)', '"a".__mul__("b")', '[].__mul__("b")', '"a".__mod__(1)', '[1].__iadd__(5)', '"a".__radd__', '(1).__add__("a")', 'bytearray().__add__(1)']:
    try:
        print(e, repr(eval(e)))
    except Exception as x:
        print(e, type(x).__name__, x)
