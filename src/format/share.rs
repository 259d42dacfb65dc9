//! Sharing one account: a single-account JSON file, and a share link that carries the same
//! JSON compressed in the URL fragment (the part after `#` never reaches a server).
//!
//! Single-account file, format `"am-planner-account"`, version 1:
//! ```json
//! { "format": "am-planner-account", "version": 1, "exported_at": "...",
//!   "currency": "EUR", "account": { ...the same shape as one account of a workspace file... } }
//! ```
//! The account is [`AccountV1`] itself, so every per-account part (plan, people, health,
//! renewal...) travels with it. Amounts are in `currency`.
//!
//! Share link: `<page>#share=<payload>`, payload = base64url (RFC 4648 section 5, no
//! padding) of the zlib-wrapped deflate of the compact single-account JSON. zlib rather
//! than raw deflate for its checksum: a damaged link is caught before the JSON is read.
//! A link over [`MAX_LINK_CHARS`] characters is refused both ways (some browsers and
//! chat apps cut longer ones); the file works for any size.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::{Account, Currency};

use super::v1::AccountV1;

/// The `format` value of a single-account file.
pub const ACCOUNT_FORMAT_NAME: &str = "am-planner-account";
/// The newest single-account version this build reads and the one it writes.
pub const ACCOUNT_VERSION: u64 = 1;
/// Longest share link accepted or produced, in characters.
pub const MAX_LINK_CHARS: usize = 32_000;
/// What starts the payload in the fragment.
pub const SHARE_KEY: &str = "share=";
/// Largest JSON a link may inflate to (guards against a crafted "zip bomb").
pub const MAX_INFLATED_BYTES: usize = 4 * 1024 * 1024;

/// The single-account file, field for field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountFile {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    /// ISO 4217 code of every amount in the account.
    pub currency: String,
    pub account: AccountV1,
}

/// An account read from a file or a link, ready to preview and import.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedAccount {
    pub account: Account,
    pub currency: Currency,
    pub exported_at: Option<String>,
}

/// Why a shared account was refused. Each text says what is wrong and what to do.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    NotJson {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A whole-workspace file was given where one account was expected.
    WorkspaceFile,
    /// JSON, but not a single-account file.
    NotAccountFile {
        found: Option<String>,
    },
    BadVersion {
        found: String,
    },
    NewerVersion {
        found: u64,
    },
    /// A value missing, of the wrong type or out of range, at `path`.
    BadField {
        path: String,
        detail: String,
    },
    /// The link (or the one that would be made) is longer than [`MAX_LINK_CHARS`].
    TooLong {
        chars: usize,
    },
    /// No `#share=` part in what was given.
    NoPayload,
    /// The payload is not base64url.
    BadBase64 {
        detail: String,
    },
    /// The payload does not inflate (cut or altered on the way).
    BadCompression,
    /// It inflates, but not to text.
    NotText,
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotJson { line, column, detail } => write!(
                f,
                "This is not valid JSON (line {line}, column {column}: {detail})."
            ),
            ShareError::WorkspaceFile => write!(
                f,
                "This is a whole workspace file, not a single account: import it under \"Import\" on the Data page, which replaces the whole workspace."
            ),
            ShareError::NotAccountFile { found: None } => write!(
                f,
                "This JSON is not a shared account: it has no \"format\": \"{ACCOUNT_FORMAT_NAME}\" field."
            ),
            ShareError::NotAccountFile { found: Some(other) } => write!(
                f,
                "This JSON is not a shared account: its format is \"{other}\", expected \"{ACCOUNT_FORMAT_NAME}\"."
            ),
            ShareError::BadVersion { found } => write!(
                f,
                "The \"version\" must be a whole number such as 1; found {found}."
            ),
            ShareError::NewerVersion { found } => write!(
                f,
                "This account was shared from a newer planner (version {found}); this one reads up to version {ACCOUNT_VERSION}. Update the app, or ask for an export from the same version."
            ),
            ShareError::BadField { path, detail } => write!(f, "{path}: {detail}"),
            ShareError::TooLong { chars } => write!(
                f,
                "This plan is too big for a link ({chars} characters; browsers and chat apps may cut anything over {MAX_LINK_CHARS}). Share it as a file instead."
            ),
            ShareError::NoPayload => write!(
                f,
                "This is not a share link: it has no \"#share=\" part."
            ),
            ShareError::BadBase64 { detail } => write!(
                f,
                "This share link is damaged ({detail}). Ask for the link again, or for the file."
            ),
            ShareError::BadCompression => write!(
                f,
                "This share link is damaged or incomplete: it may have been cut when copied. Ask for the link again, or for the file."
            ),
            ShareError::NotText => write!(
                f,
                "This share link does not hold an account. Ask for the link again, or for the file."
            ),
        }
    }
}

fn file_of(account: &Account, currency: &Currency, exported_at: Option<String>) -> AccountFile {
    AccountFile {
        format: ACCOUNT_FORMAT_NAME.into(),
        version: ACCOUNT_VERSION as u32,
        exported_at,
        currency: currency.code().to_string(),
        account: AccountV1::from(account),
    }
}

/// The single-account file, pretty-printed.
pub fn encode_account(
    account: &Account,
    currency: &Currency,
    exported_at: Option<String>,
) -> String {
    serde_json::to_string_pretty(&file_of(account, currency, exported_at))
        .expect("an account always serializes")
}

/// A file name for the export of `account_name` made on `date` (`YYYY-MM-DD`):
/// `account-acme-corp-2026-11-22.json`.
pub fn account_file_name(account_name: &str, date: &str) -> String {
    format!(
        "account-{}-{date}.json",
        super::markdown::slug(account_name)
    )
}

/// Reads a single-account file. Never panics; every problem is a [`ShareError`] whose
/// paths start at the file (`account.planning.plan.goals[0].text`).
pub fn decode_account(text: &str) -> Result<SharedAccount, ShareError> {
    let header = super::read_header(text).map_err(|e| match e {
        super::ImportError::NotJson {
            line,
            column,
            detail,
        } => ShareError::NotJson {
            line,
            column,
            detail,
        },
        super::ImportError::BadField { path, detail } => ShareError::BadField { path, detail },
        other => ShareError::BadField {
            path: "file".into(),
            detail: other.to_string(),
        },
    })?;
    match header.format.as_deref() {
        Some(ACCOUNT_FORMAT_NAME) => {}
        Some(super::FORMAT_NAME) => return Err(ShareError::WorkspaceFile),
        found => {
            return Err(ShareError::NotAccountFile {
                found: found.map(String::from),
            })
        }
    }
    let version = header
        .version
        .map_err(|found| ShareError::BadVersion { found })?;
    if version > ACCOUNT_VERSION {
        return Err(ShareError::NewerVersion { found: version });
    }
    let file: AccountFile = super::deserialize_at(&header.value)
        .map_err(|(path, detail)| ShareError::BadField { path, detail })?;
    let currency = Currency::new(&file.currency).map_err(|detail| ShareError::BadField {
        path: "currency".into(),
        detail,
    })?;
    let account = file
        .account
        .into_domain()
        .map_err(|(path, detail)| ShareError::BadField {
            path: format!("account.{path}"),
            detail,
        })?;
    Ok(SharedAccount {
        account,
        currency,
        exported_at: file.exported_at,
    })
}

/// The link payload: base64url of the zlib-compressed compact single-account JSON.
pub fn share_payload(account: &Account, currency: &Currency) -> String {
    let json = serde_json::to_string(&file_of(account, currency, None))
        .expect("an account always serializes");
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    base64url_encode(&packed)
}

/// `page_url` (anything after a `#` in it is dropped) with `#share=<payload>`; refused
/// when longer than [`MAX_LINK_CHARS`].
pub fn share_link(
    page_url: &str,
    account: &Account,
    currency: &Currency,
) -> Result<String, ShareError> {
    let base = page_url.split('#').next().unwrap_or("");
    let link = format!("{base}#{SHARE_KEY}{}", share_payload(account, currency));
    let chars = link.chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    Ok(link)
}

/// The payload of a link: accepts a full URL with `#share=...`, a fragment `#share=...`,
/// or `share=...`. `None` when there is no share part.
pub fn payload_of(link: &str) -> Option<&str> {
    let t = link.trim();
    let fragment = match t.split_once('#') {
        Some((_, f)) => f,
        None => t,
    };
    fragment.strip_prefix(SHARE_KEY)
}

/// Reads a share link (or its fragment) back into an account. Refuses links over
/// [`MAX_LINK_CHARS`], and damaged or altered payloads, with a message for each case.
pub fn decode_share_link(link: &str) -> Result<SharedAccount, ShareError> {
    let chars = link.trim().chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    let payload = payload_of(link).ok_or(ShareError::NoPayload)?;
    let bytes = base64url_decode(payload).map_err(|detail| ShareError::BadBase64 { detail })?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&bytes, MAX_INFLATED_BYTES)
        .map_err(|_| ShareError::BadCompression)?;
    let text = String::from_utf8(json).map_err(|_| ShareError::NotText)?;
    decode_account(&text)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 section 5). Written here rather than pulled in: it
/// is twenty lines, and the decoder must be strict (see [`base64url_decode`]).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Strict base64url: only the 64 URL-safe characters, optional `=` padding at the end,
/// no impossible length, and unused trailing bits must be zero (so each byte string has
/// exactly one spelling and an altered last character is caught). The error says what
/// and where, for the message.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, String> {
    let body = text.trim_end_matches('=');
    let padding = text.len() - body.len();
    if padding > 2 || (padding > 0 && text.len() % 4 != 0) {
        return Err("wrong padding at the end".into());
    }
    if body.is_empty() {
        return Err("it is empty".into());
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for (i, ch) in body.chars().enumerate() {
        let v = match ch {
            'A'..='Z' => ch as u32 - 'A' as u32,
            'a'..='z' => ch as u32 - 'a' as u32 + 26,
            '0'..='9' => ch as u32 - '0' as u32 + 52,
            '-' => 62,
            '_' => 63,
            _ => {
                return Err(format!(
                    "character {} is \"{ch}\", which cannot be in a share link",
                    i + 1
                ))
            }
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if body.len() % 4 == 1 {
        return Err("its length is impossible: a character is missing or extra".into());
    }
    if acc != 0 {
        return Err("its last character was altered".into());
    }
    Ok(out)
}

/// One difference between the account in the workspace and the one being imported, for
/// the side-by-side preview: the path in the file shape (`arr`,
/// `planning.plan.goals[0].text`) and both values in short text (`(empty)` when absent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub path: String,
    pub before: String,
    pub after: String,
}

/// Every difference between two accounts, sorted by path (so each part's changes stay
/// together), compared in the file shape so that each per-account part (whoever added
/// it) is covered. The ids are not compared: replacing
/// keeps the workspace's id. Objects are compared key by key and same-length lists item
/// by item; a list whose length changed is one change (`3 items` -> `4 items`).
pub fn account_changes(current: &Account, incoming: &Account) -> Vec<Change> {
    let mut a = serde_json::to_value(AccountV1::from(current)).expect("serializes");
    let mut b = serde_json::to_value(AccountV1::from(incoming)).expect("serializes");
    if let (Some(a), Some(b)) = (a.as_object_mut(), b.as_object_mut()) {
        a.remove("id");
        b.remove("id");
    }
    let mut out = Vec::new();
    diff("", &a, &b, &mut out);
    out
}

fn diff(path: &str, a: &Value, b: &Value, out: &mut Vec<Change>) {
    if a == b {
        return;
    }
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                diff(&join(k), va, y.get(k).unwrap_or(&Value::Null), out);
            }
            for (k, vb) in y.iter().filter(|(k, _)| !x.contains_key(*k)) {
                diff(&join(k), &Value::Null, vb, out);
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (va, vb)) in x.iter().zip(y).enumerate() {
                diff(&format!("{path}[{i}]"), va, vb, out);
            }
        }
        _ => out.push(Change {
            path: path.to_string(),
            before: short(a),
            after: short(b),
        }),
    }
}

fn short(v: &Value) -> String {
    let s = match v {
        Value::Null => "(empty)".to_string(),
        Value::String(s) if s.is_empty() => "(empty)".to_string(),
        Value::String(s) => s.clone(),
        Value::Array(a) if a.is_empty() => "(empty)".to_string(),
        Value::Array(a) => format!("{} item{}", a.len(), if a.len() == 1 { "" } else { "s" }),
        Value::Object(_) => "(details)".to_string(),
        Value::Number(n) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    };
    if s.chars().count() > 80 {
        let cut: String = s.chars().take(77).collect();
        format!("{cut}...")
    } else {
        s
    }
}
