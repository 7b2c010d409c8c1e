# Notes added to an exception are printed after its message.
def load(name):
    try:
        return {"a": 1}[name]
    except KeyError as e:
        e.add_note("while loading " + repr(name))
        raise
print(load("a"))
load("b")
