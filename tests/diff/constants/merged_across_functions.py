# The constant cache spans the whole file, including nested code objects.
def f():
    return 12345

def g():
    return 12345

print(f() is g())
module_level = 12345
print(f() is module_level)

class K:
    attr = 12345
    def m(self):
        return "shared string!"

print(K.attr is module_level)
ss = "shared string!"
print(K().m() is ss)
lam = lambda: 12345
print(lam() is f())
