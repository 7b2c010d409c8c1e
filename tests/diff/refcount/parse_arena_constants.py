# A program's own source constants: CPython keeps the main module's parse
# tree objects (one reference to each literal's object) until the program
# finishes, so each such constant has one reference more than the names,
# containers and code objects that hold it.
import sys

x = 1000
print("int", sys.getrefcount(x))
s = "hello world"
print("str", sys.getrefcount(s))
b = b"some bytes"
print("bytes", sys.getrefcount(b))
fl = 2.5
print("float", sys.getrefcount(fl))
c = 3j
print("complex", sys.getrefcount(c))
neg = -7000
print("negative", sys.getrefcount(neg))
t = (1000, "hello world", 4.5)
print("tuple", sys.getrefcount(t), sys.getrefcount(t[2]))
big = 2 ** 100
print("folded", sys.getrefcount(big))
a1 = 5000; a2 = 5000
print("repeated", sys.getrefcount(a1), a1 is a2)
print("argument", sys.getrefcount(3000))
u = "unique_name_like"
print("name-like", sys.getrefcount(u))
lst = [7001, 7002, 7003]
print("list items", sys.getrefcount(lst[0]))
def f(a=8000, b="default text"):
    y = 9000
    return sys.getrefcount(y), sys.getrefcount(a), sys.getrefcount(b)
print("function", f())
def g():
    "a docstring here"
    return 9001
print("doc", sys.getrefcount(g.__doc__), sys.getrefcount(g()))
w = "two words"
v = "two words"
print("same text", w is v, sys.getrefcount(w))
fs = f"{x} and more text"
print("fstring", sys.getrefcount(fs))
print("in tuple", sys.getrefcount(t[0]), t[0] is x)
e = 1e100
print("float exp", sys.getrefcount(e))
cs = "a" "b c"
print("concat", sys.getrefcount(cs))
print("set", 6001 in {6001, 6002}, sys.getrefcount(6001))
