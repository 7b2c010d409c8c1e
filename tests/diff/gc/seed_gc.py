# The seed article's cycle example: reference counting alone cannot free
# a cycle; the cyclic collector can.
import gc, sys

class Person:
    def __init__(self, name):
        self.name = name
        self.friend = None
    def __del__(self):
        print(f"{self.name} is gone")

gc.collect()
alice = Person("Alice")
bob = Person("Bob")
alice.friend = bob
bob.friend = alice
print(sys.getrefcount(alice) - 1, sys.getrefcount(bob) - 1)
del alice
del bob
print("names deleted; the pair still references each other")
print("unreachable objects found:", gc.collect())
