//! Keeping the workspace in the browser: load, save, and staying in step with other tabs.
//! The stored form is [`crate::format::stored`]; `docs/storage.md` describes it and every
//! fault's behaviour.
//!
//! This module is pure: it talks to storage through [`Backend`] (localStorage in the
//! browser, [`MemoryBackend`] in tests and when the browser blocks storage), so every rule
//! here is tested natively. `local` is the browser edge.

#[cfg(target_arch = "wasm32")]
pub mod local;

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::domain::{Account, AccountId, Workspace};
use crate::format::stored::{
    self, part_key, Manifest, Part, StoredError, Unreadable, LEGACY_KEY, MANIFEST_KEY, PART_PREFIX,
    UNREADABLE_KEY, UNREADABLE_MANIFEST_KEY,
};
use crate::format::{self, CURRENT_VERSION};

/// The app version written in every manifest.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Why nothing could be written: in the bundle the writer's code is fetched on demand
/// (`format::writer`), and it is not here (the connection dropped before it came).
pub const WRITER_NOT_LOADED: &str =
    "the part of the planner that saves did not load (most likely the connection dropped)";

/// Why what is stored could not be read: in the bundle the code that reads it is fetched
/// on demand (`state::fetch_reader`), and it is not here.
pub const READER_NOT_LOADED: &str =
    "the part of the planner that reads saved data did not load (most likely the connection dropped)";

/// The code that reads what is stored: a stored workspace at the start, another tab's save
/// ([`Session::sync`]), the last save for the panic screen. Nothing of it runs when nothing
/// is stored, so in the bundle it is in the module of the documents' reader (docs/build.md),
/// fetched before the app starts on a stored workspace, and handed over to [`READER`].
/// Each a plain function, so the set can be handed from the module that holds them.
#[derive(Clone, Copy)]
pub(crate) struct StoredReader {
    /// [`Session::load`] once something is stored.
    pub load: LoadStored,
    /// [`Session::sync`] once storage holds another manifest.
    pub sync: SyncStored,
    /// The last save as a workspace file ([`saved_document`]; the panic screen's).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub document: fn(&dyn Backend) -> Option<String>,
    /// The record of unreadable data ([`Unreadable::parse`]): the one JSON the main module
    /// would read otherwise, which would keep serde_json's reader in the first page
    /// (docs/build.md, "The stored form's reading on demand").
    pub unreadable: fn(&str) -> Option<Unreadable>,
}

/// [`Session::load`]'s reading of what is stored.
pub(crate) type LoadStored =
    fn(&mut Session, &str, chrono::NaiveDate, Stored) -> Result<Loaded, Fault>;

/// What [`Session::load`] found stored, as read: only the old single key, or a manifest
/// (with the old key when it is still there).
pub(crate) enum Stored {
    Legacy(String),
    Manifest {
        text: String,
        legacy: Option<String>,
    },
}

/// [`Session::sync`]'s reading: the other manifest's text last.
pub(crate) type SyncStored = fn(
    &mut Session,
    &mut Workspace,
    Option<Side>,
    chrono::NaiveDate,
    String,
) -> Result<Sync, String>;

/// The stored reader's functions, handed over as one value.
pub(crate) const STORED_READER: StoredReader = StoredReader {
    load: Session::load_stored,
    sync: Session::sync_stored,
    document: saved_document,
    unreadable: Unreadable::parse,
};

handed! {
    /// The stored reader: in the bundle a module of its own, fetched before the app starts on
    /// a stored workspace (or before another tab's save is read) and handed over here.
    pub(crate) static READER: StoredReader = STORED_READER;
}

/// The last save in `backend` as a workspace file (the current version, compact), read
/// straight from storage; None when nothing readable is stored.
pub fn saved_document(backend: &dyn Backend) -> Option<String> {
    let text = backend.get(MANIFEST_KEY).ok()??;
    let manifest = Manifest::parse(&text, CURRENT_VERSION).ok()?;
    stored::read_document(&manifest, |k| backend.get(k))
        .ok()?
        .ok()
}

/// What a storage call can fail with.
#[derive(Debug, Clone, PartialEq)]
pub enum Fault {
    /// The browser's storage for this site is full.
    Quota,
    /// Any other refusal (storage disabled, an exception), with the browser's words.
    Refused(String),
}

/// A key-value store of strings: localStorage, or memory.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault>;
    fn set(&self, key: &str, value: &str) -> Result<(), Fault>;
    fn remove(&self, key: &str) -> Result<(), Fault>;
    fn keys(&self) -> Result<Vec<String>, Fault>;
}

/// Storage in memory, shared by its clones (two "tabs" in a test share one). It can act
/// out the browser's faults: a quota in characters (keys included, as Chromium counts),
/// reads or writes that throw.
#[derive(Clone, Default)]
pub struct MemoryBackend(Rc<RefCell<MemoryState>>);

#[derive(Default)]
pub struct MemoryState {
    pub items: std::collections::BTreeMap<String, String>,
    /// Characters allowed in total (key + value of every item); None: no limit.
    pub quota: Option<usize>,
    pub fail_reads: bool,
    pub fail_writes: bool,
    /// Writing this one key fails as a full store would.
    pub full_at: Option<String>,
    /// Characters in use (kept up to date by `set` and `remove`).
    used: usize,
}

fn item_len(key: &str, value: &str) -> usize {
    key.chars().count() + value.chars().count()
}

impl MemoryBackend {
    pub fn new() -> MemoryBackend {
        MemoryBackend::default()
    }
    pub fn with_quota(chars: usize) -> MemoryBackend {
        let m = MemoryBackend::default();
        m.0.borrow_mut().quota = Some(chars);
        m
    }
    pub fn state(&self) -> std::cell::RefMut<'_, MemoryState> {
        self.0.borrow_mut()
    }
    /// Characters in use, keys included.
    pub fn used(&self) -> usize {
        self.0.borrow().used
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        let s = self.0.borrow();
        if s.fail_reads {
            return Err(Fault::Refused("reading is blocked".into()));
        }
        Ok(s.items.get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        if self.0.borrow().fail_writes {
            return Err(Fault::Refused("writing is blocked".into()));
        }
        let mut s = self.0.borrow_mut();
        if s.full_at.as_deref() == Some(key) {
            return Err(Fault::Quota);
        }
        let old = s.items.get(key).map_or(0, |v| item_len(key, v));
        let used = s.used - old + item_len(key, value);
        if s.quota.is_some_and(|q| used > q) {
            return Err(Fault::Quota);
        }
        s.used = used;
        s.items.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), Fault> {
        if self.0.borrow().fail_writes {
            return Err(Fault::Refused("writing is blocked".into()));
        }
        let mut s = self.0.borrow_mut();
        if let Some(v) = s.items.remove(key) {
            s.used -= item_len(key, &v);
        }
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, Fault> {
        let s = self.0.borrow();
        if s.fail_reads {
            return Err(Fault::Refused("reading is blocked".into()));
        }
        Ok(s.items.keys().cloned().collect())
    }
}

/// Why a tab does not write at all for now.
#[derive(Debug, Clone, PartialEq)]
pub enum Hold {
    /// Reading storage failed at start: what is stored is unknown, so nothing is written.
    ReadFailed(String),
    /// Stored data could not be read and could not be kept aside: writing would destroy
    /// it. Lifted when the user downloads it or starts fresh.
    NoRoomForCopy,
    /// A newer version of the app saved; this one stops writing until reloaded.
    Newer,
    /// Another tab changed what this tab has unsaved changes to; the user chooses.
    Conflict,
    /// Another tab saved something this one cannot read.
    OtherTabUnreadable(String),
}

/// What was found in storage at start.
// One value per load, moved out at once: boxing the workspace would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    /// Nothing stored: a first open.
    Nothing,
    /// The stored workspace; `migrated` when it came from the old single-key form (the
    /// first save writes the new form and then removes the old key).
    Workspace { ws: Workspace, migrated: bool },
    /// Something is stored but cannot be read. It is kept (see [`Session::unreadable`]);
    /// `kept` is false when it could not be copied aside, and then nothing is written.
    Unreadable { error: String, kept: bool },
    /// Reading storage failed: nothing is known, nothing will be written.
    Failed(String),
    /// Saved by a newer version of the app: not read, nothing will be written.
    Newer,
}

/// Why a save did not happen. The last good save is intact in every case.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    Held(Hold),
    /// Another tab saved since this one last read: [`Session::sync`] first.
    Stale,
    ReadFailed(String),
    /// Storage is full. `needed` is what the whole workspace takes, in characters (keys
    /// included); `unreadable` what a kept unreadable copy takes.
    Quota {
        needed: usize,
        unreadable: usize,
    },
    WriteFailed(String),
}

/// A save that went through.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// Parts written (0: nothing had changed).
    pub parts_written: usize,
    /// Characters written, keys included.
    pub chars_written: usize,
    /// What the whole workspace takes in storage, characters, keys included.
    pub total_chars: usize,
}

/// Which side to keep where this tab and another changed the same thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
}

/// The outcome of [`Session::sync`].
// One value per sync, moved out at once: boxing the workspace would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Sync {
    /// Storage holds what this tab last read or wrote.
    Same,
    /// Another tab saved: `ws` is the newer data with this tab's unsaved changes that did
    /// not conflict (`kept_mine` of them), to show and then save.
    Updated {
        ws: Workspace,
        from_them: usize,
        kept_mine: usize,
    },
    /// Both changed the same thing: the names of what conflicts (account names, or
    /// "workspace settings"). Nothing is written until [`Session::sync`] with a side.
    Conflict { names: Vec<String> },
    /// A newer version of the app saved: this tab stops writing.
    Newer,
}

#[derive(Debug, Clone)]
struct Cached {
    account: Account,
    hash: String,
}

/// One tab's view of storage: what it last read or wrote, and what it must not touch.
pub struct Session {
    backend: Box<dyn Backend>,
    /// This tab's random name, written as `writer` in its manifests.
    pub tab: String,
    app: String,
    /// The manifest text last read or written: a save goes ahead only if storage still
    /// holds exactly this.
    seen_text: Option<String>,
    synced: Option<Manifest>,
    /// The manifest this tab built its last write on (to merge a write that raced ours).
    prev: Option<Manifest>,
    /// The account as stored under a hash (a memo: reused only while the synced manifest
    /// lists that hash).
    cache: HashMap<u32, Cached>,
    /// Stored size of each part by hash, characters.
    sizes: HashMap<String, usize>,
    hold: Option<Hold>,
    /// Keys of unreadable data: never written or removed until the user discards them.
    pinned: HashSet<String>,
    /// Part keys no manifest listed at start; removed at the next save if still unlisted.
    orphans: Vec<String>,
    /// The old single key holds data already in the new form: removed after a save.
    legacy_done: bool,
}

impl Session {
    /// A session on `backend` that has read nothing yet.
    pub fn new(backend: Box<dyn Backend>, tab: impl Into<String>, app: impl Into<String>) -> Self {
        Session {
            backend,
            tab: tab.into(),
            app: app.into(),
            seen_text: None,
            synced: None,
            prev: None,
            cache: HashMap::new(),
            sizes: HashMap::new(),
            hold: None,
            pinned: HashSet::new(),
            orphans: Vec::new(),
            legacy_done: false,
        }
    }

    pub fn hold(&self) -> Option<&Hold> {
        self.hold.as_ref()
    }

    /// Stops writing (a newer app, a conflict to settle, ...).
    pub fn set_hold(&mut self, hold: Option<Hold>) {
        self.hold = hold;
    }

    /// The revision this tab last read or wrote (0: none).
    pub fn revision(&self) -> u64 {
        self.synced.as_ref().map_or(0, |m| m.rev)
    }

    pub fn backend(&self) -> &dyn Backend {
        &*self.backend
    }

    /// Whether a workspace is stored (under a manifest, or in the old single key), or a
    /// record of unreadable data: reading any of them needs the stored reader, which the
    /// bundle fetches first (`format::reader`, docs/build.md). A fault reads as no:
    /// [`Session::load`] reports it.
    pub fn holds_workspace(&self) -> bool {
        let present = |key: &str| self.backend.get(key).ok().flatten().is_some();
        // The record of unreadable data is read with the stored reader too.
        present(MANIFEST_KEY) || present(LEGACY_KEY) || present(UNREADABLE_KEY)
    }

    /// Reads what is stored. Never writes over anything; may write the small record of
    /// unreadable data and a copy of an unreadable manifest. `today` is the day of reading
    /// (what an older stored version migrates with, see `format::decode`).
    pub fn load(&mut self, found_at: &str, today: chrono::NaiveDate) -> Loaded {
        match self.load_inner(found_at, today) {
            Ok(l) => l,
            Err(f) => {
                let e = fault_text(&f);
                self.hold = Some(Hold::ReadFailed(e.clone()));
                Loaded::Failed(e)
            }
        }
    }

    fn load_inner(&mut self, found_at: &str, today: chrono::NaiveDate) -> Result<Loaded, Fault> {
        let record = self.unreadable_record()?;
        if let Some(r) = &record {
            self.pinned.extend(r.keys.iter().cloned());
        }
        let manifest_text = self.backend.get(MANIFEST_KEY)?;
        let legacy = self.backend.get(LEGACY_KEY)?;
        let stored = match (manifest_text, legacy) {
            (None, None) => {
                self.seen_text = None;
                return Ok(Loaded::Nothing);
            }
            (None, Some(raw)) => Stored::Legacy(raw),
            (Some(text), legacy) => Stored::Manifest { text, legacy },
        };
        let read = READER
            .get()
            .ok_or_else(|| Fault::Refused(READER_NOT_LOADED.into()))?;
        (read.load)(self, found_at, today, stored)
    }

    /// [`Session::load`] once something is stored (through [`StoredReader`]).
    fn load_stored(
        &mut self,
        found_at: &str,
        today: chrono::NaiveDate,
        stored: Stored,
    ) -> Result<Loaded, Fault> {
        let (text, legacy) = match stored {
            Stored::Legacy(raw) => {
                self.seen_text = None;
                return match format::decode(&raw, today) {
                    Ok(d) => {
                        self.legacy_done = true;
                        Ok(Loaded::Workspace {
                            ws: d.workspace,
                            migrated: true,
                        })
                    }
                    Err(e) => Ok(self.keep_legacy(e.to_string(), found_at)),
                };
            }
            Stored::Manifest { text, legacy } => (text, legacy),
        };
        self.seen_text = Some(text.clone());
        let manifest = match Manifest::parse(&text, CURRENT_VERSION) {
            Ok(m) => m,
            Err(StoredError::Newer { .. }) => {
                self.hold = Some(Hold::Newer);
                return Ok(Loaded::Newer);
            }
            Err(e) => {
                let present = self.part_keys()?;
                return self.keep_unreadable(&text, e.to_string(), present, found_at);
            }
        };
        let mut sizes = HashMap::new();
        let doc = stored::read_document(&manifest, |key| {
            let v = self.backend.get(key)?;
            if let Some(v) = &v {
                sizes.insert(
                    key[PART_PREFIX.len()..].to_string(),
                    key.len() + v.chars().count(),
                );
            }
            Ok::<_, Fault>(v)
        })?;
        let decoded = doc
            .map_err(|e| e.to_string())
            .and_then(|doc| format::decode(&doc, today).map_err(|e| e.to_string()));
        let ws = match decoded {
            Ok(d) => d.workspace,
            Err(e) => {
                let keys = manifest.keys();
                return self.keep_unreadable(&text, e, keys, found_at);
            }
        };
        // The accounts come back in the manifest's order with the same ids.
        for (a, (id, hash)) in ws.accounts().iter().zip(&manifest.accounts) {
            if a.id.0 == *id {
                self.cache.insert(
                    *id,
                    Cached {
                        account: a.clone(),
                        hash: hash.clone(),
                    },
                );
            }
        }
        self.sizes = sizes;
        let listed: HashSet<String> = manifest.keys().into_iter().collect();
        self.orphans = self
            .part_keys()?
            .into_iter()
            .filter(|k| !listed.contains(k) && !self.pinned.contains(k))
            .collect();
        // A leftover old single key: removed at the next save if it reads (it was
        // migrated), kept as unreadable data otherwise.
        if let Some(raw) = legacy {
            if !self.pinned.contains(LEGACY_KEY) {
                match format::decode(&raw, today) {
                    Ok(_) => self.legacy_done = true,
                    Err(e) => {
                        let _ = self.keep_legacy(e.to_string(), found_at);
                    }
                }
            }
        }
        self.synced = Some(manifest);
        Ok(Loaded::Workspace {
            ws,
            migrated: false,
        })
    }

    fn part_keys(&self) -> Result<Vec<String>, Fault> {
        Ok(self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(PART_PREFIX))
            .collect())
    }

    /// The old single key could not be read. It is never written by this version, so it
    /// stays where it is; the record names it so nothing removes it.
    fn keep_legacy(&mut self, error: String, found_at: &str) -> Loaded {
        self.pinned.insert(LEGACY_KEY.to_string());
        let record = self.record_with(&error, found_at, vec![LEGACY_KEY.to_string()]);
        // Without the record the key is still safe in this session (pinned) and found
        // unreadable again at the next start.
        let _ = self.backend.set(UNREADABLE_KEY, &record.to_json());
        Loaded::Unreadable { error, kept: true }
    }

    /// The manifest or a part could not be read: copy the manifest aside (the next save
    /// writes that key) and pin the parts. If the copy fails, hold every write.
    fn keep_unreadable(
        &mut self,
        manifest_text: &str,
        error: String,
        parts: Vec<String>,
        found_at: &str,
    ) -> Result<Loaded, Fault> {
        let mut keys = vec![UNREADABLE_MANIFEST_KEY.to_string()];
        keys.extend(parts);
        self.pinned.extend(keys.iter().cloned());
        let record = self.record_with(&error, found_at, keys);
        let kept = self
            .backend
            .set(UNREADABLE_MANIFEST_KEY, manifest_text)
            .and_then(|_| self.backend.set(UNREADABLE_KEY, &record.to_json()))
            .is_ok();
        if !kept {
            let _ = self.backend.remove(UNREADABLE_MANIFEST_KEY);
            self.hold = Some(Hold::NoRoomForCopy);
        }
        Ok(Loaded::Unreadable { error, kept })
    }

    /// A record of unreadable data, merged with one kept from an earlier start.
    fn record_with(&self, error: &str, found_at: &str, keys: Vec<String>) -> Unreadable {
        let mut all: Vec<String> = self
            .backend
            .get(UNREADABLE_KEY)
            .ok()
            .flatten()
            .and_then(|t| Unreadable::parse(&t))
            .map(|r| r.keys)
            .unwrap_or_default();
        for k in keys {
            if !all.contains(&k) {
                all.push(k);
            }
        }
        Unreadable {
            error: error.to_string(),
            found_at: found_at.to_string(),
            keys: all,
        }
    }

    /// The unreadable data kept from an earlier start or this one, if any.
    pub fn unreadable(&self) -> Result<Option<Unreadable>, Fault> {
        self.unreadable_record()
    }

    /// The record of unreadable data, read with the stored reader ([`StoredReader`]). A
    /// record there while the reader is not is refused, never taken for no record: the keys
    /// it names stay pinned.
    fn unreadable_record(&self) -> Result<Option<Unreadable>, Fault> {
        let Some(text) = self.backend.get(UNREADABLE_KEY)? else {
            return Ok(None);
        };
        let read = READER
            .get()
            .ok_or_else(|| Fault::Refused(READER_NOT_LOADED.into()))?;
        Ok((read.unreadable)(&text))
    }

    /// The file to download for kept unreadable data: the stored values as they were.
    pub fn unreadable_download(&self) -> Result<Option<String>, Fault> {
        let Some(record) = self.unreadable()? else {
            return Ok(None);
        };
        let mut values = Vec::new();
        for key in &record.keys {
            if let Some(v) = self.backend.get(key)? {
                let name = if key == UNREADABLE_MANIFEST_KEY {
                    MANIFEST_KEY.to_string()
                } else {
                    key.clone()
                };
                values.push((name, v));
            }
        }
        Ok(Some(stored::unreadable_download(&values)))
    }

    /// Characters the kept unreadable data takes.
    pub fn unreadable_size(&self) -> usize {
        self.pinned
            .iter()
            .filter_map(|k| {
                self.backend
                    .get(k)
                    .ok()
                    .flatten()
                    .map(|v| k.len() + v.chars().count())
            })
            .sum()
    }

    /// The user downloaded the unreadable data that could not be copied aside: the app
    /// may write again (the next save replaces it).
    pub fn release_after_download(&mut self) {
        if self.hold == Some(Hold::NoRoomForCopy) {
            self.hold = None;
        }
    }

    /// The user discards the unreadable data: its keys are removed (except any part the
    /// current workspace uses) and writing resumes.
    pub fn discard_unreadable(&mut self) -> Result<(), Fault> {
        let in_use: HashSet<String> = self
            .synced
            .as_ref()
            .map(|m| m.keys().into_iter().collect())
            .unwrap_or_default();
        let mut keys: Vec<String> = self.pinned.drain().collect();
        if let Some(r) = self.unreadable()? {
            keys.extend(r.keys);
        }
        for k in keys {
            if !in_use.contains(&k) && k != MANIFEST_KEY {
                self.backend.remove(&k)?;
            }
        }
        self.backend.remove(UNREADABLE_KEY)?;
        if self.hold == Some(Hold::NoRoomForCopy) {
            self.hold = None;
        }
        Ok(())
    }

    /// The writer of the stored parts (`format::writer`); in the bundle its module must
    /// have been fetched first (the app does so at its start, `state::fetch_writer`).
    fn writer() -> Result<format::writer::Writer, String> {
        format::WRITER
            .get()
            .ok_or_else(|| WRITER_NOT_LOADED.to_string())
    }

    /// The part of the rest of the workspace (everything but the accounts).
    fn rest_part(ws: &Workspace) -> Result<Part, String> {
        Ok((Self::writer()?.rest_part)(ws))
    }

    /// Each account's part, as the file writes the account.
    fn account_parts(accounts: &[&Account]) -> Result<Vec<Part>, String> {
        if accounts.is_empty() {
            return Ok(Vec::new());
        }
        let part = Self::writer()?.account_part;
        Ok(accounts.iter().map(|a| part(a)).collect())
    }

    fn listed(&self) -> HashSet<&str> {
        self.synced
            .as_ref()
            .map(|m| hashes_in(m).collect())
            .unwrap_or_default()
    }

    /// The hash of each account, encoding only those that changed since storage last
    /// held them. Returns the hashes in order and the new parts.
    /// The indexes of the accounts encoded are the third value.
    #[allow(clippy::type_complexity)]
    fn hashes_of(
        &self,
        ws: &Workspace,
        listed: &HashSet<&str>,
    ) -> Result<(Vec<(u32, String)>, Vec<Part>, Vec<usize>), String> {
        let mut out: Vec<(u32, Option<String>)> = Vec::with_capacity(ws.accounts().len());
        let mut changed = Vec::new();
        let mut indexes = Vec::new();
        for (i, a) in ws.accounts().iter().enumerate() {
            match self.cache.get(&a.id.0) {
                Some(c) if c.account == *a && listed.contains(c.hash.as_str()) => {
                    out.push((a.id.0, Some(c.hash.clone())))
                }
                _ => {
                    out.push((a.id.0, None));
                    changed.push(a);
                    indexes.push(i);
                }
            }
        }
        let parts = Self::account_parts(&changed)?;
        let mut new = parts.iter();
        let hashes = out
            .into_iter()
            .map(|(id, h)| {
                let h = h.unwrap_or_else(|| new.next().expect("one part per change").hash.clone());
                (id, h)
            })
            .collect();
        Ok((hashes, parts, indexes))
    }

    /// Saves the workspace: writes the parts that changed under new keys, then the
    /// manifest (one write makes the save visible), then removes parts nothing lists.
    /// Writes nothing if storage no longer holds what this tab last read ([`SaveError::Stale`]).
    pub fn save(&mut self, ws: &Workspace, saved_at: &str) -> Result<Saved, SaveError> {
        if let Some(h) = &self.hold {
            return Err(SaveError::Held(h.clone()));
        }
        let current = self
            .backend
            .get(MANIFEST_KEY)
            .map_err(|f| SaveError::ReadFailed(fault_text(&f)))?;
        if current != self.seen_text {
            return Err(SaveError::Stale);
        }
        let rest = Self::rest_part(ws).map_err(SaveError::WriteFailed)?;
        let listed = self.listed();
        let (accounts, parts, changed) = self
            .hashes_of(ws, &listed)
            .map_err(SaveError::WriteFailed)?;
        let unchanged = self
            .synced
            .as_ref()
            .is_some_and(|m| m.rest == rest.hash && m.accounts == accounts);
        if unchanged {
            self.cleanup(None);
            return Ok(Saved {
                parts_written: 0,
                chars_written: 0,
                total_chars: self.total_chars(),
            });
        }
        let mut to_write: Vec<&Part> = parts.iter().collect();
        if !listed.contains(rest.hash.as_str()) {
            to_write.push(&rest);
        }
        drop(listed);
        for p in &to_write {
            self.sizes
                .insert(p.hash.clone(), p.key().len() + p.value.chars().count());
        }
        let manifest = Manifest {
            store: stored::STORE_VERSION,
            app: self.app.clone(),
            format: CURRENT_VERSION,
            rev: self.revision() + 1,
            writer: self.tab.clone(),
            parent: self
                .synced
                .as_ref()
                .map(|m| m.writer.clone())
                .unwrap_or_default(),
            saved_at: saved_at.to_string(),
            rest: rest.hash.clone(),
            accounts,
        };
        let text = manifest.to_json();
        let needed = MANIFEST_KEY.len() + text.chars().count() + self.size_of(&manifest);
        // New parts first, under keys nothing lists; a failure removes them again.
        let mut written: Vec<String> = Vec::new();
        let mut chars_written = 0;
        let fail = |this: &Self, written: &[String], f: Fault| {
            for k in written {
                let _ = this.backend.remove(k);
            }
            match f {
                Fault::Quota => SaveError::Quota {
                    needed,
                    unreadable: this.unreadable_size(),
                },
                Fault::Refused(e) => SaveError::WriteFailed(e),
            }
        };
        for p in to_write {
            let key = p.key();
            if self.backend.get(&key).ok().flatten().as_deref() == Some(p.value.as_str()) {
                continue;
            }
            if self.pinned.contains(&key) {
                // A kept unreadable part has this name but other content: never write it.
                return Err(fail(
                    self,
                    &written,
                    Fault::Refused("a kept unreadable part has the same name".into()),
                ));
            }
            if let Err(f) = self.backend.set(&key, &p.value) {
                return Err(fail(self, &written, f));
            }
            chars_written += key.len() + p.value.chars().count();
            written.push(key);
        }
        if let Err(f) = self.backend.set(MANIFEST_KEY, &text) {
            return Err(fail(self, &written, f));
        }
        chars_written += MANIFEST_KEY.len() + text.chars().count();
        // Saved. Remember what changed as stored, then tidy up.
        let written_count = written.len();
        for i in changed {
            let a = &ws.accounts()[i];
            self.cache.insert(
                a.id.0,
                Cached {
                    account: a.clone(),
                    hash: manifest.accounts[i].1.clone(),
                },
            );
        }
        if self.cache.len() > manifest.accounts.len() {
            let ids: HashSet<u32> = manifest.accounts.iter().map(|(id, _)| *id).collect();
            self.cache.retain(|id, _| ids.contains(id));
        }
        let old = self.synced.replace(manifest);
        self.seen_text = Some(text);
        self.cleanup(old.as_ref());
        self.prev = old;
        Ok(Saved {
            parts_written: written_count,
            chars_written,
            total_chars: needed,
        })
    }

    fn size_of(&self, m: &Manifest) -> usize {
        std::iter::once(&m.rest)
            .chain(m.accounts.iter().map(|(_, h)| h))
            .map(|h| self.sizes.get(h).copied().unwrap_or(0))
            .sum()
    }

    /// What the stored workspace takes, characters, keys included.
    pub fn total_chars(&self) -> usize {
        self.synced.as_ref().map_or(0, |m| {
            MANIFEST_KEY.len() + m.to_json().chars().count() + self.size_of(m)
        })
    }

    /// Removes parts the old manifest listed and the new one does not, parts no manifest
    /// listed at start, and the old single key once its data is saved in the new form.
    /// Kept unreadable data is never touched. Failures only leave unused parts behind.
    fn cleanup(&mut self, old: Option<&Manifest>) {
        let Some(now) = &self.synced else { return };
        let listed: HashSet<&str> = hashes_in(now).collect();
        let mut gone: Vec<String> = std::mem::take(&mut self.orphans)
            .into_iter()
            .filter(|k| !listed.contains(&k[PART_PREFIX.len().min(k.len())..]))
            .collect();
        if let Some(old) = old {
            gone.extend(hashes_in(old).filter(|h| !listed.contains(h)).map(part_key));
        }
        for k in gone {
            if !self.pinned.contains(&k) {
                let _ = self.backend.remove(&k);
                self.sizes.remove(&k[PART_PREFIX.len().min(k.len())..]);
            }
        }
        if self.legacy_done
            && !self.pinned.contains(LEGACY_KEY)
            && self.backend.remove(LEGACY_KEY).is_ok()
        {
            self.legacy_done = false;
        }
    }

    /// Catches up with what another tab saved. `ws` is this tab's workspace, maybe with
    /// unsaved changes. Changes on both sides to different accounts (or one to the
    /// accounts, one to the rest) are merged; the same thing changed on both sides is a
    /// [`Sync::Conflict`] unless `prefer` says which side to keep. `today`: the day of
    /// reading, as for [`Session::load`].
    pub fn sync(
        &mut self,
        ws: &mut Workspace,
        prefer: Option<Side>,
        today: chrono::NaiveDate,
    ) -> Result<Sync, String> {
        let text = self.backend.get(MANIFEST_KEY).map_err(|f| fault_text(&f))?;
        if text == self.seen_text {
            if self.hold == Some(Hold::Conflict) {
                self.hold = None;
            }
            return Ok(Sync::Same);
        }
        let Some(text) = text else {
            // Someone removed the stored workspace (site data cleared): this tab's
            // workspace is the only copy; the next save writes all of it.
            self.seen_text = None;
            self.synced = None;
            self.prev = None;
            return Ok(Sync::Same);
        };
        let read = READER.get().ok_or_else(|| READER_NOT_LOADED.to_string())?;
        (read.sync)(self, ws, prefer, today, text)
    }

    /// [`Session::sync`] once storage holds another manifest (`text`), through
    /// [`StoredReader`].
    fn sync_stored(
        &mut self,
        ws: &mut Workspace,
        prefer: Option<Side>,
        today: chrono::NaiveDate,
        text: String,
    ) -> Result<Sync, String> {
        let theirs = match Manifest::parse(&text, CURRENT_VERSION) {
            Ok(m) => m,
            Err(StoredError::Newer { .. }) => {
                self.hold = Some(Hold::Newer);
                return Ok(Sync::Newer);
            }
            Err(e) => {
                self.hold = Some(Hold::OtherTabUnreadable(e.to_string()));
                return Err(e.to_string());
            }
        };
        if theirs.app_is_newer_than(&self.app) {
            self.hold = Some(Hold::Newer);
            return Ok(Sync::Newer);
        }
        // What both started from: normally what this tab last read or wrote; when our
        // last write and theirs were built on the same revision, the one before ours.
        let raced = self
            .synced
            .as_ref()
            .is_some_and(|s| s.writer == self.tab && theirs.rev <= s.rev);
        let base = if raced {
            self.prev.clone()
        } else {
            self.synced.clone()
        };
        let base_rest = base.as_ref().map(|m| m.rest.clone());
        let base_accounts: HashMap<u32, String> = base
            .as_ref()
            .map(|m| m.accounts.iter().cloned().collect())
            .unwrap_or_default();
        let theirs_accounts: HashMap<u32, String> = theirs.accounts.iter().cloned().collect();

        // Mine: what this tab has, with hashes where known (None: changed, not encoded).
        let my_rest = Self::rest_part(ws)?.hash;
        let listed = self.listed();
        let mine: HashMap<u32, Option<String>> = ws
            .accounts()
            .iter()
            .map(|a| {
                let h = match self.cache.get(&a.id.0) {
                    Some(c) if c.account == *a && listed.contains(c.hash.as_str()) => {
                        Some(c.hash.clone())
                    }
                    _ => None,
                };
                (a.id.0, h)
            })
            .collect();
        drop(listed);
        let mine_changed = |id: u32| -> bool {
            match (mine.get(&id), base_accounts.get(&id)) {
                (Some(Some(h)), Some(b)) => h != b,
                (None, None) => false,
                _ => true,
            }
        };
        let theirs_changed = |id: u32| theirs_accounts.get(&id) != base_accounts.get(&id);

        // Read their changed accounts (and their rest), decoded by the one reader.
        let rest_theirs_changed = Some(&theirs.rest) != base_rest.as_ref();
        let rest_mine_changed = Some(&my_rest) != base_rest.as_ref();
        let need: Vec<(u32, String)> = theirs
            .accounts
            .iter()
            .filter(|(id, _)| theirs_changed(*id) || !mine.contains_key(id))
            .cloned()
            .collect();
        let partial = Manifest {
            accounts: need.clone(),
            ..theirs.clone()
        };
        let mut sizes = Vec::new();
        let doc = stored::read_document(&partial, |key| {
            let v = self.backend.get(key)?;
            if let Some(v) = &v {
                sizes.push((
                    key[PART_PREFIX.len()..].to_string(),
                    key.len() + v.chars().count(),
                ));
            }
            Ok::<_, Fault>(v)
        })
        .map_err(|f| fault_text(&f))?
        .map_err(|e| e.to_string())?;
        let mut their_ws = format::decode(&doc, today)
            .map_err(|e| e.to_string())?
            .workspace;
        let their_new: HashMap<u32, Account> = their_ws
            .accounts()
            .iter()
            .map(|a| (a.id.0, a.clone()))
            .collect();

        // Conflicts: the same slot changed on both sides to different contents.
        let mut conflicts: Vec<String> = Vec::new();
        let rest_conflict = rest_theirs_changed && rest_mine_changed && my_rest != theirs.rest;
        if rest_conflict {
            conflicts.push("workspace settings".into());
        }
        let my_accounts: HashMap<u32, &Account> =
            ws.accounts().iter().map(|a| (a.id.0, a)).collect();
        let mut same_content: HashSet<u32> = HashSet::new();
        let mut conflicting: HashSet<u32> = HashSet::new();
        let mut clash: HashSet<u32> = HashSet::new();
        let all_ids: Vec<u32> = theirs
            .accounts
            .iter()
            .map(|(id, _)| *id)
            .chain(ws.accounts().iter().map(|a| a.id.0))
            .chain(base_accounts.keys().copied())
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        for id in all_ids {
            if !(mine_changed(id) && theirs_changed(id)) {
                continue;
            }
            // Both changed it. Same content? Encode mine to compare.
            let mine_hash = match (mine.get(&id), my_accounts.get(&id)) {
                (Some(Some(h)), _) => Some(h.clone()),
                (_, Some(a)) => Self::account_parts(&[a])?.pop().map(|p| p.hash),
                _ => None,
            };
            if mine_hash.as_ref() == theirs_accounts.get(&id) {
                same_content.insert(id);
                continue;
            }
            let added_both = !base_accounts.contains_key(&id)
                && mine_hash.is_some()
                && theirs_accounts.contains_key(&id);
            if added_both {
                clash.insert(id); // two new accounts that drew the same id: keep both
                continue;
            }
            conflicting.insert(id);
            let name = my_accounts
                .get(&id)
                .map(|a| a.fields.name.clone())
                .or_else(|| their_new.get(&id).map(|a| a.fields.name.clone()))
                .unwrap_or_else(|| format!("account {id}"));
            conflicts.push(name);
        }
        if !conflicts.is_empty() && prefer.is_none() {
            self.hold = Some(Hold::Conflict);
            return Ok(Sync::Conflict { names: conflicts });
        }
        let take_theirs = |id: u32| -> bool {
            if clash.contains(&id) {
                true
            } else if conflicting.contains(&id) {
                prefer == Some(Side::Theirs)
            } else {
                !mine_changed(id) || same_content.contains(&id)
            }
        };

        // The merged accounts: their order, then this tab's new ones.
        let mut from_them = 0;
        let mut kept_mine = 0;
        let mut merged: Vec<Account> = Vec::new();
        let mut placed: HashSet<u32> = HashSet::new();
        for (id, _) in &theirs.accounts {
            let id = *id;
            if take_theirs(id) {
                let a = match (their_new.get(&id), my_accounts.get(&id)) {
                    (Some(a), _) => a.clone(),
                    (None, Some(a)) => (*a).clone(), // unchanged on their side: ours is theirs
                    (None, None) => continue,
                };
                if theirs_changed(id) {
                    from_them += 1;
                }
                merged.push(a);
            } else if let Some(a) = my_accounts.get(&id) {
                kept_mine += 1;
                merged.push((*a).clone());
            } else {
                kept_mine += 1; // removed here, and that removal is kept
            }
            placed.insert(id);
        }
        let mut next = merged
            .iter()
            .map(|a| a.id.0)
            .chain(my_accounts.keys().copied())
            .max()
            .unwrap_or(0);
        for a in ws.accounts() {
            let id = a.id.0;
            if placed.contains(&id) && !clash.contains(&id) {
                continue;
            }
            if base_accounts.contains_key(&id) && !theirs_accounts.contains_key(&id) {
                // Removed on their side.
                if take_theirs(id) {
                    from_them += 1;
                    continue;
                }
            }
            kept_mine += 1;
            if clash.contains(&id) {
                next += 1;
                merged.push(Account {
                    id: AccountId(next),
                    ..a.clone()
                });
            } else {
                merged.push(a.clone());
            }
        }
        // The rest: theirs unless only this tab changed it (or the user keeps this tab's).
        let keep_my_rest = if rest_conflict {
            prefer == Some(Side::Mine)
        } else {
            rest_mine_changed && !rest_theirs_changed
        };
        let mut out = if keep_my_rest {
            kept_mine += usize::from(rest_mine_changed);
            ws.with_accounts_aside(|w| w.clone())
        } else {
            from_them += usize::from(rest_theirs_changed);
            their_ws.with_accounts_aside(|w| w.clone())
        };
        out.set_accounts(merged).map_err(|e| format!("{e:?}"))?;

        // Storage now holds theirs; remember their accounts as stored.
        for a in their_ws.accounts() {
            if let Some(h) = theirs_accounts.get(&a.id.0) {
                self.cache.insert(
                    a.id.0,
                    Cached {
                        account: a.clone(),
                        hash: h.clone(),
                    },
                );
            }
        }
        for (k, n) in sizes {
            self.sizes.insert(k, n);
        }
        their_ws.set_accounts(Vec::new()).ok();
        self.seen_text = Some(text);
        self.prev = None;
        self.synced = Some(theirs);
        if matches!(self.hold, Some(Hold::Conflict)) {
            self.hold = None;
        }
        Ok(Sync::Updated {
            ws: out,
            from_them,
            kept_mine,
        })
    }
}

/// The part hashes a manifest lists: the rest, then each account's.
fn hashes_in(m: &Manifest) -> impl Iterator<Item = &str> {
    std::iter::once(m.rest.as_str()).chain(m.accounts.iter().map(|(_, h)| h.as_str()))
}

/// Plain words for a storage fault.
pub fn fault_text(f: &Fault) -> String {
    match f {
        Fault::Quota => "the browser's storage for this site is full".into(),
        Fault::Refused(e) => e.clone(),
    }
}
