class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def work():
    local = Noisy("local")
    print("working")
    return 42

print("call")
r = work()
print("returned", r)

def keep():
    obj = Noisy("returned")
    return obj

k = keep()
print("kept", k.name)
k = None
print("dropped")
