# Instances keeping their attributes inline (CPython 3.11's values) hold no
# reference to the attribute names: only the class's shared keys do.
import sys


class P:
    def __init__(self):
        self.attrname_xyz = 1
        self.other_xyz = [1]


P()
a = sys.getrefcount("attrname_xyz")
b = sys.getrefcount("other_xyz")
ps = [P() for _ in range(10)]
print(sys.getrefcount("attrname_xyz") - a, sys.getrefcount("other_xyz") - b)
ps[0].attrname_xyz = 2
print(sys.getrefcount("attrname_xyz") - a, [p.attrname_xyz for p in ps[:2]])
del ps
print(sys.getrefcount("attrname_xyz") - a, sys.getrefcount("other_xyz") - b)
