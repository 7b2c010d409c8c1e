# gc.get_objects lists tracked objects, by generation.
import gc
gc.collect()
marker = ["marker"]
print(any(o is marker for o in gc.get_objects()))
print(any(o is marker for o in gc.get_objects(0)))
gc.collect(0)
print(any(o is marker for o in gc.get_objects(0)), any(o is marker for o in gc.get_objects(1)))
gc.collect()
print(any(o is marker for o in gc.get_objects(2)))
atomic = {"a": 1}
print(any(o is atomic for o in gc.get_objects()))
objs = gc.get_objects()
print(any(o is objs for o in objs))
del objs
for bad in (3, -2, "x", 1.0):
    try:
        gc.get_objects(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(type(gc.get_objects(generation=None)).__name__, type(gc.get_objects(-1)).__name__)
