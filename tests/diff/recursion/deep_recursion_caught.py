def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)

def count(n):
    if n == 0:
        return 0
    return 1 + count(n - 1)

print(count(900))
try:
    count(5000)
except RecursionError as e:
    print("RecursionError:", e)
print(count(10))
