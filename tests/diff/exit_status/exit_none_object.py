# SystemExit(None) means success: status 0.
def finish(code):
    print("finishing with", code)
    raise SystemExit(code)


try:
    finish(5)
except SystemExit as e:
    print("caught", e.code, e.args)
print("SystemExit(None) is success")
finish(None)
