# Method and attribute caches keyed by type: a change to a class must be
# seen through every subclass (diamonds, deep chains, __bases__ changes),
# and sites that see several types must answer for each of them.


class A:
    def who(self):
        return "A.who"
    x = 1


class B(A):
    pass


class C(A):
    def who(self):
        return "C.who"


class D(B, C):
    pass


class E(D):
    pass


objs = [A(), B(), C(), D(), E()]


def ask(rounds):
    out = []
    for _ in range(rounds):
        for o in objs:
            out.append((type(o).__name__, o.who(), o.x))
    return out[-5:]


print(ask(3))
A.x = 2
print(ask(2))
A.who = lambda self: "new A.who"
print(ask(2))
C.x = 30
print(ask(2))
del C.who
print(ask(2))
B.who = lambda self: "B.who"
print(ask(2))
del A.x
try:
    ask(1)
except AttributeError as e:
    print("AttributeError", e)
C.x = 5
print([(type(o).__name__, o.x) for o in objs[2:]])


# A chain of subclasses: a change at the root reaches the leaf.
class Root:
    v = 0


chain = [Root]
for i in range(60):
    chain.append(type("K%d" % i, (chain[-1],), {}))
leaf = chain[-1]()
for i in range(5):
    Root.v = i
    print(leaf.v, end=" ")
print()
chain[30].v = "mid"
print(leaf.v, chain[29]().v, chain[31]().v)


# __bases__ assignment: the old base's changes no longer reach the class.
class P1:
    def f(self):
        return "P1"


class P2:
    def f(self):
        return "P2"


class Kid(P1):
    pass


k = Kid()
print(k.f())
Kid.__bases__ = (P2,)
print(k.f())
P1.f = lambda self: "P1 again"
print(k.f())
P2.f = lambda self: "P2 again"
print(k.f())


# Special methods looked up by operators, through subclasses.
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return "add"


class SubNum(Num):
    pass


a, b = Num(1), SubNum(2)
for i in range(3):
    print(a + b, b + a, end=" | ")
print()
Num.__add__ = lambda self, o: "new add"
print(a + b, b + a)
SubNum.__add__ = lambda self, o: "sub add"
print(a + b, b + a)

# Classes created and dropped in a loop, looked up at one site.
for i in range(5):
    T = type("T", (), {"n": i})
    print(T().n, end=" ")
print()
