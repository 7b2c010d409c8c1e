def k(*a):
    raise KeyError(1)
k(1,
  2)
