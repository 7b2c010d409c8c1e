# _namespace: types.SimpleNamespace, given by the runtime.
implementation = _namespace(name='cpython', cache_tag='cpython-311', version=version_info, hexversion=0x030b07f0, _multiarch='x86_64-linux-gnu')
del _namespace
