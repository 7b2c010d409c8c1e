# del obj[key] and obj[key] = v without the special methods: CPython
# words the deletion message by whether the sequence protocol was asked.
class U: pass
for o, k in [(U(), 0), (U(), 'x'), ((1,), 'x'), (5, 'x'), ({1}, 0), (len, 0)]:
    try:
        del o[k]
    except TypeError as e:
        print(e)
    try:
        o[k] = 1
    except TypeError as e:
        print(e)
for o in [(1, 2), "ab", 5, frozenset(), range(3)]:
    try:
        del o[0]
    except TypeError as e:
        print(e)
class E(Exception): pass
class S: __slots__ = ('a',)
class D: "doc"
print(list(E.__dict__), list(S.__dict__), list(D.__dict__))
