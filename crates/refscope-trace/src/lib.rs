//! Traces of a program's run: the recorder (an observer of the runtime that
//! writes refscope's trace format, docs/trace-format.md, as the program
//! runs), the exporters that read that format (Python Tutor's trace format,
//! Graphviz DOT), and the self-contained HTML viewer.

pub mod html;
pub mod dot;
pub mod pytutor;
pub mod record;
pub mod replay;

use std::io::Write;

/// How a traced run ended.
pub struct Outcome {
    /// The program's exit status.
    pub status: i32,
    /// Steps recorded.
    pub steps: u64,
    /// The step limit stopped the program.
    pub truncated: bool,
}

/// Run `source` (the program `filename`, with `argv` and `path0` as
/// `sys.argv` and `sys.path[0]`) under the recorder, writing refscope's
/// trace format to `out`. The program's standard output goes into the
/// trace, not to the process's stdout; its stderr (tracebacks) is written
/// as usual.
pub fn record_program(source: &str, filename: &str, argv: Vec<String>, path0: String, out: Box<dyn Write>, max_steps: u64, stack_size: usize) -> std::io::Result<Outcome> {
    let interp = refscope_runtime::Interpreter::new();
    interp.set_stack_size(stack_size);
    let mut recorder = record::Recorder::new(out, filename, source, max_steps)?;
    // For tests: record as if the runtime never said what its mutations
    // changed (every changed container read whole); the trace must mean
    // the same.
    recorder.rescan_only = std::env::var_os("REFSCOPE_TRACE_RESCAN").is_some_and(|v| v == "1");
    refscope_runtime::observe::set_swallow_stdout(true);
    refscope_runtime::observe::attach(Box::new(recorder));
    let status = interp.run_main_keep(source, filename, argv, path0);
    let observer = refscope_runtime::observe::detach();
    refscope_runtime::observe::set_swallow_stdout(false);
    refscope_runtime::object::heap::unwatch_all();
    interp.finalize();
    // The recorder is the only observer this function attaches.
    let mut recorder = observer.and_then(|o| o.into_any().downcast::<record::Recorder>().ok()).ok_or_else(|| std::io::Error::other("the recorder was lost"))?;
    recorder.finish()?;
    Ok(Outcome { status, steps: recorder.steps(), truncated: recorder.truncated })
}
