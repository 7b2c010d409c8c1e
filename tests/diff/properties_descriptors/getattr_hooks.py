class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print("__getattr__", name)
        return getattr(self._target, name)

p = Proxy([3, 1, 2])
p.append(0)
print(p._target)
print(p.count(1))

class Guard:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        super().__setattr__(name, value)
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return super().__getattribute__(name)

g = Guard()
g.a = 1
g.b = 2
print(g.log, g.a, g.secret)
