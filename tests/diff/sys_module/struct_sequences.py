import sys

print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info[0] == sys.float_info.max, len(sys.float_info))
print(sys.int_info)
print(sys.hash_info.width, sys.hash_info.modulus == 2 ** 61 - 1, sys.hash_info.inf, sys.hash_info.algorithm)
print(sys.maxunicode, sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print("ValueError:", e)
print(type(sys.flags).__name__, sys.flags.optimize, sys.flags.dont_write_bytecode)
print(sys.implementation.name, sys.implementation.version.major, sys.implementation.cache_tag)
print(sys.excepthook is sys.__excepthook__, sys.displayhook is sys.__displayhook__)
