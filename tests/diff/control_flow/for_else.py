def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")

find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)

for i in range(3):
    pass
else:
    print("last i", i)

for ch in "abc":
    if ch == "b":
        continue
    print(ch)
else:
    print("continue does not skip else")
