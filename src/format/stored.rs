//! The stored form: how the workspace document is kept in the browser's localStorage
//! (described in `docs/storage.md`). Pure, so it is tested natively.
//!
//! The document is the one [`super::encode`] writes for export, in parts (written by
//! `super::writer`): one part per account (the account's JSON as the file has it) and one
//! part for the rest (the document with an empty `accounts` list). Each
//! part is compact JSON, deflated (zlib), and packed 15 bits to a character so that every
//! character is a valid Unicode scalar value (U+0020 to U+801F, never a surrogate). A part
//! is stored under a key named by a hash of its content, so an unchanged part is never
//! written again. A small manifest (plain JSON) lists the parts in order; writing the
//! manifest is what makes a save visible, so a save is all or nothing.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The manifest: which parts make up the workspace, in order, and who wrote it.
pub const MANIFEST_KEY: &str = "am-planner.manifest";
/// Every part's key is this prefix and the part's hash ([`part_key`]).
pub const PART_PREFIX: &str = "am-planner.part.";
/// Where the app before the stored form kept the whole document, pretty-printed JSON.
/// Read once and migrated; an unreadable value there is kept until the user discards it.
pub const LEGACY_KEY: &str = "am-planner.workspace";
/// What is kept of stored data that could not be read: a small record of its keys and
/// the error ([`Unreadable`]).
pub const UNREADABLE_KEY: &str = "am-planner.unreadable";
/// A copy of an unreadable manifest (the manifest key itself is written by the next save).
pub const UNREADABLE_MANIFEST_KEY: &str = "am-planner.unreadable.manifest";
/// The version of this stored form (the manifest and part layout). A reader refuses a
/// newer one.
pub const STORE_VERSION: u32 = 1;

/// Characters start here: U+0020 to U+801F holds 2^15 values and no surrogate.
const OFFSET: u32 = 0x20;
/// The packed length header: two characters of 15 bits.
const MAX_PACKED_BYTES: usize = (1 << 30) - 1;
/// A part never expands to more than this (a guard against damaged or hostile data).
pub const MAX_PART_BYTES: usize = 256 << 20;

/// Why stored text could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum StoredError {
    /// A part's characters are not a packed part (wrong length, a character out of range).
    BadPacking(String),
    /// A part does not inflate (damaged deflate data or checksum).
    BadCompression(String),
    /// A part is not UTF-8 JSON of the expected shape.
    BadPart(String),
    /// A part the manifest lists is not in storage.
    MissingPart(String),
    /// A part's content does not match its key.
    WrongContent(String),
    /// The manifest is not JSON of the expected shape.
    BadManifest(String),
    /// Written by a newer version of the app (stored form or file format).
    Newer { store: u32, format: u64 },
}

impl fmt::Display for StoredError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoredError::BadPacking(d) => write!(f, "a stored part is damaged ({d})"),
            StoredError::BadCompression(d) => {
                write!(f, "a stored part does not unpack ({d})")
            }
            StoredError::BadPart(d) => write!(f, "a stored part is not what it should be ({d})"),
            StoredError::MissingPart(key) => write!(f, "a stored part is missing ({key})"),
            StoredError::WrongContent(key) => {
                write!(f, "a stored part does not match its name ({key})")
            }
            StoredError::BadManifest(d) => write!(f, "the list of stored parts is damaged ({d})"),
            StoredError::Newer { store, format } => write!(
                f,
                "it was saved by a newer version of the planner (stored form {store}, file format {format})"
            ),
        }
    }
}

// ---- packing ------------------------------------------------------------------------

/// Packs bytes into characters, 15 bits each, after a two-character length header. Every
/// character is in U+0020..=U+801F: a valid scalar value, never a surrogate.
pub fn pack(bytes: &[u8]) -> String {
    assert!(bytes.len() <= MAX_PACKED_BYTES, "a part is at most 1 GiB");
    let n = bytes.len() as u32;
    let mut out = String::with_capacity(2 + ((bytes.len() as u64) * 8).div_ceil(15) as usize);
    out.push(unit(n >> 15));
    out.push(unit(n & 0x7fff));
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for &b in bytes {
        acc = (acc << 8) | b as u32;
        bits += 8;
        if bits >= 15 {
            bits -= 15;
            out.push(unit((acc >> bits) & 0x7fff));
            acc &= (1 << bits) - 1;
        }
    }
    if bits > 0 {
        out.push(unit((acc << (15 - bits)) & 0x7fff));
    }
    out
}

fn unit(v: u32) -> char {
    char::from_u32(v + OFFSET).expect("U+0020..=U+801F are scalar values")
}

/// Reads what [`pack`] wrote. Refuses any other text (never panics).
pub fn unpack(text: &str) -> Result<Vec<u8>, StoredError> {
    let mut out = Vec::new();
    unpack_into(text, &mut out)?;
    Ok(out)
}

/// [`unpack`] into `out` (cleared first), so one buffer serves every part of a load.
fn unpack_into(text: &str, out: &mut Vec<u8>) -> Result<(), StoredError> {
    out.clear();
    let mut chars = text.chars();
    let mut unit = || -> Option<Result<u32, StoredError>> {
        let v = chars.next()? as u32;
        Some(if (OFFSET..OFFSET + 0x8000).contains(&v) {
            Ok(v - OFFSET)
        } else {
            Err(StoredError::BadPacking(format!(
                "character U+{v:04X} is out of range"
            )))
        })
    };
    let (Some(hi), Some(lo)) = (unit(), unit()) else {
        return Err(StoredError::BadPacking("too short".into()));
    };
    let len = ((hi? << 15) | lo?) as usize;
    let expected = ((len as u64) * 8).div_ceil(15) as usize;
    out.reserve(len.min(text.len() * 2));
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    let mut count = 0usize;
    while let Some(v) = unit() {
        let v = v?;
        count += 1;
        if count > expected {
            return Err(StoredError::BadPacking(
                "longer than its length says".into(),
            ));
        }
        acc = (acc << 15) | v;
        bits += 15;
        while bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if count != expected {
        return Err(StoredError::BadPacking(
            "shorter than its length says".into(),
        ));
    }
    // The last character's bits past the length are padding: whole bytes pushed past it,
    // and the bits left over, all zero.
    if acc != 0 || out[len..].iter().any(|b| *b != 0) {
        return Err(StoredError::BadPacking("padding is not zero".into()));
    }
    out.truncate(len);
    Ok(())
}

// ---- parts --------------------------------------------------------------------------

/// A part ready to store: its content hash (the key's tail) and the packed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub hash: String,
    pub value: String,
}

impl Part {
    pub fn key(&self) -> String {
        part_key(&self.hash)
    }
}

pub fn part_key(hash: &str) -> String {
    format!("{PART_PREFIX}{hash}")
}

/// 64-bit FNV-1a of the packed text, as 16 hex digits: the part's name.
pub fn hash_of(value: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in value.as_bytes() {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Compresses and packs one part's JSON text.
pub fn make_part(json: &str) -> Part {
    let deflated = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 6);
    let value = pack(&deflated);
    Part {
        hash: hash_of(&value),
        value,
    }
}

/// Unpacks and inflates one stored part, checking it matches its hash. Never panics.
pub fn read_part(hash: &str, value: &str) -> Result<String, StoredError> {
    PartReader::default().read(hash, value).map(String::from)
}

/// Reads parts one after the other with the same buffers and inflater, so a load of many
/// parts allocates and clears them once, not once a part.
#[derive(Default)]
struct PartReader {
    inflater: Box<miniz_oxide::inflate::core::DecompressorOxide>,
    packed: Vec<u8>,
    json: Vec<u8>,
}

impl PartReader {
    /// One part's JSON text, borrowed until the next part is read (see [`read_part`]).
    fn read(&mut self, hash: &str, value: &str) -> Result<&str, StoredError> {
        use miniz_oxide::inflate::core::{decompress, inflate_flags};
        use miniz_oxide::inflate::TINFLStatus;
        if hash_of(value) != hash {
            return Err(StoredError::WrongContent(part_key(hash)));
        }
        unpack_into(value, &mut self.packed)?;
        // What `miniz_oxide::inflate::decompress_to_vec_zlib_with_limit` does, into a
        // buffer kept from the part before.
        let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
            | inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
        self.inflater.init();
        if self.json.len() < self.packed.len() * 2 {
            self.json
                .resize((self.packed.len() * 2).min(MAX_PART_BYTES), 0);
        }
        let mut input = &self.packed[..];
        let mut at = 0;
        loop {
            let (status, used, written) =
                decompress(&mut self.inflater, input, &mut self.json, at, flags);
            at += written;
            match status {
                TINFLStatus::Done => break,
                TINFLStatus::HasMoreOutput if self.json.len() < MAX_PART_BYTES => {
                    input = &input[used.min(input.len())..];
                    let grown = (self.json.len() * 2).clamp(64, MAX_PART_BYTES);
                    self.json.resize(grown, 0);
                }
                other => return Err(StoredError::BadCompression(format!("{other:?}"))),
            }
        }
        std::str::from_utf8(&self.json[..at])
            .map_err(|_| StoredError::BadPart("not UTF-8 text".into()))
    }
}

// ---- putting the document together --------------------------------------------------

/// Puts the document back together: the rest with `workspace.accounts` set to the
/// accounts in order. The result is read by [`super::decode`]. Each account must be one
/// JSON value (checked here).
pub fn assemble_document(rest: &str, accounts: &[String]) -> Result<String, StoredError> {
    for a in accounts {
        serde_json::from_str::<serde::de::IgnoredAny>(a)
            .map_err(|e| StoredError::BadPart(format!("an account: {e}")))?;
    }
    splice_accounts(rest, accounts)
}

/// [`assemble_document`] for accounts already checked to be one JSON value each.
fn splice_accounts(rest: &str, accounts: &[String]) -> Result<String, StoredError> {
    let (head, tail) = around_accounts(rest)?;
    let size = accounts.iter().map(|a| a.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(head.len() + size + tail.len() + 2);
    out.push_str(&head);
    out.push('[');
    for (i, a) in accounts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(a);
    }
    out.push(']');
    out.push_str(&tail);
    Ok(out)
}

/// The rest's document written before and after its `workspace.accounts` list, which goes
/// in between. Only the small rest is parsed; the accounts' text goes in as it is, in place
/// of a marker the rest does not hold (opening a large workspace parsed every account twice
/// more before).
fn around_accounts(rest: &str) -> Result<(String, String), StoredError> {
    let mut value: Value =
        serde_json::from_str(rest).map_err(|e| StoredError::BadPart(format!("the rest: {e}")))?;
    let workspace = value
        .get_mut("workspace")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| StoredError::BadPart("the rest has no workspace object".into()))?;
    workspace.remove("accounts");
    let plain = value.to_string();
    let mut marker = String::from("@accounts@");
    while plain.contains(&marker) {
        marker.push('@');
    }
    if let Some(w) = value.get_mut("workspace").and_then(Value::as_object_mut) {
        w.insert("accounts".into(), Value::String(marker.clone()));
    }
    let text = value.to_string();
    let quoted = format!("\"{marker}\"");
    let Some(at) = text.find(&quoted) else {
        return Err(StoredError::BadPart(
            "the rest could not be put back together".into(),
        ));
    };
    Ok((
        text[..at].to_string(),
        text[at + quoted.len()..].to_string(),
    ))
}

// ---- the manifest -------------------------------------------------------------------

/// The manifest, stored as plain JSON under [`MANIFEST_KEY`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The stored form's version ([`STORE_VERSION`]).
    pub store: u32,
    /// The version of the app that wrote it (`Cargo.toml`'s version).
    pub app: String,
    /// The file format version of the document in the parts.
    pub format: u64,
    /// Goes up by one with every save; a tab writes only over the revision it last read.
    pub rev: u64,
    /// A random name of the tab that wrote this revision.
    pub writer: String,
    /// The tab that wrote the revision before this one (`rev - 1`).
    #[serde(default)]
    pub parent: String,
    /// When it was written, RFC 3339.
    #[serde(default)]
    pub saved_at: String,
    /// The hash of the rest part.
    pub rest: String,
    /// Each account's id and part hash, in the workspace's order.
    pub accounts: Vec<(u32, String)>,
}

impl Manifest {
    /// Reads a manifest. A newer stored form or format is [`StoredError::Newer`], told
    /// apart from damage even when the newer layout would not parse here.
    pub fn parse(text: &str, reads_format: u64) -> Result<Manifest, StoredError> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| StoredError::BadManifest(e.to_string()))?;
        let store = value.get("store").and_then(Value::as_u64).unwrap_or(0);
        let format = value.get("format").and_then(Value::as_u64).unwrap_or(0);
        if store > STORE_VERSION as u64 || format > reads_format {
            return Err(StoredError::Newer {
                store: store.min(u32::MAX as u64) as u32,
                format,
            });
        }
        let m: Manifest =
            serde_json::from_value(value).map_err(|e| StoredError::BadManifest(e.to_string()))?;
        if m.store != STORE_VERSION {
            return Err(StoredError::BadManifest(format!(
                "stored form version {} is not one this app wrote",
                m.store
            )));
        }
        let mut seen = std::collections::HashSet::new();
        for (id, hash) in &m.accounts {
            if !seen.insert(*id) {
                return Err(StoredError::BadManifest(format!(
                    "account {id} is listed twice"
                )));
            }
            check_hash(hash)?;
        }
        check_hash(&m.rest)?;
        Ok(m)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a manifest always serializes")
    }

    /// Every part key this manifest needs.
    pub fn keys(&self) -> Vec<String> {
        std::iter::once(part_key(&self.rest))
            .chain(self.accounts.iter().map(|(_, h)| part_key(h)))
            .collect()
    }

    /// Whether the app that wrote this is newer than `app` (dotted numbers compared).
    pub fn app_is_newer_than(&self, app: &str) -> bool {
        version_numbers(&self.app) > version_numbers(app)
    }
}

fn check_hash(hash: &str) -> Result<(), StoredError> {
    if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(())
    } else {
        Err(StoredError::BadManifest(format!(
            "{hash:?} is not a part name"
        )))
    }
}

fn version_numbers(v: &str) -> Vec<u64> {
    v.split(['.', '-', '+'])
        .map_while(|p| p.parse::<u64>().ok())
        .collect()
}

/// Reads the whole stored workspace: the manifest and every part it lists, through `get`
/// (a storage read; its error is passed through unchanged). Returns the document text
/// for [`super::decode`]: each account's JSON goes into it as it inflates, with no copy of
/// its own and no parse (the decode reads it once). Never panics, whatever is stored.
pub fn read_document<E>(
    manifest: &Manifest,
    mut get: impl FnMut(&str) -> Result<Option<String>, E>,
) -> Result<Result<String, StoredError>, E> {
    let mut reader = PartReader::default();
    let mut fetch = |hash: &str,
                     reader: &mut PartReader,
                     out: &mut String|
     -> Result<Result<(), StoredError>, E> {
        let key = part_key(hash);
        let Some(value) = get(&key)? else {
            return Ok(Err(StoredError::MissingPart(key)));
        };
        Ok(reader.read(hash, &value).map(|json| out.push_str(json)))
    };
    let mut rest = String::new();
    if let Err(e) = fetch(&manifest.rest, &mut reader, &mut rest)? {
        return Ok(Err(e));
    }
    let (head, tail) = match around_accounts(&rest) {
        Ok(around) => around,
        Err(e) => return Ok(Err(e)),
    };
    let mut doc = head;
    doc.push('[');
    for (i, (id, hash)) in manifest.accounts.iter().enumerate() {
        if i > 0 {
            doc.push(',');
        }
        let start = doc.len();
        if let Err(e) = fetch(hash, &mut reader, &mut doc)? {
            return Ok(Err(e));
        }
        if !account_has_id(&doc[start..], *id) {
            return Ok(Err(StoredError::BadPart(format!(
                "the part for account {id} holds another account"
            ))));
        }
        if i == 0 {
            // The first account's size, for all of them: one allocation, not a doubling
            // every few accounts.
            let each = doc.len() - start + 1;
            doc.reserve((each * manifest.accounts.len()).min(MAX_PART_BYTES) + tail.len());
        }
    }
    doc.push(']');
    doc.push_str(&tail);
    Ok(Ok(doc))
}

/// The part is one JSON object whose top-level `id` is `id`: one pass over its bytes that
/// builds nothing. Outside its strings, its braces and brackets close for the first time
/// at its last character, so put in its place in the document it cannot reach out of it;
/// the JSON itself is read once, by [`super::decode`].
fn account_has_id(json: &str, id: u32) -> bool {
    let bytes = json.trim_ascii().as_bytes();
    if bytes.first() != Some(&b'{') || bytes.last() != Some(&b'}') {
        return false;
    }
    let mut depth = 0usize;
    let mut found = None;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && bytes.get(start..i) == Some(b"id".as_slice()) {
                    let after = json_after(bytes, i + 1);
                    if let Some(value) = after.strip_prefix(b":") {
                        let value = json_after(value, 0);
                        let digits = value.iter().take_while(|b| b.is_ascii_digit()).count();
                        if found.is_some() {
                            return false;
                        }
                        found = std::str::from_utf8(&value[..digits])
                            .ok()
                            .and_then(|d| d.parse::<u32>().ok());
                    }
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 && i + 1 != bytes.len() {
                    return false;
                }
            }
            _ => {}
        }
        i += 1;
    }
    depth == 0 && found == Some(id)
}

/// `bytes` from `at`, past white space.
fn json_after(bytes: &[u8], at: usize) -> &[u8] {
    let rest = bytes.get(at..).unwrap_or_default();
    let skip = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &rest[skip..]
}

// ---- what is kept of unreadable data ------------------------------------------------

/// The record under [`UNREADABLE_KEY`]: stored data the app could not read, kept until the
/// user downloads it and discards it. `keys` are never written or removed until then.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unreadable {
    /// Why it could not be read, as shown to the user.
    pub error: String,
    /// When it was found, RFC 3339.
    pub found_at: String,
    /// The keys holding the data, as they were (the legacy key, part keys, or
    /// [`UNREADABLE_MANIFEST_KEY`] for a copy of the manifest).
    pub keys: Vec<String>,
}

impl Unreadable {
    pub fn parse(text: &str) -> Option<Unreadable> {
        serde_json::from_str(text).ok()
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("always serializes")
    }
}

/// The download offered for unreadable data: the stored values exactly as they were, one
/// JSON object from key to text. When it is a single value (the old single-key form) the
/// download is that value itself, usually JSON a person can repair and import.
pub fn unreadable_download(values: &[(String, String)]) -> String {
    match values {
        [(_, only)] => only.clone(),
        _ => {
            // Strings only (keys in order): a map of JSON values would bring the writer of
            // every kind of value, numbers included, into the main module.
            let map: std::collections::BTreeMap<&str, &str> = values
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            serde_json::to_string_pretty(&map).expect("always serializes")
        }
    }
}
