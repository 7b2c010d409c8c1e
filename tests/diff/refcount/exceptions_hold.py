import sys

class Boom(Exception):
    pass

payload = []
err = Boom(payload)
print(sys.getrefcount(payload))
print(err.args[0] is payload)
del err
print(sys.getrefcount(payload))

def fail(x):
    raise ValueError("no")

try:
    fail(payload)
except ValueError as e:
    # The traceback keeps fail's frame (and its argument) alive.
    print(sys.getrefcount(payload))
print(sys.getrefcount(payload))
