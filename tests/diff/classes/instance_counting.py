class Tracked:
    live = 0
    def __init__(self):
        Tracked.live += 1
    def __del__(self):
        Tracked.live -= 1

objs = [Tracked() for _ in range(5)]
print(Tracked.live)
del objs[:2]
print(Tracked.live)
objs = None
print(Tracked.live)
t = Tracked()
u = t
del t
print(Tracked.live)
del u
print(Tracked.live)
