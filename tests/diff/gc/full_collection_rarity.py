# CPython collects the oldest generation automatically only when the
# objects promoted since the last full collection exceed a quarter of those
# that collection kept (which include everything CPython's start-up made):
# a program keeping many objects sees few full collections.
import gc

gc.collect()
before = [s["collections"] for s in gc.get_stats()]
marks = []
def cb(phase, info):
    if phase == "start" and info["generation"] == 2:
        marks.append(len(keep))
gc.callbacks.append(cb)
keep = []
for i in range(200000):
    l = [i]
    l.append(l)          # garbage for the collector
    if i % 100 == 0:
        keep.append((i, [i]))   # a few survivors
gc.callbacks.remove(cb)
after = [s["collections"] for s in gc.get_stats()]
print("collections", [a - b for a, b in zip(after, before)])
print("full collections when", marks)
print(len(keep), keep[-1])
