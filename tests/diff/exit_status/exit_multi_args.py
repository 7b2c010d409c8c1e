# SystemExit with several arguments: the code is the args tuple, printed to
# stderr, status 1.
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("code", e.code, "args", e.args)
try:
    raise SystemExit
except SystemExit as e:
    print("bare SystemExit code", e.code)
print("SystemExit with two arguments: code is the tuple")
raise SystemExit(1, 2)
