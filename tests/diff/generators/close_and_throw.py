def worker():
    try:
        while True:
            try:
                v = yield
                print("got", v)
            except ValueError as e:
                print("handled ValueError", e)
                yield "recovered"
    finally:
        print("cleanup")

w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
w.close()
print("closed")
w.close()

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
