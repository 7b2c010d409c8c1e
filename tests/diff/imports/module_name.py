# An imported module's __name__ is its module name, the program's is __main__;
# constants are not merged across compilation units (files).
import mod_helper_name

print(__name__, mod_helper_name.__name__)
print(mod_helper_name.CONSTANT == 257)
c = 257
print(c is mod_helper_name.CONSTANT)
print(sorted(n for n in vars(mod_helper_name) if not n.startswith("__")))
if __name__ == "__main__":
    print("running as the main program")
