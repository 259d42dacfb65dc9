//! Numbers as the planner reads and writes them: plain typed numbers, one-decimal rounding
//! and points for display.

/// Digits with at most one decimal point and an optional leading minus; nothing else
/// (no exponent, no `inf`, no thousands separators).
pub fn plain_number(t: &str) -> Option<f64> {
    let body = t.strip_prefix('-').unwrap_or(t);
    let ok = !body.is_empty()
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1
        && body.chars().any(|c| c.is_ascii_digit());
    if ok {
        t.parse().ok()
    } else {
        None
    }
}

/// Rounded to one decimal, with `-0.0` read as `0.0`.
pub fn round1(x: f64) -> f64 {
    let r = (x * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// Score points for display: one decimal only when needed (`67.5`, `80`, `-12.5`).
pub fn fmt_points(x: f64) -> String {
    let r = round1(x);
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// A typed number back as text, without trailing zeros (`85`, `85.5`).
pub fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

/// `12`, `12.5`, `0.33`: rounded to two decimals, trailing zeros dropped.
pub fn short_number(value: f64) -> String {
    let s = format!("{value:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}
