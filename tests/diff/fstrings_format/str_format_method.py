print("{} and {}".format("x", "y"))
print("{1} before {0}".format("x", "y"))
print("{name} is {age}".format(name="ann", age=30))
print("{0[0]} {0[1]} {1[k]}".format([5, 6], {"k": "v"}))

class P:
    x = 1
    y = 2

print("{p.x},{p.y}".format(p=P()))
print("{:>{width}}|".format("r", width=5))
print("{!r} {!s}".format("q", "q"))
print("{{literal}} {}".format(7))
data = {"a": 1, "b": 2}
print("{a}-{b}".format(**data))
print("{0}{0}{0}".format("ab"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError:", e)
