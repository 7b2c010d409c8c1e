# The cycle a handler makes by saving its exception in a local of the same
# frame (frame -> exception -> traceback -> frame): exactly what the
# collector finds, object by object.
import gc

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def save_in_local():
    obj = Noisy("local")
    try:
        raise ValueError("v")
    except ValueError as e:
        err = e
    return "done"

gc.collect()
print(save_in_local())
print("collected:", gc.collect())

def nested_save():
    def inner():
        x = Noisy("inner local")
        raise KeyError("k")
    try:
        inner()
    except KeyError as e:
        err = e
nested_save()
print("collected:", gc.collect())

# without the saved local there is no cycle: nothing to collect
def no_cycle():
    obj = Noisy("plain")
    try:
        raise ValueError("v")
    except ValueError as e:
        pass
no_cycle()
print("collected:", gc.collect())

# a saved exception at module level keeps the function's frame (not a cycle)
def fail():
    y = Noisy("fail local")
    raise TypeError("t")
try:
    fail()
except TypeError as e:
    kept = e
print("collected while kept:", gc.collect())
del kept
print("collected after del:", gc.collect())
