import sys

lst = []
alias = lst
print(sys.getrefcount(lst))
lst += [1]
print(sys.getrefcount(lst), lst is alias)
lst = lst + [2]
print(sys.getrefcount(alias), sys.getrefcount(lst))
t = ([0],)
inner = t[0]
try:
    t[0] += [1]
except TypeError:
    pass
print(sys.getrefcount(inner), inner)
