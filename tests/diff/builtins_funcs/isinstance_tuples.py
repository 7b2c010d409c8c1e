values = [1, 1.5, "s", b"b", [1], (1,), {1: 1}, {1}, None, True, len, int]
for v in values:
    print(repr(v)[:20], isinstance(v, (int, float)), isinstance(v, (list, tuple)),
          isinstance(v, (str, bytes)), isinstance(v, type))
print(isinstance(True, (bool,)), isinstance(1, ()), isinstance(1, (str, (bytes, (int,)))))
print(issubclass(bool, (str, int)), issubclass(list, ()))
print(isinstance(None, type(None)), isinstance(len, type(len)), isinstance(isinstance, object))


class Base:
    pass


class Derived(Base):
    pass


d = Derived()
print(isinstance(d, (int, Base)), isinstance(d, (int, str)), issubclass(Derived, (Base, int)))
print(isinstance(Derived, type), isinstance(d, (type(None), Derived)))
