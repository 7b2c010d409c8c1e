//! Export one step's heap as a Graphviz DOT picture: frames as tables of
//! names, objects as boxes with their type, identity, reference count and
//! contents, arrows from names and slots to the objects they refer to.

use crate::replay::Replay;
use serde_json::Value;
use std::io::{self, BufRead, Write};

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn short(s: &str) -> String {
    if s.chars().count() > 40 {
        s.chars().take(37).collect::<String>() + "..."
    } else {
        s.to_string()
    }
}

/// Write the heap at step `step` (or at the first step on `line`; default:
/// the last step) of the trace read from `input`.
pub fn write_dot(input: impl BufRead, out: &mut impl Write, step: Option<u64>, line: Option<u32>) -> io::Result<()> {
    let mut replay = Replay::new(input)?;
    let mut chosen: Option<Value> = None;
    while let Some(s) = replay.next_step() {
        let s = s?;
        let hit = match (step, line) {
            (Some(k), _) => s["step"].as_u64() == Some(k),
            (None, Some(l)) => s["line"].as_u64() == Some(l as u64),
            (None, None) => false,
        };
        chosen = Some(s);
        if hit {
            break;
        }
    }
    let Some(s) = chosen else {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "the trace has no steps"));
    };
    if (step.is_some() || line.is_some()) && !(step.is_some_and(|k| s["step"].as_u64() == Some(k)) || line.is_some_and(|l| s["line"].as_u64() == Some(l as u64))) {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "no such step in the trace"));
    }
    writeln!(out, "digraph refscope {{")?;
    writeln!(out, "  rankdir=LR;")?;
    writeln!(out, "  node [shape=plaintext, fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(out, "  label=\"step {} (line {})\";", s["step"], s["line"])?;
    let mut edges = Vec::new();
    for f in s["frames"].as_array().cloned().unwrap_or_default() {
        let fid = f["id"].as_u64().unwrap_or(0);
        let mut rows = format!("<tr><td bgcolor=\"#dde6f0\"><b>{}</b></td></tr>", esc(f["name"].as_str().unwrap_or("")));
        for (i, n) in f["names"].as_array().cloned().unwrap_or_default().iter().enumerate() {
            rows.push_str(&format!("<tr><td port=\"n{}\" align=\"left\">{}</td></tr>", i, esc(n[0].as_str().unwrap_or(""))));
            if let Some(id) = n[1].as_u64() {
                edges.push(format!("  frame_{}:n{} -> obj_{};", fid, i, id));
            }
        }
        writeln!(out, "  frame_{} [label=<<table border=\"1\" cellborder=\"0\">{}</table>>];", fid, rows)?;
    }
    for id in replay.reachable(&s) {
        let Some(o) = replay.heap.get(&id) else { continue };
        let ty = o["type"].as_str().unwrap_or("");
        let count = match o["rc"].as_u64() {
            Some(n) => format!("refs {}", n),
            None => "cached".to_string(),
        };
        let mut rows = format!("<tr><td bgcolor=\"#f3ead3\" colspan=\"2\"><b>{}</b> id …{:05x} {}</td></tr>", esc(ty), id & 0xfffff, count);
        let mut port = 0;
        let mut slot = |label: String, target: Option<u64>, rows: &mut String| {
            rows.push_str(&format!("<tr><td align=\"left\">{}</td><td port=\"p{}\"> </td></tr>", esc(&label), port));
            if let Some(t) = target {
                edges.push(format!("  obj_{}:p{} -> obj_{};", id, port, t));
            }
            port += 1;
        };
        if let Some(v) = o["value"].as_str() {
            rows.push_str(&format!("<tr><td colspan=\"2\">{}</td></tr>", esc(&short(v))));
        } else if let Some(items) = o["items"].as_array() {
            for (i, it) in items.iter().enumerate() {
                slot(i.to_string(), it.as_u64(), &mut rows);
            }
        } else if let Some(es) = o["entries"].as_array() {
            for e in es {
                let key = e[0].as_u64().and_then(|k| replay.heap.get(&k)).and_then(|k| k["value"].as_str().map(short)).unwrap_or_else(|| "key".into());
                slot(key, e[1].as_u64(), &mut rows);
            }
        } else if let Some(attrs) = o["attrs"].as_array() {
            for a in attrs {
                slot(a[0].as_str().unwrap_or("").to_string(), a[1].as_u64(), &mut rows);
            }
        } else if ty == "function" {
            rows.push_str(&format!("<tr><td colspan=\"2\">{}{}</td></tr>", esc(o["name"].as_str().unwrap_or("")), esc(o["params"].as_str().unwrap_or(""))));
        } else if let Some(r) = o["repr"].as_str() {
            rows.push_str(&format!("<tr><td colspan=\"2\">{}</td></tr>", esc(&short(r))));
        } else if ty == "cell" {
            slot("value".into(), o["value"].as_u64(), &mut rows);
        }
        writeln!(out, "  obj_{} [label=<<table border=\"1\" cellborder=\"0\">{}</table>>];", id, rows)?;
    }
    for e in edges {
        writeln!(out, "{}", e)?;
    }
    writeln!(out, "}}")
}
