# A sequence's __mul__/__rmul__/__imul__ called directly demands an index;
# the * operator still lets the other operand's reflected method answer.
def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '!!', type(e).__name__, e)

class X:
    def __rmul__(self, other):
        return "X.__rmul__ got " + type(other).__name__
    def __mul__(self, other):
        return "X.__mul__ got " + type(other).__name__

class Idx:
    def __index__(self):
        return 2

class L(list):
    pass

class S(str):
    pass

for seq in ([1], (1,), "ab", b"ab", bytearray(b"ab"), L([1]), S("s")):
    name = type(seq).__name__
    show(name + ".__mul__('b')", lambda: seq.__mul__('b'))
    show(name + ".__rmul__(1.5)", lambda: seq.__rmul__(1.5))
    show(name + ".__mul__(Idx())", lambda: seq.__mul__(Idx()))
    show(name + " * X()", lambda: seq * X())
    show("X() * " + name, lambda: X() * seq)
    show(name + " * 'q'", lambda: seq * 'q')
    show(name + " * Idx()", lambda: seq * Idx())
    show("Idx() * " + name, lambda: Idx() * seq)

def imul(seq, x):
    seq *= x
    return seq

for make in (lambda: [1, 2], lambda: bytearray(b"xy"), lambda: L([3])):
    s = make()
    name = type(s).__name__
    show(name + ".__imul__('x')", lambda: s.__imul__('x'))
    show(name + " *= X()", lambda: imul(make(), X()))
    show(name + " *= 'x'", lambda: imul(make(), 'x'))
    show(name + " *= Idx()", lambda: imul(make(), Idx()))
