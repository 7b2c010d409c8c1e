class Empty:
    def __len__(self):
        return 0

class Full:
    def __len__(self):
        return 5

class Truthy:
    def __bool__(self):
        return True
    def __len__(self):
        return 0

print(bool(Empty()), bool(Full()), bool(Truthy()))
print(len(Full()))
if not Empty():
    print("empty is falsy")

class BadLen:
    def __len__(self):
        return -1

try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)

class BadBool:
    def __bool__(self):
        return 1

try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
