# sys.exit("msg"): the message goes to stderr and the status is 1.
import sys


def check_config(cfg):
    if "path" not in cfg:
        sys.exit("fatal: something went wrong")
    return cfg["path"]


print(check_config({"path": "/tmp"}))
print("exiting with a message")
check_config({})
print("unreachable")
