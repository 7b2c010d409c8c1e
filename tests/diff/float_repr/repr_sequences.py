print([i / 10 for i in range(11)])
print([2 ** -i for i in range(0, 60, 7)])
print([10.0 ** i for i in range(-6, 20, 3)])
print([1 / i for i in range(1, 10)])
print([i * 0.1 for i in range(8)])
print([float(i) for i in (1, 10, 100, 10 ** 15, 10 ** 16, 10 ** 17)])
print([x / 7 for x in (1, 22, 333, 4444)])
print([round(i * 0.15, 1) for i in range(8)])
print(0.1 + 0.2 + 0.3, 1.1 * 1.1, 3 * 1.1, 100 * 1.1)
acc = 0.0
for _ in range(10):
    acc += 0.1
    print(acc, end=" ")
print()
