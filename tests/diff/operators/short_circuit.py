def t(name):
    print("eval", name)
    return True

def f(name):
    print("eval", name)
    return False

print(f("a") and t("b"))
print(t("a") or f("b"))
print(t("a") and f("b") or t("c"))
print(0 or "" or [] or "last")
print(1 and "x" and [1] and 0)
print(None or 0)
print([] and undefined_name)
print("" or 0 or None)
x = [] or {} or ()
print(x, type(x).__name__)
print(not 0, not [], not [0], not None)
