print("before first import")
import mod_helper_math
print("between imports")
import mod_helper_math
from mod_helper_math import area
print("after imports")
import sys
print("mod_helper_math" in sys.modules, sys.modules["mod_helper_math"] is mod_helper_math)
print(mod_helper_math.counter)
mod_helper_math.counter = 99
import mod_helper_math as again
print(again.counter, again is mod_helper_math)
