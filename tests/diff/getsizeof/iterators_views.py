# Iterators and dict views.
import sys
g = sys.getsizeof
print(g(iter([])), g(iter(())), g(iter(range(3))), g(iter("")), g(iter(b"")), g(reversed([])))
print(g(iter({})), g(iter({}.values())), g(iter({}.items())), g(iter(set())))
print(g({}.keys()), g({}.values()), g({}.items()))
print(g(enumerate([])), g(zip()), g(zip([], [])), g(map(abs, [])), g(filter(None, [])), g(reversed(range(3))))
