s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(slice(5), slice(None, None, -1))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
data = list(range(12))
print(data[s], data[slice(3)], data[slice(-2, None)])
print("abcdefg"[slice(None, None, 2)])

class Recorder:
    def __getitem__(self, key):
        return key

r = Recorder()
print(r[1:2], r[::3], r[1:2, 3], r[...], r[:, None])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
