# __del__ of exception classes runs when the last reference goes, as for
# any other instance: at `del`, when an `except ... as` name is unbound, and
# for an exception in a cycle (through its traceback's frame) when the
# collector frees it.
import gc, sys

class Loud(Exception):
    def __del__(self):
        print("  freed", self.args)

class LoudValue(ValueError):
    def __del__(self):
        print("  freed value", self.args)

e = Loud(1)
print("made")
del e
print("after del")

try:
    raise LoudValue(2)
except ValueError as err:
    print("handling", err.args)
print("after except")

def cycle():
    try:
        raise Loud(3)
    except Loud as err:
        kept = err  # the frame (via the traceback) holds the exception
gc.collect()
cycle()
print("before collect")
print("collected", gc.collect() > 0)

saved = []
class Phoenix(Exception):
    def __del__(self):
        print("  resurrecting", self.args)
        saved.append(self)
Phoenix(4)
print("saved", saved, sys.getrefcount(saved[0]))
saved.clear()
print("cleared (no second __del__)")

g = ExceptionGroup("g", [Loud(5), LoudValue(6)])
del g
print("group gone")
print("end")
