# Complex powers follow CPython's algorithm (repeated squaring for small
# integral exponents, polar form otherwise).
print((1+2j)**3, (2+0j)**-2, (1+1j)**0.5, 2**0.5j)
print((-8)**(1/3), (-1)**0.5, 1j**2, (3+4j)**1)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
