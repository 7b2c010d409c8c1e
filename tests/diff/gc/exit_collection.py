# Cycles still alive at exit are collected at shutdown: their __del__ runs.
class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("bye", self.name)

a = Node("a")
b = Node("b")
del a
print("end of program")
