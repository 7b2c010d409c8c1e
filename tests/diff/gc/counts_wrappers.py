# Allocation counts of staticmethod and classmethod (called through a
# tuple; __init__ copies the callable's attributes into their __dict__),
# metaclasses (mro() makes a list; class keywords a dict), exception
# subclasses calling BaseException.__init__.
import gc, sys
gc.disable()
from mod_gcprobe import measure, out


def mk():
    def pf():
        "doc"
    return pf

fs = [mk() for i in range(4)]

class Meta(type):
    pass

class Meta2(type):
    def __new__(mcls, *a):
        return super().__new__(mcls, *a)

def with_meta():
    class Y(metaclass=Meta):
        pass
    return Y

def plain_class():
    class Y:
        pass
    return Y

class T(Exception):
    def __init__(self, tag):
        super().__init__(tag)

class U(Exception):
    def __init__(self, tag):
        Exception.__init__(self, tag, 2)

class O:
    __module__ = "m"
    __doc__ = "d"

measure("staticmethod", lambda: staticmethod(fs[0]))
measure("classmethod", lambda: classmethod(fs[1]))
measure("staticmethod of an instance", lambda: staticmethod(O()))
sm = staticmethod(fs[2])
measure("staticmethod.__init__", lambda: staticmethod.__init__(sm, fs[3]))
measure("staticmethod.__new__", lambda: staticmethod.__new__(staticmethod, 1))
measure("type(name, bases, ns)", lambda: type("X", (), {}))
measure("Meta(name, bases, ns)", lambda: Meta("X", (), {}))
measure("Meta2(name, bases, ns)", lambda: Meta2("X", (), {}))
measure("class with metaclass", with_meta)
measure("class", plain_class)
measure("exception super().__init__", lambda: T("x"))
measure("Exception.__init__(self, ...)", lambda: U("x"))
for line in out:
    print(line)

s = staticmethod(fs[0])
print(s.__dict__ == {"__module__": "__main__", "__name__": "pf", "__qualname__": "mk.<locals>.pf", "__doc__": "doc", "__annotations__": {}})
print(s.__name__, s.__wrapped__ is fs[0], s.__func__ is fs[0])
c = classmethod(fs[1])
print(sorted(c.__dict__), c.__doc__)
print(sorted(staticmethod(O()).__dict__))
s.extra = 1
print(s.__dict__["extra"])
print(gc.is_tracked(s), gc.get_referents(s)[0] is fs[0])
