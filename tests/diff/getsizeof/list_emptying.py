# Lists emptied by del/remove/slices free their array; pop and extended slices keep one.
import sys
g = sys.getsizeof
l = [1]; del l[0]; l += [1, 2, 3]; print(g(l))
l = list(range(3)); l *= 0; print(g(l)); l.extend([1, 2, 3]); print(g(l))
l = list(range(3)); l *= 1; print(g(l))
l = [1, 2, 3]; l.__init__(range(10)); print(g(l))
l = list(range(100)); l.__init__(); print(g(l)); l.append(1); print(g(l))
class L(list):
    def __init__(self, it):
        super().__init__(it)
print(g(L(range(5))), g(L([1, 2, 3])), g(L(x for x in "ab")))
l = [0] * 5; l[1:3] = []; print(g(l))
l = [0] * 20; l[:18] = []; print(g(l))
l = [0] * 20; del l[:]; print(g(l)); l.append(1); print(g(l))
l = [0] * 3; l[1:1] = [9] * 30; print(g(l))
l = []; l[:] = (1, 2, 3); print(g(l))
l = [1, 2]; l[5:] = range(7); print(g(l))
l = [3, 1, 2]; l.sort(); print(g(l)); l.reverse(); print(g(l))
l = list(range(16)); l.remove(3); l.insert(0, 9); print(g(l))
a = [*"abc", *range(4)]; print(g(a))
b = [1, *[2, 3]]; print(g(b))
c = [*(), *[]]; print(g(c))
l = [1]; l.remove(1); l.extend([1, 2, 3]); print(g(l))
l = [1, 2]; del l[::1]; l.extend([1, 2, 3]); print(g(l))
l = [1, 2]; del l[::2]; del l[::1]; l.extend([1, 2, 3]); print(g(l))
l = [1, 2]; l.pop(0); l.pop(0); l.extend([1, 2, 3]); print(g(l))
l = [1]; del l[::2]; l.extend([1, 2, 3]); print(g(l))
