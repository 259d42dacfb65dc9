//! App state shared through context: the workspace signal, today's date, the save status,
//! the undo toast and the pending import. Autosave and staying in step with other tabs
//! live here; the rules are in `storage` and `docs/storage.md`.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::browser;
use crate::demo::demo_workspace;
use crate::domain::{plural, Removed, Workspace, WorkspaceId};
use crate::format::stored;
use crate::format::{self, Decoded};
use crate::panic_screen;
use crate::storage::{self, local, Hold, Loaded, SaveError, Side, Sync};

/// How long edits wait before they are written (typing in a field makes many changes).
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    /// Storage is blocked: the workspace lives in this tab only.
    InMemory,
    Failed(String),
}

/// What the storage banner says (one at a time, the most urgent). Every text is in
/// `components::status`.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageNotice {
    None,
    /// The browser blocks localStorage: the app runs in memory.
    Blocked(String),
    /// Reading storage failed at start; nothing is written.
    ReadFailed(String),
    /// The last save did not fit; `needed` and `unreadable` in characters.
    Full {
        needed: usize,
        unreadable: usize,
    },
    /// A save failed for another reason.
    WriteFailed(String),
    /// The code that writes the workspace could not be fetched (only in the bundle, where
    /// it loads at the start: `fetch_writer`); nothing is saved until it is.
    WriterNotLoaded,
    /// A newer version of the app saved: this tab stopped writing.
    Newer,
    /// Another tab changed what this tab has unsaved changes to.
    Conflict(Vec<String>),
    /// Another tab saved something this one cannot read; this tab stopped writing.
    OtherTabUnreadable(String),
}

/// Stored data that could not be read, kept until the user discards it.
#[derive(Debug, Clone, PartialEq)]
pub struct UnreadableNotice {
    pub error: String,
    pub found_at: String,
    /// False when it could not be copied aside: nothing is written until the user
    /// downloads it or starts fresh.
    pub kept: bool,
    /// Characters it takes in storage.
    pub size: usize,
}

/// What a toast's Undo does. A plain closure, not a reactive callback: it must still run
/// after the page that made it is gone (an account deleted, then Undo on the portfolio).
/// It may capture `AppState` (it lives as long as the app), never a page's own signals.
pub type UndoFn = Arc<dyn Fn() + Send + std::marker::Sync>;

/// The one message at the bottom of the screen (`components::status::ToastHost`),
/// optionally with an Undo. It goes after [`TOAST_MS`], counted only while the pointer
/// and the keyboard focus are elsewhere.
#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    pub text: String,
    pub undo: Option<UndoFn>,
}

/// How long a toast stays, not counting the time it is hovered or focused.
pub const TOAST_MS: u64 = 8_000;
const TOAST_TICK_MS: u64 = 250;

/// The import in progress: a file read and checked, waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportState {
    Idle,
    /// The decoded file is shared, never copied: the preview and the confirm read the
    /// one copy (a large workspace takes long to clone).
    Preview {
        file_name: String,
        decoded: Arc<Decoded>,
    },
    Refused {
        file_name: String,
        message: String,
    },
    /// A table (CSV) picked or dropped: the CRM import on the Data page takes it from here
    /// (`pages::csv_import`).
    Table {
        file_name: String,
        text: String,
    },
}

thread_local! {
    /// The demo workspace built ahead of the start, in tasks of its own ([`build_demo_ahead`]).
    static DEMO_AHEAD: RefCell<Option<(NaiveDate, Workspace)>> = const { RefCell::new(None) };
}

/// Builds the demo workspace for `today` ahead of the start, when nothing is stored, in two
/// tasks (its accounts, then their plans), and runs `then` (the mount) in the task after: the
/// start then takes the demo instead of building it (docs/build.md, "A first visit's long
/// tasks"). Storage is still read by the start, in the task that mounts the app: if
/// something was stored meanwhile, that is what the app opens, and this goes unused.
pub(crate) fn build_demo_ahead(today: NaiveDate, then: impl FnOnce() + 'static) {
    let mut ws = crate::demo::demo_accounts(today);
    crate::browser::next_task(move || {
        crate::demo::demo_plans(&mut ws, today);
        DEMO_AHEAD.with(|d| *d.borrow_mut() = Some((today, ws)));
        crate::browser::next_task(then);
    });
}

/// The demo for `today`: the one built ahead when there is one for that day, else built now.
fn demo_ahead(today: NaiveDate) -> Workspace {
    DEMO_AHEAD
        .with(|d| d.borrow_mut().take())
        .filter(|(day, _)| *day == today)
        .map_or_else(|| demo_workspace(today), |(_, ws)| ws)
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub ws: RwSignal<Workspace>,
    pub today: RwSignal<NaiveDate>,
    pub save_status: RwSignal<SaveStatus>,
    /// Storage problems to tell the user about (the banner under the top bar).
    pub notice: RwSignal<StorageNotice>,
    /// Stored data that could not be read and is kept (banner and Data page).
    pub unreadable: RwSignal<Option<UnreadableNotice>>,
    pub toast: RwSignal<Option<Toast>>,
    /// The toast is hovered or holds the focus: its time stands still.
    pub toast_held: RwSignal<bool>,
    pub import: RwSignal<ImportState>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Loads the stored workspace (or the demo on first open), provides the state as
    /// context, starts autosave and listens to other tabs' saves.
    pub fn provide() -> AppState {
        let today = browser::today();
        let blocked = local::open().err();
        local::perf_mark("am-planner:load-start");
        let loaded = local::with_session(|s| s.load(&browser::now_rfc3339(), today))
            .unwrap_or_else(|| Loaded::Failed("storage could not be opened".into()));
        local::perf_measure("am-planner:load", "am-planner:load-start");
        let mut notice = match &blocked {
            Some(why) => StorageNotice::Blocked(why.clone()),
            None => StorageNotice::None,
        };
        let mut save_at_start = false;
        let mut unreadable = None;
        let mut ws = match loaded {
            Loaded::Nothing => {
                save_at_start = true;
                demo_ahead(today)
            }
            Loaded::Workspace { ws, migrated } => {
                // Saved at once: migrated from the old form, or stored before workspaces
                // had ids (it gets one below and keeps it in every later export).
                save_at_start = migrated || ws.id.is_none();
                ws
            }
            Loaded::Unreadable { error, kept } => {
                unreadable = Some(UnreadableNotice {
                    error,
                    found_at: browser::now_rfc3339(),
                    kept,
                    size: local::with_session(|s| s.unreadable_size()).unwrap_or(0),
                });
                Workspace::default()
            }
            Loaded::Failed(e) => {
                notice = StorageNotice::ReadFailed(e);
                Workspace::default()
            }
            Loaded::Newer => {
                notice = StorageNotice::Newer;
                Workspace::default()
            }
        };
        if unreadable.is_none() {
            // Unreadable data kept from an earlier start stays on offer.
            unreadable = local::with_session(|s| s.unreadable().ok().flatten())
                .flatten()
                .map(|r| UnreadableNotice {
                    error: r.error,
                    found_at: r.found_at,
                    kept: true,
                    size: local::with_session(|s| s.unreadable_size()).unwrap_or(0),
                });
        }
        let status = match (&blocked, &notice) {
            (Some(_), _) => SaveStatus::InMemory,
            // Written once the first page is painted (and the writer is here).
            (None, StorageNotice::None) if save_at_start => SaveStatus::Pending,
            (None, StorageNotice::None) => SaveStatus::Saved,
            _ => SaveStatus::Failed("this tab is not saving".into()),
        };
        with_id(&mut ws);
        let state = AppState {
            ws: RwSignal::new(ws),
            today: RwSignal::new(today),
            save_status: RwSignal::new(status),
            notice: RwSignal::new(notice),
            unreadable: RwSignal::new(unreadable),
            toast: RwSignal::new(None),
            toast_held: RwSignal::new(false),
            import: RwSignal::new(ImportState::Idle),
        };
        provide_context(state);
        state.start_autosave(save_at_start);
        state.listen_to_other_tabs();
        // An AM may leave the planner open overnight: move `today` on at midnight, so
        // "due", "late" and "stale" stay true without a reload.
        let _ = set_interval_with_handle(
            move || {
                let now = browser::today();
                if state.today.get_untracked() != now {
                    state.today.set(now);
                }
            },
            Duration::from_secs(60),
        );
        state
    }

    fn start_autosave(self, save_at_start: bool) {
        let pending: Rc<RefCell<Option<gloo_timers::callback::Timeout>>> = Rc::default();
        let flush = {
            let pending = pending.clone();
            move || {
                if let Some(t) = pending.borrow_mut().take() {
                    t.cancel();
                    self.save_now();
                }
            }
        };
        let first = Rc::new(RefCell::new(true));
        {
            let pending = pending.clone();
            Effect::new(move |_| {
                self.ws.track();
                if std::mem::replace(&mut *first.borrow_mut(), false) {
                    // Nothing changed yet. A first open stores the demo, so a reload on
                    // another day shows the same dates; a migrated workspace is written
                    // in the new form at once: once the first page is painted, so the
                    // save does not hold that paint back.
                    if save_at_start {
                        browser::after_paint(move || self.save_now());
                    }
                    return;
                }
                if SAVED_AHEAD.with(|s| s.replace(false)) {
                    // `save_and_tell` wrote this change already, and said how it went.
                    return;
                }
                if !format::WRITER.is_here() {
                    guard_leaving();
                }
                if !matches!(self.save_status.get_untracked(), SaveStatus::InMemory) {
                    self.save_status.set(SaveStatus::Pending);
                }
                let timeout = gloo_timers::callback::Timeout::new(SAVE_DELAY.as_millis() as u32, {
                    let pending = pending.clone();
                    move || {
                        pending.borrow_mut().take();
                        self.save_now();
                    }
                });
                if let Some(old) = pending.borrow_mut().replace(timeout) {
                    old.cancel();
                }
            });
        }
        // Write at once when the page is hidden or closed: a debounce must never lose work,
        // nor must text still being typed (a field takes its text on `change`, which comes
        // only when the cursor leaves it).
        let on_hide = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
            let leaving = ev.type_() == "pagehide"
                || document().visibility_state() == web_sys::VisibilityState::Hidden;
            let typed = leaving
                .then(browser::text_box_with_cursor)
                .flatten()
                .is_some_and(|el| {
                    let before = self.ws.get_untracked();
                    browser::fire_change(&el);
                    self.ws.with_untracked(|now| *now != before)
                });
            if typed {
                if let Some(t) = pending.borrow_mut().take() {
                    t.cancel();
                }
                self.save_now();
            } else {
                flush();
            }
        });
        let doc = document();
        let _ = doc
            .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
        let _ =
            window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        on_hide.forget(); // lives as long as the app
    }

    /// Another tab saved (the `storage` event fires in every other tab of the origin).
    fn listen_to_other_tabs(self) {
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                // `key` is null when storage was cleared.
                match ev.key() {
                    Some(k) if k != stored::MANIFEST_KEY => {}
                    _ => self.sync_now(None),
                }
            });
        let _ = window()
            .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        on_storage.forget();
    }

    /// Writes the workspace now. Nothing is written after a panic, while storage is held
    /// (see [`storage::Hold`]) or over a newer save of another tab (this tab catches up
    /// first, then saves what it keeps).
    pub fn save_now(self) {
        if panic_screen::panicked() {
            return;
        }
        if !format::WRITER.is_here() {
            self.save_when_writer_is_here();
            return;
        }
        local::perf_mark("am-planner:save-start");
        let now = browser::now_rfc3339();
        let result = local::with_session(|s| {
            self.ws
                .try_update_untracked(|ws| s.save(ws, &now))
                .unwrap_or(Err(SaveError::WriteFailed("the workspace is gone".into())))
        })
        .unwrap_or(Err(SaveError::WriteFailed("storage is busy".into())));
        local::perf_measure("am-planner:save", "am-planner:save-start");
        match result {
            Ok(_) => {
                let memory = matches!(self.notice.get_untracked(), StorageNotice::Blocked(_));
                self.save_status.set(if memory {
                    SaveStatus::InMemory
                } else {
                    SaveStatus::Saved
                });
                if matches!(
                    self.notice.get_untracked(),
                    StorageNotice::Full { .. }
                        | StorageNotice::WriteFailed(_)
                        | StorageNotice::WriterNotLoaded
                ) {
                    self.notice.set(StorageNotice::None);
                }
            }
            Err(SaveError::Stale) => {
                // Another tab saved first: take its data in, then save what is kept.
                self.sync_now(None);
            }
            Err(SaveError::Held(hold)) => {
                self.save_status.set(SaveStatus::Failed(match hold {
                    Hold::ReadFailed(_) => "the saved data could not be read".into(),
                    Hold::NoRoomForCopy => "unreadable saved data is in the way".into(),
                    Hold::Newer => "a newer version of the planner saved".into(),
                    Hold::Conflict => "waiting for your choice".into(),
                    Hold::OtherTabUnreadable(_) => {
                        "another tab saved data this one cannot read".into()
                    }
                }));
            }
            Err(SaveError::ReadFailed(e)) => {
                self.save_status.set(SaveStatus::Failed(
                    "the browser refused to read its storage".into(),
                ));
                self.notice.set(StorageNotice::WriteFailed(e));
            }
            Err(SaveError::Quota { needed, unreadable }) => {
                self.save_status
                    .set(SaveStatus::Failed("the browser's storage is full".into()));
                self.notice.set(StorageNotice::Full { needed, unreadable });
            }
            Err(SaveError::WriteFailed(e)) => {
                self.save_status.set(SaveStatus::Failed(
                    "the browser refused to store the data".into(),
                ));
                self.notice.set(StorageNotice::WriteFailed(e));
            }
        }
    }

    /// A save asked for before the writer's code is here (in the bundle, a visit's first
    /// moments: `app::start` fetches it at once): the save waits for it, "Saving" shown,
    /// and runs when it comes. If it cannot be fetched, the banner says nothing is saved,
    /// and the next change or the connection's return tries again. One fetch at a time.
    fn save_when_writer_is_here(self) {
        if WAITING_FOR_WRITER.with(|w| w.replace(true)) {
            return;
        }
        if !matches!(self.save_status.get_untracked(), SaveStatus::InMemory) {
            self.save_status.set(SaveStatus::Pending);
        }
        wasm_bindgen_futures::spawn_local(async move {
            let fetched = fetch_writer().await;
            WAITING_FOR_WRITER.with(|w| w.set(false));
            match fetched {
                Ok(()) => self.save_now(),
                Err(_) => {
                    self.save_status.set(SaveStatus::Failed(
                        "the part of the planner that saves did not load".into(),
                    ));
                    self.notice.set(StorageNotice::WriterNotLoaded);
                    browser::once_online(move || self.save_now());
                }
            }
        });
    }

    /// Catches up with another tab's save. Its changes come in; this tab's unsaved changes
    /// stay if they touch other things, else the user is asked (`prefer` is the answer).
    pub fn sync_now(self, prefer: Option<Side>) {
        if panic_screen::panicked() {
            return;
        }
        if !storage::READER.is_here() || !format::WRITER.is_here() {
            // A first visit that has not fetched the documents' reader yet (or, in its
            // first moments, the writer, which compares this tab's accounts with theirs):
            // fetched first. Meanwhile nothing is written (a save finds the other tab's
            // data and comes back here).
            wasm_bindgen_futures::spawn_local(async move {
                // The writer is not asked for when the reader failed.
                let fetched = match fetch_reader().await {
                    Ok(()) => fetch_writer().await.map_err(|_| storage::WRITER_NOT_LOADED),
                    Err(_) => Err(storage::READER_NOT_LOADED),
                };
                match fetched {
                    Ok(()) => self.sync_now(prefer),
                    Err(missing) => {
                        self.save_status.set(SaveStatus::Failed(
                            "another tab saved data this one cannot read".into(),
                        ));
                        self.notice.set(StorageNotice::OtherTabUnreadable(format!(
                            "{missing}; reload the page once you are online"
                        )));
                    }
                }
            });
            return;
        }
        let today = self.today.get_untracked();
        let result = local::with_session(|s| {
            self.ws
                .try_update_untracked(|ws| s.sync(ws, prefer, today))
                .unwrap_or(Err("the workspace is gone".into()))
        })
        .unwrap_or(Err("storage is busy".into()));
        match result {
            Ok(Sync::Same) => {}
            Ok(Sync::Updated {
                ws,
                from_them,
                kept_mine,
            }) => {
                if matches!(self.notice.get_untracked(), StorageNotice::Conflict(_)) {
                    self.notice.set(StorageNotice::None);
                }
                CHOICE_WAITING.set(false);
                self.ws.set(ws);
                let text = match (from_them, kept_mine, prefer) {
                    (_, _, Some(Side::Mine)) => "Kept this tab's version; the other tab's other changes were added.".to_string(),
                    (_, _, Some(Side::Theirs)) => "Took the other tab's version.".to_string(),
                    (_, 0, None) => "This tab now shows the changes saved in another tab.".to_string(),
                    (_, _, None) => "This tab now shows the changes saved in another tab; your own unsaved changes were kept.".to_string(),
                };
                self.show_toast(text, None);
            }
            Ok(Sync::Conflict { names }) => {
                self.save_status
                    .set(SaveStatus::Failed("waiting for your choice".into()));
                self.notice.set(StorageNotice::Conflict(names));
                CHOICE_WAITING.set(true);
                guard_leaving();
            }
            Ok(Sync::Newer) => {
                self.save_status.set(SaveStatus::Failed(
                    "a newer version of the planner saved".into(),
                ));
                self.notice.set(StorageNotice::Newer);
            }
            Err(e) => {
                self.save_status.set(SaveStatus::Failed(
                    "another tab saved data this one cannot read".into(),
                ));
                self.notice.set(StorageNotice::OtherTabUnreadable(e));
            }
        }
    }

    /// The download of kept unreadable data (the stored values as they were).
    pub fn download_unreadable(self) -> Result<(), String> {
        let text = local::with_session(|s| s.unreadable_download())
            .ok_or("storage is busy")?
            .map_err(|f| storage::fault_text(&f))?
            .ok_or("there is no unreadable copy any more")?;
        browser::download("account-planner-unreadable.json", "application/json", &text)?;
        local::with_session(|s| s.release_after_download());
        if let Some(mut u) = self.unreadable.get_untracked() {
            u.kept = true;
            self.unreadable.set(Some(u));
        }
        Ok(())
    }

    /// Removes kept unreadable data (the user chose to start fresh or has a copy).
    pub fn discard_unreadable(self) -> Result<(), String> {
        local::with_session(|s| s.discard_unreadable())
            .ok_or("storage is busy")?
            .map_err(|f| storage::fault_text(&f))?;
        self.unreadable.set(None);
        self.save_now();
        Ok(())
    }

    /// Saves at once after a change the user is told about in a toast (an import, a new
    /// workspace), so the toast says how it went: `done` when it is stored, else that the
    /// change is in this tab only, and why (the storage banner says what to do).
    pub fn save_and_tell(self, done: String) {
        self.save_now();
        // The autosave that the change also set off has nothing left to write: it is
        // skipped (a second try, "Saving…" shown meanwhile, would only fail the same way).
        // The mark is dropped after this task if no change came to take it.
        SAVED_AHEAD.set(true);
        set_timeout(
            || SAVED_AHEAD.set(false),
            std::time::Duration::from_millis(0),
        );
        let text = match self.save_status.get_untracked() {
            SaveStatus::Failed(why) => format!("{done} In this tab only, not saved: {why}."),
            _ => done,
        };
        self.show_toast(text, None);
    }

    /// Tells the user what just happened, with an Undo when `undo` is given (the one toast
    /// of the app: a new one replaces the last).
    pub fn show_toast(self, text: impl Into<String>, undo: Option<UndoFn>) {
        let id = self
            .toast
            .with_untracked(|t| t.as_ref().map_or(0, |t| t.id + 1));
        self.toast.set(Some(Toast {
            id,
            text: text.into(),
            undo,
        }));
        self.toast_countdown(id, TOAST_MS);
    }

    /// Counts the toast's time down while it is not held; removes it at zero.
    fn toast_countdown(self, id: u64, left_ms: u64) {
        set_timeout(
            move || {
                if self.toast.with_untracked(|t| t.as_ref().map(|t| t.id)) != Some(id) {
                    return;
                }
                if self.toast_held.get_untracked() {
                    self.toast_countdown(id, left_ms);
                } else if left_ms <= TOAST_TICK_MS {
                    self.toast.set(None);
                } else {
                    self.toast_countdown(id, left_ms - TOAST_TICK_MS);
                }
            },
            Duration::from_millis(TOAST_TICK_MS),
        );
    }

    /// The toast after deleting an account, with the Undo that puts it back.
    pub fn toast_removed(self, removed: Removed) {
        let name = crate::domain::text::isolate(&removed.account.fields.name);
        let undo: UndoFn = Arc::new(move || {
            let back = removed.clone();
            let name = crate::domain::text::isolate(&back.account.fields.name);
            self.ws.update(|w| w.undo_remove(back));
            self.show_toast(format!("Restored {name}."), None);
        });
        self.show_toast(format!("Deleted {name}."), Some(undo));
    }

    /// Reads a file the user picked or dropped and shows what it holds, or why it is refused.
    /// The workspace is untouched until [`AppState::confirm_import`]. The file readers are
    /// code fetched on the first import (docs/build.md); when it cannot be fetched the file
    /// is refused with that reason, and nothing changes.
    pub fn start_import(self, file: web_sys::File) {
        let file_name = file.name();
        let named_table = format::table::is_table_file(&file_name, &file.type_());
        wasm_bindgen_futures::spawn_local(async move {
            let next = match browser::read_bytes(file).await {
                Err(message) => ImportState::Refused { file_name, message },
                Ok(bytes) => {
                    let today = self.today.get_untracked();
                    read_import(file_name.clone(), named_table, bytes, today)
                        .await
                        .unwrap_or_else(|_| ImportState::Refused {
                            file_name,
                            message: IMPORT_NOT_LOADED.into(),
                        })
                }
            };
            self.import.set(next);
        });
    }

    /// Replaces the workspace with the previewed file. The file's workspace id comes
    /// along (it is the same workspace moved here); a file without one gets a new id.
    pub fn confirm_import(self) {
        if !self
            .import
            .with_untracked(|s| matches!(s, ImportState::Preview { .. }))
        {
            return;
        }
        // Taken out of the state, not cloned: the preview's view keeps no share of it, so
        // the workspace is moved.
        let taken = self
            .import
            .try_update(|s| std::mem::replace(s, ImportState::Idle));
        if let Some(ImportState::Preview { decoded, file_name }) = taken {
            let count = decoded.workspace.accounts().len();
            let decoded = Arc::try_unwrap(decoded).unwrap_or_else(|d| (*d).clone());
            let mut ws = decoded.workspace;
            with_id(&mut ws);
            self.ws.set(ws);
            self.save_and_tell(format!(
                "Imported {} from {file_name}.",
                plural(count, "account", "accounts")
            ));
        }
    }

    /// A new workspace: the demo, with a new id.
    pub fn restore_demo(self) {
        let mut ws = demo_workspace(self.today.get_untracked());
        with_id(&mut ws);
        // Interview practice is the person's own progress, not account data: it stays.
        ws.practice = self.ws.with_untracked(|w| w.practice.clone());
        self.ws.set(ws);
    }

    /// A new empty workspace, with a new id.
    pub fn clear_all(self) {
        let currency = self.ws.with_untracked(|w| w.currency.clone());
        let mut ws = Workspace::empty(currency);
        with_id(&mut ws);
        // Interview practice is the person's own progress, not account data: it stays
        // (the Practice page resets it on its own).
        ws.practice = self.ws.with_untracked(|w| w.practice.clone());
        self.ws.set(ws);
    }

    /// The workspace's id (every workspace in the app has one; see [`with_id`]).
    pub fn workspace_id(self) -> WorkspaceId {
        if let Some(id) = self.ws.with_untracked(|w| w.id.clone()) {
            return id;
        }
        let id = browser::new_workspace_id();
        self.ws.update(|w| w.id = Some(id.clone()));
        id
    }
}

thread_local! {
    /// The workspace's last change is already written (`save_and_tell`).
    static SAVED_AHEAD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// A save waits for the writer's code to be fetched (`save_when_writer_is_here`).
    static WAITING_FOR_WRITER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The browser is asked to confirm leaving (`guard_leaving`).
    static GUARDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Another tab saved the same things this one changed, and the user has not chosen
    /// which version to keep: this tab's changes are not saved until they do.
    static CHOICE_WAITING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Work that leaving the tab now would lose: a change made before the writer's code came
/// (it cannot be saved on the way out), or this tab's side of a conflict not yet chosen.
/// From the first of them on, the browser asks before the tab goes while either holds.
/// Added only then (a `beforeunload` listener can keep a page out of the browser's
/// back/forward cache) and once.
fn guard_leaving() {
    if GUARDING.with(|g| g.replace(true)) {
        return;
    }
    let on_leave = Closure::<dyn Fn(web_sys::Event)>::new(|ev: web_sys::Event| {
        if !format::WRITER.is_here() || CHOICE_WAITING.get() {
            ev.prevent_default();
        }
    });
    let _ = window()
        .add_event_listener_with_callback("beforeunload", on_leave.as_ref().unchecked_ref());
    on_leave.forget();
}

/// The reason a file is refused when the file readers could not be fetched.
const IMPORT_NOT_LOADED: &str =
    "The part of the planner that reads files did not load, most likely \
    because the connection dropped. Try again, or reload the page once you are online.";

lazy_fn! { in file_import, preload load_file_readers;
    /// What a picked or dropped file holds: a table for the CRM import, a workspace file of
    /// any released version to preview, or why it is refused.
    fn read_import(file_name: String, named_table: bool, bytes: Vec<u8>, today: NaiveDate) -> ImportState {
        if named_table || format::table::looks_like_table(&bytes) {
            match format::table::table_text(&bytes) {
                Ok(text) => ImportState::Table { file_name, text },
                Err(message) => ImportState::Refused { file_name, message },
            }
        } else {
            // In the bundle this module holds the documents' reader as well.
            format::READER.set(format::reader::read);
            match format::decode_bytes(&bytes, today) {
                Ok(decoded) => ImportState::Preview {
                    file_name,
                    decoded: Arc::new(decoded),
                },
                Err(e) => ImportState::Refused {
                    file_name,
                    message: e.to_string(),
                },
            }
        }
    }
}

lazy_fn! { in readers;
    /// The reader of workspace documents of every version (`format::reader`) and what
    /// reads the stored form (`storage::StoredReader`): needed to read what is stored or
    /// what another tab saved, never on a first visit's start.
    fn document_reader() -> (format::Reader, storage::StoredReader) {
        (format::reader::read, storage::STORED_READER)
    }
}

lazy_fn! { in writers;
    /// The writer of what storage keeps (`format::writer`): fetched at the start of every
    /// visit, needed by the first save.
    fn document_writer() -> format::writer::Writer {
        format::writer::WRITER
    }
}

/// Makes the writer ready: at once when it is there, else its module fetched and the
/// writer handed to `format`. The one way the start and a save get it.
pub(crate) async fn fetch_writer() -> Result<(), leptos::wasm_split::SplitLoaderError> {
    if !format::WRITER.is_here() {
        format::WRITER.set(document_writer().await?);
    }
    Ok(())
}

/// Makes the readers ready: at once when they are there, else their module fetched and
/// the documents' reader handed to `format`, the stored form's to `storage`. The one way
/// the start and a sync get them. (A file's import hands over only the documents' reader.)
pub(crate) async fn fetch_reader() -> Result<(), leptos::wasm_split::SplitLoaderError> {
    if !storage::READER.is_here() {
        let (document, stored) = document_reader().await?;
        format::READER.set(document);
        storage::READER.set(stored);
    }
    Ok(())
}

/// Starts fetching the file readers' code, so that it is there when a file comes: the Data
/// page calls this once it is painted, and the page when a file is first dragged over it.
/// Asking again costs nothing. A failure changes nothing and is not shown: the import
/// itself tries again and says why if it still cannot.
pub fn prepare_file_readers() {
    wasm_bindgen_futures::spawn_local(async {
        let _ = load_file_readers().await;
    });
}

/// Gives a workspace without an id a new random one; keeps an id it has.
fn with_id(ws: &mut Workspace) {
    if ws.id.is_none() {
        ws.id = Some(browser::new_workspace_id());
    }
}
