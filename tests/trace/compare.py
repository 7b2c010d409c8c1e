#!/usr/bin/env python3
"""Compare refscope's Python Tutor export of a program with CPython's
reference trace of it (cpython_tracer.py), step by step.

    python3 compare.py REFSCOPE.pytutor.json REFERENCE.json

1. Schema: the export is Python Tutor's format: {"code": str, "trace":
   [step]} where each step has line (int), event (one of Python Tutor's),
   func_name (str), globals and ordered_globals (the same names),
   stack_to_render (frames with func_name, frame_id, encoded_locals,
   ordered_varnames, is_highlighted, is_parent, is_zombie,
   parent_frame_id_list, unique_hash), heap (id -> encoded object, every
   ["REF", id] pointing into it) and stdout (str).
2. The same steps: event, line and function, in order.
3. The same heap graph at every step: for each frame (outermost first), the
   same names, each name reaching an object of the same shape, with the
   same sharing. Objects are compared by structure, not address: the walk
   from the names (frames in order, names sorted) labels each object the
   first time it is met, so two names sharing an object (aliasing) give one
   label in both traces, and a list holding the same object twice likewise.

Exit status 0 when everything matches; otherwise the first differences.
"""
import json
import sys

PRIMITIVE_TYPES = {"int", "float", "complex", "str", "bytes", "bool", "NoneType"}
EVENTS = {"step_line", "call", "return", "exception", "uncaught_exception"}
FRAME_KEYS = {"func_name", "frame_id", "encoded_locals", "ordered_varnames", "is_highlighted",
              "is_parent", "is_zombie", "parent_frame_id_list", "unique_hash"}


def schema_errors(pt):
    errs = []
    if not isinstance(pt.get("code"), str):
        errs.append("code is not a str")
    trace = pt.get("trace")
    if not isinstance(trace, list) or not trace:
        return errs + ["trace is not a non-empty list"]
    for i, s in enumerate(trace):
        where = f"step {i}"
        for key, ty in (("line", int), ("event", str), ("func_name", str), ("globals", dict),
                        ("ordered_globals", list), ("stack_to_render", list), ("heap", dict), ("stdout", str)):
            if not isinstance(s.get(key), ty):
                errs.append(f"{where}: {key} missing or not {ty.__name__}")
        if errs:
            return errs
        if s["event"] not in EVENTS:
            errs.append(f"{where}: unknown event {s['event']!r}")
        if set(s["ordered_globals"]) != set(s["globals"]):
            errs.append(f"{where}: ordered_globals and globals differ")
        refs = list(s["globals"].values())
        for fr in s["stack_to_render"]:
            missing = FRAME_KEYS - set(fr)
            if missing:
                errs.append(f"{where}: frame lacks {sorted(missing)}")
            elif set(fr["ordered_varnames"]) != set(fr["encoded_locals"]):
                errs.append(f"{where}: ordered_varnames and encoded_locals differ")
            else:
                refs.extend(fr["encoded_locals"].values())
        for obj in s["heap"].values():
            if not (isinstance(obj, list) and obj and isinstance(obj[0], str)):
                errs.append(f"{where}: bad heap entry {obj!r}")
                continue
            refs.extend(inner_refs(obj))
        for r in refs:
            if isinstance(r, list) and r[:1] == ["REF"] and str(r[1]) not in s["heap"]:
                errs.append(f"{where}: REF {r[1]} not in the heap")
        if len(errs) > 5:
            break
    return errs


def inner_refs(obj):
    tag = obj[0]
    if tag in ("LIST", "TUPLE", "SET"):
        return obj[1:]
    if tag == "DICT":
        return [x for kv in obj[1:] for x in kv]
    if tag == "INSTANCE":
        return [kv[1] for kv in obj[2:]]
    if tag == "CLASS":
        return [kv[1] for kv in obj[3:]]
    return []


# ---- the two traces as graphs: nodes {id: (kind, payload, [child ids])} ----

def pt_graph(step):
    heap = step["heap"]
    frames = [("<module>", step["globals"])] + [(f["func_name"], f["encoded_locals"]) for f in step["stack_to_render"]]
    frames = [(name, {k: v[1] for k, v in names.items()}) for name, names in frames]

    def node(i):
        o = heap[str(i)]
        tag = o[0]
        if tag == "HEAP_PRIMITIVE":
            ty, val = o[1], o[2]
            if ty not in PRIMITIVE_TYPES:
                return (ty, None, [])
            return (ty, norm_primitive(ty, val), [])
        if tag in ("LIST", "TUPLE", "SET"):
            ty = {"LIST": "list", "TUPLE": "tuple", "SET": "set"}[tag]
            return (ty, None, [r[1] for r in o[1:]])
        if tag == "DICT":
            return ("dict", None, [r[1] for kv in o[1:] for r in kv])
        if tag == "INSTANCE":
            return (o[1], tuple(kv[0] for kv in o[2:]), [kv[1][1] for kv in o[2:]])
        if tag == "CLASS":
            return ("type", (o[1],) + tuple(kv[0] for kv in o[3:]), [kv[1][1] for kv in o[3:]])
        if tag == "FUNCTION":
            return ("function", o[1].split("(")[0], [])
        return (tag, None, [])
    return frames, node


def ref_graph(step):
    heap = step["heap"]
    frames = [(f["name"], {k: v for k, v in f["names"]}) for f in step["frames"]]

    def node(i):
        o = heap[str(i)]
        ty = o["type"]
        if "value" in o:
            return (ty, norm_primitive(ty, o["value"], is_repr=True), [])
        if "items" in o:
            return ("set" if ty == "frozenset" else ty, None, o["items"])
        if "entries" in o:
            return ("dict", None, [x for kv in o["entries"] for x in kv])
        if ty == "type" and "name" in o:
            return ("type", (o["name"],) + tuple(k for k, _ in o["attrs"]), [v for _, v in o["attrs"]])
        if "attrs" in o:
            return (ty, tuple(k for k, _ in o["attrs"]), [v for _, v in o["attrs"]])
        if ty == "function":
            return ("function", o["name"], [])
        return (ty, None, [])
    return frames, node


def norm_primitive(ty, val, is_repr=False):
    """A primitive's value as comparable text: its repr."""
    if is_repr:
        return val
    if ty == "NoneType":
        return "None"
    if ty == "bool":
        return "True" if val else "False"
    if ty == "str":
        return repr(val)
    if ty == "float" and isinstance(val, list):
        return val[1]
    if ty == "float":
        return repr(float(val))
    if isinstance(val, str):
        return val
    return repr(val)


def canonical(frames, node):
    """The graph with objects labelled by the order a walk meets them."""
    labels = {}
    out_frames = []
    nodes = {}
    for fname, names in frames:
        out_names = []
        for name in sorted(names):
            out_names.append((name, visit(names[name], labels, nodes, node)))
        out_frames.append((fname, out_names))
    return out_frames, nodes


def visit(i, labels, nodes, node):
    if i in labels:
        return labels[i]
    lab = len(labels)
    labels[i] = lab
    ty, payload, children = node(i)
    nodes[lab] = None
    nodes[lab] = (ty, payload, [visit(c, labels, nodes, node) for c in children])
    return lab


def main():
    pt = json.load(open(sys.argv[1]))
    ref = json.load(open(sys.argv[2]))
    errs = schema_errors(pt)
    if errs:
        print("schema:", *errs, sep="\n  ")
        sys.exit(1)
    a, b = pt["trace"], ref["steps"]
    for i in range(min(len(a), len(b))):
        sa, sb = a[i], b[i]
        ka = (sa["event"], sa["line"], sa["func_name"])
        kb = (sb["event"], sb["line"], sb["func"])
        if ka != kb:
            print(f"step {i}: refscope {ka} but CPython {kb}")
            sys.exit(1)
        ga = canonical(*pt_graph(sa))
        gb = canonical(*ref_graph(sb))
        if ga != gb:
            print(f"step {i} {ka}: heap graphs differ")
            print("  refscope:", ga)
            print("  CPython: ", gb)
            sys.exit(1)
    if len(a) != len(b):
        print(f"refscope has {len(a)} steps, CPython {len(b)}")
        sys.exit(1)
    print(f"{len(a)} steps match")


if __name__ == "__main__":
    main()
