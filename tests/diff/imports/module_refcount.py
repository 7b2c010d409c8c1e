import sys
import mod_helper_math

obj = mod_helper_math.shared_list
before = sys.getrefcount(obj)
alias = mod_helper_math.shared_list
print(sys.getrefcount(obj) - before)
from mod_helper_math import shared_list
print(sys.getrefcount(obj) - before)
del alias, shared_list
print(sys.getrefcount(obj) - before)
