def chain(cls):
    return " -> ".join(k.__name__ for k in cls.__mro__)

for cls in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError,
            UnboundLocalError, RecursionError, StopIteration, KeyboardInterrupt,
            SystemExit, NotImplementedError, ModuleNotFoundError, UnicodeDecodeError,
            OverflowError, TypeError, AssertionError]:
    print(chain(cls))

try:
    {}["x"]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    raise SystemExit(0)
except Exception:
    print("not here")
except BaseException as e:
    print("BaseException caught", type(e).__name__)
