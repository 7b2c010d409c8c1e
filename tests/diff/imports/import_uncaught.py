# An uncaught ModuleNotFoundError: status 1, last stderr line names the module.
import mod_helper_math

print("the helper imported fine:", mod_helper_math.area(1))
try:
    import mod_missing_but_caught
except ImportError as e:
    print("caught", type(e).__name__, e.name)
print("importing a module that does not exist")
import mod_missing_module_xyz
print("unreachable")
