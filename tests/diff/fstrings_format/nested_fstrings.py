items = {"apple": 1.5, "kiwi": 0.25}
for name, price in items.items():
    print(f"{name:<8}{price:>6.2f}")
width = 12
print(f"{'centered':^{width}}|")
print(f"{f'{1 + 1}':>3}")
total = sum(items.values())
print(f"total: {total:.{1 + 1}f} ({len(items)} items)")
rows = [f"{i}:{i ** 2}" for i in range(4)]
print(f"{', '.join(rows)}")
print(f"{'yes' if total > 1 else 'no'}")
print(f"{items['kiwi']}")
print(f"""{
    width * 2
}""")
x = 3
print(f"{x!r:>4}|{x:#06b}")
