//! The workspace currency and how amounts are written.

/// Above this an amount is almost surely a typo (a trillion in any currency).
pub const MAX_ARR: f64 = 1e12;

/// An ISO 4217 style currency code: three ASCII capital letters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Currency(String);

impl Default for Currency {
    fn default() -> Self {
        Currency("USD".into())
    }
}

impl Currency {
    /// Common choices offered in the currency picker.
    pub const COMMON: [&'static str; 8] = ["USD", "EUR", "GBP", "CAD", "AUD", "CHF", "JPY", "INR"];

    pub fn new(code: &str) -> Result<Self, String> {
        let c = code.trim();
        if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()) {
            Ok(Currency(c.to_string()))
        } else {
            Err(format!(
                "\"{code}\" is not a currency code: use three capital letters such as USD or EUR."
            ))
        }
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    fn symbol(&self) -> Option<&'static str> {
        Some(match self.0.as_str() {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            "JPY" => "¥",
            "INR" => "₹",
            _ => return None,
        })
    }

    /// Full amount, whole units, thousands separated: `$1,250,000`, `CHF 980,000`.
    pub fn format(&self, amount: f64) -> String {
        let sign = if amount < 0.0 { "-" } else { "" };
        let digits = group_thousands(amount.abs().round() as u64);
        match self.symbol() {
            Some(s) => format!("{sign}{s}{digits}"),
            None => format!("{sign}{} {digits}", self.0),
        }
    }

    /// Short amount for tables and charts: `$1.25M`, `$980k`, `$400`.
    pub fn format_short(&self, amount: f64) -> String {
        let a = amount.abs();
        let sign = if amount < 0.0 { "-" } else { "" };
        let body = if a >= 1e9 {
            format!("{}B", trim_decimals(a / 1e9))
        } else if a >= 1e6 {
            format!("{}M", trim_decimals(a / 1e6))
        } else if a >= 1e3 {
            format!("{}k", trim_decimals(a / 1e3))
        } else {
            format!("{}", a.round() as u64)
        };
        match self.symbol() {
            Some(s) => format!("{sign}{s}{body}"),
            None => format!("{sign}{} {body}", self.0),
        }
    }
}

/// Three significant digits at most: 436, 52.8, 1.17 (so `$436k`, `$52.8k`, `$1.17M`).
fn trim_decimals(x: f64) -> String {
    let decimals = if x >= 100.0 {
        0
    } else if x >= 10.0 {
        1
    } else {
        2
    };
    let s = format!("{x:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// Reads a number as people type it in a form: optional leading `-`, digits with
/// thousands separators (`,` `_` spaces), at most one decimal point. `None` when the text
/// has another shape (currency signs, letters, exponents, two points); callers word the
/// message for their field. The text must already be trimmed and non-empty.
pub fn read_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}'))
        .collect();
    let body = cleaned.strip_prefix('-').unwrap_or(&cleaned);
    let shape_ok = body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit());
    if shape_ok {
        cleaned.parse().ok()
    } else {
        None
    }
}

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
