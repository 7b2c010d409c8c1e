# The time module's clocks: types, monotonic order, units, argument errors.
import time

a = time.perf_counter()
b = time.perf_counter()
print(type(a).__name__, b >= a)
m1 = time.monotonic()
total = 0
for i in range(10000):
    total += i
m2 = time.monotonic()
print(type(m1).__name__, m2 >= m1, total)
n1 = time.perf_counter_ns()
n2 = time.perf_counter_ns()
print(type(n1).__name__, n2 >= n1)
print(type(time.monotonic_ns()).__name__)
now = time.time()
print(type(now).__name__, now > 1.7e9)
ns = time.time_ns()
print(type(ns).__name__, ns > 1_700_000_000 * 10**9, abs(ns / 1e9 - now) < 60)
# perf_counter in seconds and perf_counter_ns in nanoseconds agree.
s = time.perf_counter()
n = time.perf_counter_ns()
print(abs(n / 1e9 - s) < 1.0)
for f in (time.time, time.perf_counter, time.monotonic, time.time_ns):
    try:
        f(1)
    except TypeError as e:
        print(e)
try:
    time.perf_counter(x=1)
except TypeError as e:
    print(e)
print(time.perf_counter.__name__, type(time.perf_counter).__name__)
