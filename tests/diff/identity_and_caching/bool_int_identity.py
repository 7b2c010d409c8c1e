t = True
one_ = 1
print(t == 1, t is one_)
print(isinstance(True, int))
print(True + True, True * 10)
one = int(True)
print(one is one_, type(one).__name__)
print(hash(True) == hash(1))
d = {1: "int"}
d[True] = "bool"
print(d)
print(int("1") is int(True))
