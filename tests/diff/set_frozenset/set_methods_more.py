# set and frozenset methods with several arguments, in-place operators,
# the order of their results, and errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = {1, 2, 3, 4}
print(a.union([5], (6,)), a.intersection(range(3), [2, 9, 1]), a.difference([1], {2}))
print(a.symmetric_difference([4, 5]), {5, 6, 7}.symmetric_difference([7, 8, 100, 200]))
print({1, 2, 3} ^ {3, 4}, {3, 4} ^ {1, 2, 3}, set(range(20)) ^ set(range(10, 30)))
print(set([100, 1, 2, 3]) - {2}, {1, 2, 3, 100} & {100, 3, 200}, a.union(), a.intersection())
b = set(range(10))
b.intersection_update(range(5), [0, 1, 2, 7])
print(b)
b.difference_update([0], (9,))
b.symmetric_difference_update({2, 50})
b.update({60}, [70])
print(b, b.issubset(range(100)), b.issuperset([1, 50]), b.isdisjoint((3, 4)))
c = b
c |= {1}
c &= {1, 50, 60, 70}
c -= {70}
c ^= {99}
print(c is b, b)
f = frozenset([3, 1])
print(f.union({2}), type(f | {9}).__name__, type({9} | f).__name__, f.copy() is f, f.issuperset([1]))
print({frozenset()} == {frozenset()}, set() in {frozenset()}, {frozenset([1])}.issuperset([frozenset([1])]))
s = {frozenset([1])}
s.remove({1})
s.discard({2})
print(s)
s = set(range(10))
print(s.pop(), s.pop(), s)
s.add(0)
print(s.pop(), s)
show(lambda: a.union(5))
show(lambda: a.union([1], x=1))
show(lambda: a | [1])
show(lambda: a.issubset(5))
show(lambda: a.add([1]))
show(lambda: a.remove([1]))
show(lambda: a.remove(99))
show(lambda: set().pop())
show(lambda: set([1], [2]))
show(lambda: frozenset(x=1))
show(lambda: a < [1])
show(lambda: a.__ior__([1]))
x = {1}
try:
    x |= [2]
except TypeError as e:
    print("TypeError:", e)
print({1, 2} <= {1, 2}, {1, 2} < {1, 2}, {1} < {1, 2}, {1, 2} >= {2}, {1} == frozenset({1}))
