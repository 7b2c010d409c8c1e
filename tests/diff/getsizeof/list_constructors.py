# list(x), [*x], comprehensions, slices, +, * and copy each size the list their way.
import sys
g = sys.getsizeof
for n in (0, 1, 2, 3, 5, 8, 9, 16, 17, 33):
    src = list(range(n))
    print(n, g(list(src)), g(list(tuple(src))), g(list(range(n))), g(list(iter(src))),
          g(list(x for x in src)), g([x for x in src]), g([*src]), g([*range(n)]),
          g(src[:]), g(src + src), g(src * 3), g(src.copy()), g(sorted(src)), g(list(map(abs, src))))
print(g(list("hello")), g(list({1: 1, 2: 2, 3: 3})), g(list({1, 2, 3, 4, 5})), g(list(zip("ab", "cd"))))
print(g(list(enumerate("abc"))), g(list(reversed(range(9)))), g(list(b"bytes")), g(list(dict(a=1).items())))
