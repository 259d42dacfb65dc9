//! The limits every file, link and stored value is read under, and the plain wording of
//! what the JSON parser and serde report. Shared by every versioned document (workspace
//! files of any version, single-account files), so a new version reuses them as they are.
//! A document is read once, by its typed reader, which keeps the limits as it goes; only a
//! refused document is read a second time, to name what is over a limit first
//! ([`Document`]).
//!
//! - At most [`MAX_FILE_BYTES`] bytes, checked before the text is read.
//! - Text in UTF-8 (a file saved as UTF-16 or a binary file is named as such).
//! - JSON nested at most [`MAX_DEPTH`] levels, no list longer than [`MAX_LIST_ITEMS`].
//! - No key twice in one object (JSON allows it, but which one wins differs by reader).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::ImportError;

/// Largest file (or stored value) read, in bytes: 128 MB (of 1,048,576 bytes). It must be
/// above the export of the largest workspace the browser's storage can hold (about 4,700
/// accounts of 8 people and 52 weekly check-ins, about 95 MB as an exported file), or a
/// saved workspace could not be read back nor its export imported; `tests/storage_form.rs`
/// checks that. A workspace of 2,000 accounts as full as the demo's is about 16 MB.
pub const MAX_FILE_BYTES: u64 = 128 * 1024 * 1024;
/// Deepest nesting of objects and lists; the deepest a real file goes is 9.
pub const MAX_DEPTH: usize = 32;
/// Longest list: accounts in a workspace, people of an account, check-ins...
pub const MAX_LIST_ITEMS: usize = 5_000;

/// A size in megabytes (of 1,048,576 bytes) for messages: `8 MB`, `8.1 MB`, `12.4 MB`.
/// Rounded up, so a file just over the limit never reads as the limit itself.
pub fn megabytes(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10).div_ceil(1024 * 1024);
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// The sentence for a file over the limit (also used by the browser before reading).
pub fn too_big_message(bytes: u64) -> String {
    format!(
        "This file is {}; the planner reads files up to {}. Check that it is the right file: a workspace of 2,000 accounts with full plans is about 16 MB.",
        megabytes(bytes),
        megabytes(MAX_FILE_BYTES)
    )
}

/// The sentence for text that is not UTF-8.
pub const NOT_TEXT_MESSAGE: &str = "This file is not UTF-8 text: it looks like a binary file or text saved as UTF-16. Export it again from the planner, or save it as UTF-8.";

/// Checks the size and the encoding of raw bytes, then gives the text.
pub(crate) fn text_of(bytes: &[u8]) -> Result<&str, ImportError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooBig {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(ImportError::NotText);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// A document to read: one JSON text, read once by the typed reader of its version
/// ([`Document::deserialize`]) straight from the text, never through a generic tree of
/// values (which took several times the time and memory of the file). The limits are kept
/// during that one reading (lists by [`list`], keys given twice by the typed readers, the
/// nesting by the types themselves, which go 10 levels deep at most); a document refused
/// for any reason is then scanned whole under the limits ([`Document::check`]), so what is
/// over a limit, or not JSON at all, is named first, wherever it is in the text.
#[derive(Clone, Copy)]
pub(crate) struct Document<'a> {
    text: &'a str,
}

/// The top-level `format` and `version` fields of a document, when it is an object that
/// has them.
#[derive(Default)]
pub(crate) struct TopFields {
    pub format: Option<Value>,
    pub version: Option<Value>,
}

/// The document in `text` and its top-level `format` and `version` fields. Checks the size
/// and the encoding; the text is read only as far as those two fields (the planner writes
/// them first). When it cannot be read that far, the whole text is checked at once
/// ([`Document::check`]) and its error returned.
pub(crate) fn document(text: &str) -> Result<(Document<'_>, TopFields), ImportError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ImportError::TooBig {
            bytes: text.len() as u64,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A browser reads UTF-16 or binary bytes as text with replacement characters (U+FFFD)
    // and NULs; JSON text starts with a brace, a bracket or a value, never with those.
    // Only the start is looked at: a NUL further on is refused by the JSON reader (a
    // scan of the whole text cost 5 ms at 5 MB).
    let head = text.trim_start();
    let start = &head.as_bytes()[..head.len().min(64)];
    if head.starts_with('\u{fffd}')
        || head.starts_with('\0')
        || start.windows(2).any(|w| w == b"{\0")
    {
        return Err(ImportError::NotText);
    }
    let top = match top_fields(text) {
        Some(top) => top,
        None => scan(text)?,
    };
    Ok((Document { text }, top))
}

/// Reads the top-level object's keys until both `format` and `version` are found, skipping
/// the values of other keys unread. None when the text breaks off or is malformed before.
/// This checks nothing: the typed reading, or [`Document::check`], reads the whole text.
fn top_fields(text: &str) -> Option<TopFields> {
    struct Top<'t>(&'t mut TopFields);
    impl<'de> Visitor<'de> for Top<'_> {
        type Value = ();
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, _: bool) -> Result<(), E> {
            Ok(())
        }
        fn visit_i64<E>(self, _: i64) -> Result<(), E> {
            Ok(())
        }
        fn visit_u64<E>(self, _: u64) -> Result<(), E> {
            Ok(())
        }
        fn visit_f64<E>(self, _: f64) -> Result<(), E> {
            Ok(())
        }
        fn visit_str<E>(self, _: &str) -> Result<(), E> {
            Ok(())
        }
        fn visit_unit<E>(self) -> Result<(), E> {
            Ok(())
        }
        fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<(), A::Error> {
            Ok(())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<KeyText<'de>>()? {
                let field = match &*key.0 {
                    "format" => &mut self.0.format,
                    "version" => &mut self.0.version,
                    _ => {
                        map.next_value::<de::IgnoredAny>()?;
                        continue;
                    }
                };
                *field = Some(map.next_value::<Value>()?);
                if self.0.format.is_some() && self.0.version.is_some() {
                    // Both found: the rest is for the typed reader.
                    return Err(de::Error::custom("both found"));
                }
            }
            Ok(())
        }
    }
    let mut top = TopFields::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let read = de::Deserializer::deserialize_any(&mut de, Top(&mut top));
    let found = top.format.is_some() && top.version.is_some();
    (read.is_ok() || found).then_some(top)
}

/// Checks JSON text under the limits above, in one pass over the text that builds
/// nothing but the top-level `format` and `version` fields.
fn scan(text: &str) -> Result<TopFields, ImportError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let scanned = Scan { depth: 0 }
        .deserialize(&mut de)
        .and_then(|top| de.end().map(|()| top));
    match scanned {
        Ok(top) => Ok(top),
        Err(e) if e.is_data() => Err(limit_error(text)),
        Err(e) => Err(ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            detail: if text.trim().is_empty() {
                "the file is empty".into()
            } else {
                plain_syntax(&e)
            },
        }),
    }
}

/// A limit was passed: the message, with the path of the place where the reading stopped
/// ([`path_at`]; only when refusing, so the common case keeps no path).
fn limit_error(text: &str) -> ImportError {
    let mut de = serde_json::Deserializer::from_str(text);
    let e = Scan { depth: 0 }
        .deserialize(&mut de)
        .err()
        .unwrap_or_else(unreachable_limit);
    let detail = without_position(&e.to_string());
    let mut path = path_at(text, e.line(), e.column(), false);
    // A list found too long is refused once its item past the limit is read: the message
    // names the list, not that item.
    if detail.starts_with("a list has more than") && path.ends_with(']') {
        if let Some((list, _)) = path.rsplit_once('[') {
            path = list.to_string();
        }
    }
    ImportError::BadField {
        path: shown_path(&path),
        detail,
    }
}

/// The same text read twice the same way fails the same way; this is never reached.
#[cold]
fn unreachable_limit() -> serde_json::Error {
    de::Error::custom("the data is over a limit of the planner")
}

/// serde_json's message without its " at line 3 column 7".
fn without_position(message: &str) -> String {
    message.split(" at line ").next().unwrap_or("").to_string()
}

impl Document<'_> {
    /// The whole text checked under the limits: not JSON ([`ImportError::NotJson`]), or
    /// over a limit, with its path. Called before any refusal, so that these come first.
    pub(crate) fn check(&self) -> Result<(), ImportError> {
        scan(self.text).map(|_| ())
    }

    /// Deserializes the document as `T`, its one reading. On failure: the first problem
    /// of [`Document::check`] if there is one; otherwise the path of the first bad value
    /// (`workspace.accounts[2].arr`, or `file` when the document itself is wrong) and what
    /// is wrong there in plain words. The path is found only on failure, from where the
    /// parser stopped ([`path_at`]), so a good file is read once at full speed and no
    /// second, path-tracking copy of every document's reader is built.
    pub(crate) fn deserialize<T: serde::de::DeserializeOwned>(&self) -> Result<T, ImportError> {
        let mut de = serde_json::Deserializer::from_str(self.text);
        let read = T::deserialize(Objects(&mut de)).and_then(|value| de.end().map(|()| value));
        read.map_err(|e| {
            if let Err(first) = self.check() {
                return first;
            }
            let path = shown_path(&path_at(
                self.text,
                e.line(),
                e.column(),
                e.to_string().starts_with("missing field"),
            ));
            let detail = plain_detail(&path, &without_position(&e.to_string()));
            ImportError::BadField { path, detail }
        })
    }
}

/// serde_json's reader, except that a struct of the format is read only from a JSON
/// object. serde_json also reads a struct from a list of its fields in order, so each
/// derived reader held a second, list-shaped reader of every struct, inlined into every
/// list of it: about a third of the format's reading code in the main wasm module, for a
/// shape no file of ours has. A list where an object belongs is refused as any value of
/// the wrong type is: "found a list, but an object {...} is expected here." Every other
/// call is passed on unchanged; what the reader is handed back (an optional value, a
/// list's items, an object's values, an enum's variant) is read through this again.
struct Objects<D>(D);

/// Passes every call of `$name(args.., visitor)` on to the reader inside, its visitor
/// wrapped.
macro_rules! forward {
    ($($name:ident($($arg:ident: $ty:ty),*);)*) => {$(
        fn $name<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            self.0.$name($($arg,)* Wrap(visitor))
        }
    )*};
}

impl<'de, D: de::Deserializer<'de>> de::Deserializer<'de> for Objects<D> {
    type Error = D::Error;
    forward! {
        deserialize_any(); deserialize_bool(); deserialize_i8(); deserialize_i16();
        deserialize_i32(); deserialize_i64(); deserialize_i128(); deserialize_u8();
        deserialize_u16(); deserialize_u32(); deserialize_u64(); deserialize_u128();
        deserialize_f32(); deserialize_f64(); deserialize_char(); deserialize_str();
        deserialize_string(); deserialize_bytes(); deserialize_byte_buf();
        deserialize_option(); deserialize_unit(); deserialize_seq(); deserialize_map();
        deserialize_identifier(); deserialize_ignored_any();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Wrap(visitor))
    }
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A visitor whose readers handed back read through [`Objects`].
struct Wrap<V>(V);

macro_rules! pass {
    ($($name:ident($ty:ty);)*) => {$(
        fn $name<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.0.$name(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<V> {
    type Value = V::Value;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }
    pass! {
        visit_bool(bool); visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64);
        visit_i128(i128); visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64);
        visit_u128(u128); visit_f32(f32); visit_f64(f64); visit_char(char);
        visit_str(&str); visit_borrowed_str(&'de str); visit_string(String);
        visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]); visit_byte_buf(Vec<u8>);
    }
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Objects(d))
    }
    fn visit_newtype_struct<D: de::Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Objects(d))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Wrap(seq))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Wrap(map))
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(Wrap(data))
    }
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Wrap<S> {
    type Value = S::Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Objects(d))
    }
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Wrap<A> {
    type Error = A::Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(Wrap(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Wrap<A> {
    type Error = A::Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(Wrap(seed))
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(Wrap(seed))
    }
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for Wrap<A> {
    type Error = A::Error;
    type Variant = Wrap<A::Variant>;
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Wrap<A::Variant>), A::Error> {
        self.0
            .variant_seed(Wrap(seed))
            .map(|(value, variant)| (value, Wrap(variant)))
    }
}

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Wrap<A> {
    type Error = A::Error;
    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(Wrap(seed))
    }
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, Wrap(visitor))
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        // As a struct: from an object only (serde_json reads a struct variant as a struct).
        self.0.newtype_variant_seed(StructOf(visitor))
    }
}

/// A struct variant's fields read as a struct, through [`Objects`].
struct StructOf<V>(V);

impl<'de, V: Visitor<'de>> DeserializeSeed<'de> for StructOf<V> {
    type Value = V::Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        Objects(d).deserialize_struct("", &[], self.0)
    }
}

/// Reads a list field under [`MAX_LIST_ITEMS`]:
/// `#[serde(deserialize_with = "crate::format::read::list")]` on every list field of the
/// format's types (`tests/format.rs` makes every list of every released example one item
/// too long). Past the limit the reading stops; the message and its path are then those
/// of [`Document::check`].
pub fn list<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: de::Deserializer<'de>,
    T: de::Deserialize<'de>,
{
    struct List<T>(std::marker::PhantomData<T>);
    impl<'de, T: de::Deserialize<'de>> Visitor<'de> for List<T> {
        type Value = Vec<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            // serde's own wording for a list, which `plain_detail` knows.
            f.write_str("a sequence")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
            while let Some(item) = seq.next_element()? {
                if items.len() == MAX_LIST_ITEMS {
                    return Err(de::Error::custom(too_long_message()));
                }
                items.push(item);
            }
            Ok(items)
        }
    }
    d.deserialize_seq(List(std::marker::PhantomData))
}

fn too_long_message() -> String {
    format!("a list has more than {MAX_LIST_ITEMS} items, more than the planner reads")
}

/// The path of the value the JSON parser was reading when it stopped at `line` and
/// `column` (serde_json's position: the byte just past the last one it read):
/// `workspace.accounts[2].arr`, or `.` for the document itself. Walks the text up to
/// there, keeping the key or the index of each open object and list:
/// - stopped just past a value, or a key: the path of that value or key
///   (`...accounts[0].arr` for a wrong ARR, or an unknown or repeated key);
/// - stopped just past the end of a list, or of an object when `field_missing`: the path
///   of that list or object (a wrong length, a field missing from it);
/// - stopped just past the end of an object otherwise: the path of its last value (a
///   value checked after it was read, such as a tier of 4, is placed when its object
///   ends);
/// - stopped just inside an object or list: the path of that object or list (nested too
///   deep).
pub(crate) fn path_at(text: &str, line: usize, column: usize, field_missing: bool) -> String {
    enum Open {
        Object { key: Option<String>, in_key: bool },
        List { index: usize, entered: bool },
    }
    fn path_of(open: &[Open]) -> String {
        let mut path = String::new();
        for o in open {
            match o {
                Open::Object { key: Some(k), .. } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                Open::List {
                    index,
                    entered: true,
                } => path.push_str(&format!("[{index}]")),
                _ => break,
            }
        }
        if path.is_empty() {
            ".".into()
        } else {
            path
        }
    }
    // serde_json counts lines from 1 and columns in bytes from the line's start.
    let line_start: usize = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let end = (line_start + column).min(text.len());
    let bytes = &text.as_bytes()[..end];
    let mut open: Vec<Open> = Vec::new();
    let mut closed: Option<String> = None;
    let mut i = 0;
    // A value starts: a list around it has entered its current item.
    let enter = |open: &mut Vec<Open>| {
        if let Some(Open::List { entered, .. }) = open.last_mut() {
            *entered = true;
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        closed = None;
        match b {
            b'{' => {
                enter(&mut open);
                open.push(Open::Object {
                    key: None,
                    in_key: true,
                });
                i += 1;
            }
            b'[' => {
                enter(&mut open);
                open.push(Open::List {
                    index: 0,
                    entered: false,
                });
                i += 1;
            }
            b'}' | b']' => {
                let last = path_of(&open);
                open.pop();
                closed = Some(if b == b'}' && !field_missing {
                    last
                } else {
                    path_of(&open)
                });
                i += 1;
            }
            b',' => {
                match open.last_mut() {
                    Some(Open::Object { key, in_key }) => {
                        *key = None;
                        *in_key = true;
                    }
                    Some(Open::List { index, entered }) => {
                        *index += 1;
                        *entered = false;
                    }
                    None => {}
                }
                i += 1;
            }
            b':' => {
                if let Some(Open::Object { in_key, .. }) = open.last_mut() {
                    *in_key = false;
                }
                i += 1;
            }
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let raw = &text[start..i.min(bytes.len())];
                i += 1;
                match open.last_mut() {
                    Some(Open::Object {
                        key,
                        in_key: in_key @ true,
                    }) => {
                        *key = Some(
                            serde_json::from_str::<String>(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_string()),
                        );
                        *in_key = false;
                    }
                    _ => enter(&mut open),
                }
            }
            _ => {
                enter(&mut open);
                while i < bytes.len() && !b",:]} \t\r\n".contains(&bytes[i]) {
                    i += 1;
                }
            }
        }
    }
    closed.unwrap_or_else(|| path_of(&open))
}

/// The document itself is written `.` by [`path_at`]; messages call it `file`.
pub(crate) fn shown_path(path: &str) -> String {
    if path == "." || path.is_empty() {
        "file".into()
    } else {
        path.to_string()
    }
}

/// Walks a JSON value under the limits (nesting, list length, a key given twice) and keeps
/// nothing, except at the top: the `format` and `version` fields, as values. Errors raised
/// here are "data" errors, told apart from syntax errors.
struct Scan {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Scan {
    type Value = TopFields;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<TopFields, D::Error> {
        d.deserialize_any(self)
    }
}

fn nesting_error<E: de::Error>() -> E {
    E::custom(format!(
        "the data is nested more than {MAX_DEPTH} levels deep; a planner file never goes deeper than 10"
    ))
}

impl Scan {
    fn nested<E: de::Error>(&self) -> Result<Scan, E> {
        if self.depth >= MAX_DEPTH {
            return Err(nesting_error());
        }
        Ok(Scan {
            depth: self.depth + 1,
        })
    }
}

impl<'de> Visitor<'de> for Scan {
    type Value = TopFields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<TopFields, E> {
        Ok(TopFields::default())
    }
    fn visit_i64<E>(self, _: i64) -> Result<TopFields, E> {
        Ok(TopFields::default())
    }
    fn visit_u64<E>(self, _: u64) -> Result<TopFields, E> {
        Ok(TopFields::default())
    }
    fn visit_f64<E>(self, _: f64) -> Result<TopFields, E> {
        Ok(TopFields::default())
    }
    fn visit_str<E>(self, _: &str) -> Result<TopFields, E> {
        Ok(TopFields::default())
    }
    fn visit_unit<E>(self) -> Result<TopFields, E> {
        Ok(TopFields::default())
    }
    fn visit_none<E>(self) -> Result<TopFields, E> {
        Ok(TopFields::default())
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TopFields, A::Error> {
        let mut items = 0usize;
        while seq.next_element_seed(self.nested()?)?.is_some() {
            if items == MAX_LIST_ITEMS {
                return Err(de::Error::custom(too_long_message()));
            }
            items += 1;
        }
        Ok(TopFields::default())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopFields, A::Error> {
        let mut top = TopFields::default();
        let mut keys = Keys::default();
        while let Some(key) = map.next_key::<KeyText<'de>>()? {
            let key = key.0;
            if !keys.insert(key.clone()) {
                return Err(de::Error::custom(format!(
                    "the key \"{key}\" appears twice in this object; keep one (JSON readers disagree on which one counts)"
                )));
            }
            let field = match &*key {
                "format" if self.depth == 0 => &mut top.format,
                "version" if self.depth == 0 => &mut top.version,
                _ => {
                    map.next_value_seed(self.nested()?)?;
                    continue;
                }
            };
            if self.depth >= MAX_DEPTH {
                return Err(nesting_error());
            }
            *field = Some(map.next_value_seed(Node {
                depth: self.depth + 1,
            })?);
        }
        Ok(top)
    }
}

/// A key as found: borrowed from the text when it has no escapes.
struct KeyText<'de>(Cow<'de, str>);

impl<'de> de::Deserialize<'de> for KeyText<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyText<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<KeyText<'de>, E> {
                Ok(KeyText(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<KeyText<'de>, E> {
                Ok(KeyText(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<KeyText<'de>, E> {
                Ok(KeyText(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The keys of one object so far: a short list looked through (most objects have a few
/// keys), a hash set once it grows, so an object of a million keys stays linear.
#[derive(Default)]
struct Keys<'de> {
    few: Vec<Cow<'de, str>>,
    many: Option<std::collections::HashSet<Cow<'de, str>>>,
}

impl<'de> Keys<'de> {
    /// False when the key was there already.
    fn insert(&mut self, key: Cow<'de, str>) -> bool {
        if let Some(many) = &mut self.many {
            return many.insert(key);
        }
        if self.few.contains(&key) {
            return false;
        }
        self.few.push(key);
        if self.few.len() > 32 {
            self.many = Some(self.few.drain(..).collect());
        }
        true
    }
}

/// Builds a [`Value`] like serde_json does, refusing what is over a limit or a key given
/// twice (the top-level `format` and `version` fields, whatever they hold).
struct Node {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for Node {
    type Value = Value;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl Node {
    fn nested<E: de::Error>(&self) -> Result<Node, E> {
        if self.depth >= MAX_DEPTH {
            return Err(nesting_error());
        }
        Ok(Node {
            depth: self.depth + 1,
        })
    }
}

impl<'de> Visitor<'de> for Node {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(self.nested()?)? {
            if items.len() == MAX_LIST_ITEMS {
                return Err(de::Error::custom(too_long_message()));
            }
            items.push(v);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "the key \"{key}\" appears twice in this object; keep one (JSON readers disagree on which one counts)"
                )));
            }
            let value = map.next_value_seed(self.nested()?)?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// serde_json's syntax errors in plain words, without the position (given separately).
fn plain_syntax(e: &serde_json::Error) -> String {
    let raw = e.to_string();
    let msg = raw.split(" at line ").next().unwrap_or(&raw);
    let plain = match msg {
        m if m.starts_with("EOF while parsing") => {
            "the text ends before the JSON is complete; the file may have been cut off"
        }
        "expected value" => "a value was expected here (text in quotes, a number, true, false, null, an object or a list)",
        "expected `,` or `}`" => "a comma or a closing } was expected here",
        "expected `,` or `]`" => "a comma or a closing ] was expected here",
        "expected `:`" => "a colon was expected here, after the key",
        "key must be a string" => "a key in quotes was expected here",
        "trailing comma" => "a comma is followed by nothing; remove the last comma",
        "trailing characters" => "there is more after the end of the JSON; a file holds one JSON object",
        "recursion limit exceeded" => "the data is nested too deep",
        "number out of range" => "a number is too large to read",
        "invalid number" => "a number is written wrongly",
        "invalid escape" => "a backslash in a text is followed by something JSON does not allow",
        "invalid unicode code point" => "a \\u escape names a character that does not exist",
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            "a \\u escape holds half of a character (a lone surrogate such as \\ud800); text must be whole Unicode characters"
        }
        m if m.starts_with("control character") => {
            "a text contains a raw control character (such as a tab or a line break); write it as \\t or \\n"
        }
        "EOF" => "the file is empty",
        _ => return format!("the JSON is malformed here ({msg})"),
    };
    plain.to_string()
}

/// serde's wording of a bad value at `path` turned into a sentence a user reads: what was
/// found, and what is allowed. Messages written by the planner itself pass unchanged.
pub(crate) fn plain_detail(path: &str, detail: &str) -> String {
    if let Some(rest) = detail.strip_prefix("unknown variant `") {
        if let Some((value, expected)) = rest.split_once('`') {
            return format!(
                "\"{value}\" is not {}; use one of {}.",
                noun_of(path),
                listed(expected)
            );
        }
    }
    if let Some(rest) = detail.strip_prefix("unknown field `") {
        if let Some((field, expected)) = rest.split_once('`') {
            let fields = listed(expected);
            return if fields.is_empty() {
                format!("\"{field}\" is not a field the planner knows; remove it.")
            } else {
                format!(
                    "\"{field}\" is not a field the planner knows here; check the spelling, or remove it. The fields here are {fields}."
                )
            };
        }
    }
    if let Some(rest) = detail.strip_prefix("missing field `") {
        let field = rest.trim_end_matches('`');
        return format!("the field \"{field}\" is required and missing.");
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = detail.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                return format!(
                    "found {}, but {} is expected here.",
                    found_of(found),
                    expected_of(expected)
                );
            }
        }
    }
    if let Some(rest) = detail.strip_prefix("invalid length ") {
        if let Some((n, expected)) = rest.split_once(", expected ") {
            return if expected.starts_with("struct ") {
                "found a list, but an object {...} is expected here.".to_string()
            } else {
                format!("found a list of {n} items, but {expected} is expected here.")
            };
        }
    }
    detail.to_string()
}

/// What a value of the field at `path` is called: `segment` -> "a segment".
fn noun_of(path: &str) -> String {
    let last = path.rsplit('.').next().unwrap_or(path);
    let field = last.split('[').next().unwrap_or(last);
    let noun = match field {
        "size" => "company size".to_string(),
        "kind" => "kind of share".to_string(),
        "roles" => "role".to_string(),
        "type" => "type of opportunity".to_string(),
        "rule" => "metric rule".to_string(),
        "milestone" => "renewal milestone".to_string(),
        "frequency" => "contact frequency".to_string(),
        "" | "file" => "an allowed value".to_string(),
        f => f.replace('_', " "),
    };
    if noun.starts_with("an ") {
        return noun;
    }
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

/// serde's "one of `a`, `b`" or "`a` or `b`" as "a, b".
fn listed(expected: &str) -> String {
    expected
        .split('`')
        .skip(1)
        .step_by(2)
        .collect::<Vec<_>>()
        .join(", ")
}

/// serde's `Unexpected` in words: `string "184k"` -> `the text "184k"`.
fn found_of(found: &str) -> String {
    let quoted = |s: &str| s.trim_matches('`').to_string();
    if let Some(s) = found.strip_prefix("string ") {
        format!("the text {s}")
    } else if let Some(n) = found.strip_prefix("integer ") {
        format!("the number {}", quoted(n))
    } else if let Some(n) = found.strip_prefix("floating point ") {
        format!("the number {}", quoted(n))
    } else if let Some(b) = found.strip_prefix("boolean ") {
        quoted(b)
    } else {
        match found {
            "null" | "unit value" => "null".into(),
            "sequence" => "a list".into(),
            "map" => "an object".into(),
            other => other.into(),
        }
    }
}

/// What serde says it expected, in words.
fn expected_of(expected: &str) -> String {
    match expected {
        "f64" | "f32" => "a number".into(),
        "i64" | "i32" | "i16" | "i8" => "a whole number".into(),
        "u64" => "a whole number from 0".into(),
        "u32" => "a whole number from 0 to 4294967295".into(),
        "u16" => "a whole number from 0 to 65535".into(),
        "u8" => "a whole number from 0 to 255".into(),
        "a boolean" => "true or false".into(),
        "a string" => "text in quotes".into(),
        "a sequence" => "a list [...]".into(),
        "a map" => "an object {...}".into(),
        e if e.starts_with("struct ") => "an object {...}".into(),
        e if e.starts_with("unit variant") || e.starts_with("enum ") || e == "string or map" => {
            "one of the names allowed here, in quotes".into()
        }
        other => other.into(),
    }
}

/// Reads a date field of a file through [`crate::domain::dates::read_date`], the one date
/// reader: `#[serde(deserialize_with = "crate::format::read::date")]`.
pub fn date<'de, D: de::Deserializer<'de>>(d: D) -> Result<chrono::NaiveDate, D::Error> {
    d.deserialize_str(DateVisitor)
}

/// [`date`] for a field that may be `null` or left out (with `#[serde(default)]`).
pub fn optional_date<'de, D: de::Deserializer<'de>>(
    d: D,
) -> Result<Option<chrono::NaiveDate>, D::Error> {
    d.deserialize_option(OptionalDate)
}

struct DateVisitor;

impl Visitor<'_> for DateVisitor {
    type Value = chrono::NaiveDate;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date in quotes written YYYY-MM-DD")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<chrono::NaiveDate, E> {
        crate::domain::dates::read_date(v).map_err(E::custom)
    }
}

struct OptionalDate;

impl<'de> Visitor<'de> for OptionalDate {
    type Value = Option<chrono::NaiveDate>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date in quotes written YYYY-MM-DD, or null")
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        date(d).map(Some)
    }
}

/// Serde adapter for a local date and time written `YYYY-MM-DDTHH:MM:SS` (seconds and a
/// fraction optional): the day is read by [`crate::domain::dates::read_date`], so it has
/// the same range as every other date, and far years cannot overflow the arithmetic done
/// on it later.
pub fn date_time<'de, D: de::Deserializer<'de>>(d: D) -> Result<chrono::NaiveDateTime, D::Error> {
    d.deserialize_str(DateTimeVisitor)
}

struct DateTimeVisitor;

impl Visitor<'_> for DateTimeVisitor {
    type Value = chrono::NaiveDateTime;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date and time in quotes written YYYY-MM-DDTHH:MM:SS")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<chrono::NaiveDateTime, E> {
        let t = v.trim();
        let shown: String = t.chars().take(40).collect();
        let (day, time) = t.split_once('T').ok_or_else(|| {
            E::custom(format!(
                "\"{shown}\" is not a date and time; write it as YYYY-MM-DDTHH:MM:SS, e.g. 2027-03-01T09:30:00."
            ))
        })?;
        let day = crate::domain::dates::read_date(day).map_err(E::custom)?;
        let time = chrono::NaiveTime::parse_from_str(time, "%H:%M:%S%.f")
            .or_else(|_| chrono::NaiveTime::parse_from_str(time, "%H:%M"))
            .map_err(|_| {
                E::custom(format!(
                    "\"{shown}\" has no valid time of day; write it as HH:MM:SS, e.g. 09:30:00."
                ))
            })?;
        Ok(day.and_time(time))
    }
}
