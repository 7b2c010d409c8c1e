# A number glued to a name is a tokenizer error.
print("never printed")
values = [1, 2, 3]
total = 0
for v in values:
    total += 2v
