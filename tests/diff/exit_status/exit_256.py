# The exit status is taken modulo 256 by the operating system.
import sys

codes = [258 % 256, 512 % 256]
print("codes modulo 256:", codes)
try:
    sys.exit(256)
except SystemExit as e:
    print("caught code", e.code)
print("status is taken modulo 256 by the OS")
sys.exit(258)
