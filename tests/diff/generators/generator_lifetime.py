class Res:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("release", self.n)

def producer():
    r = Res(1)
    try:
        yield "a"
        yield "b"
    finally:
        print("producer finally")

for item in producer():
    print("item", item)
    break
print("after loop with break")

def consume_all():
    for item in producer():
        print("item", item)
    print("consumed all")

consume_all()
