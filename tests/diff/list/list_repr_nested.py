a = [1, "two", 3.0, None, True, [4, [5]], (6,), {"k": "v"}, {7}]
print(a)
print(repr(a) == str(a))
b = [1]
b.append(b)
print(b, len(b))
c = [b, b]
print(c)
print([[]], [[], []], [()], [""], ["'"], ['"'])
print(str([1, 2]), [1, 2].__repr__())
