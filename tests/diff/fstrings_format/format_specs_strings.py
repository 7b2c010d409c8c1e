s = "cat"
print(f"[{s:>8}] [{s:<8}] [{s:^8}] [{s:*^9}] [{s:-<6}]")
print(f"[{s:.2}] [{s:8.2}] [{s!r:>10}]")
w, p = 10, 3
print(f"[{3.14159:{w}.{p}f}] [{s:{'>'}{w}}]")
print("[{:>6}] [{:^7}] [{:<4}]".format("a", "b", "c"))
print("[{0:=^11}]".format(" mid "))
print(format("x", "^5") + "|")
try:
    f"{s:d}"
except ValueError as e:
    print("ValueError:", e)
try:
    format(3, "s")
except ValueError as e:
    print("ValueError:", e)
