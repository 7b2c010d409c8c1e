import mod_helper_math
print(mod_helper_math.area(2))
print(mod_helper_math.Shape("circle"))
print(mod_helper_math.__name__, type(mod_helper_math).__name__)
import mod_helper_math
import mod_helper_math as m
print(m is mod_helper_math)
print(m.bump(), m.bump(), mod_helper_math.counter)
print(m.shared_list is mod_helper_math.shared_list)
m.shared_list.append(1)
print(mod_helper_math.shared_list)
print(sorted(n for n in dir(m) if not n.startswith("_")))
