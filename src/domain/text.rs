//! User text shown inside the app's own sentences: counted words in the right number
//! ([`plural`]) and names kept from reversing the words around them ([`isolate`]).
//!
//! Names may hold Unicode bidirectional controls (a right-to-left override, say). They are
//! kept as typed or imported, and shown as text; but inside a sentence ("Deleted {name}.")
//! an override left open would reverse the words after the name. [`isolate`] wraps such a
//! name in a first-strong isolate (U+2068 ... U+2069), which closes whatever the name
//! opened. Elements that hold a name on their own are isolated by the stylesheet
//! (`unicode-bidi: isolate`).

/// The explicit bidirectional formatting characters: embeddings, overrides, isolates and
/// their terminators (U+202A-U+202E, U+2066-U+2069).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` ready to be put in a sentence: unchanged when it holds no bidirectional control,
/// else wrapped in U+2068 (first-strong isolate) and U+2069 (pop directional isolate).
pub fn isolate(text: &str) -> String {
    if text.chars().any(is_bidi_control) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_string()
    }
}

/// `n` and the word in the right number: `plural(1, "account", "accounts")` is
/// "1 account"; any other count takes the plural ("0 accounts", "2 accounts", "1,375
/// accounts").
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", grouped(n))
    }
}

/// A count as the app writes it, thousands grouped like its amounts: "1,375".
pub fn grouped(n: usize) -> String {
    group_thousands(n as u64)
}

/// `n`'s digits with a comma between thousands: "1,234,567". Amounts
/// (`domain::money`) and counts ([`grouped`]) are written with it.
pub fn group_thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// One of the app's own phrases with its first letter in upper case ("renewal call every
/// month" -> "Renewal call every month"). The app's words are English, so the case change
/// is ASCII's: a Unicode upper case would put the whole Unicode upper-case table in the
/// bundle (docs/build.md, "Case and dates"), and user text is never put in upper case.
pub fn capitalized(phrase: &str) -> String {
    let mut out = phrase.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// Longest one-line text (a goal, an action, a metric name, a SWOT entry...).
pub const MAX_LINE: usize = 300;
/// Longest free text (overview, QBR sections, notes).
pub const MAX_TEXT: usize = 5000;
/// Longest owner name (of a task, an action, a step, a promise...).
pub const MAX_OWNER_LEN: usize = 120;
