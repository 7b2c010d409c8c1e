# In a function, CPython 3.11's locals() and frame.f_locals return one dict
# that the frame keeps (made by the first call, brought up to date by each
# later one): an alias whose contents change under the caller, a reference
# to every local while the frame lives, and a frame/dict cycle when the dict
# holds the frame.
import gc, sys

rc = sys.getrefcount


def same_dict():
    x = []
    a = rc(x)
    l1 = locals()
    b = rc(x)
    l2 = locals()
    y = [1]
    l3 = locals()
    return a, b, l1 is l2, l2 is l3, "y" in l1, sorted(l1), rc(y)


print(same_dict())


def frame_attribute():
    x = []
    fr = sys._getframe()
    d1 = fr.f_locals
    d2 = fr.f_locals
    return d1 is d2, rc(x), d1 is locals()


print(frame_attribute())


def snapshot_changes():
    x = 5
    l = locals()
    x = 6
    before = l["x"]
    locals()
    return before, l["x"]


print(snapshot_changes())


def unbound_removed():
    x = 1
    l = locals()
    del x
    locals()
    return "x" in l, sorted(l)


print(unbound_removed())


def with_cells():
    v = [1]

    def inner():
        return v

    l = locals()
    return sorted(l), l["v"] is v, rc(v)


print(with_cells())


def closure_locals():
    w = "free"

    def inner():
        return sorted(locals()), w

    return inner()


print(closure_locals())


def keeps_alive():
    class Noisy:
        def __del__(self):
            print("freed")

    n = Noisy()
    locals()
    n = None
    print("rebound, the dict still holds it")
    locals()
    print("after the update")


keeps_alive()


def returned():
    z = [1, 2]
    return locals()


d = returned()
print(sorted(d), rc(d["z"]))


def gen():
    a = 1
    yield locals()
    b = 2
    yield locals()


g = gen()
first = next(g)
second = next(g)
print(first is second, sorted(first))
gc.collect()


def frames():
    f = sys._getframe()
    return f


fr = frames()
print(list(fr.f_locals), [type(x).__name__ for x in gc.get_referents(fr)])
gc.set_debug(gc.DEBUG_SAVEALL)
del fr
print(gc.collect(), sorted(type(x).__name__ for x in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
gc.collect()
