# str.translate / str.maketrans / str.format_map and the is*() predicates.
def show(f):
    try:
        print(repr(f()))
    except (TypeError, ValueError, KeyError, IndexError) as e:
        print(type(e).__name__ + ":", e)

table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()))
print("aabbccdd".translate(table))
print("hello".translate({ord("l"): "L!", ord("o"): None, ord("h"): 0x48}))
print("abc".translate("xyz"), "abc".translate([None] * 98))
show(lambda: str.maketrans({"ab": 1}))
show(lambda: str.maketrans({1.5: 2}))
show(lambda: str.maketrans("ab", "c"))
show(lambda: str.maketrans(1))
show(lambda: "a".translate({97: 1.5}))
show(lambda: "a".translate({97: 0x110000}))
print(sorted(str.maketrans({"a": "b", 99: None}).items()))

class Default(dict):
    def __missing__(self, key):
        return key.upper()

print("{name} is {age}".format_map({"name": "ann", "age": 3}))
print("{x}-{y}".format_map(Default(x=1)))
show(lambda: "{0}".format_map({}))
show(lambda: "{}".format_map({}))
show(lambda: "{x}".format_map({}))
show(lambda: "{x}".format_map(5))

for w in ["abc", "ABC", "Abc Def", "123", "½", "١٢٣", " \t", "", "a1", "_x9", "9x", "é", "\x07"]:
    print(repr(w), w.isalpha(), w.isupper(), w.islower(), w.istitle(), w.isdigit(),
          w.isdecimal(), w.isnumeric(), w.isspace(), w.isalnum(), w.isidentifier(),
          w.isprintable(), w.isascii())
