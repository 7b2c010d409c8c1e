//! The self-contained HTML viewer: one file holding the viewer's page,
//! style and script and the trace itself (refscope's JSON Lines format,
//! docs/trace-format.md), opened with no network.
//!
//! The page is `viewer/template.html` with `viewer/viewer.css`,
//! `viewer/viewer.js` and the trace put in place of its markers. The trace
//! goes, one JSON line per line, into `<script type="application/x-refscope-trace">`
//! elements, which the browser never runs: the viewer splits their text into
//! lines once and parses a step only when it shows or replays it. A new
//! element starts every [`CHUNK_BYTES`] or so (at a line's end): Chromium's
//! parser takes time quadratic in one element's length, so a trace of a
//! million steps in one element takes minutes to load, and seconds in chunks.
//! Each element after the first says in `data-first` which line of the
//! trace it starts with, so the viewer finds a step's element without
//! reading the ones before it. The viewer's script comes before the trace,
//! so it starts (and shows the first step) while the rest is being read.
//!
//! Inside a script element only `</` (an end tag) and `<!--` (an escaped
//! section) can end it early or change how it ends, and JSON has `<` only
//! inside strings, so `</` is written `<\/` and `<!` is written `\u003c!`:
//! both JSON escapes of the same characters, so each line stays the same
//! JSON value.

use std::io::{self, BufRead, Write};

const TEMPLATE: &str = include_str!("../viewer/template.html");
const CSS: &str = include_str!("../viewer/viewer.css");
const JS: &str = include_str!("../viewer/viewer.js");

const TITLE_MARK: &str = "{{TITLE}}";
const CSS_MARK: &str = "{{CSS}}";
const JS_MARK: &str = "{{JS}}";
const TRACE_MARK: &str = "{{TRACE}}";

/// About how many bytes of trace go in one script element.
pub const CHUNK_BYTES: usize = 128 * 1024;
const CHUNK_END: &str = "</script>\n";
const CHUNK_START: &str = "<script type=\"application/x-refscope-trace\" class=\"rs-trace\"";

/// Write the viewer page for the trace read from `trace` (JSON Lines:
/// header, then one step per line) to `out`, streaming: the trace is
/// copied line by line, never held whole.
pub fn write_html(mut trace: impl BufRead, out: &mut impl Write) -> io::Result<()> {
    // The header (first line) names the program, for the page's title.
    let mut header = String::new();
    trace.read_line(&mut header)?;
    let title = match serde_json::from_str::<serde_json::Value>(header.trim()) {
        Ok(v) => v
            .get("program")
            .and_then(|p| p.as_str())
            .map(|p| format!("{p} \u{2014} refscope trace"))
            .unwrap_or_else(|| "refscope trace".to_string()),
        Err(_) => "refscope trace".to_string(),
    };

    let (before_trace, after_trace) = TEMPLATE
        .split_once(TRACE_MARK)
        .expect("viewer/template.html has the trace marker");
    write_filled(out, before_trace, &title)?;

    let mut line = header;
    let mut in_chunk = 0;
    let mut lines = 0u64;
    loop {
        let text = line.trim_end_matches(['\n', '\r']);
        if !text.trim().is_empty() {
            if in_chunk >= CHUNK_BYTES {
                write!(out, "{CHUNK_END}{CHUNK_START} data-first=\"{lines}\">\n")?;
                in_chunk = 0;
            }
            write_trace_line(out, text)?;
            in_chunk += text.len() + 1;
            lines += 1;
        }
        line.clear();
        if trace.read_line(&mut line)? == 0 {
            break;
        }
    }
    write_filled(out, after_trace, &title)
}

/// Copy a part of the template, replacing its markers with the title (HTML
/// escaped), the style sheet and the script.
fn write_filled(out: &mut impl Write, mut part: &str, title: &str) -> io::Result<()> {
    while let Some(start) = part.find("{{") {
        out.write_all(part[..start].as_bytes())?;
        let rest = &part[start..];
        if let Some(r) = rest.strip_prefix(TITLE_MARK) {
            out.write_all(escape_text(title).as_bytes())?;
            part = r;
        } else if let Some(r) = rest.strip_prefix(CSS_MARK) {
            out.write_all(CSS.as_bytes())?;
            part = r;
        } else if let Some(r) = rest.strip_prefix(JS_MARK) {
            out.write_all(JS.as_bytes())?;
            part = r;
        } else {
            out.write_all(b"{{")?;
            part = &rest[2..];
        }
    }
    out.write_all(part.as_bytes())
}

fn write_trace_line(out: &mut impl Write, line: &str) -> io::Result<()> {
    let bytes = line.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'<' {
            match bytes.get(i + 1) {
                Some(b'/') => {
                    out.write_all(&bytes[from..=i])?;
                    out.write_all(b"\\")?;
                    from = i + 1;
                }
                Some(b'!') => {
                    out.write_all(&bytes[from..i])?;
                    out.write_all(b"\\u003c")?;
                    from = i + 1;
                }
                _ => {}
            }
        }
    }
    out.write_all(&bytes[from..])?;
    out.write_all(b"\n")
}

fn escape_text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(trace: &str) -> String {
        let mut out = Vec::new();
        write_html(trace.as_bytes(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The text of the embedded trace elements, joined, as the viewer reads it.
    fn embedded(page: &str) -> String {
        let mut text = String::new();
        let mut rest = page;
        while let Some(i) = rest.find("<script type=\"application/x-refscope-trace\"") {
            let start = i + rest[i..].find('>').unwrap() + 1;
            let len = rest[start..].find("</script>").unwrap();
            text.push_str(&rest[start..start + len]);
            rest = &rest[start + len..];
        }
        text
    }

    const HEADER: &str = r#"{"format": "refscope-trace", "version": 1, "python": "3.11", "program": "a<b>.py", "code": "print('</script><!--')\n"}"#;

    #[test]
    fn trace_lines_stay_json_and_cannot_close_the_script() {
        let step = r#"{"step": 0, "event": "step_line", "line": 1, "func": "<module>", "frames": [], "stdout": "</script>\n"}"#;
        let p = page(&format!("{HEADER}\n{step}\n\n"));
        let text = embedded(&p);
        assert!(!text.contains("</") && !text.contains("<!"), "the script element cannot end early: {text}");
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), 2);
        let h: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(h["code"], "print('</script><!--')\n");
        let s: serde_json::Value = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(s["stdout"], "</script>\n");
        assert_eq!(s["func"], "<module>");
    }

    #[test]
    fn long_traces_are_cut_into_elements_at_line_ends() {
        let step = r#"{"step": 0, "event": "step_line", "line": 1, "func": "<module>", "frames": [], "stdout": "</x>"}"#;
        let steps = 3 * CHUNK_BYTES / step.len();
        let mut trace = format!("{HEADER}\n");
        for _ in 0..steps {
            trace.push_str(step);
            trace.push('\n');
        }
        let p = page(&trace);
        assert!(p.matches("application/x-refscope-trace").count() >= 3);
        let text = embedded(&p);
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines.len(), steps + 1);
        // Each element's data-first is the number of lines before it.
        let mut before = 0;
        let mut rest = p.as_str();
        let mut elements = 0;
        while let Some(i) = rest.find("<script type=\"application/x-refscope-trace\"") {
            let tag_end = i + rest[i..].find('>').unwrap();
            let tag = &rest[i..tag_end];
            let first = tag.split("data-first=\"").nth(1).map(|v| v[..v.find('"').unwrap()].parse::<usize>().unwrap());
            assert_eq!(first.unwrap_or(0), before, "{tag}");
            assert_eq!(first.is_none(), elements == 0, "only the first element goes without data-first");
            let len = rest[tag_end + 1..].find("</script>").unwrap();
            before += rest[tag_end + 1..tag_end + 1 + len].lines().filter(|l| !l.trim().is_empty()).count();
            elements += 1;
            rest = &rest[tag_end + 1 + len..];
        }
        assert_eq!(before, steps + 1);
        for l in &lines[1..] {
            let s: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(s["stdout"], "</x>");
        }
    }

    #[test]
    fn page_is_self_contained_and_titled() {
        let p = page(&format!("{HEADER}\r\n"));
        assert!(p.contains("<title>a&lt;b&gt;.py \u{2014} refscope trace</title>"));
        assert!(!p.contains("{{"), "every template marker is filled");
        assert!(!p.contains("src=\"http") && !p.contains("href=\"http"), "no network resources");
        assert!(p.contains(CSS) && p.contains(JS));
        assert!(!JS.contains("</script") && !CSS.contains("</style"));
    }

    #[test]
    fn empty_input_gives_a_page_that_reports_no_trace() {
        let p = page("");
        assert_eq!(embedded(&p).trim(), "");
    }
}
