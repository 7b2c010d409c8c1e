# A caught exception stored in a local creates a cycle frame -> exception
# -> traceback -> frame; the collector frees it.
import gc

class Big:
    def __del__(self):
        print("Big freed")

def f():
    big = Big()
    try:
        raise ValueError("x")
    except ValueError as e:
        saved = e
    return saved

gc.collect()
err = f()
print("exception kept:", type(err).__name__)
print("traceback keeps the frame:", err.__traceback__.tb_frame.f_code.co_name)
del err
print("after del, collected:", gc.collect() > 0)

def g():
    big = Big()
    try:
        1 / 0
    except ZeroDivisionError as e:
        exc = e  # cycle: frame -> exc -> traceback -> frame
    print("leaving g")

g()
print("after g, collected:", gc.collect() > 0)
