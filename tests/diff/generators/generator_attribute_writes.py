# Writing and deleting a generator's attributes: __name__ and __qualname__
# take a str, the gi_ attributes are read-only, others do not exist.
def gen():
    yield 1
g = gen()
for name, value in [("gi_running", 1), ("gi_frame", None), ("gi_code", None), ("foo", 1), ("__name__", 3), ("__qualname__", None)]:
    try:
        setattr(g, name, value)
        print(name, "set")
    except (AttributeError, TypeError) as e:
        print(name, type(e).__name__, e)
for name in ["__name__", "__qualname__", "gi_running"]:
    try:
        delattr(g, name)
        print(name, "deleted")
    except (AttributeError, TypeError) as e:
        print(name, type(e).__name__, e)
