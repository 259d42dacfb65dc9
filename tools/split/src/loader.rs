//! Follows a join of chunks in the loader the splitter wrote (`__wasm_split.js`).
//!
//! Each chunk there is one block: a comment naming the lazy functions that need it, then
//! `const __chunk_<n> = makeLoad(() => { ... }` ending with `, []);` (a chunk needs no
//! other module). Each lazy function's loader ends with the list of chunks it needs,
//! `, [__chunk_a, __chunk_b]));`. After a join, the joined chunks' blocks are gone but
//! the kept one, whose comment names everyone who needs any of them, and every list
//! names the kept chunk once instead of the joined ones. Anything not as expected stops
//! the build.

use std::collections::BTreeSet;

pub fn join_chunks(js: &str, joined: &BTreeSet<u32>, keep: u32) -> Result<String, String> {
    let mut out: Vec<String> = Vec::new();
    let mut users: BTreeSet<String> = BTreeSet::new();
    let mut found: BTreeSet<u32> = BTreeSet::new();
    let mut keep_comment_at = None;
    let mut lines = js.lines();
    while let Some(line) = lines.next() {
        if let Some(n) = chunk_block_start(line) {
            if joined.contains(&n) {
                let comment = out
                    .pop()
                    .filter(|c| c.starts_with("/* ") && c.ends_with(" */"))
                    .ok_or_else(|| format!("the loader's chunk_{n} has no comment before it"))?;
                users.extend(comment[3..comment.len() - 3].split(", ").map(str::to_owned));
                found.insert(n);
                let mut block = vec![line.to_owned()];
                loop {
                    let next = lines
                        .next()
                        .ok_or_else(|| format!("the loader's chunk_{n} block has no end"))?;
                    block.push(next.to_owned());
                    if next.starts_with(", [") {
                        if next != ", []);" {
                            return Err(format!("the loader's chunk_{n} needs other modules"));
                        }
                        break;
                    }
                }
                if n == keep {
                    keep_comment_at = Some(out.len());
                    out.push(String::new());
                    out.extend(block);
                }
                continue;
            }
        }
        if line.starts_with(", [") {
            out.push(rename_in_list(line, joined, keep)?);
        } else {
            out.push(line.to_owned());
        }
    }
    if &found != joined {
        let missing: Vec<_> = joined.difference(&found).collect();
        return Err(format!("the loader has no block for chunks {missing:?}"));
    }
    let at = keep_comment_at.ok_or("the kept chunk has no block")?;
    out[at] = format!("/* {} */", users.into_iter().collect::<Vec<_>>().join(", "));
    let mut text = out.join("\n");
    if js.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

/// `const __chunk_<n> = makeLoad(() => {` gives `n`.
fn chunk_block_start(line: &str) -> Option<u32> {
    line.strip_prefix("const __chunk_")?
        .strip_suffix(" = makeLoad(() => {")?
        .parse()
        .ok()
}

/// `, [__chunk_a, __chunk_b]));` with the joined chunks named once as the kept one.
fn rename_in_list(line: &str, joined: &BTreeSet<u32>, keep: u32) -> Result<String, String> {
    let open = line.find('[').ok_or("no list")?;
    let close = line
        .find(']')
        .ok_or_else(|| format!("a list without its end: {line}"))?;
    let names: Vec<&str> = line[open + 1..close]
        .split(", ")
        .filter(|s| !s.is_empty())
        .collect();
    let is_chunk = |name: &&str| {
        name.strip_prefix("__chunk_")
            .is_some_and(|n| n.parse::<u32>().is_ok())
    };
    if let Some(odd) = names.iter().find(|name| !is_chunk(name)) {
        return Err(format!(
            "the loader lists something other than a chunk: {odd}"
        ));
    }
    let names = after_join(
        names.into_iter().map(str::to_owned),
        joined,
        keep,
        "__chunk_",
    );
    Ok(format!(
        "{}{}{}",
        &line[..=open],
        names.join(", "),
        &line[close..]
    ))
}

/// A list of chunk names (`<prefix><n>`) after a join: the joined chunks' names given as the
/// kept one's, every name once, in the order first met. The loader's lists (`__chunk_<n>`)
/// and the manifest's (`chunk_<n>`) both follow a join this way.
pub fn after_join(
    names: impl IntoIterator<Item = String>,
    joined: &BTreeSet<u32>,
    keep: u32,
    prefix: &str,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for name in names {
        let is_joined = name
            .strip_prefix(prefix)
            .and_then(|n| n.parse().ok())
            .is_some_and(|n| joined.contains(&n));
        let name = if is_joined {
            format!("{prefix}{keep}")
        } else {
            name
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(n: u32, users: &str) -> String {
        format!(
            "/* {users} */\nconst __chunk_{n} = makeLoad(() => {{\n    const src = fetch(new URL(\"./chunk_{n}.wasm\", import.meta.url));\n    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));\n}}\n, []);\n"
        )
    }

    fn loader(name: &str, deps: &str) -> String {
        format!("export const __wasm_split_load_{name} = wrapAsyncCb(makeLoad(() => {{\n    const src = fetch(new URL(\"./split_{name}.wasm\", import.meta.url));\n}}\n, [{deps}]));\n")
    }

    #[test]
    fn joined_chunks_become_the_kept_one_everywhere() {
        let js = format!(
            "function makeLoad() {{}}\n{}{}{}{}{}{}",
            block(1, "a, b"),
            block(2, "a, c"),
            block(3, "b, c"),
            loader("a", "__chunk_1, __chunk_2"),
            loader("b", "__chunk_1, __chunk_3"),
            loader("c", "__chunk_2, __chunk_3"),
        );
        let out = join_chunks(&js, &BTreeSet::from([1, 3]), 1).unwrap();
        let expected = format!(
            "function makeLoad() {{}}\n{}{}{}{}{}",
            block(1, "a, b, c"),
            block(2, "a, c"),
            loader("a", "__chunk_1, __chunk_2"),
            loader("b", "__chunk_1"),
            loader("c", "__chunk_2, __chunk_1"),
        );
        assert_eq!(out, expected);
    }

    #[test]
    fn the_manifests_lists_follow_the_join_too() {
        let files = ["chunk_3", "chunk_2", "chunk_1", "split_a"].map(String::from);
        assert_eq!(
            after_join(files, &BTreeSet::from([1, 3]), 1, "chunk_"),
            ["chunk_1", "chunk_2", "split_a"]
        );
    }

    #[test]
    fn a_loader_not_as_expected_stops_the_build() {
        let js = format!("{}{}", block(1, "a"), loader("a", "__chunk_1"));
        // A chunk the loader does not have.
        assert!(join_chunks(&js, &BTreeSet::from([1, 2]), 1).is_err());
        // A chunk without its comment.
        let bare = js.replacen("/* a */\n", "", 1);
        assert!(join_chunks(&bare, &BTreeSet::from([1]), 1).is_err());
        // A chunk that needs another module.
        let deps = js.replacen(", []);", ", [__chunk_9]);", 1);
        assert!(join_chunks(&deps, &BTreeSet::from([1]), 1).is_err());
        // A list naming something else.
        let odd = js.replace("[__chunk_1]", "[something]");
        assert!(join_chunks(&odd, &BTreeSet::from([1]), 1).is_err());
    }
}
