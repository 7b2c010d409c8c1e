# Argument errors of the gc module, as CPython reports them.
import gc
calls = [
    lambda: gc.collect(3),
    lambda: gc.collect(-1),
    lambda: gc.collect(1, 2),
    lambda: gc.collect("a"),
    lambda: gc.collect(x=1),
    lambda: gc.set_threshold(),
    lambda: gc.set_threshold(1, 2, 3, 4),
    lambda: gc.set_threshold(1.5),
    lambda: gc.set_debug(),
    lambda: gc.set_debug("a"),
    lambda: gc.is_tracked(),
    lambda: gc.is_tracked(x=1),
    lambda: gc.get_count(1),
    lambda: gc.enable(1),
    lambda: gc.get_referents(x=1),
    lambda: gc.get_referrers(x=1),
    lambda: gc.is_finalized(1, 2),
    lambda: gc.freeze(1),
]
for c in calls:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(gc.collect(generation=0) >= 0)
print(sorted(x for x in dir(gc) if not x.startswith("__")))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
