//! Export to Python Tutor's trace format: `{"code": ..., "trace": [step,
//! ...]}`, each step with `line`, `event`, `func_name`, `globals`,
//! `ordered_globals`, `stack_to_render`, `heap` and `stdout`, so that the
//! trace opens in that project's front ends.
//!
//! Every value is drawn as a heap object, as in Python Tutor's "render all
//! objects on the heap" mode: ints, floats, strs, bools and None are
//! `["HEAP_PRIMITIVE", type, value]` entries, so a cached 5 shared by two
//! names is one object with two arrows. Frames and heap list only what the
//! step's names reach, as Python Tutor does.

use crate::replay::Replay;
use serde_json::{json, Map, Value};
use std::io::{self, BufRead, Write};

fn reference(id: u64) -> Value {
    json!(["REF", id])
}

/// A primitive's value as Python Tutor encodes it.
fn primitive(obj: &Value) -> Value {
    let ty = obj["type"].as_str().unwrap_or("");
    let text = obj["value"].as_str().unwrap_or("");
    match ty {
        "int" => text.parse::<i64>().map(Value::from).unwrap_or_else(|_| Value::from(text)),
        "float" => match text {
            "inf" | "-inf" | "nan" => json!(["SPECIAL_FLOAT", text]),
            _ => text.parse::<f64>().ok().and_then(|f| serde_json::Number::from_f64(f).map(Value::Number)).unwrap_or_else(|| Value::from(text)),
        },
        "bool" => Value::from(text == "True"),
        "NoneType" => Value::Null,
        "str" => obj["text"].clone(),
        _ => Value::from(text),
    }
}

fn refs(ids: &Value) -> Vec<Value> {
    ids.as_array().map(|a| a.iter().filter_map(|x| x.as_u64()).map(reference).collect()).unwrap_or_default()
}

/// One heap entry in Python Tutor's encoding.
fn encode(obj: &Value, heap: &std::collections::HashMap<u64, Value>) -> Value {
    let ty = obj["type"].as_str().unwrap_or("object");
    if obj.get("value").is_some() && ty != "cell" {
        return json!(["HEAP_PRIMITIVE", ty, primitive(obj)]);
    }
    let mut out: Vec<Value> = Vec::new();
    if obj.get("items").is_some() {
        let tag = match ty {
            "tuple" => "TUPLE",
            "set" | "frozenset" => "SET",
            _ => "LIST",
        };
        out.push(tag.into());
        out.extend(refs(&obj["items"]));
        return Value::Array(out);
    }
    if let Some(es) = obj["entries"].as_array() {
        out.push("DICT".into());
        for e in es {
            if let (Some(k), Some(v)) = (e[0].as_u64(), e[1].as_u64()) {
                out.push(json!([reference(k), reference(v)]));
            }
        }
        return Value::Array(out);
    }
    let attrs = |out: &mut Vec<Value>| {
        if let Some(a) = obj["attrs"].as_array() {
            for p in a {
                if let Some(v) = p[1].as_u64() {
                    out.push(json!([p[0].clone(), reference(v)]));
                }
            }
        }
    };
    if ty == "type" && obj.get("attrs").is_some() {
        out.push("CLASS".into());
        out.push(obj["name"].clone());
        let bases: Vec<Value> = obj["bases"]
            .as_array()
            .map(|b| b.iter().filter_map(|id| id.as_u64()).filter_map(|id| heap.get(&id)).map(|b| b.get("name").cloned().unwrap_or_else(|| b["repr"].clone())).collect())
            .unwrap_or_default();
        out.push(Value::Array(bases));
        attrs(&mut out);
        return Value::Array(out);
    }
    if obj.get("attrs").is_some() && obj.get("repr").is_some() {
        // A builtin exception: Python Tutor shows its repr.
        return json!(["HEAP_PRIMITIVE", ty, obj["repr"].as_str().unwrap_or("")]);
    }
    if obj.get("attrs").is_some() {
        out.push("INSTANCE".into());
        out.push(ty.into());
        attrs(&mut out);
        return Value::Array(out);
    }
    if ty == "function" {
        let name = format!("{}{}", obj["name"].as_str().unwrap_or("?"), obj["params"].as_str().unwrap_or("()"));
        return json!(["FUNCTION", name, Value::Null]);
    }
    json!(["HEAP_PRIMITIVE", ty, obj["repr"].as_str().unwrap_or("")])
}

fn names_of(frame: &Value) -> (Map<String, Value>, Vec<Value>) {
    let mut vars = Map::new();
    let mut order = Vec::new();
    if let Some(names) = frame["names"].as_array() {
        for n in names {
            if let (Some(name), Some(id)) = (n[0].as_str(), n[1].as_u64()) {
                vars.insert(name.to_string(), reference(id));
                order.push(Value::from(name));
            }
        }
    }
    (vars, order)
}

/// Convert refscope's trace (read from `input`) to Python Tutor's format.
pub fn write_pytutor(input: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    let mut replay = Replay::new(input)?;
    out.write_all(b"{\"code\": ")?;
    serde_json::to_writer(&mut *out, &replay.header["code"])?;
    out.write_all(b", \"trace\": [")?;
    let mut first = true;
    while let Some(step) = replay.next_step() {
        let step = step?;
        let frames = step["frames"].as_array().cloned().unwrap_or_default();
        let (globals, ordered_globals) = frames.first().map(names_of).unwrap_or_default();
        let mut stack = Vec::new();
        let n = frames.len();
        for (i, f) in frames.iter().enumerate().skip(1) {
            let (locals, order) = names_of(f);
            let fid = f["id"].as_u64().unwrap_or(0);
            stack.push(json!({
                "func_name": f["name"],
                "frame_id": fid,
                "encoded_locals": locals,
                "ordered_varnames": order,
                "is_highlighted": i + 1 == n,
                "is_parent": false,
                "is_zombie": false,
                "parent_frame_id_list": [],
                "unique_hash": format!("{}_f{}", f["name"].as_str().unwrap_or(""), fid),
            }));
        }
        let mut heap = Map::new();
        for id in replay.reachable(&step) {
            if let Some(o) = replay.heap.get(&id) {
                heap.insert(id.to_string(), encode(o, &replay.heap));
            }
        }
        let mut s = json!({
            "line": step["line"],
            "event": step["event"],
            "func_name": step["func"],
            "globals": globals,
            "ordered_globals": ordered_globals,
            "stack_to_render": stack,
            "heap": heap,
            "stdout": replay.stdout,
        });
        if let Some(m) = step.get("exception_msg") {
            s["exception_msg"] = m.clone();
        }
        if !first {
            out.write_all(b",\n")?;
        }
        first = false;
        serde_json::to_writer(&mut *out, &s)?;
    }
    out.write_all(b"]}\n")
}
