# Subscripted builtin types (types.GenericAlias), as type hints use them:
# annotations are evaluated when the function is defined.
def total(xs: list[int], names: dict[str, tuple[int, ...]]) -> set[str]:
    return set(names)

print(total.__annotations__)
alias = list[int]
print(alias, type(alias), alias.__origin__, alias.__args__, alias.__parameters__)
print(alias(), alias("ab"), alias == list[int], alias == list[str], alias == list)
print(hash(alias) == hash(list[int]), dict[str, list[int]], tuple[()], frozenset[None])

class Point:
    pass

class Items(list[int]):
    pass

print(list[Point], Items.__mro__, Items([1, 2]))
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
