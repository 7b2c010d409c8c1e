class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def gen():
    n = Noisy("generator local")
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")

g = gen()
print(next(g))
print("drop unfinished generator")
g = None
print("after drop")
g2 = gen()
print("never started")
del g2
print("end")
