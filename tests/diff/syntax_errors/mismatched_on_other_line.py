# A closing bracket that does not match an opening one on an earlier line.
print("never printed")
data = {
    "a": [1, 2,
          3),
}
