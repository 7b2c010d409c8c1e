class Grid:
    def __init__(self, n):
        self.n = n
        self.cells = {}
    def __len__(self):
        return self.n * self.n
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells

g = Grid(3)
print(len(g))
g[0, 1] = 5
print(g[0, 1], g[2, 2])
print((0, 1) in g, (1, 1) in g, (1, 1) not in g)
del g[0, 1]
print((0, 1) in g)
try:
    g[1:2] = "slice"  # slices are unhashable in 3.11
except TypeError as e:
    print("TypeError:", e)
