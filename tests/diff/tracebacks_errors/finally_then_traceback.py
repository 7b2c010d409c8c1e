class Noisy:
    def __del__(self):
        print("__del__ of frame local")

def work():
    n = Noisy()
    try:
        print("working")
        [][1]
    finally:
        print("finally runs before the traceback")

work()
