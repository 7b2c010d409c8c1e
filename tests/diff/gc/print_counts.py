# print() and sys.stdout.write() as the allocation counts see them (stdout
# not a terminal): print's argument tuple, and the list in which
# sys.stdout keeps pending pieces of text until a chunk (8192 bytes) or a
# flush sends them on.
import gc
import sys

gc.disable()
results = []

def measure(label, f):
    gc.collect()
    a = gc.get_count()
    f()
    b = gc.get_count()
    results.append((label, b[0] - a[0]))

measure("first print", lambda: print("first"))
measure("second print", lambda: print("second"))
measure("print after flush", lambda: (sys.stdout.flush(), print("x")))
measure("print flush=True", lambda: print("y", flush=True))
measure("one write", lambda: sys.stdout.write("z\n"))
measure("two writes", lambda: (sys.stdout.write("a"), sys.stdout.write("b\n")))
measure("print 3 args", lambda: print(1, 2, 3))
measure("print empty end", lambda: print("e", end=""))
measure("big pieces", lambda: (print("p" * 5000), print("q" * 5000)))
measure("print()", lambda: print())
for label, n in results:
    print(label, n)
