# Random inputs and inconsistent comparisons (random answers): the log of
# __lt__ calls and the final order must be exactly CPython's.
seed = 777
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
log = []
class K:
    __slots__ = ("v", "i")
    def __init__(s, v, i): s.v = v; s.i = i
    def __lt__(s, o):
        log.append(s.i * 4096 + o.i)
        if MODE == 1:
            return rand(3) == 0   # inconsistent
        return s.v < o.v
def ck(xs):
    h = 0
    for x in xs:
        h = ((h * 1000003) ^ x) & 0xFFFFFFFFFFFF
    return h
for case in range(60):
    MODE = case % 2
    n = rand(3000)
    span = [2, 10, 100, 10**6][rand(4)]
    vals = [rand(span) for _ in range(n)]
    if rand(3) == 0:
        # long runs
        vals.sort()
        for _ in range(rand(20)):
            a = rand(n + 1); b = rand(n + 1)
            vals[min(a, b):max(a, b)] = vals[min(a, b):max(a, b)][::-1]
    items = [K(v, i) for i, v in enumerate(vals)]
    log.clear()
    items.sort(reverse=bool(rand(2)))
    print(case, n, len(log), ck(log), ck([k.i for k in items]))
