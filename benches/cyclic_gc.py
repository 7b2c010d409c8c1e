"""Cyclic garbage: objects in reference cycles (parent/child links,
doubly linked rings, self-referencing dicts and lists, instances with
bound-method references) dropped in bulk so that the cycle collector
does the freeing.  The time spent in collections (from gc.callbacks) is
written to stderr as "gc-time SECONDS collections N" for scripts/bench."""
import gc
import sys
import time

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"

_gc_time = 0.0
_gc_start = 0.0
_gc_runs = 0


def _timer(phase, info):
    global _gc_time, _gc_start, _gc_runs
    if phase == "start":
        _gc_start = time.perf_counter()
    else:
        _gc_time += time.perf_counter() - _gc_start
        _gc_runs += 1


class TreeNode:
    def __init__(self, parent, value):
        self.parent = parent
        self.value = value
        self.children = []
        if parent is not None:
            parent.children.append(self)


class Link:
    def __init__(self, value):
        self.value = value
        self.prev = self
        self.next = self

    def insert_after(self, other):
        other.prev = self
        other.next = self.next
        self.next.prev = other
        self.next = other


class Listener:
    def __init__(self, bus):
        self.bus = bus
        self.seen = 0
        bus.append(self.on_event)

    def on_event(self, v):
        self.seen += v


def family(n):
    root = TreeNode(None, 0)
    level = [root]
    made = 1
    while made < n:
        nxt = []
        for p in level:
            for k in range(3):
                nxt.append(TreeNode(p, made))
                made += 1
        level = nxt
    return root, made


def ring(n):
    head = Link(0)
    for i in range(1, n):
        head.insert_after(Link(i))
    return head


def self_refs(n):
    out = 0
    for i in range(n):
        d = {"i": i}
        d["self"] = d
        l = [i, d]
        l.append(l)
        out += len(l)
    return out


def listeners(n):
    bus = []
    objs = [Listener(bus) for _ in range(n)]
    for i, cb in enumerate(bus):
        cb(i)
    return sum(o.seen for o in objs)


def main():
    gc.callbacks.append(_timer)
    rounds = 3 if QUICK else 80
    size = 300 if QUICK else 3000
    total = 0
    for r in range(rounds):
        root, made = family(size)
        total += made
        del root
        total += ring(size).next.value
        total += self_refs(size)
        total += listeners(size // 3)
    collected = gc.collect()
    print("total", total)
    print("final collect found garbage", collected >= 0)
    gc.callbacks.remove(_timer)
    print("gc-time %.6f collections %d" % (_gc_time, _gc_runs), file=sys.stderr)


main()
