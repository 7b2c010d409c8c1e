from mod_helper_math import area, Shape, counter, bump, shared_list
print(area(1), Shape("sq"))
print(counter, bump(), counter)
import mod_helper_math
print(mod_helper_math.counter)
shared_list.append("from importer")
print(mod_helper_math.shared_list, shared_list is mod_helper_math.shared_list)
from mod_helper_math import PI_ISH as pi
print(pi)
# Rebinding an imported name does not touch the module.
area = None
print(mod_helper_math.area(3))
