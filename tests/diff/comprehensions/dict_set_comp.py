words = ["apple", "banana", "cherry", "avocado"]
print({w: len(w) for w in words})
print({w[0]: w for w in words})
print({len(w) for w in words})
print(sorted({c for w in words for c in w if c in "aeiou"}))
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
print({i: {j: i * j for j in range(3)} for i in range(2)})
print({x % 3 for x in range(10)})
print(type({x for x in ()}).__name__, type({x: x for x in ()}).__name__)
