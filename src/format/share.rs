//! Sharing one account: a single-account JSON file, and a share link that carries the same
//! JSON compressed in the URL fragment (the part after `#` never reaches a server).
//!
//! Every share names its kind ([`ShareKind`]): **with a colleague** carries the whole
//! account, internal notes included, and can be imported; **with the customer** carries
//! only the customer copy (`domain::audience::customer_account`) and can only be read.
//!
//! Single-account file, format `"am-planner-account"`, version 3 (versions 1 and 2 still
//! read; version 1 as a colleague share: it had no kind and always held the whole account):
//! ```json
//! { "format": "am-planner-account", "version": 3, "kind": "customer", "exported_at": "...",
//!   "currency": "EUR", "account": { ...the same shape as one account of a workspace file... } }
//! ```
//! The account is [`AccountV3`] itself, so every per-account part (plan, people, health,
//! renewal, ARR history...) travels with it. Amounts are in `currency`. Versions 1 and 2
//! hold an [`AccountV1`], migrated on reading as a workspace file's accounts are.
//!
//! Share link: `<page>#share=<payload>`, payload = base64url (RFC 4648 section 5, no
//! padding) of a zlib stream (RFC 1950) of the single-account JSON. zlib for its checksum:
//! a damaged link is caught before the JSON is read. Links made since version 2 are
//! shorter: the JSON leaves out empty and default values ([`link_json`]), and the zlib
//! stream uses a preset dictionary ([`DICTIONARY_1`], named in the stream by its Adler-32
//! as RFC 1950 says) so field names cost almost nothing. Older links (no dictionary) still
//! read. A link over [`MAX_LINK_CHARS`] characters is refused both ways (some browsers and
//! chat apps cut longer ones); the file works for any size.

use std::fmt;

use miniz_oxide::deflate::core::{
    compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush, TDEFLStatus,
};
use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
use miniz_oxide::inflate::TINFLStatus;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::{Account, Currency};

use super::v1::AccountV1;
use super::v3::AccountV3;

/// The `format` value of a single-account file.
pub const ACCOUNT_FORMAT_NAME: &str = "am-planner-account";
/// The newest single-account version this build reads and the one it writes.
pub const ACCOUNT_VERSION: u64 = 3;
/// Longest share link accepted or produced, in characters.
pub const MAX_LINK_CHARS: usize = 32_000;
/// What starts the payload in the fragment.
pub const SHARE_KEY: &str = "share=";
/// Largest JSON a link may inflate to (guards against a crafted "zip bomb").
pub const MAX_INFLATED_BYTES: usize = 4 * 1024 * 1024;

/// Who a share is for, and so what it carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ShareKind {
    /// Someone on our side: the whole account, internal notes included; importable.
    Colleague,
    /// The customer: only the customer copy; read-only.
    Customer,
}

impl ShareKind {
    /// The account as it leaves in a share of this kind.
    pub fn copy_of(self, account: &Account) -> Account {
        match self {
            ShareKind::Colleague => account.clone(),
            ShareKind::Customer => crate::domain::audience::customer_account(account),
        }
    }
}

/// The single-account file, version 3, field for field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountFile {
    pub format: String,
    pub version: u32,
    /// Who it is for; decides what the account holds and whether it can be imported.
    pub kind: ShareKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    /// ISO 4217 code of every amount in the account.
    pub currency: String,
    pub account: AccountV3,
}

/// The single-account file, version 2 (a version 1 account with a kind). Read only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountFileV2 {
    pub format: String,
    pub version: u32,
    pub kind: ShareKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    pub currency: String,
    pub account: AccountV1,
}

impl AccountFileV2 {
    /// Version 2 to 3: the account migrates as a workspace file's does (its ARR becomes
    /// one `new` change at its contract start, or on `today`).
    pub fn migrate(self, today: chrono::NaiveDate) -> AccountFile {
        AccountFile {
            format: self.format,
            version: 3,
            kind: self.kind,
            exported_at: self.exported_at,
            currency: self.currency,
            account: AccountV3::from_v1(self.account, today),
        }
    }
}

/// The single-account file, version 1 (no kind: always the whole account). Read only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountFileV1 {
    pub format: String,
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    pub currency: String,
    pub account: AccountV1,
}

impl From<AccountFileV1> for AccountFileV2 {
    fn from(f: AccountFileV1) -> Self {
        AccountFileV2 {
            format: f.format,
            version: 2,
            kind: ShareKind::Colleague,
            exported_at: f.exported_at,
            currency: f.currency,
            account: f.account,
        }
    }
}

/// An account read from a file or a link, ready to view (and, from a colleague, import).
#[derive(Debug, Clone, PartialEq)]
pub struct SharedAccount {
    pub kind: ShareKind,
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
    /// The file as a whole cannot be read (too big, not text): the message says why.
    Unreadable {
        message: String,
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
    /// Compressed with a dictionary this build does not have (a newer planner's link).
    UnknownDictionary,
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
            ShareError::Unreadable { message } => f.write_str(message),
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
            ShareError::UnknownDictionary => write!(
                f,
                "This share link was made by a newer version of the planner. Update the app, or ask for the file."
            ),
        }
    }
}

fn file_of(
    kind: ShareKind,
    account: &Account,
    currency: &Currency,
    exported_at: Option<String>,
) -> AccountFile {
    AccountFile {
        format: ACCOUNT_FORMAT_NAME.into(),
        version: ACCOUNT_VERSION as u32,
        kind,
        exported_at,
        currency: currency.code().to_string(),
        account: AccountV3::from(&kind.copy_of(account)),
    }
}

/// The single-account file of this kind, pretty-printed. A customer file holds only the
/// customer copy of the account.
pub fn encode_account(
    kind: ShareKind,
    account: &Account,
    currency: &Currency,
    exported_at: Option<String>,
) -> String {
    serde_json::to_string_pretty(&file_of(kind, account, currency, exported_at))
        .expect("an account always serializes")
}

/// A file name for the export of `account_name` made on `date` (`YYYY-MM-DD`):
/// `account-acme-corp-2026-11-22.json` for a colleague,
/// `account-acme-corp-customer-copy-2026-11-22.json` for the customer.
pub fn account_file_name(kind: ShareKind, account_name: &str, date: &str) -> String {
    let slug = super::markdown::slug(account_name);
    match kind {
        ShareKind::Colleague => format!("account-{slug}-{date}.json"),
        ShareKind::Customer => format!("account-{slug}-customer-copy-{date}.json"),
    }
}

/// A file's problem found by the reader shared with workspace files, as the single-account
/// file's error.
fn share_error(e: super::ImportError) -> ShareError {
    match e {
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
        other => ShareError::Unreadable {
            message: other.to_string(),
        },
    }
}

/// Reads a single-account file given as the bytes of a file the user chose (read straight
/// into wasm, `browser::read_bytes`): its size and encoding are checked first, as
/// [`super::decode_bytes`] does for a workspace file, then [`decode_account`].
pub fn decode_account_bytes(
    bytes: &[u8],
    today: chrono::NaiveDate,
) -> Result<SharedAccount, ShareError> {
    decode_account(super::read::text_of(bytes).map_err(share_error)?, today)
}

/// Reads a single-account file (version 1, 2 or 3) on `today` (the day an older file's
/// ARR history starts, see [`AccountFileV2::migrate`]). Never panics; every problem is a
/// [`ShareError`] whose paths start at the file (`account.planning.plan.goals[0].text`).
/// A customer file is cut to the customer copy again on reading, so nothing internal can
/// come in through one, whoever wrote it.
pub fn decode_account(text: &str, today: chrono::NaiveDate) -> Result<SharedAccount, ShareError> {
    let header = super::read_header(text).map_err(share_error)?;
    let doc = header.document;
    let refused = match (header.format.as_deref(), &header.version) {
        (Some(ACCOUNT_FORMAT_NAME), Ok(version)) if *version <= ACCOUNT_VERSION => None,
        (Some(ACCOUNT_FORMAT_NAME), Ok(found)) => Some(ShareError::NewerVersion { found: *found }),
        (Some(ACCOUNT_FORMAT_NAME), Err(found)) => Some(ShareError::BadVersion {
            found: found.clone(),
        }),
        (Some(super::FORMAT_NAME), _) => Some(ShareError::WorkspaceFile),
        (found, _) => Some(ShareError::NotAccountFile {
            found: found.map(String::from),
        }),
    };
    if let Some(refused) = refused {
        doc.check().map_err(share_error)?;
        return Err(refused);
    }
    let file: AccountFile = match header.version {
        Ok(1) => AccountFileV2::from(doc.deserialize::<AccountFileV1>().map_err(share_error)?)
            .migrate(today),
        Ok(2) => doc
            .deserialize::<AccountFileV2>()
            .map_err(share_error)?
            .migrate(today),
        _ => doc.deserialize().map_err(share_error)?,
    };
    let currency = Currency::new(&file.currency).map_err(|e| ShareError::BadField {
        path: "currency".into(),
        detail: e.message,
    })?;
    let account =
        file.account
            .into_domain(today)
            .map_err(|(path, detail)| ShareError::BadField {
                path: format!("account.{path}"),
                detail,
            })?;
    Ok(SharedAccount {
        kind: file.kind,
        account: file.kind.copy_of(&account),
        currency,
        exported_at: file.exported_at,
    })
}

/// The JSON a link carries: the single-account file, compact, without the values a reader
/// takes by default (null, empty text, empty lists and objects, `false` except a manual
/// metric's `met`; whole amounts without `.0`). Checked before use: when the lean JSON
/// would not read back as the same account, the full compact JSON is used instead.
pub fn link_json(kind: ShareKind, account: &Account, currency: &Currency) -> String {
    let file = file_of(kind, account, currency, None);
    let mut value = serde_json::to_value(&file).expect("an account always serializes");
    lean(&mut value);
    let lean_text = value.to_string();
    let expected = kind.copy_of(account);
    // The day of reading only matters to an account whose ARR has no history, which the
    // app never holds; such an account fails the comparison and goes out in full.
    match decode_account(&lean_text, chrono::NaiveDate::default()) {
        Ok(back) if back.account == expected && back.currency == *currency => lean_text,
        _ => serde_json::to_string(&file).expect("an account always serializes"),
    }
}

/// Drops default values in place; true when `v` itself is now a default value.
fn lean(v: &mut Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Bool(b) => !*b,
        Value::Number(n) => {
            if let Some(x) = n.as_f64().filter(|x| n.is_f64() && x.fract() == 0.0) {
                if x.abs() < 9_007_199_254_740_992.0 {
                    *v = Value::from(x as i64);
                }
            }
            false
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                lean(item);
            }
            items.is_empty()
        }
        Value::Object(map) => {
            let dropped: Vec<String> = map
                .iter_mut()
                .filter_map(|(k, child)| {
                    let default = lean(child);
                    let keep_false = k == "met" && child.is_boolean();
                    (default && !keep_false).then(|| k.clone())
                })
                .collect();
            for k in dropped {
                map.remove(&k);
            }
            map.is_empty()
        }
    }
}

/// The link payload: base64url of the zlib stream (with the preset dictionary) of
/// [`link_json`].
pub fn share_payload(kind: ShareKind, account: &Account, currency: &Currency) -> String {
    let json = link_json(kind, account, currency);
    base64url_encode(&zlib_with_dictionary(
        json.as_bytes(),
        DICTIONARY_1.as_bytes(),
    ))
}

/// The payload as links were made before version 2 (the whole account, version 1 JSON
/// with every field, zlib without a dictionary). Nothing in the app makes these any more;
/// kept to measure how much shorter links became (`make bench`) and to test that such
/// links still read.
pub fn v1_share_payload(account: &Account, currency: &Currency) -> String {
    let file = AccountFileV1 {
        format: ACCOUNT_FORMAT_NAME.into(),
        version: 1,
        exported_at: None,
        currency: currency.code().to_string(),
        account: AccountV1::from(account),
    };
    let json = serde_json::to_string(&file).expect("an account always serializes");
    base64url_encode(&miniz_oxide::deflate::compress_to_vec_zlib(
        json.as_bytes(),
        9,
    ))
}

/// A table of link lengths in characters for every account of `ws`, as `page_url` +
/// `#share=`: before version 2 (the whole account), and now for a colleague and for the
/// customer. Figures for `make bench`.
pub fn link_length_table(ws: &crate::domain::Workspace, page_url: &str) -> String {
    let len = |payload: String| page_url.len() + 1 + SHARE_KEY.len() + payload.len();
    let mut out = format!(
        "{:<32} {:>12} {:>12} {:>12}\n",
        "share link length (chars)", "before", "colleague", "customer"
    );
    let mut totals = [0usize; 3];
    for a in ws.accounts() {
        let row = [
            len(v1_share_payload(a, &ws.currency)),
            len(share_payload(ShareKind::Colleague, a, &ws.currency)),
            len(share_payload(ShareKind::Customer, a, &ws.currency)),
        ];
        for (t, r) in totals.iter_mut().zip(row) {
            *t += r;
        }
        out.push_str(&format!(
            "{:<32} {:>12} {:>12} {:>12}\n",
            a.fields.name, row[0], row[1], row[2]
        ));
    }
    out.push_str(&format!(
        "{:<32} {:>12} {:>12} {:>12}\n",
        "total", totals[0], totals[1], totals[2]
    ));
    out
}

/// `page_url` (anything after a `#` in it is dropped) with `#share=<payload>`; refused
/// when longer than [`MAX_LINK_CHARS`].
pub fn share_link(
    page_url: &str,
    kind: ShareKind,
    account: &Account,
    currency: &Currency,
) -> Result<String, ShareError> {
    let base = page_url.split('#').next().unwrap_or("");
    let link = format!(
        "{base}#{SHARE_KEY}{}",
        share_payload(kind, account, currency)
    );
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
pub fn decode_share_link(
    link: &str,
    today: chrono::NaiveDate,
) -> Result<SharedAccount, ShareError> {
    let chars = link.trim().chars().count();
    if chars > MAX_LINK_CHARS {
        return Err(ShareError::TooLong { chars });
    }
    let payload = payload_of(link).ok_or(ShareError::NoPayload)?;
    let bytes = base64url_decode(payload).map_err(|detail| ShareError::BadBase64 { detail })?;
    let json = unzlib(&bytes)?;
    let text = String::from_utf8(json).map_err(|_| ShareError::NotText)?;
    decode_account(&text, today)
}

/// The preset dictionary of links made since version 2: common values of the
/// single-account file, then the skeleton of a full lean account (field names in the
/// order [`link_json`] writes them, texts emptied) last, where references are cheapest.
/// A released dictionary never changes (links name it by its Adler-32); a better one is
/// added next to it with its own id, and this one keeps reading old links.
pub const DICTIONARY_1: &str = concat!(
    r#""save_plans":[{"closed":{"note":"","on":"2026-","outcome":"saved"},"done":[{"done_on":"2026-","step":"check_in_1"}],"notify_leadership":true,"opened_on":"2026-","owner":"","root_cause":"relationship_breakdown"}]"#,
    r#""product_gap","budget_cut","competitive_threat","triage","tell_leadership","executive_outreach","root_cause_meeting","lost","other""#,
    r#""identified","proposed","won","seat_expansion","cross_sell","new_business_unit","buyer_aware_of_value":true"#,
    r#""t180","t60","t30","t7","kickoff","map_signers","value_story","roi","risks","qbr","commercials","proposal","objections","legal","follow_up","escalate","extension","countersigned","new_term_kickoff","auto_renew":true,"early_start":true"#,
    r#""core_features":3,"ticket_trend":"decreasing","zero_open","stable","increasing","escalated","targets_met_pct":60"#,
    r#""tickets_reviewed","health_trend","sponsor_confirmed","strategic_questions","expansion_idea","agenda_sent","side":"customer","notes":"","start":"10:00","14:00""#,
    r#""at_most","manual","met":false,"met":true,"status":"closed""#,
    r#""executive_sponsor","economic_buyer","blocker","end_user","influencer","technical_evaluator","strong_detractor","detractor","neutral","supporter","weekly","monthly","quarterly","left_company":true"#,
    r#""mid_market","smb","1-50","51-200","201-1000","5000+","tier":1,"USD","GBP","kind":"customer","2027-"#,
    r#"{"account":{"arr":184000,"contract_start":"2026-","expansion":{"opportunities":[{"description":"","estimated_arr":36000,"id":1,"owner":"","stage":"qualifying","target_date":"2026-","trigger":"","type":"module_upsell"}],"readiness":{"champion_active":true,"new_use_case_or_team":true,"roi_documented":true}},"health":{"snapshots":[{"date":"2026-","nps":7,"seat_usage_pct":68}]},"id":1,"industry":"","name":"","notes":"","owner":"","planning":{"plan":{"actions":[{"done_on":"2026-","due":"2026-","goal":2,"id":1,"owner":"","text":""}],"goals":[{"id":1,"mapping":"","source":"","text":""}],"last_updated":"2026-","metrics":[{"current":9,"name":"","rule":"at_least","target":12,"unit":"%"}],"opportunity_ids":[1],"overview":"","risks":[{"mitigation":"","risk":"","status":"open"}],"swot":{"opportunities":[""],"strengths":[""],"threats":[""],"weaknesses":[""]}},"qbrs":[{"attendees":[1],"challenges":"","date":"2026-","id":1,"mutual_actions":[{"due":"2026-","owner":"","pushed_as":2,"side":"us","text":""}],"prep_done":["usage_and_roi"],"roadmap":"","start":"","value_delivered":""}],"qualifications":[{"bant":{"authority":{"rating":2},"budget":{"rating":1},"need":{"rating":3},"timeline":{"notes":"","rating":2}},"business_case":{"annual_benefit":72000,"investment":30000},"meddic":{"champion":{"notes":"","rating":2},"decision_criteria":{"rating":2},"decision_process":{"rating":0},"economic_buyer":{"rating":1},"identified_pain":{"notes":"","rating":3},"metrics":{"notes":"","rating":2}},"opportunity_id":1}]},"primary_use_case":"","products":[""],"renewal":{"custom_tasks":[{"id":1,"milestone":"t90","text":""}],"done":[{"done_on":"2026-","milestone":"t120","task":"forecast"}],"notice_days":60},"renewal_date":"2026-","segment":"enterprise","size":"1001-5000","stakeholders":{"last_reviewed":"2026-","people":[{"business_unit":"","frequency":"biweekly","id":1,"influence":4,"last_contact":"2026-","name":"","owner":"","personal_win":"","reports_to":2,"roles":["champion"],"sentiment":"champion","title":""}]}},"currency":"EUR","format":"am-planner-account","kind":"colleague","version":2}"#,
);

/// RFC 1950 Adler-32.
fn adler32(data: &[u8]) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    for chunk in data.chunks(5552) {
        for &x in chunk {
            a += x as u32;
            b += a;
        }
        a %= MOD;
        b %= MOD;
    }
    (b << 16) | a
}

/// zlib (RFC 1950) with a preset dictionary, deflate at the best level: header with FDICT
/// set, the dictionary's Adler-32, the deflate data, the Adler-32 of `data`. The
/// compressor is primed by compressing the dictionary first and dropping what that writes
/// (a sync flush ends it on a byte boundary and keeps the window).
fn zlib_with_dictionary(data: &[u8], dictionary: &[u8]) -> Vec<u8> {
    let flags = create_comp_flags_from_zip_params(10, -15, 0);
    let mut compressor = CompressorOxide::new(flags);
    let (status, used) =
        compress_to_output(&mut compressor, dictionary, TDEFLFlush::Sync, |_| true);
    assert!(
        status == TDEFLStatus::Okay && used == dictionary.len(),
        "priming with the dictionary"
    );
    // CMF 0x78: deflate, 32K window. FLG: level 3 (best), FDICT, check bits.
    let mut out = vec![0x78u8, 0xF9];
    out.extend_from_slice(&adler32(dictionary).to_be_bytes());
    let (status, used) = compress_to_output(&mut compressor, data, TDEFLFlush::Finish, |b| {
        out.extend_from_slice(b);
        true
    });
    assert!(
        status == TDEFLStatus::Done && used == data.len(),
        "compressing a link"
    );
    out.extend_from_slice(&adler32(data).to_be_bytes());
    out
}

/// Inflates a link's zlib stream: with the preset dictionary it names, or (links made
/// before version 2) without one. Refuses a bad header, a wrong checksum, anything that
/// inflates past [`MAX_INFLATED_BYTES`].
fn unzlib(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    let (cmf, flg) = match bytes {
        [c, f, ..] => (*c, *f),
        _ => return Err(ShareError::BadCompression),
    };
    if flg & 0x20 == 0 {
        return miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(bytes, MAX_INFLATED_BYTES)
            .map_err(|_| ShareError::BadCompression);
    }
    if cmf & 0x0f != 8 || cmf >> 4 > 7 || (u16::from(cmf) << 8 | u16::from(flg)) % 31 != 0 {
        return Err(ShareError::BadCompression);
    }
    let (id, rest) = match bytes[2..].split_first_chunk::<4>() {
        Some((id, rest)) if rest.len() >= 4 => (u32::from_be_bytes(*id), rest),
        _ => return Err(ShareError::BadCompression),
    };
    let dictionary = DICTIONARY_1.as_bytes();
    if id != adler32(dictionary) {
        return Err(ShareError::UnknownDictionary);
    }
    let (deflated, sum) = rest.split_at(rest.len() - 4);
    let expected_sum = u32::from_be_bytes(sum.try_into().expect("four bytes"));
    let limit = dictionary.len() + MAX_INFLATED_BYTES;
    let mut out = dictionary.to_vec();
    out.resize((dictionary.len() + deflated.len() * 4).min(limit), 0);
    let mut decomp = DecompressorOxide::new();
    let mut at = dictionary.len();
    let mut input = deflated;
    loop {
        let (status, read, written) = decompress(
            &mut decomp,
            input,
            &mut out,
            at,
            inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF,
        );
        at += written;
        input = input.get(read..).ok_or(ShareError::BadCompression)?;
        match status {
            TINFLStatus::Done => break,
            TINFLStatus::HasMoreOutput if out.len() < limit => {
                let grown = (out.len() * 2).min(limit);
                out.resize(grown, 0);
            }
            _ => return Err(ShareError::BadCompression),
        }
    }
    if !input.is_empty() {
        return Err(ShareError::BadCompression);
    }
    out.truncate(at);
    let data = out.split_off(dictionary.len());
    if adler32(&data) != expected_sum {
        return Err(ShareError::BadCompression);
    }
    Ok(data)
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
    let mut a = serde_json::to_value(AccountV3::from(current)).expect("serializes");
    let mut b = serde_json::to_value(AccountV3::from(incoming)).expect("serializes");
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
        Value::Array(a) => crate::domain::plural(a.len(), "item", "items"),
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
