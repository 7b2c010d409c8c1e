class _namespace:
    def __init__(self, **kwargs):
        self.__dict__.update(kwargs)
    def __repr__(self):
        return "namespace(" + ", ".join("%s=%r" % kv for kv in self.__dict__.items()) + ")"
    def __eq__(self, other):
        if isinstance(other, _namespace):
            return self.__dict__ == other.__dict__
        return NotImplemented
_namespace.__name__ = _namespace.__qualname__ = "SimpleNamespace"
_namespace.__module__ = "types"
implementation = _namespace(name='cpython', cache_tag='cpython-311', version=version_info, hexversion=0x030b07f0, _multiarch='x86_64-linux-gnu')
del _namespace
