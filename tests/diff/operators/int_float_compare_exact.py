# int against float comparisons are exact (no rounding of the int), in
# both orders, in conditions and as values, NaN and infinities included.

vals_i = [0, 1, -1, 2**53, 2**53 + 1, -2**53 - 1, 2**63 - 1, 2**64, -2**70, 10**30]
vals_f = [0.0, -0.0, 0.5, -0.5, 1.0, 9007199254740992.0, 9007199254740993.0, 1e30, -1e21, float("inf"), -float("inf"), float("nan"), 1.5e300]
for i in vals_i:
    for f in vals_f:
        print(i, f, i < f, i <= f, i == f, i != f, i > f, i >= f, f < i, f <= i, f == i, f != i, f > i, f >= i)
for i in vals_i:
    for f in vals_f:
        if i < f:
            print("lt", i, f)
        if f >= i:
            print("ge", f, i)
