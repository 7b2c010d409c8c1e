def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in [-5, 0, 3, 10, 100]:
    print(n, classify(n))

x = 7
if x % 2:
    print("odd")
if not x % 2:
    print("even")
else:
    print("not even")
y = "yes" if x > 5 else "no"
print(y)
print("a" if [] else "b" if {} else "c")
