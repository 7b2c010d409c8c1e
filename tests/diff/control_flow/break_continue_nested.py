for i in range(4):
    for j in range(4):
        if j > i:
            break
        if (i + j) % 2:
            continue
        print(i, j)
    else:
        print("inner else", i)

result = []
i = 0
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    if i == 8:
        break
    result.append(i)
print(result)

for x in range(3):
    try:
        if x == 1:
            continue
        print("body", x)
    finally:
        print("finally", x)
