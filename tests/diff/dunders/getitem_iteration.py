class Squares:
    def __getitem__(self, i):
        print("getitem", i)
        if i >= 4:
            raise IndexError(i)
        return i * i

print(list(Squares()))
print(9 in Squares())

class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]

print(list(reversed(Seq())))
print(list(enumerate(Seq())))
