graveyard = []

class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
        graveyard.append(self)

p = Phoenix("bird")
print("del p")
del p
print("graveyard has", len(graveyard), graveyard[0].name)
# __del__ runs only once per object (PEP 442), even if resurrected.
graveyard.clear()
print("cleared")
