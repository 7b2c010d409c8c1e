# list(), extend, sorted and [*x] ask __len__/__length_hint__ once, and size from the answer.
import sys
class Liar:
    def __len__(self):
        print("len called")
        return 2
    def __iter__(self):
        return iter(range(5))
l = list(Liar()); print(sys.getsizeof(l))
m = []; m.extend(Liar()); print(sys.getsizeof(m))
print(sys.getsizeof(sorted(Liar())), sys.getsizeof([*Liar()]))
class Hint:
    def __iter__(self): return self
    def __next__(self):
        raise StopIteration
    def __length_hint__(self):
        print("hint called")
        return 40
print(sys.getsizeof(list(Hint())))
