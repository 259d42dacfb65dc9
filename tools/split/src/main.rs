//! `am-split <input.wasm> <out-dir> <main-js>`: splits the app's wasm at its lazy
//! functions (docs/build.md).
//!
//! Writes into `<out-dir>`: `main.wasm` (what wasm-bindgen reads next), one `.wasm` per
//! lazy function and per chunk of code shared between them, `__wasm_split.js` (the loader
//! the main module imports; it takes the main module's exports through `initSync` of
//! `<main-js>`, a path relative to `<out-dir>`), and `split-manifest.json`: for each lazy
//! function, the files it loads. Prints one line per module written.
//!
//! The splitter writes one chunk for every set of lazy functions that share some code,
//! many of them a few hundred bytes. The chunks under `JOIN_BELOW` bytes are joined into
//! one (`join.rs`), which every lazy function that needed any of them then loads: fewer
//! files to fetch and instantiate; the small pages fetch more bytes (the joined chunk) and
//! still open sooner (docs/build.md, "Small chunks joined").

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod join;
mod loader;

/// Chunks smaller than this (bytes, as the splitter writes them, before wasm-opt) are
/// joined into one. Chosen by measure: 8 KB and 16 KB were built and timed side by side
/// (docs/build.md, "Small chunks joined").
const JOIN_BELOW: u64 = 16 * 1024;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, main_js] = args.as_slice() else {
        eprintln!("usage: am-split <input.wasm> <out-dir> <main-js>");
        return ExitCode::from(2);
    };
    match run(input, &PathBuf::from(out_dir), main_js) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("am-split: {e:?}");
            ExitCode::FAILURE
        }
    }
}

fn run(input: &str, out_dir: &std::path::Path, main_js: &str) -> eyre_like::Result {
    let bytes = std::fs::read(input).map_err(|e| format!("cannot read {input}: {e}"))?;
    std::fs::create_dir_all(out_dir).map_err(|e| format!("cannot create {out_dir:?}: {e}"))?;
    let main_out = out_dir.join("main.wasm");
    let mut opts = wasm_split_cli_support::Options::new(&bytes);
    opts.output_dir = out_dir;
    opts.main_out_path = &main_out;
    opts.main_module = main_js;
    opts.link_name = "./__wasm_split.js";
    let split = wasm_split_cli_support::transform(opts).map_err(|e| format!("{e:?}"))?;
    let prefetch = join_small_chunks(out_dir, split.prefetch_map)?;
    let mut names: Vec<_> = prefetch.into_iter().collect();
    names.sort();
    let manifest = names
        .iter()
        .map(|(split, files)| {
            let files = files
                .iter()
                .map(|f| format!("\"{f}.wasm\""))
                .collect::<Vec<_>>()
                .join(", ");
            format!("  \"{split}\": [{files}]")
        })
        .collect::<Vec<_>>()
        .join(",\n");
    std::fs::write(
        out_dir.join("split-manifest.json"),
        format!("{{\n{manifest}\n}}\n"),
    )
    .map_err(|e| format!("cannot write the manifest: {e}"))?;
    let mut written = 0;
    for m in split.split_modules.iter().filter(|m| m.exists()) {
        println!("am-split: {}", m.display());
        written += 1;
    }
    println!(
        "am-split: main module and {written} split module(s) in {}",
        out_dir.display()
    );
    Ok(())
}

/// Joins the chunks under `JOIN_BELOW` bytes into the first of them (its file and its name
/// in the loader stay), removes the others, and gives back the prefetch map that follows;
/// those of the groups fetched at every start ([`AT_EVERY_START`]) into a chunk apart.
fn join_small_chunks(
    out_dir: &Path,
    prefetch: HashMap<String, Vec<String>>,
) -> Result<HashMap<String, Vec<String>>, String> {
    let mut small: Vec<(u32, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(out_dir).map_err(|e| format!("cannot list {out_dir:?}: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(n) = path.file_name().and_then(|f| f.to_str()).and_then(|f| {
            f.strip_prefix("chunk_")?
                .strip_suffix(".wasm")?
                .parse::<u32>()
                .ok()
        }) else {
            continue;
        };
        let size = std::fs::metadata(&path).map_err(|e| e.to_string())?.len();
        if size < JOIN_BELOW {
            small.push((n, path));
        }
    }
    small.sort();
    // The small chunks a group fetched at every start needs are joined apart from the
    // others: a first visit then fetches only what that group runs.
    let early: BTreeSet<u32> = AT_EVERY_START
        .iter()
        .filter_map(|g| prefetch.get(*g))
        .flatten()
        .filter_map(|f| f.strip_prefix("chunk_")?.parse().ok())
        .collect();
    let (first, rest): (Vec<_>, Vec<_>) = small.into_iter().partition(|(n, _)| early.contains(n));
    let mut prefetch = prefetch;
    for set in [first, rest] {
        prefetch = join_chunk_set(out_dir, &set, prefetch)?;
    }
    Ok(prefetch)
}

/// The groups fetched at the start of every visit (the writer, `state::fetch_writer` in the
/// app): their small chunks are joined into a chunk of their own.
const AT_EVERY_START: &[&str] = &["writers"];

/// Joins one set of small chunks into the first of them, follows that in the loader, and
/// gives back the prefetch map that follows. A set of fewer than two is left as it is.
fn join_chunk_set(
    out_dir: &Path,
    small: &[(u32, PathBuf)],
    prefetch: HashMap<String, Vec<String>>,
) -> Result<HashMap<String, Vec<String>>, String> {
    if small.len() < 2 {
        return Ok(prefetch);
    }
    let chunks = small
        .iter()
        .map(|(_, p)| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            std::fs::read(p)
                .map(|b| (name, b))
                .map_err(|e| format!("cannot read {p:?}: {e}"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let joined = join::join(&chunks)?;
    let (keep, keep_path) = &small[0];
    std::fs::write(keep_path, &joined).map_err(|e| format!("cannot write {keep_path:?}: {e}"))?;
    for (_, p) in &small[1..] {
        std::fs::remove_file(p).map_err(|e| format!("cannot remove {p:?}: {e}"))?;
    }
    let numbers: BTreeSet<u32> = small.iter().map(|(n, _)| *n).collect();
    let js_path = out_dir.join("__wasm_split.js");
    let js =
        std::fs::read_to_string(&js_path).map_err(|e| format!("cannot read the loader: {e}"))?;
    let js = loader::join_chunks(&js, &numbers, *keep)?;
    std::fs::write(&js_path, js).map_err(|e| format!("cannot write the loader: {e}"))?;
    println!(
        "am-split: {} chunks under {JOIN_BELOW} bytes joined into chunk_{keep}.wasm ({} bytes)",
        small.len(),
        joined.len()
    );
    Ok(prefetch
        .into_iter()
        .map(|(split, files)| (split, loader::after_join(files, &numbers, *keep, "chunk_")))
        .collect())
}

/// Errors are messages: this tool only reports them.
mod eyre_like {
    pub type Result = std::result::Result<(), String>;
}
