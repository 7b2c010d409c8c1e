# Members dying while a WeakSet is iterated are removed afterwards.
import weakref

class M:
    pass

strong = [M() for i in range(5)]
ws = weakref.WeakSet(strong)
n = 0
for m in ws:
    n += 1
    if n == 1:
        strong.pop()
        strong.pop()
    del m
print(n <= 5, len(ws))
print(len(list(ws)))
strong.clear()
print(len(ws))
