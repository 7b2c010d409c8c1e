# A bare `raise` re-raises the innermost handled exception, including the
# caller's when a generator handles none of its own.
def gen():
    try:
        yield
        raise
    except Exception as e:
        yield "generator re-raised " + repr(e)

g = gen()
next(g)
try:
    raise KeyError("caller's")
except KeyError:
    print(next(g))

def implicit_context():
    yield
    raise ValueError("in generator")
g = implicit_context()
next(g)
try:
    raise OSError("handled by caller")
except OSError:
    try:
        next(g)
    except ValueError as e:
        print("context:", repr(e.__context__))

g2 = gen()
next(g2)
try:
    next(g2)
except RuntimeError as e:
    print("RuntimeError:", e)
