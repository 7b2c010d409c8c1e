# Sequence __add__ called directly raises (CPython's sq_concat wrapper)
# instead of returning NotImplemented.
for e in ['"a".__add__(1)', '[].__add__(1)', '().__add__(1)', 'b"a".__add__(1)', '"a".__mod__(1)', '[1].__iadd__(5)', '"a".__radd__', '(1).__add__("a")', 'bytearray().__add__(1)']:
    try:
        print(e, repr(eval(e)))
    except Exception as x:
        print(e, type(x).__name__, x)
