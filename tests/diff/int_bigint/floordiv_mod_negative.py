pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (1, -1), (-1, 2)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
big = 10 ** 30 + 7
for b in [3, -3, 10 ** 15, -(10 ** 15)]:
    print(big // b, big % b, (-big) // b, (-big) % b)
print(-(10 ** 20) // 7, -(10 ** 20) % 7)
print(divmod(-(2 ** 100), 12345))
for a in (-1, 1):
    for b in (-(2 ** 70), 2 ** 70):
        q, r = divmod(a * 10 ** 25, b)
        print(q, r, q * b + r == a * 10 ** 25)
print(-3 // 2, -3 % 2, 3 // -2, 3 % -2, -(3 // 2))
