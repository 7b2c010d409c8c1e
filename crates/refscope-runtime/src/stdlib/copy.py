"""Shallow and deep copies (refscope's own module, written from the
documented behaviour of CPython 3.11's copy module).

copy(x) makes a new compound object holding the same children; deepcopy(x)
copies the children too, recursively.  A deep copy keeps a memo dict from
id(original) to its copy, so an object reached twice is copied once (shared
structure stays shared) and a cycle becomes the same cycle in the copy.
Objects that cannot change are their own copies.  Classes take part through
__copy__, __deepcopy__(memo), and otherwise through the pickle protocol:
__reduce_ex__(4), __getstate__ and __setstate__.
"""

from copyreg import dispatch_table


class Error(Exception):
    pass

error = Error   # the old name

__all__ = ["Error", "copy", "deepcopy"]


def _builtin_types():
    # (no class here: a class is a cycle, and would be garbage after import)
    def function():
        pass
    return (type(None), type(Ellipsis), type(NotImplemented), type(len),
            type(function), type(function.__code__), type(function.__get__(0)))

(_NoneType, _EllipsisType, _NotImplementedType, _BuiltinFunctionType,
 _FunctionType, _CodeType, _MethodType) = _builtin_types()
del _builtin_types

try:
    from weakref import ref as _weakref_type
except ImportError:
    _weakref_type = None

# Types whose instances never change: copy() returns them as they are.
_IMMUTABLE = [_NoneType, int, float, bool, complex, str, tuple, bytes,
              frozenset, type, range, slice, property, _BuiltinFunctionType,
              _EllipsisType, _NotImplementedType, _FunctionType, _CodeType]
# Types deepcopy() returns as they are (tuple and frozenset are not here:
# a deep copy of them copies what they hold).
_ATOMIC = [_NoneType, _EllipsisType, _NotImplementedType, int, float, bool,
           complex, bytes, str, _CodeType, type, range, _BuiltinFunctionType,
           _FunctionType, property]
if _weakref_type is not None:
    _IMMUTABLE.append(_weakref_type)
    _ATOMIC.append(_weakref_type)


def _same(x):
    return x

_copy_dispatch = {t: _same for t in _IMMUTABLE}
_copy_dispatch[list] = list.copy
_copy_dispatch[dict] = dict.copy
_copy_dispatch[set] = set.copy
_copy_dispatch[bytearray] = bytearray.copy


def _reduce(x, cls, what):
    # The reduce tuple (or string) that describes how to rebuild x.
    reducer = dispatch_table.get(cls)
    if reducer is not None:
        return reducer(x)
    reducer = getattr(x, "__reduce_ex__", None)
    if reducer is not None:
        return reducer(4)
    reducer = getattr(x, "__reduce__", None)
    if reducer:
        return reducer()
    raise Error("un(%s)copyable object of type %s" % (what, cls))


def copy(x):
    """A shallow copy of x."""
    cls = type(x)
    special = _copy_dispatch.get(cls)
    if special is not None:
        return special(x)
    if issubclass(cls, type):
        return x
    own = getattr(cls, "__copy__", None)
    if own is not None:
        return own(x)
    rv = _reduce(x, cls, "shallow")
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def deepcopy(x, memo=None, _nil=[]):
    """A deep copy of x; memo maps id(original) to its copy."""
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    special = _deepcopy_dispatch.get(cls)
    if special is not None:
        y = special(x, memo)
    elif issubclass(cls, type):
        y = x
    else:
        own = getattr(x, "__deepcopy__", None)
        if own is not None:
            y = own(memo)
        else:
            rv = _reduce(x, cls, "deep")
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    # An object that is its own copy is not remembered.
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _deep_atomic(x, memo):
    return x


def _deep_list(x, memo):
    y = []
    memo[id(x)] = y
    add = y.append
    for item in x:
        add(deepcopy(item, memo))
    return y


def _deep_tuple(x, memo):
    items = [deepcopy(item, memo) for item in x]
    # A cycle through x may already have produced its copy.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for mine, theirs in zip(x, items):
        if mine is not theirs:
            return tuple(items)
    return x


def _deep_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for k, v in x.items():
        y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y


def _deep_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {t: _deep_atomic for t in _ATOMIC}
_deepcopy_dispatch[list] = _deep_list
_deepcopy_dispatch[tuple] = _deep_tuple
_deepcopy_dispatch[dict] = _deep_dict
_deepcopy_dispatch[_MethodType] = _deep_method


def _keep_alive(x, memo):
    """Hold x in the memo (under the memo's own id) so that its id cannot
    be reused by a new object while the deep copy is running."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for name, value in slotstate.items():
                    setattr(y, name, value)

    if listiter is not None:
        for item in listiter:
            if deep:
                item = deepcopy(item, memo)
            y.append(item)
    if dictiter is not None:
        for k, v in dictiter:
            if deep:
                k = deepcopy(k, memo)
                v = deepcopy(v, memo)
            y[k] = v
    return y
