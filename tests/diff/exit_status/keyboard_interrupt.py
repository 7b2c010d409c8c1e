# An uncaught KeyboardInterrupt: the traceback is printed, then the
# process is killed by SIGINT (status -2), as CPython does.
print("before")
raise KeyboardInterrupt
