class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressed", exc_type.__name__, exc)
            self.caught = exc
            return True
        return False

with Suppress(KeyError, IndexError) as s:
    {}["nope"]
    print("not reached")
print("continues", repr(s.caught))
with Suppress(KeyError):
    print("no exception")
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("propagated", e)
