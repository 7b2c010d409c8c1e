# Cycles through lists, dicts, sets of tuples and nested structures.
import gc
gc.collect()

l = []
l.append(l)
del l
print("list self-cycle:", gc.collect())

d = {}
d["me"] = d
del d
print("dict self-cycle:", gc.collect())

a = [1, 2]
b = {"a": a}
a.append(b)
del a, b
print("list<->dict:", gc.collect())

outer = [[], []]
outer[0].append(outer)
outer[1].append(outer[0])
del outer
print("nested lists:", gc.collect())

t_holder = []
t = (t_holder, 1)
t_holder.append(t)
del t, t_holder
print("tuple in cycle:", gc.collect())

class Box:
    pass
x = Box()
x.items = [x, {"x": x}]
del x
print("instance, list and dict:", gc.collect())
print("nothing left:", gc.collect())
