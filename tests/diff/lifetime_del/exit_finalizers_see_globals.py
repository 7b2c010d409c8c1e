first = "F"
class N:
    def __init__(s, n): s.n = n
    def __del__(s): print("del", s.n, first, last)
a = N("a")
last = "L"
b = N("b")
