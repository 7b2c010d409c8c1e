# A generator suspended inside try/finally, kept only by a cycle: the
# collection at interpreter exit closes it, so its finally block runs.
def counter(box):
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print("generator closed at", n, "box", box["name"])

box = {"name": "box1"}
g = counter(box)
box["gen"] = g    # box -> generator -> frame -> box
print(next(g), next(g))
del g
print("end of program")
