import sys
g = ExceptionGroup("eg", [ValueError(1)])
sys.excepthook(type(g), g, None)
print("---")
try:
    raise g
except ExceptionGroup as e:
    sys.excepthook(type(e), e, e.__traceback__)
class MyEG(ExceptionGroup):
    pass
import types
raise MyEG("mine", [ExceptionGroup("in", [ZeroDivisionError()])] * 2)
