lst = [1, 2, 3]
for action in [lambda: lst[3], lambda: lst[-4], lambda: lst.pop(10), lambda: [].pop(),
               lambda: lst.index(7), lambda: lst.remove(7), lambda: lst["a"],
               lambda: lst + (4,), lambda: lst * 1.5, lambda: lst.insert()]:
    try:
        action()
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    lst[5] = 1
except IndexError as e:
    print("IndexError:", e)
try:
    del lst[7]
except IndexError as e:
    print("IndexError:", e)
