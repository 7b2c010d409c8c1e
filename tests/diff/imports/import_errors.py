try:
    import mod_does_not_exist
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from mod_helper_math import nonexistent
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import mod_helper_raises
except ValueError as e:
    print("ValueError:", e)
import sys
print("mod_helper_raises" in sys.modules)
