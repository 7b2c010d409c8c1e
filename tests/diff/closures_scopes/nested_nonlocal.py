def a():
    v = 1
    def b():
        def c():
            nonlocal v
            v *= 10
            return v
        return c
    f = b()
    f()
    f()
    return v

print(a())

def gen_ids():
    n = 0
    def next_id():
        nonlocal n
        n += 1
        return f"id{n}"
    return next_id

nid = gen_ids()
print([nid() for _ in range(4)])

def outer():
    x = 1
    def inner():
        global x
        x = "module x"
    inner()
    return x

print(outer(), x)
