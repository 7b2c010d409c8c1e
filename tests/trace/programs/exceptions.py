def inner(d, key):
    value = d[key]
    return value


def middle(d, key):
    got = inner(d, key)
    return got + 1


def outer(d):
    try:
        return middle(d, "missing")
    except KeyError as e:
        msg = str(e)
        return msg


data = {"present": 1}
r = outer(data)
ok = middle(data, "present")
print(r, ok)
