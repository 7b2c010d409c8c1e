# gc.callbacks are called with "start" and "stop" and an info dict.
import gc
gc.collect()
events = []
def cb(phase, info):
    events.append((phase, info["generation"], info["collected"], info["uncollectable"], sorted(info)))
gc.callbacks.append(cb)
l = []
l.append(l)
del l
gc.collect()
gc.collect(0)
gc.collect(1)
gc.callbacks.remove(cb)
gc.collect()
for e in events:
    print(e)

def bad(phase, info):
    raise ValueError("boom in " + phase)
gc.callbacks.append(bad)
print("collect with a failing callback:", gc.collect())
gc.callbacks.remove(bad)
print(gc.callbacks)
