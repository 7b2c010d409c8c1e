# except* (PEP 654): which handlers run, what each sees, what escapes.
import sys

def show(label, e):
    if e is None:
        print(label, None)
        return
    print(label, type(e).__name__, repr(e))

def leaves(e):
    if isinstance(e, BaseExceptionGroup):
        out = []
        for x in e.exceptions:
            out.extend(leaves(x))
        return out
    return [e]

print("-- one group, two handlers")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        show("value handler", e)
        print("exc_info is e:", sys.exc_info()[1] is e)
    except* TypeError as e:
        show("type handler", e)
    print("after try: nothing escaped")
except BaseException as e:
    show("escaped", e)

print("-- unhandled rest re-raised")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2), OSError(3)])
    except* ValueError as e:
        show("value handler", e)
except ExceptionGroup as e:
    show("escaped", e)

print("-- naked exception is wrapped")
try:
    raise ValueError("naked")
except* ValueError as e:
    show("wrapped", e)
    print("leaf is the raised one:", type(e.exceptions[0]).__name__, e.exceptions[0].args)
    print("message:", repr(e.message))

print("-- naked exception that does not match passes through")
try:
    try:
        raise KeyError("k")
    except* ValueError:
        print("not here")
except KeyError as e:
    show("escaped naked", e)

print("-- tuple of types")
try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
except* (ValueError, TypeError) as e:
    show("tuple handler", e)
except* KeyError as e:
    show("key handler", e)

print("-- nested groups keep their structure")
try:
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
except* ValueError as e:
    show("values", e)
except* LookupError as e:
    show("lookups", e)
except* TypeError as e:
    show("types", e)

print("-- handler raising a new exception")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise KeyError("from handler")
except BaseException as e:
    show("escaped", e)
    for x in e.exceptions:
        show("  part", x)
        show("  part context", x.__context__)

print("-- bare raise in handler re-raises the matched part")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
except BaseException as e:
    show("escaped", e)

print("-- bare raise of a naked exception")
try:
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
except BaseException as e:
    show("escaped", e)

print("-- raise e (explicit) of the match")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        raise e
except BaseException as e:
    show("escaped", e)
    print([type(x).__name__ for x in e.exceptions])

print("-- two handlers raise, rest remains")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise RuntimeError("r1")
    except* TypeError:
        raise ZeroDivisionError("r2")
except BaseException as e:
    show("escaped", e)
    print([type(x).__name__ for x in leaves(e)])

print("-- else and finally")
for exc in [None, ExceptionGroup("eg", [ValueError()])]:
    try:
        if exc is not None:
            raise exc
        print("body ok")
    except* ValueError:
        print("handled")
    else:
        print("else ran")
    finally:
        print("finally ran")

print("-- handler order: first match wins per leaf")
try:
    raise ExceptionGroup("eg", [ValueError(1), UnicodeError(2)])
except* UnicodeError as e:
    show("unicode", e)
except* ValueError as e:
    show("value", e)

print("-- the name is unbound after the handler")
try:
    raise ExceptionGroup("eg", [ValueError()])
except* ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)

print("-- exceptions raised by the handler have the match as context")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        m = e
        1 / 0
except ZeroDivisionError as z:
    show("escaped alone", z)
    print("context is match:", z.__context__ is m)

print("-- one handler raises, another part is unhandled")
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        m = e
        1 / 0
except ExceptionGroup as g:
    show("escaped", g)
    z = g.exceptions[0]
    print("context is match:", z.__context__ is m)

print("-- BaseException groups")
try:
    try:
        raise BaseExceptionGroup("beg", [KeyboardInterrupt(), ValueError(1)])
    except* ValueError as e:
        show("value", e)
except BaseExceptionGroup as e:
    show("escaped", e)

print("-- catching ExceptionGroup itself is refused")
for t in [ExceptionGroup, BaseExceptionGroup, (ValueError, ExceptionGroup), int, (ValueError, 1)]:
    try:
        try:
            raise ExceptionGroup("eg", [ValueError()])
        except* t:
            print("not here")
    except TypeError as e:
        print("TypeError:", e)

print("-- matching a group subclass with derive")
class MyEG(ExceptionGroup):
    def derive(self, excs):
        print("derive called with", excs)
        return MyEG(self.message + "!", excs)
try:
    try:
        raise MyEG("mine", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        show("match", e)
except MyEG as e:
    show("rest", e)

print("-- in a function, in a loop")
def f(n):
    out = []
    for i in range(n):
        try:
            raise ExceptionGroup("eg", [ValueError(i), TypeError(i)])
        except* ValueError as e:
            out.append(e.exceptions[0].args[0])
        except* TypeError:
            out.append(-i)
    return out
print(f(3))
print("done")
