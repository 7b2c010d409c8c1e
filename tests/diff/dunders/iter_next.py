class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(5)))
for x in Countdown(3):
    print(x)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
print(sum(Countdown(10)), max(Countdown(4)), sorted(Countdown(3)))
a, b, c = Countdown(3)
print(a, b, c)
print(3 in Countdown(5), 9 in Countdown(5))
