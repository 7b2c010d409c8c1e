# __getstate__ / __setstate__ decide what is copied.
import copy

class Conn:
    def __init__(self, host):
        self.host = host
        self.socket = "open socket"
    def __getstate__(self):
        print("getstate")
        st = self.__dict__.copy()
        del st["socket"]
        return st
    def __setstate__(self, st):
        print("setstate", sorted(st))
        self.__dict__.update(st)
        self.socket = "reopened"

c = Conn("example.org")
c2 = copy.copy(c)
print(c2.host, c2.socket)
c3 = copy.deepcopy(c)
print(c3.host, c3.socket)

class OnlySet:
    def __init__(self):
        self.a = 1
    def __setstate__(self, st):
        print("OnlySet.setstate", st)
        self.b = st

o = copy.copy(OnlySet())
print(vars(o))

class FalseState:
    def __init__(self):
        self.a = 1
    def __getstate__(self):
        return None

f = copy.copy(FalseState())
print(vars(f))

class TupleState:
    def __getstate__(self):
        return ({"d": 1}, {"s": 2})

t = copy.copy(TupleState())
print(vars(t))

x = Conn("h")
print(x.__getstate__())
print(object.__getstate__(x) is x.__dict__)
