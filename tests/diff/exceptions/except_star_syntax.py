# What the compiler refuses around except*: leaving a handler with break,
# continue or return, mixing except and except* on one try, and a bare
# except*. Loops and functions inside a handler are fine.
sources = [
    "def f():\n    try:\n        pass\n    except* ValueError:\n        return 1\n",
    "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        break\n",
    "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        continue\n",
    "try:\n    pass\nexcept* ValueError:\n    break\n",
    "try:\n    pass\nexcept* ValueError:\n    for j in range(2):\n        break\n        continue\n",
    "try:\n    pass\nexcept* ValueError:\n    def g():\n        return 1\n",
    "try:\n    pass\nexcept* ValueError:\n    while True:\n        break\nelse:\n    pass\nfinally:\n    pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
    "try:\n    pass\nexcept ValueError:\n    pass\nexcept* TypeError:\n    pass\n",
    "try:\n    pass\nexcept*:\n    pass\n",
    "def f():\n    for x in y:\n        try:\n            pass\n        except* ValueError:\n            try:\n                pass\n            finally:\n                return\n",
]
for src in sources:
    try:
        compile(src, "<case>", "exec")
        print("ok")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)

# A loop inside a handler, run.
def run():
    out = []
    for i in range(3):
        try:
            raise ExceptionGroup("g", [ValueError(i)])
        except* ValueError as e:
            for j in range(5):
                if j == 2:
                    break
                out.append((i, j))
    return out
print(run())
