# The CPU-time clocks: types, never going backwards, argument errors, and
# get_clock_info (no clock values are printed: they vary from run to run).
import time

a = time.process_time()
an = time.process_time_ns()
t = time.thread_time()
tn = time.thread_time_ns()
print(type(a).__name__, type(an).__name__, type(t).__name__, type(tn).__name__)
print(a >= 0, an >= 0, t >= 0, tn >= 0)
total = 0
for i in range(200000):
    total += i * i
print(total)
print(time.process_time() >= a, time.process_time_ns() >= an, time.thread_time() >= t, time.thread_time_ns() >= tn)
# seconds and nanoseconds read the same clock
print(abs(time.process_time_ns() / 1e9 - time.process_time()) < 0.5)
for f in (time.process_time, time.process_time_ns, time.thread_time, time.thread_time_ns):
    try:
        f(1)
    except TypeError as e:
        print(e)
    try:
        f(x=1)
    except TypeError as e:
        print(e)
for name in ("time", "monotonic", "perf_counter", "process_time", "thread_time"):
    info = time.get_clock_info(name)
    print(name, info, type(info).__name__, info.implementation, info.monotonic, info.adjustable, info.resolution)
for args, kw in [(("nope",), {}), ((3,), {}), ((), {}), (("a", "b"), {}), ((), {"name": "time"})]:
    try:
        time.get_clock_info(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
