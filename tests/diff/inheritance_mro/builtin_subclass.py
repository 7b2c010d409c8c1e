class MyList(list):
    def sum(self):
        return sum(self)

m = MyList([1, 2, 3])
m.append(4)
print(m, m.sum(), len(m), type(m).__name__, isinstance(m, list))
print(type(m + [5]).__name__, type(m[:2]).__name__)

class MyDict(dict):
    def __missing__(self, key):
        return f"<missing {key}>"

d = MyDict(a=1)
print(d["a"], d["zz"], d.get("zz"))

class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"

x = MyInt(5)
print(x, x + 1, type(x + 1).__name__, x == 5)

class MyStr(str):
    def shout(self):
        return self.upper() + "!"

print(MyStr("hey").shout(), MyStr("a") + "b")
