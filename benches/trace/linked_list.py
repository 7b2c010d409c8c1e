"""A linked list of N nodes (argv[1], default 300): built node by node,
then walked to sum its values. scripts/bench-trace traces it to measure
the recorder (steps per second, bytes per step of the JSON trace)."""
import sys


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


def build(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head


def total(node):
    s = 0
    while node is not None:
        s += node.value
        node = node.next
    return s


n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
head = build(n)
print(n, total(head))
