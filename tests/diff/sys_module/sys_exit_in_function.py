import sys

def finish():
    print("finishing")
    sys.exit(0)

try:
    finish()
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
print("continued")
try:
    sys.exit("text")
except SystemExit as e:
    print("code:", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("code:", e.code)
