def work():
    raise ExceptionGroup("work failed", [ValueError(1), TypeError(2), OSError(3)])

try:
    work()
except* ValueError as e:
    raise KeyError("from the handler")
except* TypeError:
    raise
