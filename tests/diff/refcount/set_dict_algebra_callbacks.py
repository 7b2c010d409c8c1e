# What __hash__ and __eq__ see (calls made and reference counts) during set
# algebra, dict merges and dict.fromkeys: stored hashes are reused, keys held as CPython holds them.
import sys

class P:
    def __init__(self, n, log):
        self.n = n
        self.log = log
    def __hash__(self):
        self.log.append(("hash", self.n, sys.getrefcount(self)))
        return self.n % 3
    def __eq__(self, other):
        self.log.append(("eq", self.n, sys.getrefcount(self), sys.getrefcount(other)))
        return self.n == other.n
    def __repr__(self):
        return "P%d" % self.n

def run(name, f):
    log = []
    a = {P(i, log) for i in range(4)}
    b = {P(i, log) for i in range(2, 6)}
    del log[:]
    r = f(a, b)
    print(name, sorted(x.n for x in r) if isinstance(r, (set, frozenset)) else r, log)

run("union", lambda a, b: a | b)
run("inter", lambda a, b: a & b)
run("diff", lambda a, b: a - b)
run("symdiff", lambda a, b: a ^ b)
run("issubset", lambda a, b: a <= b)
run("isdisjoint", lambda a, b: a.isdisjoint(b))
run("update", lambda a, b: (a.update(b), a)[1])
run("intersection_update", lambda a, b: (a.intersection_update(b), a)[1])
run("difference_update", lambda a, b: (a.difference_update(b), a)[1])
run("sym_update", lambda a, b: (a.symmetric_difference_update(b), a)[1])
run("eq", lambda a, b: a == b)
run("union_list", lambda a, b: a.union(list(b)))
run("inter_list", lambda a, b: a.intersection(list(b)))
run("frozen", lambda a, b: frozenset(a) & b)

def drun(name, f):
    log = []
    a = {P(i, log): i for i in range(4)}
    b = {P(i, log): -i for i in range(2, 6)}
    del log[:]
    r = f(a, b)
    print(name, sorted((k.n, v) for k, v in r.items()) if isinstance(r, dict) else r, log)

drun("dupdate", lambda a, b: (a.update(b), a)[1])
drun("dor", lambda a, b: a | b)
drun("dior", lambda a, b: a.__ior__(b))
drun("dict_of_items", lambda a, b: dict(b.items()))
drun("deq", lambda a, b: a == b)
drun("fromkeys", lambda a, b: dict.fromkeys(b))
drun("keys_and", lambda a, b: a.keys() & b.keys())
