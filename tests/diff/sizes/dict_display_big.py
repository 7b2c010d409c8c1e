# Dict displays as CPython 3.11 compiles them: a run of more than 15 keyed
# items is built as an empty dict plus one insertion per item, runs are
# merged with DICT_UPDATE, a run of 2 to 15 constant keys is one
# BUILD_CONST_KEY_MAP. The dicts' sizes, the collector's counts and the
# code objects' stack sizes show it.
import gc
import sys

gc.disable()
k0 = "a"
for n in (2, 15, 16, 17, 20, 31, 33, 40, 50):
    for form in ("'k%d': %d", "k0 + '%d': %d", "%d: %d"):
        src = "d = {%s}" % ", ".join(form % (i, i) for i in range(n))
        code = compile(src, "display", "exec")
        ns = {"k0": k0}
        before = gc.get_count()[0]
        exec(code, ns)
        after = gc.get_count()[0]
        print(n, form[:3], sys.getsizeof(ns["d"]), len(ns["d"]), after - before, code.co_stacksize, sys.getsizeof(code))
for src in ("d = {**{}, %s}", "d = {%s, **{'x': 1}}", "d = {%s, **{'x': 1}, 'y': 2, 'z': 3}"):
    for n in (1, 15, 16, 17, 33):
        body = ", ".join("'k%d': %d" % (i, i) for i in range(n))
        code = compile(src % body, "display", "exec")
        ns = {}
        before = gc.get_count()[0]
        exec(code, ns)
        after = gc.get_count()[0]
        print(n, sys.getsizeof(ns["d"]), list(ns["d"])[-3:], after - before, code.co_stacksize, sys.getsizeof(code))
