import sys

class Noisy:
    def __del__(self):
        print("__del__ at shutdown")

keep = Noisy()
try:
    print("in try")
    sys.exit(4)
finally:
    print("finally still runs")
