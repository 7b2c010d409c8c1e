def counter(start, step):
    count = start
    def tick():
        nonlocal count
        count += step
        return count
    return tick

t = counter(10, 5)
first = t()
second = t()
