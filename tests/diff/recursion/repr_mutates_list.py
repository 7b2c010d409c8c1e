# list repr re-reads the length at each item: an item's __repr__ may shrink it.
class R:
    def __repr__(self):
        lst.clear()
        return "R"
lst = [R(), R(), R()]
print(lst)
class Grow:
    def __repr__(self):
        if len(lst2) < 5:
            lst2.append(Grow())
        return "G"
lst2 = [Grow()]
print(lst2)
