# A type can be given a copier in copy's dispatch tables, as in CPython.
import copy

class Handle:
    def __init__(self, n):
        self.n = n

def copy_handle(h):
    print("copy_handle")
    return Handle(-h.n)

def deepcopy_handle(h, memo):
    print("deepcopy_handle", type(memo).__name__)
    return Handle(h.n * 10)

copy._copy_dispatch[Handle] = copy_handle
copy._deepcopy_dispatch[Handle] = deepcopy_handle
h = Handle(3)
print(copy.copy(h).n, copy.deepcopy(h).n, copy.deepcopy([h, h])[0].n)
print(list in copy._copy_dispatch, tuple in copy._deepcopy_dispatch, int in copy._deepcopy_dispatch)
