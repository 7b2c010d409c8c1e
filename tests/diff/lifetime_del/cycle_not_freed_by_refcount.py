class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("__del__", self.name)

a = Node("a")
b = Node("b")
a.other = b
b.other = a
print("del a, b")
del a, b
# Reference counting alone cannot free a cycle: nothing is printed here.
print("after del: the cycle is still alive")
c = Node("c (no cycle)")
del c
print("end of program")
