class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __lt__(self, other):
        return self.parts < other.parts
    def __eq__(self, other):
        return self.parts == other.parts
    def __repr__(self):
        return self.s

vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs))
print(min(vs), max(vs))
print(Version("1.0") < Version("1.1"), Version("2.0") > Version("1.1"))
vs.sort(reverse=True)
print(vs)
try:
    Version("1.0") <= Version("1.0")
except TypeError as e:
    print("TypeError:", e)
