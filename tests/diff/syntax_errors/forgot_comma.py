# Two expressions side by side inside brackets: CPython suggests a comma.
print("never printed")
items = [1, 2, 3]
pairs = [("a", 1) ("b", 2)]
print(items 1)
