//! Counted words in texts the user reads: "1 account", "2 accounts", "0 accounts".

/// `n` and the word in the right number: `plural(1, "account", "accounts")` is
/// "1 account"; any other count takes the plural ("0 accounts", "2 accounts").
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}
