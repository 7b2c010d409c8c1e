# Int to text in every radix around the u64 boundary (the fast path for
# magnitudes that fit 64 bits, and the general one above).
vals = [0, 1, -1, 255, -255, 2**63 - 1, -2**63, 2**63, 2**64 - 1, 2**64, -2**64, 10**30, -(10**30)]
for v in vals:
    print(str(v), hex(v), oct(v), bin(v), format(v, '#x'), format(v, 'X'), format(v, ',d'), format(v, '_b'),
          '%d|%5x|%#o|%X|%.3d' % (v, v, v, v, v), f"{v:+015_d}")
