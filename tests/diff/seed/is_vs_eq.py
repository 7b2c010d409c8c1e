x = [1, 2, 3]
y = [1, 2, 3]
print(x == y)  # True: same values
print(x is y)  # False: different objects

z = None
print(z is None)
print(z == None)

class AlwaysEqual:
    def __eq__(self, other):
        return True

a = AlwaysEqual()
print(a == None)
print(a is None)
