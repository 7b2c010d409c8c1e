excs = [ValueError(i) for i in range(17)]
eg = ExceptionGroup("many", excs)
for d in range(11):
    eg = ExceptionGroup(f"level {d}", [eg, KeyError(d)])
raise eg
