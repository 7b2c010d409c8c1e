print("%s is %d years" % ("bob", 30))
print("%5s|%-5s|%05d|%+d|%x|%X|%o|%e|%.3f" % ("a", "b", 42, 7, 255, 255, 8, 1234.5, 3.14159))
print("%r %s" % ("q", "q"))
print("%(name)s=%(val)d" % {"name": "x", "val": 9})
print("%c%c" % (72, "i"))
print("100%%")
print("%s" % [1, 2], "%s" % (("tuple",),))
print("%.2s|%10.4f|%-8.2e|" % ("abc", 2.5, 12345.0))
print("%i %u" % (3, 4))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("only one",)
except TypeError as e:
    print("TypeError:", e)
try:
    "%s" % (1, 2)
except TypeError as e:
    print("TypeError:", e)
