"""Stress test of the cycle collector: a million cyclic structures are
created and dropped (instance pairs, self-referencing lists and dicts,
instance -> list -> dict -> instance rings), so that only the collector can
free them, while live data, some of it cyclic too, is kept on the side:
every 1000th structure leaves a kept node (a live self-cycle) carrying the
running checksum at that point. At the end every kept node is checked
against a recomputation and the checksums are printed; the collector's
statistics over the run are printed as well, so that a run whose
collections differ from CPython's does not count.  Argument "quick": 20 000 structures."""
import gc
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"
N = 20_000 if QUICK else 1_000_000
MOD = (1 << 61) - 1


class Node:
    def __init__(self, value):
        self.value = value
        self.peer = None


class Kept:
    def __init__(self, index, checksum):
        self.index = index
        self.checksum = checksum
        self.me = self          # a live cycle: the collector must keep it
        self.log = [index, {"sum": checksum}]


def garbage(i):
    """Build one cyclic structure, drop it, return a value read from it."""
    kind = i % 4
    if kind == 0:
        a = Node(i)
        b = Node(i + 1)
        a.peer = b
        b.peer = a
        return a.peer.value
    if kind == 1:
        l = [i]
        l.append(l)
        return l[-1][0]
    if kind == 2:
        d = {"v": i}
        d["me"] = d
        return d["me"]["v"] * 2
    n = Node(i)
    n.peer = [n, {"owner": n, "v": i + 3}]
    return n.peer[1]["v"]


def main():
    # Start from a known state: the counts at this point depend on the
    # interpreter's start-up and on compiling this file, which are not part
    # of the test.
    gc.collect()
    before = gc.get_stats()
    kept = []
    running = 0
    for i in range(N):
        running = (running * 31 + garbage(i)) % MOD
        if i % 1000 == 999:
            kept.append(Kept(i, running))
    found = gc.collect()

    # Recompute the checksums and compare with the kept data.
    check = 0
    expect = []
    for i in range(N):
        kind = i % 4
        v = (i + 1, i, i * 2, i + 3)[kind]
        check = (check * 31 + v) % MOD
        if i % 1000 == 999:
            expect.append((i, check))
    ok = len(kept) == len(expect)
    for k, (i, c) in zip(kept, expect):
        ok = ok and k.index == i and k.checksum == c and k.me is k
        ok = ok and k.log[0] == i and k.log[1]["sum"] == c
    print("kept", len(kept), "intact", ok)
    print("first checksums", [k.checksum for k in kept[:3]])
    print("last checksum", kept[-1].checksum, "final", running)
    print("final collect", found)
    stats = gc.get_stats()
    print("collections", [s["collections"] - b["collections"] for s, b in zip(stats, before)])
    print("collected", [s["collected"] - b["collected"] for s, b in zip(stats, before)])


main()
