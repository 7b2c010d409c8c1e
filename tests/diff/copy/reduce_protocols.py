# __reduce_ex__ below protocol 2 goes through copyreg._reduce_ex.
import copyreg
class ML(list): pass
class MI(int): pass
class C: pass
class S:
    __slots__ = ('a',)
class SG:
    __slots__ = ('a',)
    def __getstate__(self): return {'a': self.a}
m = ML([1, 2]); m.x = 1
for proto in (0, 1):
    r = m.__reduce_ex__(proto); print(r[0] is copyreg._reconstructor, r[1:])
    r = MI(5).__reduce_ex__(proto); print(r[1:])
    r = C().__reduce_ex__(proto); print(r[1:])
    try: print(S().__reduce_ex__(proto))
    except TypeError as e: print("TypeError", e)
    sg = SG(); sg.a = 3
    print(sg.__reduce_ex__(proto)[1:])
print(copyreg._reconstructor(ML, list, [3, 4]), type(copyreg._reconstructor(ML, list, [3, 4])).__name__)
try: object().__reduce_ex__(0)
except TypeError as e: print("TypeError", e)
print(object().__reduce_ex__(2)[1:])
try: print((1).__reduce_ex__(0))
except TypeError as e: print("TypeError", e)
