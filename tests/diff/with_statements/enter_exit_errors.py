class NoExit:
    def __enter__(self):
        return self

class NoEnter:
    def __exit__(self, *a):
        pass

for cls in (NoExit, NoEnter, int):
    try:
        with cls():
            pass
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)

class FailEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit must not run")

try:
    with FailEnter():
        print("body must not run")
except RuntimeError as e:
    print("RuntimeError:", e)
