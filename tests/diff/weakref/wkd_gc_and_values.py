# WeakKeyDictionary values stay alive while their key lives; a value that
# refers back to its key keeps the key alive (a classic leak).
import gc, weakref

class K:
    pass

class V:
    def __init__(self, key=None):
        self.key = key
    def __del__(self):
        print("value freed")

d = weakref.WeakKeyDictionary()
k = K()
d[k] = V()
print(len(d))
del k
print(len(d))
k2 = K()
d[k2] = V(k2)          # the value holds the key: the entry never dies
del k2
gc.collect()
print(len(d))
d.clear()
print(len(d))
print("collect", gc.collect() >= 0)
