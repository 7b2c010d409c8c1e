class Node:
    def __init__(self, parent=None):
        self.parent = parent
    def depth(self):
        return 0 if self.parent is None else 1 + self.parent.depth()

n = Node()
for _ in range(500):
    n = Node(n)
print(n.depth())
for _ in range(2000):
    n = Node(n)
try:
    n.depth()
except RecursionError as e:
    print("RecursionError:", e)

class Loop:
    def __getattr__(self, name):
        return self.missing

try:
    Loop().anything
except RecursionError as e:
    print("RecursionError:", e)
