//! `am-split <input.wasm> <out-dir> <main-js>`: splits the app's wasm at its lazy
//! functions (docs/build.md).
//!
//! Writes into `<out-dir>`: `main.wasm` (what wasm-bindgen reads next), one `.wasm` per
//! lazy function and per chunk of code shared between them, `__wasm_split.js` (the loader
//! the main module imports; it takes the main module's exports through `initSync` of
//! `<main-js>`, a path relative to `<out-dir>`), and `split-manifest.json`: for each lazy
//! function, the files it loads. Prints one line per module written.

use std::path::PathBuf;
use std::process::ExitCode;

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
    let mut names: Vec<_> = split.prefetch_map.into_iter().collect();
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
    for m in &split.split_modules {
        println!("am-split: {}", m.display());
    }
    println!(
        "am-split: main module and {} split module(s) in {}",
        split.split_modules.len(),
        out_dir.display()
    );
    Ok(())
}

/// Errors are messages: this tool only reports them.
mod eyre_like {
    pub type Result = std::result::Result<(), String>;
}
