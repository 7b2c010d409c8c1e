def append_to(item, target=[]):
    target.append(item)
    return target

a = append_to(1)
b = append_to(2)
print(a, b, a is b)
print(append_to.__defaults__)

def fresh(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(fresh(1), fresh(2))

calls = 0
def make_default():
    global calls
    calls += 1
    return calls

def uses(x=make_default()):
    return x

print(uses(), uses(), calls)
