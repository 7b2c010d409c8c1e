# Shared by the counts_*.py programs: the gen-0 allocation count across a
# call, then across freeing what it returned.
import gc

out = []


def measure(label, f):
    gc.collect()
    a = gc.get_count()[0]
    r = f()
    b = gc.get_count()[0]
    del r
    c = gc.get_count()[0]
    out.append("%s %d %d" % (label, b - a, c - b))
