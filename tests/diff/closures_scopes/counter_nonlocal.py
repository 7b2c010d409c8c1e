def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc(); inc()
print(get())
inc2, get2 = make_counter()
inc2()
print(get(), get2())
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
