n = 0
while n < 5:
    n += 1
else:
    print("while finished normally, n =", n)

n = 0
while n < 5:
    if n == 3:
        print("breaking at", n)
        break
    n += 1
else:
    print("not printed")

while False:
    pass
else:
    print("else of a loop that never ran")

count = 0
while True:
    count += 1
    if count > 100:
        break
print(count)
