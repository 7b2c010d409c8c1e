# A caught SystemExit does not end the program; an uncaught one does.
import sys

try:
    sys.exit(5)
except SystemExit as e:
    print("caught", e.code)
try:
    sys.exit(6)
except BaseException as e:
    print("caught as BaseException", type(e).__name__, e.code)
print("still alive")
raise SystemExit(2)
