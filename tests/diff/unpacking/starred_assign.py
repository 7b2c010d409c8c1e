a, *b = [1, 2, 3]
print(a, b)
*a, b = [1, 2, 3]
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, = "xyz"
print(a)
(a, *b), c = "ab", 3
print(a, b, c)
first, *_, last = "hello"
print(first, last, _)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
