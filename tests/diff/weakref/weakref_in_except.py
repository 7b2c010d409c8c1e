# An exception's traceback keeps a frame's locals alive; weak references
# show when they finally go.
import weakref, sys

class Big:
    pass

def fail():
    local = Big()
    holder.append(weakref.ref(local, lambda w: print("local freed")))
    raise ValueError("oops")

holder = []
try:
    fail()
except ValueError as e:
    print("in except, alive:", holder[0]() is not None)
print("after except, alive:", holder[0]() is not None)
def keep():
    try:
        fail()
    except ValueError as e:
        return e
err = keep()
print("error kept, alive:", holder[1]() is not None)
del err
print("error dropped, alive:", holder[1]() is not None)
