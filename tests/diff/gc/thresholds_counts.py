# Thresholds, counts, enable/disable, get_stats.
import gc
print(gc.get_threshold())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
gc.collect()
print(gc.get_count())
class A:
    pass
before = gc.get_count()[0]
keep = [A() for _ in range(10)]
print("ten instances counted:", gc.get_count()[0] - before)
gc.collect(0)
print("after collect(0):", gc.get_count()[0])
c1 = gc.get_count()[1]
gc.collect(0)
print("generation 1 count grows:", gc.get_count()[1] - c1)
s = gc.get_stats()
print(len(s), sorted(s[0]))
before = [x["collections"] for x in gc.get_stats()]
gc.collect(1)
after = [x["collections"] for x in gc.get_stats()]
print([a - b for a, b in zip(after, before)])
