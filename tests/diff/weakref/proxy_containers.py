# Proxies to containers: len, items, membership, iteration, str.
import weakref

class Bag(list):
    pass

class Box(dict):
    pass

bag = Bag([3, 1, 2])
p = weakref.proxy(bag)
print(len(p), p[0], 2 in p, 9 in p, list(p), sorted(p))
p[0] = 30
p.append(4)
print(bag, str(p), p.count(4))
del p[1]
print(bag)
box = Box(a=1)
q = weakref.proxy(box)
q["b"] = 2
print(sorted(q.items()), q["a"], len(q), "b" in q)
it = iter(p)
print(next(it), next(it))
del bag
try:
    len(p)
except ReferenceError as e:
    print("ReferenceError", e)
try:
    list(p)
except ReferenceError as e:
    print("ReferenceError", e)
print(next(it))
