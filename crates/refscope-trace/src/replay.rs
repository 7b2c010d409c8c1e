//! Reading a trace back: the steps in order, with the heap and the frames
//! rebuilt from the changes each step records (docs/trace-format.md).

use serde_json::Value;
use std::collections::HashMap;
use std::io::{self, BufRead};

pub struct Replay<R: BufRead> {
    lines: io::Lines<R>,
    pub header: Value,
    /// Every object the trace has shown and not freed, by id.
    pub heap: HashMap<u64, Value>,
    /// The program's output up to the current step.
    pub stdout: String,
    /// The frames at the current step, outermost first.
    pub frames: Vec<Value>,
}

fn bad(what: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what)
}

impl<R: BufRead> Replay<R> {
    pub fn new(input: R) -> io::Result<Self> {
        let mut lines = input.lines();
        let first = lines.next().ok_or_else(|| bad("empty trace".into()))??;
        let header: Value = serde_json::from_str(&first).map_err(|e| bad(format!("trace header: {}", e)))?;
        if header["format"] != "refscope-trace" {
            return Err(bad("not a refscope trace".into()));
        }
        Ok(Replay { lines, header, heap: HashMap::new(), stdout: String::new(), frames: Vec::new() })
    }

    /// The next step, with the heap and the output brought up to it, and
    /// its `frames` filled in (all of them, whether the step recorded them
    /// whole or as changes).
    pub fn next_step(&mut self) -> Option<io::Result<Value>> {
        let line = match self.lines.next()? {
            Ok(l) => l,
            Err(e) => return Some(Err(e)),
        };
        let mut step: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => return Some(Err(bad(format!("trace step: {}", e)))),
        };
        if let Err(e) = apply_frames(&mut self.frames, &step) {
            return Some(Err(e));
        }
        step["frames"] = Value::Array(self.frames.clone());
        if let Some(freed) = step["freed"].as_array() {
            for id in freed {
                if let Some(id) = id.as_u64() {
                    self.heap.remove(&id);
                }
            }
        }
        if let Some(objs) = step["objects"].as_array() {
            for o in objs {
                let Some(id) = o["id"].as_u64() else { continue };
                if let Some(splice) = o.get("splice") {
                    let Some(old) = self.heap.get_mut(&id) else {
                        return Some(Err(bad(format!("step {}: splice of {}, which is not in the heap", step["step"], id))));
                    };
                    if let Err(e) = apply_splice(old, splice) {
                        return Some(Err(bad(format!("step {}: object {}: {}", step["step"], id, e))));
                    }
                    if let Some(rc) = o.get("rc") {
                        old["rc"] = rc.clone();
                    }
                } else {
                    self.heap.insert(id, o.clone());
                }
            }
        }
        if let Some(rcs) = step["refcounts"].as_array() {
            for pair in rcs {
                if let (Some(id), Some(n)) = (pair[0].as_u64(), pair[1].as_u64()) {
                    if let Some(o) = self.heap.get_mut(&id) {
                        o["rc"] = Value::from(n);
                    }
                }
            }
        }
        if let Some(s) = step["stdout"].as_str() {
            self.stdout.push_str(s);
        }
        Some(Ok(step))
    }

    /// The ids an object refers to, in the order it shows them.
    pub fn referents(obj: &Value) -> Vec<u64> {
        let mut out = Vec::new();
        let ids = |v: &Value, out: &mut Vec<u64>| {
            if let Some(a) = v.as_array() {
                out.extend(a.iter().filter_map(|x| x.as_u64()));
            }
        };
        ids(&obj["items"], &mut out);
        if let Some(es) = obj["entries"].as_array() {
            for e in es {
                ids(e, &mut out);
            }
        }
        for key in ["attrs", "cells"] {
            if let Some(a) = obj[key].as_array() {
                out.extend(a.iter().filter_map(|p| p[1].as_u64()));
            }
        }
        ids(&obj["bases"], &mut out);
        ids(&obj["defaults"], &mut out);
        for key in ["func", "self"] {
            if let Some(id) = obj[key].as_u64() {
                out.push(id);
            }
        }
        if obj["type"] == "cell" {
            if let Some(id) = obj["value"].as_u64() {
                out.push(id);
            }
        }
        out
    }

    /// The objects reachable from the step's frames, in the order a reader
    /// meets them (frames outermost first, names in order, depth first).
    pub fn reachable(&self, step: &Value) -> Vec<u64> {
        let mut seen = std::collections::HashSet::new();
        let mut order = Vec::new();
        let mut stack: Vec<u64> = Vec::new();
        if let Some(frames) = step["frames"].as_array() {
            for f in frames {
                if let Some(names) = f["names"].as_array() {
                    for n in names.iter().rev() {
                        if let Some(id) = n[1].as_u64() {
                            stack.push(id);
                        }
                    }
                }
                while let Some(id) = stack.pop() {
                    if !seen.insert(id) {
                        continue;
                    }
                    order.push(id);
                    if let Some(o) = self.heap.get(&id) {
                        let mut r = Self::referents(o);
                        r.reverse();
                        stack.extend(r);
                    }
                }
            }
        }
        order
    }
}

/// Bring `frames` (the previous step's, outermost first) up to `step`: its
/// `frames` replace them all; otherwise its `stack` changes them
/// (docs/trace-format.md, "How frames change"). The innermost frame's line
/// is then the step's `line` unless the change gives it.
pub fn apply_frames(frames: &mut Vec<Value>, step: &Value) -> io::Result<()> {
    let mut innermost_line = None;
    if let Some(all) = step.get("frames").and_then(|f| f.as_array()) {
        *frames = all.clone();
        innermost_line = all.last().map(|f| f["line"].clone());
    } else if let Some(delta) = step.get("stack") {
        let pop = delta["pop"].as_u64().unwrap_or(0) as usize;
        if pop > frames.len() {
            return Err(bad(format!("step {}: pops {} of {} frames", step["step"], pop, frames.len())));
        }
        frames.truncate(frames.len() - pop);
        for c in delta["change"].as_array().map(|a| a.as_slice()).unwrap_or_default() {
            let i = c["i"].as_u64().unwrap_or(u64::MAX) as usize;
            let innermost = i + 1 == frames.len() + delta["push"].as_array().map_or(0, |p| p.len());
            let Some(f) = frames.get_mut(i) else {
                return Err(bad(format!("step {}: no frame {}", step["step"], i)));
            };
            if let Some(l) = c.get("line") {
                f["line"] = l.clone();
                if innermost {
                    innermost_line = Some(l.clone());
                }
            }
            if let Some(all) = c.get("names") {
                f["names"] = all.clone();
            }
            let names = f["names"].as_array_mut().ok_or_else(|| bad(format!("step {}: frame {} has no names", step["step"], i)))?;
            if let Some(gone) = c["unbind"].as_array() {
                names.retain(|n| !gone.contains(&n[0]));
            }
            for b in c["bind"].as_array().map(|a| a.as_slice()).unwrap_or_default() {
                match names.iter_mut().find(|n| n[0] == b[0]) {
                    Some(n) => *n = b.clone(),
                    None => names.push(b.clone()),
                }
            }
        }
        if let Some(pushed) = delta["push"].as_array() {
            for f in pushed {
                if let Some(l) = f.get("line") {
                    innermost_line = Some(l.clone());
                } else {
                    innermost_line = None;
                }
                frames.push(f.clone());
            }
        }
    }
    if let Some(last) = frames.last_mut() {
        last["line"] = innermost_line.unwrap_or_else(|| step["line"].clone());
    }
    Ok(())
}

/// Apply a splice `[start, deleted, inserted]` to the `items` (or, for a
/// dict, the `entries`) of `obj`'s encoding.
pub fn apply_splice(obj: &mut Value, splice: &Value) -> Result<(), String> {
    let field = if obj.get("items").is_some() { "items" } else { "entries" };
    let (Some(start), Some(deleted), Some(inserted)) = (splice[0].as_u64(), splice[1].as_u64(), splice[2].as_array()) else {
        return Err(format!("bad splice {}", splice));
    };
    let (start, deleted) = (start as usize, deleted as usize);
    let Some(list) = obj.get_mut(field).and_then(|l| l.as_array_mut()) else {
        return Err("a splice of an object with neither items nor entries".into());
    };
    if start + deleted > list.len() {
        return Err(format!("splice {} of {} {}", splice, list.len(), field));
    }
    list.splice(start..start + deleted, inserted.iter().cloned());
    Ok(())
}
