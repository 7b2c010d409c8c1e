# Allocation counting triggers automatic collections of generation 0
# (700 allocations), and of older generations after 10 younger ones.
import gc

log = []
gens = []
def cb(phase, info):
    if phase == "stop":
        gens.append(info["generation"])
        log.append(info["collected"])

class Node:
    def __init__(self, i):
        self.i = i
        self.me = self

gc.collect()
gc.callbacks.append(cb)
for i in range(20000):
    Node(i)
gc.callbacks.remove(cb)
print(len(log))
# (The first collection after gc.collect() can differ by one object: CPython
# allocates internal temporaries refscope does not.)
print(gens[:12], log[2:12])
print(sorted(set(gens)))
print(all(c > 0 for c in log))

# While disabled nothing happens automatically.
gc.disable()
log.clear()
gc.callbacks.append(cb)
for i in range(5000):
    Node(i)
gc.callbacks.remove(cb)
print("disabled:", log)
gc.enable()
print(gc.collect() >= 5000)
