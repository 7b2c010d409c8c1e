# An uncaught exception raised "from" another one.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad config value {s!r}") from e

print(parse("12"))
print(parse("twelve"))
# (the traceback shows both exceptions; the last stderr line is the second)
