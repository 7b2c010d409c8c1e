# Calling the numeric special methods directly: which operand types each
# type's slot accepts (NotImplemented otherwise) and the slot wrappers'
# argument errors.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

show(lambda: (7).__add__(1.5))
show(lambda: (7).__radd__(1.5))
show(lambda: (7.5).__add__(1))
show(lambda: (7).__eq__(7.0))
show(lambda: (7.0).__eq__(7))
show(lambda: (2).__pow__(1.5))
show(lambda: (2).__pow__(10, 1000))
show(lambda: (2).__rpow__(3, 5))
show(lambda: (2.0).__pow__(3, 5))
show(lambda: (2.0).__pow__("x", 5))
show(lambda: (2j).__pow__(2, 5))
show(lambda: (2j).__pow__("x", 5))
show(lambda: (7).__add__())
show(lambda: (7).__add__(1, 2))
show(lambda: (7).__add__(x=1))
show(lambda: (7).__pow__())
show(lambda: (7).__pow__(1, 2, 3))
show(lambda: (7).__neg__(1))
show(lambda: (7).__bool__(1))
show(lambda: (0).__rlshift__(2 ** 70))
show(lambda: (2 ** 70).__rpow__(1))
show(lambda: (2 ** 70).__rpow__(-1))
show(lambda: (2 ** 71).__rpow__(-1))
show(lambda: True.__ceil__(1))
show(lambda: "ab".__mod__(()))
show(lambda: "ab".__rmod__(b"x"))
show(lambda: b"%s".__rmod__(b"x"))
show(lambda: [1].__getitem__())
show(lambda: "ab".__getitem__())
show(lambda: {}.__contains__())
show(lambda: "ab".__contains__())
show(lambda: [1].__setitem__(0))
show(lambda: "ab".__len__(1))

class F(float):
    def __radd__(self, other):
        return "F.__radd__"

print(1 + F(2.0), 1.5 + F(2.0), F(2.0) + 1)
