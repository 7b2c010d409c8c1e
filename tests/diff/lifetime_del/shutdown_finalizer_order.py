# At exit CPython 3.11 first collects with every module in place (which
# reorders the survivors: a container's items move behind it, last item
# first), then frees the module's namespace with a second collection: the
# finalizers of objects held directly by globals run first, then those of
# container items. Each finalizer still sees every global bound.
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        g = D.__del__.__globals__
        bound = sorted(k for k, v in g.items() if not k.startswith('__') and v is not None)
        print("del", self.n, len(bound), "globals bound")

a1 = D(1)
b = [D(2), D(3)]
a2 = D(4)
c = [D(5)]
a3 = D(6)
t = (D(7), D(8))
a4 = D(9)
d = {"k": D(10), "j": D(11)}
print("end of program")
