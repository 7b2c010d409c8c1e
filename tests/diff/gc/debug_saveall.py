# DEBUG_SAVEALL keeps the garbage in gc.garbage instead of freeing it.
import gc
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
l = [1, 2]
l.append(l)
del l
n = gc.collect()
print("found", n, "garbage", len(gc.garbage))
saved = gc.garbage[0]
print(saved[:2], saved[2] is saved)
gc.set_debug(0)
del saved
gc.garbage.clear()
print("found", gc.collect(), "garbage", len(gc.garbage))
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
