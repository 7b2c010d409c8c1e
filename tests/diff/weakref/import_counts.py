# weakref is loaded when the interpreter starts: importing it creates no
# objects, and the module is already in sys.modules.
import sys
print("weakref" in sys.modules, "atexit" in sys.modules)
import gc
before = gc.get_count()
import weakref
import atexit
print(gc.get_count() == before)
gc.disable()
c = gc.get_count()[0]
class A:
    pass
print(gc.get_count()[0] - c)
c = gc.get_count()[0]
r = weakref.ref(A, lambda w: None)
print(gc.get_count()[0] - c)
