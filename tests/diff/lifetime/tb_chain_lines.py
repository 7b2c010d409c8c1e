# tb_next links the traceback from the catching frame down to the raising one;
# each entry has the frame, the line where it was and its code.
def level3(x):
    y = x * 2
    raise KeyError(y)

def level2(x):
    z = x + 1
    return level3(z)

def level1():
    w = 10
    return level2(w)

try:
    level1()
except KeyError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        fr = tb.tb_frame
        print(n, fr.f_code.co_name, tb.tb_lineno, fr.f_lineno == tb.tb_lineno,
              sorted(k for k in fr.f_locals if k != "__builtins__" and not k.startswith("__")) if fr.f_code.co_name != "<module>" else "-")
        tb = tb.tb_next
        n += 1
    print("args", e.args)

# tb_frame.f_back of the innermost frame is its caller's frame
try:
    level1()
except KeyError as e:
    t = e.__traceback__
    while t.tb_next is not None:
        t = t.tb_next
    print(t.tb_frame.f_back.f_code.co_name)
    print(t.tb_frame.f_back.f_back.f_code.co_name)
    print(t.tb_frame.f_locals)
