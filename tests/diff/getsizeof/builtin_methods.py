# Bound slot methods are method-wrappers (48 bytes); builtin methods and descriptors 72.
import sys
g = sys.getsizeof
class C:
    pass
c = C()
print(g(c.__repr__), g(c.__init__), g(c.__eq__), g(c.__hash__), g(c.__sizeof__), g(c.__reduce_ex__), g(c.__format__), g(c.__dir__))
print(g((1).__add__), g([].__len__), g([].__getitem__), g({}.__getitem__), g({}.__contains__), g([].__contains__), g(set().__contains__), g("".__contains__))
print(g([].append), g({}.get), g("".join), g(len), g(print), g(sys.getsizeof))
print(g(object.__init__), g(int.__add__), g(list.append), g(dict.get), g(list.__len__))
