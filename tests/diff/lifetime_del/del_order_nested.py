class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print("free", self.name)

chain = Node("outer", Node("middle", Node("inner")))
print("drop chain")
chain = None
print("dropped")

pair = [Node("first"), Node("second")]
print("drop list")
del pair
print("tuple")
t = (Node("t0"), Node("t1"))
t = 1
print("end")
