# gc.get_referents and gc.get_referrers, in CPython's traversal order.
import gc

print(gc.get_referents([1, "a", (2,)]))
print(gc.get_referents((1, [2])))
print(gc.get_referents({1: [2], "a": 3}))
print(gc.get_referents({"a": [3], "b": 4}))
print(sorted(gc.get_referents({1, 2, 3})))
print(gc.get_referents(1, "a", None))
print(gc.get_referents())

class A:
    pass
a = A()
a.x = [1]
a.y = 5
print([type(r).__name__ for r in gc.get_referents(a)])
print(gc.get_referents(a)[0] is a.x)

def outer():
    v = []
    def inner():
        return v
    return inner
f = outer()
print([type(r).__name__ for r in gc.get_referents(f)])

target = []
holder1 = [target]
holder2 = {"t": target}
refs = gc.get_referrers(target)
print(any(r is holder1 for r in refs), any(r is holder2 for r in refs))
print(len([r for r in refs if r is holder1 or r is holder2]))
