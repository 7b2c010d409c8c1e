class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def fail():
    local = Noisy("frame local")
    raise ValueError("boom")

try:
    fail()
except ValueError as e:
    print("in except:", e)
print("after except")

def fail2():
    local = Noisy("kept by saved exception")
    raise KeyError("k")

try:
    fail2()
except KeyError as e:
    saved = e
print("saved alive")
del saved
print("end")
