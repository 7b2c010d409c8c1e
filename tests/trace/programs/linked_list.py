class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

def build(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head

a = [1, 2]
b = a
b.append(3)
x = 5
y = 5
head = build(3)
print("done", len(a))
del b
a = None
