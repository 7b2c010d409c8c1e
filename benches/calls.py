"""Recursion and calls: plain recursion, keyword and default arguments,
*args forwarding, closures and bound-method calls."""
import sys

QUICK = len(sys.argv) > 1 and sys.argv[1] == "quick"


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y >= x:
        return z
    return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))


def clamp(value, low=0, high=100, *, step=1):
    if value < low:
        return low
    if value > high:
        return high
    return value - value % step


def forward(*args, **kwargs):
    return clamp(*args, **kwargs)


def make_adder(k):
    def add(x):
        return x + k
    return add


class Counter:
    def __init__(self):
        self.total = 0

    def bump(self, amount):
        self.total += amount
        return self.total


def keyword_calls(n):
    acc = 0
    for i in range(n):
        acc += clamp(i % 150, high=120, step=3)
        acc += forward(i % 90 - 10, 5, step=2)
    return acc


def closure_calls(n):
    adders = [make_adder(k) for k in range(10)]
    acc = 0
    for i in range(n):
        acc = adders[i % 10](acc) % 1000003
    return acc


def method_calls(n):
    c = Counter()
    bump = c.bump
    for i in range(n):
        c.bump(i & 7)
        bump(1)
    return c.total


def main():
    scale = 1 if QUICK else 14
    print("fib", fib(14 + scale))
    print("tak", tak(10 + scale // 2, 8, 4) if QUICK else tak(18, 12, 6))
    print("keyword", keyword_calls(2000 * scale * 10))
    print("closure", closure_calls(5000 * scale * 10))
    print("method", method_calls(5000 * scale * 10))


main()
