#!/usr/bin/env python3
"""Reference traces for refscope's trace tests, made with CPython itself.

    python3 cpython_tracer.py PROGRAM.py > reference.json

Runs PROGRAM.py under sys.settrace and records, at each event in the
program's own code, what refscope's trace records: the event ('call' only
for functions, 'step_line', 'return', 'exception'), the line, the function,
the frames (outermost first) with their names, and the objects those names
reach (walked through lists, tuples, sets, dicts, instances and classes of
the program, and closures' free variables as the frame shows them).

Output: {"steps": [{"event", "line", "func", "frames": [{"name", "names":
[[name, id], ...]}], "heap": {id: object}}]} where object is
{"type": ..., "value": repr} for primitives, {"type", "items": [ids]},
{"type", "entries": [[k, v]]}, {"type", "attrs": [[name, id]]} (instances),
{"type": "type", "name", "attrs"} (classes), {"type": "function", "name"}.
This is a test tool: it reads the program's objects and never changes them.
"""
import io
import json
import sys
import types

PRIMITIVES = (int, float, complex, str, bytes, bool, type(None))
SKIP_CLASS_NAMES = {"__module__", "__qualname__", "__dict__", "__weakref__", "__doc__"}


def main():
    path = sys.argv[1]
    with open(path) as f:
        source = f.read()
    code = compile(source, path, "exec")
    steps = []
    program_globals = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}

    def in_program(frame):
        return frame.f_code.co_filename == path

    def names_of(frame):
        if frame.f_code.co_name == "<module>" or not (frame.f_code.co_flags & 0x2):
            ns = frame.f_globals if frame.f_code.co_name == "<module>" else frame.f_locals
            return [(k, v) for k, v in ns.items() if not (k.startswith("__") and k.endswith("__"))]
        loc = frame.f_locals
        order = list(frame.f_code.co_varnames) + list(frame.f_code.co_cellvars) + list(frame.f_code.co_freevars)
        return [(k, loc[k]) for k in order if k in loc]

    def encode(o, heap):
        if id(o) in heap:
            return
        t = type(o)
        if isinstance(o, PRIMITIVES) and t.__module__ == "builtins":
            heap[id(o)] = {"type": t.__name__, "value": repr(o)}
            return
        if t in (list, tuple, set, frozenset):
            items = list(o)
            heap[id(o)] = {"type": t.__name__, "items": [id(x) for x in items]}
            for x in items:
                encode(x, heap)
            return
        if t is dict:
            entries = list(o.items())
            heap[id(o)] = {"type": "dict", "entries": [[id(k), id(v)] for k, v in entries]}
            for k, v in entries:
                encode(k, heap)
                encode(v, heap)
            return
        if isinstance(o, type) and o.__module__ == "__main__":
            attrs = [(k, v) for k, v in o.__dict__.items() if k not in SKIP_CLASS_NAMES]
            heap[id(o)] = {"type": "type", "name": o.__name__, "attrs": [[k, id(v)] for k, v in attrs]}
            for _, v in attrs:
                encode(v, heap)
            return
        if isinstance(o, types.FunctionType):
            heap[id(o)] = {"type": "function", "name": o.__name__}
            return
        if t.__module__ == "__main__":
            attrs = list(getattr(o, "__dict__", {}).items())
            for cls in t.__mro__:
                for s in cls.__dict__.get("__slots__", ()):
                    if s not in ("__dict__", "__weakref__") and hasattr(o, s):
                        attrs.append((s, getattr(o, s)))
            heap[id(o)] = {"type": t.__name__, "attrs": [[k, id(v)] for k, v in attrs]}
            for _, v in attrs:
                encode(v, heap)
            return
        heap[id(o)] = {"type": t.__name__}

    def record(event, frame, ret=None, has_ret=False):
        chain = []
        f = frame
        while f is not None:
            if in_program(f):
                chain.append(f)
            f = f.f_back
        chain.reverse()
        heap = {}
        frames = []
        for f in chain:
            names = names_of(f)
            if f is frame and has_ret:
                names.append(("__return__", ret))
            for _, v in names:
                encode(v, heap)
            frames.append({"name": f.f_code.co_name, "names": [[k, id(v)] for k, v in names]})
        steps.append({"event": event, "line": frame.f_lineno, "func": frame.f_code.co_name,
                      "frames": frames, "heap": {str(k): v for k, v in heap.items()}})

    def tracer(frame, event, arg):
        if not in_program(frame):
            return tracer
        if event == "call":
            if frame.f_code.co_flags & 0x2:
                record("call", frame)
        elif event == "line":
            record("step_line", frame)
        elif event == "return":
            is_function = bool(frame.f_code.co_flags & 0x2)
            record("return", frame, arg, is_function)
        elif event == "exception":
            record("exception", frame)
        return tracer

    real_stdout = sys.stdout
    sys.stdout = io.StringIO()  # the program's output is not the trace's
    sys.settrace(tracer)
    try:
        exec(code, program_globals)
    except BaseException:
        pass
    finally:
        sys.settrace(None)
        sys.stdout = real_stdout
    json.dump({"steps": steps}, sys.stdout)


if __name__ == "__main__":
    main()
