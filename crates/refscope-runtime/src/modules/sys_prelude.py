def _structseq(qualname, fields, values):
    class cls(tuple):
        __slots__ = ()
        def __repr__(self):
            return qualname + "(" + ", ".join("%s=%r" % (f, v) for f, v in zip(fields, self)) + ")"
        def __reduce__(self):
            return (type(self), (tuple(self),))
    for i, f in enumerate(fields):
        setattr(cls, f, property(lambda self, i=i: tuple.__getitem__(self, i)))
    name = qualname.rpartition(".")[2]
    cls.__name__ = name
    cls.__qualname__ = name
    cls.__module__ = "sys"
    cls.n_sequence_fields = cls.n_fields = len(fields)
    cls.n_unnamed_fields = 0
    return cls(values)

version_info = _structseq("sys.version_info", ("major", "minor", "micro", "releaselevel", "serial"), (3, 11, 7, 'final', 0))
float_info = _structseq("sys.float_info",
    ("max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"),
    (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53, 2.220446049250313e-16, 2, 1))
int_info = _structseq("sys.int_info", ("bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"), (30, 4, 4300, 640))
hash_info = _structseq("sys.hash_info",
    ("width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"),
    (64, 2305843009213693951, 314159, 0, 1000003, 'siphash13', 64, 128, 0))
flags = _structseq("sys.flags",
    ("debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site", "ignore_environment",
     "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
     "safe_path", "int_max_str_digits"),
    {FLAGS})

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
del _namespace, _structseq
