# %, //, >> and << on machine-sized ints (the interpreter's fast path) and
# at its edges: signs, zero divisors, negative and large shift counts,
# results that overflow 64 bits; also the in-place forms.

vals = [0, 1, -1, 2, -2, 3, -3, 7, -7, 255, 256, -256, 2**31, -2**31, 2**62, -2**62, 2**63-1, -2**63, 10**18, -10**18]
out = []
for a, b in [(a, b) for a in vals for b in vals]:
    for name, f in (("%", lambda a, b: a % b), ("//", lambda a, b: a // b), (">>", lambda a, b: a >> b), ("<<", lambda a, b: a << b if b < 200 else 0)):
        try:
            r = f(a, b)
        except Exception as e:
            r = type(e).__name__ + str(e)
        out.append(r)
    x = a; 
    try:
        x %= b
    except ZeroDivisionError:
        x = None
    out.append(x)
for i in range(0, len(out), 10):
    print(out[i:i + 10])
