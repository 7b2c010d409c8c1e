# A traceback entry's frame keeps its caller's frame (f_back) after the call
# ends, so a saved exception keeps every frame of the failed call chain.
import sys

class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("free", self.name)

def inner():
    i = Noisy("inner local")
    raise KeyError("k")

def middle():
    m = Noisy("middle local")
    inner()

def outer():
    o = Noisy("outer local")
    try:
        middle()
    except KeyError as e:
        return e

err = outer()
print("outer returned")
tb = err.__traceback__
names = []
while tb:
    names.append(tb.tb_frame.f_code.co_name)
    tb = tb.tb_next
print(names)
last = err.__traceback__.tb_next.tb_next.tb_frame
print(last.f_code.co_name, last.f_back.f_code.co_name, last.f_back.f_back.f_code.co_name)
print(last.f_back.f_back.f_back.f_code.co_name)
del last
print("dropping the exception")
del err
print("end")
