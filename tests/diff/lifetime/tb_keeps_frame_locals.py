# A caught exception's traceback keeps the raising frame and its locals alive
# until the exception (and its traceback) is released.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def fail(tag):
    local = Noisy(tag)
    other = [1, 2, 3]
    raise ValueError(tag)

try:
    fail("a")
except ValueError as e:
    f = e.__traceback__.tb_next.tb_frame
    print("raising frame:", f.f_code.co_name)
    print("locals:", sorted(f.f_locals))
    print("local still alive:", f.f_locals["local"].name)
    del f
    print("leaving except")
print("after except")

try:
    fail("b")
except ValueError as e:
    tb = e.__traceback__
print("tb saved, exception unbound")
del tb
print("after del tb")
