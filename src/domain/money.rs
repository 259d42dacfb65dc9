//! The workspace currency and how amounts are written.

use super::error::FieldError;

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

    pub fn new(code: &str) -> Result<Self, FieldError> {
        let c = code.trim();
        if c.len() == 3 && c.chars().all(|ch| ch.is_ascii_uppercase()) {
            Ok(Currency(c.to_string()))
        } else {
            Err(FieldError::bare(format!(
                "\"{code}\" is not a currency code: use three capital letters such as USD or EUR."
            )))
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

/// Reads a number as people type it in a form: optional leading `-`, digits, at most one
/// decimal point, and thousands grouped by `,` (in threes, before the point), `_` or
/// spaces. `None` when the text has another shape (currency signs, letters, exponents, two
/// points) or a comma that does not group thousands, so that a number written the
/// continental way is never read as another (`1.234,56` and `1,5` are refused, not read as
/// 1.23456 and 15); callers word the message for their field. The text must already be
/// trimmed and non-empty.
pub fn read_number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, '_' | ' ' | '\u{a0}'))
        .collect();
    let body = cleaned.strip_prefix('-').unwrap_or(&cleaned);
    let (whole, fraction) = body.split_once('.').unwrap_or((body, ""));
    let groups: Vec<&str> = whole.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
    let shape_ok = grouped_ok
        && groups.iter().all(|g| digits(g))
        && digits(fraction)
        && body.chars().any(|c| c.is_ascii_digit());
    if shape_ok {
        cleaned.replace(',', "").parse().ok()
    } else {
        None
    }
}

/// Reads an amount of money typed in a form: [`read_number`], except that a single point
/// followed by exactly three digits (`120.000`) is refused too: no amount has three
/// decimals, and written so it is 120,000 the continental way and 120 the other.
pub fn read_typed_amount(text: &str) -> Option<f64> {
    let body = text.trim_start_matches('-');
    let three_decimals = !body.contains(',')
        && body
            .split_once('.')
            .is_some_and(|(_, fraction)| fraction.trim().len() == 3);
    if three_decimals {
        None
    } else {
        read_number(text)
    }
}

/// Digits grouped by thousands (`domain::text` holds it: counts use it too).
pub use super::text::group_thousands;

/// Currency marks an amount may carry in an imported table, before or after the digits.
const CURRENCY_SIGNS: [&str; 7] = ["US$", "$", "€", "£", "¥", "₹", "CHF"];

/// Reads an amount as CRM exports and spreadsheets write it: `$1,234.50`, `1.234,50 €`,
/// `EUR 1 234,50`, `1'234.50`, `1234.5` (docs/csv-import.md#money). A currency sign or a
/// three-letter code before or after is dropped (the workspace has one currency; nothing is
/// converted). The decimal mark is the last `.` or `,` when both appear; a single mark
/// followed by exactly three digits groups thousands (`1.234` is 1234), any other single
/// mark is the decimal mark (`1,5` is 1.5). Thousands groups must have three digits. The
/// message quotes the text and shows the accepted shapes.
pub fn read_money(text: &str) -> Result<f64, FieldError> {
    let t = text.trim();
    let shown: String = t.chars().take(40).collect();
    let refuse = || {
        FieldError::bare(format!(
            "\"{shown}\" is not an amount: write digits, e.g. 1234.50, $1,234.50 or 1.234,50 €."
        ))
    };
    let mut body = t;
    loop {
        let before = body;
        for sign in CURRENCY_SIGNS {
            body = body.strip_prefix(sign).unwrap_or(body).trim();
            body = body.strip_suffix(sign).unwrap_or(body).trim();
        }
        let code = |s: &str| s.len() == 3 && s.bytes().all(|c| c.is_ascii_uppercase());
        if body.len() > 3 && body.is_char_boundary(3) && code(&body[..3]) {
            body = body[3..].trim();
        }
        if body.len() > 3 && body.is_char_boundary(body.len() - 3) && code(&body[body.len() - 3..])
        {
            body = body[..body.len() - 3].trim();
        }
        if body == before {
            break;
        }
    }
    let cleaned: String = body
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '_'))
        .collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        || !digits.starts_with(|c: char| c.is_ascii_digit())
    {
        return Err(refuse());
    }
    let (commas, dots) = (digits.matches(',').count(), digits.matches('.').count());
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let mark = if commas > 0 { ',' } else { '.' };
            let (head, tail) = digits.rsplit_once(mark).unwrap_or((digits, ""));
            if commas + dots > 1 || (tail.len() == 3 && !head.starts_with('0')) {
                None
            } else {
                Some(mark)
            }
        }
        _ => {
            let last = digits.rfind(['.', ',']).map(|i| &digits[i..i + 1]);
            match last {
                Some(",") if commas == 1 => Some(','),
                Some(".") if dots == 1 => Some('.'),
                _ => return Err(refuse()),
            }
        }
    };
    let (int_part, frac_part) = match decimal {
        Some(mark) => digits.rsplit_once(mark).unwrap_or((digits, "")),
        None => (digits, ""),
    };
    if !frac_part.chars().all(|c| c.is_ascii_digit()) || (decimal.is_some() && frac_part.is_empty())
    {
        return Err(refuse());
    }
    // What is left of the decimal mark: digits, grouped by one kind of mark in threes.
    let groups: Vec<&str> = int_part.split(['.', ',']).collect();
    let grouped = groups.len() > 1;
    if grouped
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return Err(refuse());
    }
    let whole: String = groups.concat();
    let number = format!(
        "{}{whole}.{}",
        if negative { "-" } else { "" },
        if frac_part.is_empty() { "0" } else { frac_part }
    );
    number.parse::<f64>().map_err(|_| refuse())
}
