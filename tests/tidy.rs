//! Tidy checks: the architecture's invariants, read from the source tree itself, so a
//! change that breaks one fails `cargo test` rather than waiting for a reviewer.

use std::collections::{BTreeMap, BTreeSet};
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

/// A stylesheet without its comments, as (line number, text) of every line.
fn css_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, line) in text.lines().enumerate() {
        let mut kept = String::new();
        let mut rest = line;
        loop {
            if in_comment {
                match rest.find("*/") {
                    Some(end) => {
                        in_comment = false;
                        rest = &rest[end + 2..];
                    }
                    None => break,
                }
            } else {
                match rest.find("/*") {
                    Some(start) => {
                        kept.push_str(&rest[..start]);
                        in_comment = true;
                        rest = &rest[start + 2..];
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        out.push((i + 1, kept));
    }
    out
}

/// The colour written literally in one line of CSS, if any: a hex colour, a colour
/// function, or a colour keyword used as a value.
fn colour_literal(line: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    // Hex colours: `#` and 3, 4, 6 or 8 hex digits, not a selector's id (`#main {`).
    for (i, _) in lower.match_indices('#') {
        let digits: String = lower[i + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        let in_value = lower[..i].contains(':') && !lower[..i].trim_end().ends_with('{');
        if in_value
            && [3, 4, 6, 8].contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_hexdigit())
        {
            return Some(format!("#{digits}"));
        }
    }
    for f in [
        "rgb(",
        "rgba(",
        "hsl(",
        "hsla(",
        "hwb(",
        "lab(",
        "lch(",
        "oklab(",
        "oklch(",
        "color(",
        "color-mix(",
        "light-dark(",
    ] {
        if lower
            .match_indices(f)
            .any(|(i, _)| !lower[..i].ends_with(|c: char| c.is_ascii_alphanumeric() || c == '-'))
        {
            return Some(f.to_string());
        }
    }
    // Colour keywords after a property's colon (selectors such as `.band-red` are names,
    // not colours). `transparent`, `currentColor` and `inherit` are not colours of ours.
    let keywords = [
        "white",
        "black",
        "red",
        "green",
        "blue",
        "yellow",
        "orange",
        "purple",
        "gray",
        "grey",
        "silver",
        "maroon",
        "navy",
        "teal",
        "olive",
        "lime",
        "aqua",
        "fuchsia",
        "pink",
        "brown",
        "gold",
        "crimson",
        "tomato",
        "coral",
        "salmon",
        "indigo",
        "violet",
        "canvas",
        "canvastext",
        "highlight",
        "highlighttext",
        "graytext",
        "buttonface",
        "buttontext",
        "linktext",
    ];
    for decl in lower.split(';') {
        let Some((_, value)) = decl.split_once(':') else {
            continue;
        };
        let value = value.split('{').next_back().unwrap_or(value);
        for word in value.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-')) {
            if keywords.contains(&word) {
                return Some(word.to_string());
            }
        }
    }
    None
}

#[test]
fn only_the_tokens_file_holds_colours() {
    // Every colour is a custom property of style/tokens.css (both themes, forced colours),
    // so a theme is changed in one place and no stylesheet carries a colour of its own.
    let files = files_under("style", &["css"]);
    assert!(files.len() > 5, "the stylesheets were not found");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut hits = Vec::new();
    for f in &files {
        if f.file_name().is_some_and(|n| n == "tokens.css") {
            continue;
        }
        for (n, line) in css_lines(&fs::read_to_string(f).unwrap()) {
            if let Some(c) = colour_literal(&line) {
                let rel = f.strip_prefix(root).unwrap_or(f);
                hits.push(format!("{}:{n}: {c} in `{}`", rel.display(), line.trim()));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "colours outside style/tokens.css (add a token there and use var(--name)):\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_colour_check_finds_what_it_must() {
    for (line, found) in [
        (".x { color: #6b7687; }", Some("#6b7687")),
        (".x { border: 1px solid #FFF; }", Some("#fff")),
        (".x { background: rgba(0, 0, 0, 0.2); }", Some("rgba(")),
        (".x { color: white; }", Some("white")),
        (".x { box-shadow: 0 1px 2px black; }", Some("black")),
        (".band-red { color: var(--red); }", None),
        ("#main { color: var(--ink); }", None),
        (".x { background: transparent; color: currentColor; }", None),
        (".x { grid-template-columns: repeat(2, 1fr); }", None),
        (".x { font: 600 0.75rem ui-monospace; }", None),
    ] {
        assert_eq!(colour_literal(line).as_deref(), found, "{line}");
    }
}

#[test]
fn every_stylesheet_is_linked_and_tokens_come_first() {
    let index =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("index.html")).unwrap();
    let links: Vec<&str> = index
        .lines()
        .filter(|l| l.contains("rel=\"stylesheet\""))
        .filter_map(|l| l.split("href=\"/").nth(1)?.split('"').next())
        .collect();
    assert_eq!(
        links.first(),
        Some(&"style/tokens.css"),
        "tokens load first"
    );
    assert_eq!(
        links.last(),
        Some(&"style/print.css"),
        "print rules load last"
    );
    for f in files_under("style", &["css"]) {
        let name = format!("style/{}", f.file_name().unwrap().to_string_lossy());
        assert!(
            links.contains(&name.as_str()),
            "{name} is not linked from index.html"
        );
    }
}

/// The domain's top-level modules: each file of `src/domain` and each folder (a folder's
/// files are one module).
fn domain_modules() -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            if e.path().is_dir() {
                Some(name)
            } else {
                name.strip_suffix(".rs")
                    .filter(|n| *n != "mod")
                    .map(str::to_string)
            }
        })
        .collect()
}

/// The names `src/domain/mod.rs` re-exports, with the module each comes from
/// (`pub use account::{Account, ...}` gives `Account -> account`).
fn domain_reexports() -> BTreeMap<String, String> {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain/mod.rs"))
        .unwrap();
    let mut out = BTreeMap::new();
    for stmt in text.split(';') {
        let Some(rest) = stmt.trim().strip_prefix("pub use ") else {
            continue;
        };
        let Some((module, names)) = rest.split_once("::") else {
            continue;
        };
        for name in names.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if !name.is_empty() {
                out.insert(name.to_string(), module.trim().to_string());
            }
        }
    }
    out
}

/// The leading identifier of each item a path names after its prefix: `{a::B, c}` gives
/// `a`, `c`; `a::B` gives `a`.
fn path_heads(rest: &str) -> Vec<String> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let Some(inner) = rest.strip_prefix('{') else {
        return vec![ident(rest)];
    };
    let (mut depth, mut item, mut heads) = (0, String::new(), Vec::new());
    for c in inner.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                heads.push(ident(&item));
                item.clear();
                continue;
            }
            _ => {}
        }
        item.push(c);
    }
    heads.push(ident(&item));
    heads
}

/// Which domain modules each module of `files` names, read from `use crate::domain::...`,
/// `crate::domain::x::` paths and `super::` paths that climb out of the module. `files`
/// are paths relative to `src/domain` with their text. A name the graph cannot place is
/// returned as an error, so the check cannot go blind.
fn module_graph(
    files: &[(String, String)],
    modules: &BTreeSet<String>,
    reexports: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in files {
        let mut parts: Vec<&str> = rel.split('/').collect();
        if parts.last() == Some(&"mod.rs") {
            parts.pop();
        }
        let Some(first) = parts.first() else {
            continue; // src/domain/mod.rs only lists the modules
        };
        let node = first.strip_suffix(".rs").unwrap_or(first).to_string();
        // How many `super::` climb from this file to `crate::domain`.
        let to_domain = parts.len();
        let code: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        let starts_word = |i: usize| {
            !code[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
        };
        let mut targets = Vec::new();
        for (i, _) in code.match_indices("crate::domain::") {
            if starts_word(i) {
                targets.extend(path_heads(&code[i + "crate::domain::".len()..]));
            }
        }
        for (i, _) in code.match_indices("super::") {
            if !starts_word(i) {
                continue; // inside a longer run of `super::`
            }
            let mut ups = 0;
            let mut rest = &code[i..];
            while let Some(r) = rest.strip_prefix("super::") {
                ups += 1;
                rest = r;
            }
            if ups == to_domain {
                targets.extend(path_heads(rest));
            }
        }
        for t in targets {
            if t.is_empty() || t == "self" {
                continue;
            }
            let target = if modules.contains(&t) {
                t
            } else if let Some(m) = reexports.get(&t) {
                m.clone()
            } else {
                return Err(format!(
                    "src/domain/{rel} names `{t}`, which is no domain module"
                ));
            };
            if target != node {
                graph.entry(node.clone()).or_default().insert(target);
            }
        }
    }
    Ok(graph)
}

/// A cycle of `graph` as the modules on it, first one repeated at the end, if any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == n) {
            let mut cycle = path[at..].to_vec();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for next in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, graph, done, path) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut done, &mut Vec::new()))
}

/// The leaf modules: plain values every feature may use; they use only each other.
const LEAVES: &[&str] = &[
    "dates", "error", "ids", "items", "money", "numbers", "order", "text", "tier",
];

fn the_domain_graph() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let files: Vec<(String, String)> = files_under("src/domain", &["rs"])
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, fs::read_to_string(&p).unwrap())
        })
        .collect();
    module_graph(&files, &domain_modules(), &domain_reexports()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_domain_module_graph_has_no_cycle() {
    // Layers, arrows one way: leaves (ids, dates, money, numbers, text, tier, error), then
    // the features, then the aggregate (account, workspace, audience), then portfolio.
    let graph = the_domain_graph();
    // The reader sees the imports it should: if it found none, it is not reading them.
    assert!(
        graph.get("account").is_some_and(|t| t.contains("health")),
        "{graph:?}"
    );
    assert!(
        graph
            .get("workspace")
            .is_some_and(|t| t.contains("account")),
        "{graph:?}"
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!(
            "the domain imports in a circle: {}\n(a feature may not name the aggregate that holds it; move the shared piece down a layer)",
            cycle.join(" -> ")
        );
    }
}

#[test]
fn domain_leaves_use_only_leaves() {
    let graph = the_domain_graph();
    let mut hits = Vec::new();
    for leaf in LEAVES {
        assert!(domain_modules().contains(*leaf), "no leaf module {leaf}");
        for t in graph.get(*leaf).into_iter().flatten() {
            if !LEAVES.contains(&t.as_str()) {
                hits.push(format!("{leaf} -> {t}"));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "a leaf module uses a feature:\n{}",
        hits.join("\n")
    );
}

#[test]
fn the_cycle_check_reads_every_way_a_module_names_another() {
    // A small domain with one cycle through each way of naming a module: a braced `use
    // super::{...}`, a `crate::domain::x::` path in code, a `super::super::` from a folder,
    // and a name re-exported by the domain root.
    let modules: BTreeSet<String> = ["a", "b", "c", "d"].map(String::from).into();
    let reexports: BTreeMap<String, String> = [("Dee".to_string(), "d".to_string())].into();
    let file = |p: &str, t: &str| (p.to_string(), t.to_string());
    let files = vec![
        file("a.rs", "use super::{dates::long, b::Bee};\n"),
        file(
            "b.rs",
            "fn f() { crate::domain::c::go(); }\n// super::a::X in a comment\n",
        ),
        file("c/mod.rs", "mod inner;\nuse super::Dee;\n"),
        file(
            "c/inner.rs",
            "use super::Inner;\nuse super::super::ids::Id;\n",
        ),
        file("d.rs", "pub struct Dee;\nuse crate::domain::{a::Ay};\n"),
    ];
    let mut modules_with_leaves = modules.clone();
    modules_with_leaves.extend(["dates", "ids"].map(String::from));
    let graph = module_graph(&files, &modules_with_leaves, &reexports).unwrap();
    assert_eq!(
        find_cycle(&graph).map(|c| c.join(" -> ")),
        Some("a -> b -> c -> d -> a".to_string())
    );
    assert!(
        graph["c"].contains("ids"),
        "super::super:: from a folder file: {graph:?}"
    );
    assert!(
        !graph["b"].contains("a"),
        "comments are not imports: {graph:?}"
    );
    // Cut one arrow and the cycle is gone.
    let mut cut = files.clone();
    cut[4] = file("d.rs", "pub struct Dee;\n");
    let graph = module_graph(&cut, &modules_with_leaves, &reexports).unwrap();
    assert_eq!(find_cycle(&graph), None);
    // A name the reader cannot place is an error, not a silent pass.
    let unknown = vec![file("a.rs", "use super::nowhere::X;\n")];
    assert!(module_graph(&unknown, &modules_with_leaves, &reexports).is_err());
}

/// What an account page may not write: a lookup of an account in the workspace, a write
/// of the workspace signal, the old write helper.
const ACCOUNT_LOOKUPS: [&str; 4] = [".account(", "account_mut(", ".ws", "edit_account("];

/// Lines of `files` that contain any of `needles` anywhere (`w.account(` included), as
/// "path:line: text".
fn lines_with(files: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut hits = Vec::new();
    for f in files {
        let text = fs::read_to_string(f).unwrap();
        let rel = f.strip_prefix(root).unwrap_or(f);
        for (i, line) in matching_lines(&text, needles) {
            hits.push(format!("{}:{}: {}", rel.display(), i + 1, line.trim()));
        }
    }
    hits
}

/// The lines of `text` (index, line) that contain any of `needles` anywhere.
fn matching_lines<'a>(
    text: &'a str,
    needles: &'a [&str],
) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    text.lines()
        .enumerate()
        .filter(|(_, line)| needles.iter().any(|n| line.contains(n)))
}

/// Invariant: the account pages read and change their account through `AccountHandle`
/// only (`src/account_handle.rs`): no page looks the account up in the workspace or
/// writes the workspace signal itself, so every change goes through the one write path
/// (`Workspace::edit_account`: whole or not at all, saved once).
#[test]
fn account_pages_go_through_the_account_handle() {
    let mut files = files_under("src/pages/account", &["rs"]);
    files.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/components/arr_history.rs"));
    let hits = offending(
        &files,
        &[".account(", "account_mut(", ".ws", "edit_account("],
    );
    assert!(
        hits.is_empty(),
        "read and change the account through AccountHandle (use_account()):\n{}",
        hits.join("\n")
    );
}

/// The check above finds what it must.
#[test]
fn the_account_handle_check_finds_a_lookup() {
    for page in [
        "let a = app.ws.with(|w| w.account(id).cloned());\n",
        "let a = app\n    .ws\n    .with(|w| 1);\n",
        "app.ws.update(|w| w.account_mut(id));\n",
    ] {
        assert_eq!(matching_lines(page, &ACCOUNT_LOOKUPS).count(), 1, "{page}");
    }
    let read = "let a = account.read(|a| a.fields.name.clone());\n";
    assert_eq!(matching_lines(read, &ACCOUNT_LOOKUPS).count(), 0);
}

/// The controls the form kit does not draw, each with why: the file picker hidden inside
/// `FileButton` (a button that opens the browser's file dialog, with nothing typed or
/// chosen in the page), and the read-only text areas of a link and a document to copy (an
/// output shown for selecting, never an input).
const RAW_CONTROLS_ALLOWED: [(&str, &str); 3] = [
    ("src/components/drop_zone.rs", "<input type=\"file\""),
    (
        "src/components/share_link.rs",
        "<textarea id=\"share-link-text\" readonly",
    ),
    ("src/components/markdown_out.rs", "<textarea id=id readonly"),
];

/// Raw `<input`, `<select` and `<textarea` of `files` outside the allowed ones, as
/// "path:line: text".
fn raw_controls(files: &[PathBuf]) -> Vec<String> {
    lines_with(files, &["<input", "<select", "<textarea"])
        .into_iter()
        .filter(|hit| {
            !RAW_CONTROLS_ALLOWED.iter().any(|(path, allowed)| {
                hit.starts_with(&format!("{path}:")) && hit.contains(allowed)
            })
        })
        .collect()
}

/// Invariant: every control of a view is drawn by the form kit (`src/components/form/`:
/// `TextInput`, `DateInput`, `NumberInput`, `Select`, `TextArea`, `Checkbox`, `Tick`,
/// `RadioGroup`), so ids, labels, `aria-*` and messages are wired one way; the exceptions
/// are named in `RAW_CONTROLS_ALLOWED`.
#[test]
fn every_control_goes_through_the_form_kit() {
    let files: Vec<PathBuf> = files_under("src", &["rs"])
        .into_iter()
        .filter(|f| !f.to_string_lossy().contains("/components/form/"))
        .collect();
    let hits = raw_controls(&files);
    assert!(
        hits.is_empty(),
        "draw these controls with the form kit (src/components/form/):\n{}",
        hits.join("\n")
    );
}

/// The check above finds what it must and lets the named exceptions pass.
#[test]
fn the_form_kit_check_finds_a_raw_control() {
    let dir = std::env::temp_dir().join("am-planner-tidy-kit");
    fs::create_dir_all(&dir).unwrap();
    let f = dir.join("page.rs");
    for page in [
        "<input type=\"checkbox\" prop:checked=on/>\n",
        "    <select id=\"tier-filter\">\n",
        "<textarea rows=3></textarea>\n",
        "<input type=\"file\" accept=accept/>\n",
    ] {
        fs::write(&f, page).unwrap();
        assert_eq!(raw_controls(std::slice::from_ref(&f)).len(), 1, "{page}");
    }
    fs::write(
        &f,
        "<Select value=tier options=tiers/>\n<TextInput value=text/>\n",
    )
    .unwrap();
    assert!(raw_controls(std::slice::from_ref(&f)).is_empty());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(raw_controls(&[root.join("src/components/drop_zone.rs")]).is_empty());
}

/// Lines of `files` that take the current reactive owner (`Owner::current`) without
/// downgrading it to a `WeakOwner` on the same line, as "path:line: text".
fn strong_owner_holds(files: &[PathBuf]) -> Vec<String> {
    lines_with(files, &["Owner::current"])
        .into_iter()
        .filter(|hit| !hit.contains(".downgrade()"))
        .collect()
}

/// Invariant: no view code keeps its reactive owner strongly. What a page creates (its
/// effects and their closures) belongs to the page's owner; a closure holding that owner
/// keeps the page alive after it is left, with its nodes, effects and window listeners
/// (the address-kept filters did this, and every visit of the portfolio stayed behind).
/// Take it as a `WeakOwner` (`Owner::current().map(|o| o.downgrade())`) and upgrade it
/// when it is used.
#[test]
fn no_view_holds_its_owner_strongly() {
    let hits = strong_owner_holds(&files_under("src", &["rs"]));
    assert!(
        hits.is_empty(),
        "hold the reactive owner weakly (Owner::current().map(|o| o.downgrade())):\n{}",
        hits.join("\n")
    );
}

/// The check above finds what it must.
#[test]
fn the_owner_check_finds_a_strong_hold() {
    let dir = std::env::temp_dir().join("am-planner-tidy-owner");
    fs::create_dir_all(&dir).unwrap();
    let f = dir.join("view.rs");
    fs::write(&f, "let owner = Owner::current();\n").unwrap();
    assert_eq!(strong_owner_holds(std::slice::from_ref(&f)).len(), 1);
    fs::write(&f, "let owner = Owner::current().map(|o| o.downgrade());\n").unwrap();
    assert!(strong_owner_holds(&[f]).is_empty());
}

/// Selectors of a line of CSS (comments already removed) that hold `:has(` on `html`,
/// `:root`, `body`, `main` or `#main` (with or without classes and states), as the
/// selector text.
fn page_wide_has(line: &str) -> Vec<String> {
    let selectors = line.split('{').next().unwrap_or("");
    selectors
        .split(',')
        .map(str::trim)
        .filter(|s| {
            s.find(":has(").is_some_and(|at| {
                // The compound selector `:has(` is attached to, and its first part
                // (`main` of `main.wide:hover`, `:root` of `:root:hover`).
                let subject = s[..at].rsplit([' ', '>', '+', '~']).next().unwrap_or("");
                let end = subject
                    .get(1..)
                    .and_then(|rest| rest.find(['.', '[', ':', '#']))
                    .map_or(subject.len(), |i| i + 1);
                let element = &subject[..end];
                matches!(element, "html" | ":root" | "body" | "main" | "#main")
            })
        })
        .map(String::from)
        .collect()
}

/// Invariant: no style rule asks whether the whole page holds something
/// (`main:has(...)`, `body:has(...)`). Chromium answers such a rule again on every change
/// anywhere inside, by searching the subtree: the rule that widened `main` for the
/// portfolio took five times the style matching of all other selectors together on each
/// Health-tab edit (docs/build.md). Put a class where the state is decided (the address
/// decides `main.wide`, `app::Main`).
#[test]
fn no_rule_searches_the_whole_page() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut hits = Vec::new();
    for f in files_under("style", &["css"]) {
        for (n, line) in css_lines(&fs::read_to_string(&f).unwrap()) {
            for s in page_wide_has(&line) {
                hits.push(format!(
                    "{}:{n}: {s}",
                    f.strip_prefix(root).unwrap_or(&f).display()
                ));
            }
        }
    }
    assert!(
        hits.is_empty(),
        "rules on the whole page's content (set a class instead):\n{}",
        hits.join("\n")
    );
}

/// The check above finds what it must.
#[test]
fn the_page_wide_has_check_finds_what_it_must() {
    for (line, found) in [
        ("main:has(.page.wide) { max-width: 1480px; }", 1),
        ("body:has(dialog[open]) { overflow: hidden; }", 1),
        (".x, html:has(.y) .z { color: var(--ink); }", 1),
        (":root:has(.modal) { overflow: hidden; }", 1),
        ("#main:has(.x) { padding: 0; }", 1),
        ("main.wide:hover:has(.x) { padding: 0; }", 1),
        (".rate:has(input:checked) { color: var(--on-fill); }", 0),
        ("main .card:has(> h2) { padding: 0; }", 0),
        ("main.wide { max-width: 1480px; }", 0),
    ] {
        assert_eq!(page_wide_has(line).len(), found, "{line}");
    }
}

/// A slice's own sorts: each call is compiled again for its element type and comparison.
const OWN_SORTS: [&str; 5] = [
    ".sort(",
    ".sort_by(",
    ".sort_by_key(",
    ".sort_by_cached_key(",
    ".sort_unstable",
];

/// Invariant: every list of the app is put in order by `domain::order` (one compiled sort
/// for the whole app, docs/build.md "One sort"); no other file of `src/` calls a slice's
/// own sort.
#[test]
fn every_sort_goes_through_the_one_sort() {
    let files: Vec<PathBuf> = files_under("src", &["rs"])
        .into_iter()
        .filter(|f| !f.ends_with("src/domain/order.rs"))
        .collect();
    let hits = lines_with(&files, &OWN_SORTS);
    assert!(
        hits.is_empty(),
        "sort through domain::order (sort, sort_by, sort_by_key):\n{}",
        hits.join("\n")
    );
}

/// The check above finds what it must.
#[test]
fn the_sort_check_finds_a_slice_sort() {
    for text in [
        "v.sort();\n",
        "rows.sort_by(|a, b| a.cmp(b));\n",
        "self.items.sort_by_key(|i| i.date);\n",
        "list\n    .sort_unstable_by(|a, b| a.cmp(b));\n",
    ] {
        assert_eq!(matching_lines(text, &OWN_SORTS).count(), 1, "{text}");
    }
    let shared = "order::sort_by_key(&mut v, |i| i.date);\n";
    assert_eq!(matching_lines(shared, &OWN_SORTS).count(), 0);
}

/// Changing case to upper in Unicode (`str::to_uppercase`, `char::to_uppercase`) puts the
/// whole Unicode upper-case table (12 KB) in the bundle. The app's own words are ASCII
/// English (`domain::text::capitalized`, `to_ascii_uppercase`) and user text is never put
/// in upper case, so nothing in `src/` needs it (docs/build.md, "Case and dates").
const UNICODE_UPPER: [&str; 2] = [".to_uppercase(", "char::to_uppercase"];

#[test]
fn nothing_changes_case_to_unicode_upper() {
    let hits = lines_with(&files_under("src", &["rs"]), &UNICODE_UPPER);
    assert!(
        hits.is_empty(),
        "use domain::text::capitalized or to_ascii_uppercase:\n{}",
        hits.join("\n")
    );
}

/// The check above finds what it must.
#[test]
fn the_upper_case_check_finds_what_it_must() {
    for text in [
        "let s = first.to_uppercase() + rest;\n",
        "name.chars().flat_map(char::to_uppercase).collect()\n",
        "word\n    .to_uppercase()\n",
    ] {
        assert_eq!(matching_lines(text, &UNICODE_UPPER).count(), 1, "{text}");
    }
    assert_eq!(
        matching_lines("code.to_ascii_uppercase()\n", &UNICODE_UPPER).count(),
        0
    );
}

/// Every date the app shows is written by `domain::dates` (`long`, `written`,
/// `day_month`...), never by a `chrono` pattern: one way to write each shape, and no
/// pattern reader in the bundle (docs/build.md, "Case and dates").
const DATE_PATTERNS: [&str; 8] = [
    ".format(\"%",
    ".format_with_items(",
    "\"%-d",
    "\"%d",
    "\"%b",
    "\"%B",
    "\"%A",
    "\"%Y",
];

#[test]
fn dates_are_written_by_the_dates_module() {
    let hits = lines_with(&files_under("src", &["rs"]), &DATE_PATTERNS);
    assert!(
        hits.is_empty(),
        "write dates with domain::dates:\n{}",
        hits.join("\n")
    );
}

/// The check above finds what it must.
#[test]
fn the_date_pattern_check_finds_what_it_must() {
    for text in [
        "let s = d.format(\"%-d %b\").to_string();\n",
        "format!(\"{}\", due.format(\"%A %-d %B %Y\"))\n",
        "Step::Months(_) => \"%Y\",\n",
    ] {
        assert_eq!(matching_lines(text, &DATE_PATTERNS).count(), 1, "{text}");
    }
    assert_eq!(
        matching_lines("format!(\"{:.1}\", x)\n", &DATE_PATTERNS).count(),
        0
    );
}

/// A stacked table's cell carries its column's heading as `data-label` (the phone layout
/// writes it before the value). Only `data_table::draw_cell` writes it, for both table
/// components, from the headings they were given (`DataTable`, and `ItemEditor`'s
/// `Layout::Table` with its `Cell`s): a heading is written once, and a cell cannot carry
/// another column's name.
const CELL_LABEL: [&str; 1] = ["data-label="];

/// Invariant: no view but the one cell drawer of the table components writes a `data-label`.
#[test]
fn cells_are_labelled_by_the_table_components() {
    let files: Vec<PathBuf> = files_under("src", &["rs"])
        .into_iter()
        .filter(|f| !f.ends_with("src/components/data_table.rs"))
        .collect();
    let hits = lines_with(&files, &CELL_LABEL);
    assert!(
        hits.is_empty(),
        "give the cells to DataTable (col, foot) or ItemEditor (Cell) instead:\n{}",
        hits.join("\n")
    );
}

/// The check above finds what it must.
#[test]
fn the_cell_label_check_finds_a_hand_written_label() {
    for text in [
        "<td class=\"num\" data-label=\"Weight\">\"100\"</td>\n",
        "view! { <td data-label=label>{v}</td> }\n",
    ] {
        assert_eq!(matching_lines(text, &CELL_LABEL).count(), 1, "{text}");
    }
    let doc = "//! each of its cells carries its column's heading as `data-label`\n";
    assert_eq!(matching_lines(doc, &CELL_LABEL).count(), 0);
}
