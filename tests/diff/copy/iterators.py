# Builtin iterators copy through their __reduce__/__setstate__ (iter(seq) and an index).
import copy
def show(r):
    f = r[0]
    print(getattr(f, "__name__", f), r[1:] if len(r) > 1 else ())
it = iter([1,2,3]); next(it); show(it.__reduce__())
it = iter((1,2)); show(it.__reduce__()); list(it); show(it.__reduce__())
it = iter('abc'); next(it); show(it.__reduce__())
it = iter('\xe9\u20ac'); next(it); show(it.__reduce__())
it = iter(b'ab'); show(it.__reduce__())
it = iter(range(0, 10, 2)); next(it); show(it.__reduce__())
it = iter(range(10**20, 10**20 + 5)); next(it); next(it); show(it.__reduce__())
it = iter({1:2, 3:4}); next(it); show(it.__reduce__())
it = iter({1:2}.items()); show(it.__reduce__())
it = iter({1:2}.values()); show(it.__reduce__())
it = iter({5, 6}); show(it.__reduce__())
it = reversed([1,2,3]); next(it); show(it.__reduce__()); list(it); show(it.__reduce__())
it = reversed(range(3)); show(it.__reduce__())
it = reversed((1, 2, 3)); next(it); show(it.__reduce__())
class S:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
it = iter(S()); next(it); r = it.__reduce__(); print(r[0].__name__, type(r[1][0]).__name__, r[2])
it = iter(int, 1); show(it.__reduce__())
it = iter([1]); it.__setstate__(5); print(list(it))
it = iter([1,2,3]); it.__setstate__(-3); print(list(it))
r = reversed([1,2,3]); r.__setstate__(0); print(list(r))
r = reversed([1,2,3]); r.__setstate__(10); print(list(r))
it = iter(range(5)); it.__setstate__(3); print(list(it))
it = iter(range(5)); it.__setstate__(30); print(list(it))
it = iter('abc'); it.__setstate__(1); print(list(it))
src = [1, [2], 3]
it = iter(src); next(it)
c = copy.copy(it); d = copy.deepcopy(it)
print(list(c), list(d), list(it))
e = enumerate("xyz", 1); next(e)
ce = copy.deepcopy(e); print(list(ce), list(e))
m = map(str.upper, ["a", "b"]); print(list(copy.deepcopy(m)))
z = zip([1, 2], "ab"); print(list(copy.copy(z)), list(z))
g = iter(range(100)); [next(g) for _ in range(40)]; print(next(copy.copy(g)), next(g))
dk = iter({"a": 1, "b": 2}); next(dk); print(list(copy.copy(dk)), type(copy.copy(dk)).__name__)
