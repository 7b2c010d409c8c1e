# Calling a builtin method on an object of the wrong type: a slot wrapper
# (__repr__, __add__...) and a method descriptor word the TypeError
# differently; both name the types as CPython does (module.name for
# builtin types of other modules).
import sys

VersionInfo = type(sys.version_info)
calls = (
    "tuple.__repr__(5)", "tuple.count(5, 1)", "list.__getitem__(5, 0)", "dict.__contains__(5, 1)",
    "str.upper(5)", "int.__add__('a', 1)", "list.__len__(())", "float.__neg__(1)", "dict.get(5, 1)",
    "VersionInfo.__repr__((1, 2))", "VersionInfo.count(5, 1)", "VersionInfo.__reduce__([])",
)
for call in calls:
    try:
        print(call, eval(call))
    except TypeError as e:
        print(call, "->", e)
