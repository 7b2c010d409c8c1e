"""Weak references and the containers built on them (refscope's own
implementation; the reference types come from the builtin _weakref).

A weak reference lets you find an object without keeping it alive. When
the object dies (its count reaches zero, or the cycle collector frees it)
every weak reference to it is cleared and their callbacks are called.
"""

import sys
from _weakref import (getweakrefcount, getweakrefs, ref, proxy,
                      ReferenceType, ProxyType, CallableProxyType,
                      _remove_dead_weakref)

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


class WeakMethod(ref):
    """A weak reference to a bound method: a bound method object is made
    anew at every attribute access, so a plain ref to one dies at once.
    This one keeps weak references to the instance and to the function
    and rebuilds the method when called."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            target = meth.__self__
            function = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def on_death(_wr):
            me = me_ref()
            if me._alive:
                me._alive = False
                if callback is not None:
                    callback(me)

        self = ref.__new__(cls, target, on_death)
        self._func_ref = ref(function, on_death)
        self._meth_type = type(meth)
        self._alive = True
        me_ref = ref(self)
        return self

    def __call__(self):
        target = super().__call__()
        function = self._func_ref()
        if target is None or function is None:
            return None
        return self._meth_type(function, target)

    def __eq__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not (self._alive and other._alive):
            return self is other
        return ref.__eq__(self, other) and self._func_ref == other._func_ref

    def __ne__(self, other):
        if not isinstance(other, WeakMethod):
            return NotImplemented
        if not (self._alive and other._alive):
            return self is not other
        return ref.__ne__(self, other) or self._func_ref != other._func_ref

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A weak reference that remembers a key: WeakValueDictionary's values
    are these, so a callback knows which entry to drop."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class _Guarded:
    """Shared by the weak containers: while one of their iterators runs,
    entries whose object died are not removed (that would change the
    underlying dict or set during iteration) but remembered, and removed
    when the last iterator finishes."""

    def _init_guard(self):
        self._pending_removals = []
        self._iterating = 0

    def _enter(self):
        self._iterating += 1

    def _leave(self):
        self._iterating -= 1
        if not self._iterating:
            self._commit_removals()


class WeakValueDictionary(_Guarded):
    """A mapping whose values are held weakly: an entry disappears when
    its value dies."""

    def __init__(self, other=(), /, **kw):
        self._init_guard()
        me_ref = ref(self)

        def remove(wr):
            me = me_ref()
            if me is not None:
                if me._iterating:
                    me._pending_removals.append(wr.key)
                else:
                    _remove_dead_weakref(me.data, wr.key)

        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def _commit_removals(self):
        pending = self._pending_removals
        while pending:
            _remove_dead_weakref(self.data, pending.pop())

    def __getitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        o = self.data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __delitem__(self, key):
        if self._pending_removals:
            self._commit_removals()
        del self.data[key]

    def __len__(self):
        if self._pending_removals:
            self._commit_removals()
        return len(self.data)

    def __contains__(self, key):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        if self._pending_removals:
            self._commit_removals()
        self.data[key] = KeyedRef(value, self._remove, key)

    def copy(self):
        if self._pending_removals:
            self._commit_removals()
        new = WeakValueDictionary()
        self._enter()
        try:
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[key] = o
        finally:
            self._leave()
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        if self._pending_removals:
            self._commit_removals()
        new = self.__class__()
        self._enter()
        try:
            for key, wr in self.data.items():
                o = wr()
                if o is not None:
                    new[deepcopy(key, memo)] = o
        finally:
            self._leave()
        return new

    def get(self, key, default=None):
        if self._pending_removals:
            self._commit_removals()
        try:
            wr = self.data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def items(self):
        if self._pending_removals:
            self._commit_removals()
        self._enter()
        try:
            for k, wr in self.data.items():
                v = wr()
                if v is not None:
                    yield k, v
        finally:
            self._leave()

    def keys(self):
        if self._pending_removals:
            self._commit_removals()
        self._enter()
        try:
            for k, wr in self.data.items():
                if wr() is not None:
                    yield k
        finally:
            self._leave()

    __iter__ = keys

    def itervaluerefs(self):
        if self._pending_removals:
            self._commit_removals()
        self._enter()
        try:
            yield from self.data.values()
        finally:
            self._leave()

    def values(self):
        if self._pending_removals:
            self._commit_removals()
        self._enter()
        try:
            for wr in self.data.values():
                o = wr()
                if o is not None:
                    yield o
        finally:
            self._leave()

    def popitem(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            key, wr = self.data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def pop(self, key, *default):
        if self._pending_removals:
            self._commit_removals()
        try:
            o = self.data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if default:
                return default[0]
            raise KeyError(key)
        return o

    def setdefault(self, key, default=None):
        try:
            o = self.data[key]()
        except KeyError:
            o = None
        if o is None:
            if self._pending_removals:
                self._commit_removals()
            self.data[key] = KeyedRef(default, self._remove, key)
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if self._pending_removals:
            self._commit_removals()
        if other is not None:
            if hasattr(other, "keys"):
                other = [(k, other[k]) for k in other.keys()]
            for key, o in other:
                self.data[key] = KeyedRef(o, self._remove, key)
        for key, o in kwargs.items():
            self.data[key] = KeyedRef(o, self._remove, key)

    def valuerefs(self):
        if self._pending_removals:
            self._commit_removals()
        return list(self.data.values())

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    def __eq__(self, other):
        if isinstance(other, (dict, WeakValueDictionary, WeakKeyDictionary)):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if isinstance(other, (dict, WeakValueDictionary)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, WeakValueDictionary)):
            c = WeakValueDictionary()
            c.update(other)
            c.update(self.items())
            return c
        return NotImplemented


class WeakKeyDictionary(_Guarded):
    """A mapping whose keys are held weakly: an entry disappears when its
    key dies. Keys are looked up by equality, as in a dict."""

    def __init__(self, dict=None):
        self._init_guard()
        self.data = {}
        me_ref = ref(self)

        def remove(wr):
            me = me_ref()
            if me is not None:
                if me._iterating:
                    me._pending_removals.append(wr)
                else:
                    try:
                        del me.data[wr]
                    except KeyError:
                        pass

        self._remove = remove
        if dict is not None:
            self.update(dict)

    def _commit_removals(self):
        pending = self._pending_removals
        data = self.data
        while pending:
            try:
                del data[pending.pop()]
            except KeyError:
                pass

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def copy(self):
        new = WeakKeyDictionary()
        self._enter()
        try:
            for wr, value in self.data.items():
                o = wr()
                if o is not None:
                    new[o] = value
        finally:
            self._leave()
        return new

    __copy__ = copy

    def __deepcopy__(self, memo):
        from copy import deepcopy
        new = self.__class__()
        self._enter()
        try:
            for wr, value in self.data.items():
                o = wr()
                if o is not None:
                    new[o] = deepcopy(value, memo)
        finally:
            self._leave()
        return new

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def items(self):
        self._enter()
        try:
            for wr, value in self.data.items():
                key = wr()
                if key is not None:
                    yield key, value
        finally:
            self._leave()

    def keys(self):
        self._enter()
        try:
            for wr in self.data:
                o = wr()
                if o is not None:
                    yield o
        finally:
            self._leave()

    __iter__ = keys

    def values(self):
        self._enter()
        try:
            for wr, value in self.data.items():
                if wr() is not None:
                    yield value
        finally:
            self._leave()

    def keyrefs(self):
        return list(self.data)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            o = wr()
            if o is not None:
                return o, value

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        d = self.data
        if dict is not None:
            if hasattr(dict, "items"):
                dict = dict.items()
            for key, value in dict:
                d[ref(key, self._remove)] = value
        if kwargs:
            self.update(kwargs)

    def clear(self):
        self.data.clear()

    def __eq__(self, other):
        if isinstance(other, (dict, WeakKeyDictionary, WeakValueDictionary)):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if isinstance(other, (dict, WeakKeyDictionary)):
            c = self.copy()
            c.update(other)
            return c
        return NotImplemented

    def __ror__(self, other):
        if isinstance(other, (dict, WeakKeyDictionary)):
            c = WeakKeyDictionary()
            c.update(other)
            c.update(self)
            return c
        return NotImplemented


class WeakSet(_Guarded):
    """A set whose elements are held weakly: an element disappears when it
    dies."""

    __module__ = "_weakrefset"   # where CPython defines it

    def __init__(self, data=None):
        self._init_guard()
        self.data = set()
        me_ref = ref(self)

        def remove(wr):
            me = me_ref()
            if me is not None:
                if me._iterating:
                    me._pending_removals.append(wr)
                else:
                    me.data.discard(wr)

        self._remove = remove
        if data is not None:
            self.update(data)

    def _commit_removals(self):
        pending = self._pending_removals
        while pending:
            self.data.discard(pending.pop())

    def __iter__(self):
        self._enter()
        try:
            for wr in self.data:
                item = wr()
                if item is not None:
                    yield item
        finally:
            self._leave()

    def __len__(self):
        return len(self.data) - len(self._pending_removals)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return repr(self.data)

    def add(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.add(ref(item, self._remove))

    def clear(self):
        if self._pending_removals:
            self._commit_removals()
        self.data.clear()

    def copy(self):
        return self.__class__(self)

    def pop(self):
        if self._pending_removals:
            self._commit_removals()
        while True:
            try:
                wr = self.data.pop()
            except KeyError:
                raise KeyError("pop from empty WeakSet") from None
            item = wr()
            if item is not None:
                return item

    def remove(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.remove(ref(item))

    def discard(self, item):
        if self._pending_removals:
            self._commit_removals()
        self.data.discard(ref(item))

    def update(self, other):
        if self._pending_removals:
            self._commit_removals()
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def difference(self, other):
        new = self.copy()
        new.difference_update(other)
        return new

    __sub__ = difference

    def difference_update(self, other):
        self.__isub__(other)

    def __isub__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.difference_update(ref(item) for item in other)
        return self

    def intersection(self, other):
        return self.__class__(item for item in other if item in self)

    __and__ = intersection

    def intersection_update(self, other):
        self.__iand__(other)

    def __iand__(self, other):
        if self._pending_removals:
            self._commit_removals()
        self.data.intersection_update(ref(item) for item in other)
        return self

    def issubset(self, other):
        return self.data.issubset(ref(item) for item in other)

    __le__ = issubset

    def __lt__(self, other):
        return self.data < set(map(ref, other))

    def issuperset(self, other):
        return self.data.issuperset(ref(item) for item in other)

    __ge__ = issuperset

    def __gt__(self, other):
        return self.data > set(map(ref, other))

    def __eq__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.data == set(map(ref, other))

    def symmetric_difference(self, other):
        new = self.copy()
        new.symmetric_difference_update(other)
        return new

    __xor__ = symmetric_difference

    def symmetric_difference_update(self, other):
        self.__ixor__(other)

    def __ixor__(self, other):
        if self._pending_removals:
            self._commit_removals()
        if self is other:
            self.data.clear()
        else:
            self.data.symmetric_difference_update(ref(item, self._remove) for item in other)
        return self

    def union(self, other):
        return self.__class__(e for s in (self, other) for e in s)

    __or__ = union

    def isdisjoint(self, other):
        return len(self.intersection(other)) == 0


class finalize:
    """Call func(*args, **kwargs) when obj dies, or at interpreter exit
    (if `atexit` is true) when obj is still alive then; at most once.
    A finalize object keeps func and its arguments alive, not obj."""

    __slots__ = ()
    _registry = {}
    _shutdown = False
    _counter = 0
    _dirty = False
    _registered_with_atexit = False

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._registered_with_atexit:
            import atexit
            atexit.register(self._exitfunc)
            finalize._registered_with_atexit = True
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        info.index = finalize._counter
        finalize._counter += 1
        self._registry[self] = info
        finalize._dirty = True

    def __call__(self, _=None):
        """Call the function now (if it was not called yet) and return its
        result; None if it already ran or was detached."""
        info = self._registry.pop(self, None)
        if info and not self._shutdown:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        """Forget the call; return (obj, func, args, kwargs) if it was still
        pending and obj is alive, else None."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        """(obj, func, args, kwargs) if the call is pending and obj lives."""
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        """Whether the call is still pending."""
        return self in self._registry

    @property
    def atexit(self):
        """Whether a pending call runs at interpreter exit."""
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @classmethod
    def _pending_at_exit(cls):
        """The finalizers to run at exit, oldest first."""
        chosen = [(info.index, f) for f, info in cls._registry.items() if info.atexit]
        chosen.sort(key=lambda pair: pair[0])
        return [f for _, f in chosen]

    @classmethod
    def _exitfunc(cls):
        # Newest first; a finalizer may create or call others, so the list
        # is rebuilt whenever the registry changed. The collector stays off
        # meanwhile so that no finalizer runs from a collection.
        gc_was_on = False
        try:
            if cls._registry:
                import gc
                if gc.isenabled():
                    gc_was_on = True
                    gc.disable()
                todo = None
                while True:
                    if todo is None or finalize._dirty:
                        todo = cls._pending_at_exit()
                        finalize._dirty = False
                    if not todo:
                        break
                    f = todo.pop()
                    try:
                        f()
                    except Exception:
                        sys.excepthook(*sys.exc_info())
        finally:
            finalize._shutdown = True
            if gc_was_on:
                gc.enable()
