//! Tidy checks: the architecture's invariants, read from the source tree itself, so a
//! change that breaks one fails `cargo test` rather than waiting for a reviewer.

use std::fs;
use std::path::{Path, PathBuf};

fn files_under(dir: &str, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| exts.contains(&x))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// Whether `needle` occurs in `line` starting a word (so `UID_DOMAIN:` is not `DOMAIN:`).
fn contains_word(line: &str, needle: &str) -> bool {
    line.match_indices(needle).any(|(i, _)| {
        !line[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
    })
}

/// Lines of `files` that contain any of `needles`, as "path:line: text".
fn offending(files: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut hits = Vec::new();
    for f in files {
        let text = fs::read_to_string(f).unwrap();
        for (i, line) in text.lines().enumerate() {
            if needles.iter().any(|n| contains_word(line, n)) {
                let rel = f.strip_prefix(root).unwrap_or(f);
                hits.push(format!("{}:{}: {}", rel.display(), i + 1, line.trim()));
            }
        }
    }
    hits
}

#[test]
fn the_domain_is_pure() {
    // The core runs natively and in tests with a fixed `today`: it may not reach the
    // browser, the UI framework or the clock.
    // The demo workspace is built from the domain alone, under the same rule.
    let mut files = files_under("src/domain", &["rs"]);
    assert!(files.len() > 10, "src/domain should hold the core");
    let demo = files_under("src/demo", &["rs"]);
    assert!(demo.len() >= 5, "src/demo should hold the demo workspace");
    files.extend(demo);
    let hits = offending(
        &files,
        &[
            "leptos",
            "web_sys",
            "js_sys",
            "wasm_bindgen",
            "gloo",
            "Utc::now",
            "Local::now",
            "SystemTime",
            "Instant::now",
        ],
    );
    assert!(
        hits.is_empty(),
        "the domain reaches outside the core:\n{}",
        hits.join("\n")
    );
}

#[test]
fn only_the_browser_edge_reads_the_clock() {
    let files: Vec<PathBuf> = files_under("src", &["rs"])
        .into_iter()
        .filter(|p| !p.ends_with("browser.rs"))
        .collect();
    let hits = offending(
        &files,
        &["Utc::now", "Local::now", "Date::now", "js_sys::Date::new_0"],
    );
    assert!(
        hits.is_empty(),
        "only src/browser.rs reads the clock:\n{}",
        hits.join("\n")
    );
}

#[test]
fn comments_point_only_inside_the_repository() {
    // Rules are stated in the code or in docs/; a reader of this repository cannot follow
    // a pointer to a brief or an issue tracker they do not have.
    let mut files = files_under("src", &["rs"]);
    files.extend(files_under("tests", &["rs", "mjs"]));
    files.extend(files_under("style", &["css"]));
    files.extend(files_under("docs", &["md"]));
    let me = Path::new(file!()).file_name().unwrap().to_owned();
    files.retain(|p| p.file_name() != Some(&me));
    // The needles are put together here so this file does not match itself.
    let brief = "DOMAIN";
    let mut needles: Vec<String> = [" section", ".md", ":", "'s"]
        .iter()
        .map(|tail| format!("{brief}{tail}"))
        .collect();
    needles.push(["shared", "seeds"].join("/"));
    needles.extend((1..=9).map(|n| format!("{} {n}", "issue")));
    let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
    let hits = offending(&files, &needles);
    assert!(
        hits.is_empty(),
        "comments point outside the repository:\n{}",
        hits.join("\n")
    );
}
