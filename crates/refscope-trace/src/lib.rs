//! Traces of a program's run: the recorder (an observer of the runtime that
//! writes refscope's trace format, docs/trace-format.md, as the program
//! runs), the exporters that read that format (Python Tutor's trace format,
//! Graphviz DOT), and the self-contained HTML viewer.

pub mod html;
