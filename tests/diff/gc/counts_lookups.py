# Allocation counts of attribute lookups: hasattr, getattr with a default
# and the __getattr__ hook make no exception object in CPython 3.11 (a
# failed plain lookup does); vars, dir and object.__dir__.
import gc, sys
gc.disable()
from mod_gcprobe import measure, out


class P:
    def __init__(self):
        self.a = 1

class G:
    def __getattr__(self, name):
        return 5

class Q:
    pass

p = P()
g = G()

def plain_missing():
    try:
        p.zz
    except AttributeError:
        pass

def missing_type():
    try:
        P.zz
    except AttributeError:
        pass

measure("hasattr yes", lambda: hasattr(p, "a"))
measure("hasattr no", lambda: hasattr(p, "zz"))
measure("hasattr int", lambda: hasattr(1, "zz"))
measure("hasattr type", lambda: hasattr(P, "zz"))
measure("getattr default", lambda: getattr(p, "zz", None))
measure("getattr found", lambda: getattr(p, "a"))
measure("__getattr__ hook", lambda: g.zz)
measure("missing attribute", plain_missing)
measure("missing on type", missing_type)
measure("vars(p)", lambda: vars(p))
measure("vars(p) again", lambda: vars(p))
measure("vars()", lambda: vars())
measure("dir(Q())", lambda: dir(Q()))
measure("dir(5)", lambda: dir(5))
measure("dir([])", lambda: dir([]))
measure("dir(P)", lambda: dir(P))
measure("dir(sys)", lambda: dir(sys))
measure("[].__dir__()", lambda: [].__dir__())
for line in out:
    print(line)

# The exception's own fields.
try:
    p.zz
except AttributeError as e:
    print(e.name, e.obj is p)
try:
    raise StopIteration(3)
except StopIteration as e:
    print(e.value)
