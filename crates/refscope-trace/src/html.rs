//! The self-contained HTML viewer: one file holding the viewer's page,
//! style and script and the trace itself (refscope's JSON Lines format,
//! docs/trace-format.md), opened with no network.

use std::io::{self, BufRead, Write};

/// Write the viewer page for the trace read from `trace` (JSON Lines:
/// header, then one step per line) to `out`, streaming: the trace is
/// copied line by line, never held whole.
pub fn write_html(trace: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    // Placeholder until the viewer lands: the page lists the raw steps.
    writeln!(out, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>refscope trace</title></head><body><pre id=\"trace\">")?;
    for line in trace.lines() {
        let line = line?;
        writeln!(out, "{}", line.replace('&', "&amp;").replace('<', "&lt;"))?;
    }
    writeln!(out, "</pre></body></html>")
}
