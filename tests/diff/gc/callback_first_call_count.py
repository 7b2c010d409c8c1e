# An automatic collection's "start" callbacks run inside the collection:
# what they allocate (the info dict, the first time none is free) is in
# generation 0 and collected with it, and is not counted again after it.
import gc

gc.collect()
calls = []
def cb(phase, info):
    calls.append(phase)

gc.callbacks.append(cb)
trace = []
for i in range(2400):
    l = [i]
    l.append(l)
    trace.append(gc.get_count())
gc.callbacks.remove(cb)

prev = None
for i, c in enumerate(trace):
    if prev and c[0] < prev[0]:
        print("collection before iteration", i, "counts", prev, c, trace[i + 1])
    prev = c
print(len(calls), calls[:4])
