//! `refscope trace PROGRAM.py [-o OUT] [--format html|json|pytutor|dot]
//! [--max-steps N] [--step K | --line L] [-- ARGS...]`: run a program under
//! the recorder and write its trace (docs/trace-format.md) or a view of it.

use clap::{Parser, ValueEnum};
use std::io::{BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One self-contained page: code, output, frames, heap with arrows.
    Html,
    /// refscope's own trace: JSON Lines, the heap as changes per step.
    Json,
    /// Python Tutor's trace format (opens in its front ends).
    Pytutor,
    /// A Graphviz DOT picture of the heap at one step.
    Dot,
}

#[derive(Parser, Debug)]
#[command(name = "refscope trace", about = "Run a Python program and record its memory, step by step")]
struct Args {
    /// The program to trace.
    program: PathBuf,
    /// Where to write (default: PROGRAM.html, .json, .pytutor.json or .dot beside the program; `-` for stdout).
    #[arg(short, long)]
    output: Option<PathBuf>,
    #[arg(short, long, value_enum, default_value_t = Format::Html)]
    format: Format,
    /// Stop the program after this many steps.
    #[arg(long, default_value_t = 10_000_000)]
    max_steps: u64,
    /// For --format dot: the step to draw (default: the last).
    #[arg(long, conflicts_with = "line")]
    step: Option<u64>,
    /// For --format dot: draw the first step at this line.
    #[arg(long)]
    line: Option<u32>,
    /// Arguments for the program (sys.argv[1:]).
    #[arg(last = true)]
    args: Vec<String>,
}

pub fn run(args: &[String], stack_size: usize) -> i32 {
    let argv0 = std::iter::once("refscope trace".to_string()).chain(args.iter().cloned());
    let a = match Args::try_parse_from(argv0) {
        Ok(a) => a,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match trace(&a, stack_size) {
        Ok(status) => status,
        Err(e) => {
            eprintln!("refscope trace: {}", e);
            1
        }
    }
}

fn default_output(program: &Path, format: Format) -> PathBuf {
    let ext = match format {
        Format::Html => "html",
        Format::Json => "trace.json",
        Format::Pytutor => "pytutor.json",
        Format::Dot => "dot",
    };
    program.with_extension(ext)
}

fn open_output(path: &Path) -> std::io::Result<Box<dyn Write>> {
    if path == Path::new("-") {
        return Ok(Box::new(BufWriter::new(std::io::stdout())));
    }
    let f = std::fs::File::create(path).map_err(|e| std::io::Error::new(e.kind(), format!("can't write {}: {}", path.display(), e)))?;
    Ok(Box::new(BufWriter::new(f)))
}

fn trace(a: &Args, stack_size: usize) -> std::io::Result<i32> {
    let abs = std::env::current_dir()?.join(&a.program);
    let source = std::fs::read_to_string(&abs).map_err(|e| std::io::Error::new(e.kind(), format!("can't open file '{}': {}", abs.display(), e)))?;
    let filename = abs.to_string_lossy().to_string();
    let dir = std::fs::canonicalize(&abs).ok().and_then(|p| p.parent().map(|d| d.to_string_lossy().to_string())).unwrap_or_default();
    let mut argv = vec![filename.clone()];
    argv.extend(a.args.iter().cloned());
    let out_path = a.output.clone().unwrap_or_else(|| default_output(&a.program, a.format));
    // The recorder writes refscope's format; the other formats are made
    // from it, so it goes to a temporary file first.
    let (json_path, temp) = if a.format == Format::Json {
        (out_path.clone(), false)
    } else {
        let mut t = std::env::temp_dir();
        t.push(format!("refscope-trace-{}.jsonl", std::process::id()));
        (t, true)
    };
    let outcome = refscope_trace::record_program(&source, &filename, argv, dir, open_output(&json_path)?, a.max_steps, stack_size)?;
    let convert = || -> std::io::Result<()> {
        if a.format == Format::Json {
            return Ok(());
        }
        let input = BufReader::new(std::fs::File::open(&json_path)?);
        let mut out = open_output(&out_path)?;
        match a.format {
            Format::Html => refscope_trace::html::write_html(input, &mut out)?,
            Format::Pytutor => refscope_trace::pytutor::write_pytutor(input, &mut out)?,
            Format::Dot => refscope_trace::dot::write_dot(input, &mut out, a.step, a.line)?,
            Format::Json => {}
        }
        out.flush()
    };
    let converted = convert();
    if temp {
        let _ = std::fs::remove_file(&json_path);
    }
    converted?;
    if out_path != Path::new("-") {
        eprintln!(
            "refscope trace: {} steps{} written to {}",
            outcome.steps,
            if outcome.truncated { " (stopped at --max-steps)" } else { "" },
            out_path.display()
        );
    }
    Ok(outcome.status)
}
