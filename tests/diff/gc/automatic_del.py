# __del__ of cyclic garbage runs when an automatic collection finds it, in
# the middle of the program (the points depend on CPython's counts).
import gc

class Cyc:
    def __init__(self, i):
        self.i = i
        self.me = self
    def __del__(self):
        if self.i % 500 == 0:
            print("collected", self.i)

gc.collect()
for i in range(3000):
    Cyc(i)
    if i % 1000 == 999:
        print("loop at", i)
print("end")
