a, b = {"x": 1, "y": 2}
print(a, b)
k, v = list({"x": 1}.items())[0]
print(k, v)
p, q = iter([10, 20])
print(p, q)

def gen():
    yield "g1"
    yield "g2"

m, n = gen()
print(m, n)
s1, s2, s3 = range(3)
print(s1, s2, s3)
try:
    one, two = 5
except TypeError as e:
    print("TypeError:", e)
try:
    u, v = gen(), 1, 2
except ValueError as e:
    print("ValueError:", e)
