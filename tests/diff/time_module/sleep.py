# time.sleep: how long it waits (at least the time asked) and its errors.
import time

t0 = time.perf_counter()
print(time.sleep(0.05))
elapsed = time.perf_counter() - t0
print(elapsed >= 0.05, elapsed < 2)
time.sleep(0)
time.sleep(False)

for bad in [-1, -0.5, float("nan"), "1", None, 10**30, 2**63, float("inf"), -float("inf"), 1e30]:
    try:
        time.sleep(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    time.sleep()
except TypeError as e:
    print("TypeError", e)
try:
    time.sleep(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    time.sleep(secs=1)
except TypeError as e:
    print("TypeError", e)
