# An uncaught AttributeError on an instance.
class Point:
    def __init__(self):
        self.x = 1


p = Point()
print(p.x)
print(getattr(p, "y", "no y"))
print(hasattr(p, "y"))
print(p.y)
