//! Turn a trace in refscope's JSON Lines format into the viewer's page:
//! `jsonl2html TRACE.jsonl PAGE.html` (`-` for standard input or output).
//! The browser tests (tests/browser) build their pages with it.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Write};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() != 2 {
        eprintln!("usage: jsonl2html TRACE.jsonl PAGE.html  ('-' for stdin/stdout)");
        std::process::exit(2);
    }
    let input: Box<dyn io::BufRead> = if args[0] == "-" {
        Box::new(BufReader::new(io::stdin()))
    } else {
        Box::new(BufReader::new(File::open(&args[0])?))
    };
    let mut out: BufWriter<Box<dyn Write>> = BufWriter::new(if args[1] == "-" {
        Box::new(io::stdout())
    } else {
        Box::new(File::create(&args[1])?)
    });
    refscope_trace::html::write_html(input, &mut out)?;
    out.flush()
}
