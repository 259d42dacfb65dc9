//! App state shared through context: the workspace signal, today's date, the save status,
//! the undo toast and the pending import. Autosave lives here.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::browser;
use crate::domain::{demo::demo_workspace, plural, Removed, Workspace, WorkspaceId};
use crate::format::{self, Decoded};
use crate::storage::{self, Loaded};

/// How long edits wait before they are written (typing in a field makes many changes).
pub const SAVE_DELAY: Duration = Duration::from_millis(400);

#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed(String),
}

/// A message at the bottom of the screen, optionally with an undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    pub id: u64,
    pub text: String,
    pub undo: Option<Removed>,
}

/// The import in progress: a file read and checked, waiting for the user's answer.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportState {
    Idle,
    Preview {
        file_name: String,
        decoded: Box<Decoded>,
    },
    Refused {
        file_name: String,
        message: String,
    },
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub ws: RwSignal<Workspace>,
    pub today: RwSignal<NaiveDate>,
    pub save_status: RwSignal<SaveStatus>,
    /// Set when storage held something unreadable at start (the message of why).
    pub unreadable: RwSignal<Option<String>>,
    pub toast: RwSignal<Option<Toast>>,
    pub import: RwSignal<ImportState>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Loads the stored workspace (or the demo on first open), provides the state as
    /// context and starts autosave.
    pub fn provide() -> AppState {
        let today = browser::today();
        let loaded = storage::load();
        let first_open = loaded == Loaded::Nothing;
        let (mut ws, unreadable) = match loaded {
            Loaded::Nothing => (demo_workspace(today), None),
            Loaded::Workspace(ws) => (ws, None),
            Loaded::Unreadable { error } => (Workspace::default(), Some(error)),
        };
        // A workspace stored before workspaces had ids gets one now, and keeps it: it is
        // saved at once below, so every later export and calendar carries the same id.
        let id_made = ws.id.is_none() && unreadable.is_none() && !first_open;
        with_id(&mut ws);
        let state = AppState {
            ws: RwSignal::new(ws),
            today: RwSignal::new(today),
            save_status: RwSignal::new(SaveStatus::Saved),
            unreadable: RwSignal::new(unreadable),
            toast: RwSignal::new(None),
            import: RwSignal::new(ImportState::Idle),
        };
        provide_context(state);
        state.start_autosave(first_open || id_made);
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

    fn start_autosave(self, first_open: bool) {
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
                    // another day shows the same dates.
                    if first_open {
                        self.save_now();
                    }
                    return;
                }
                self.save_status.set(SaveStatus::Pending);
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
        // Write at once when the page is hidden or closed: a debounce must never lose work.
        let on_hide = Closure::<dyn Fn()>::new(flush);
        let doc = document();
        let _ = doc
            .add_event_listener_with_callback("visibilitychange", on_hide.as_ref().unchecked_ref());
        let _ =
            window().add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        on_hide.forget(); // lives as long as the app
    }

    pub fn save_now(self) {
        let result = self
            .ws
            .with_untracked(|ws| storage::save(ws, browser::now_rfc3339()));
        self.save_status.set(match result {
            Ok(()) => SaveStatus::Saved,
            Err(e) => SaveStatus::Failed(e),
        });
    }

    pub fn show_toast(self, text: impl Into<String>, undo: Option<Removed>) {
        let id = self
            .toast
            .with_untracked(|t| t.as_ref().map_or(0, |t| t.id + 1));
        self.toast.set(Some(Toast {
            id,
            text: text.into(),
            undo,
        }));
        set_timeout(
            move || {
                if self.toast.with_untracked(|t| t.as_ref().map(|t| t.id)) == Some(id) {
                    self.toast.set(None);
                }
            },
            Duration::from_secs(8),
        );
    }

    /// Reads a file the user picked or dropped and shows what it holds, or why it is refused.
    /// The workspace is untouched until [`AppState::confirm_import`].
    pub fn start_import(self, file: web_sys::File) {
        let file_name = file.name();
        wasm_bindgen_futures::spawn_local(async move {
            let next = match browser::read_text(file).await {
                Err(message) => ImportState::Refused { file_name, message },
                Ok(text) => match format::decode(&text) {
                    Ok(decoded) => ImportState::Preview {
                        file_name,
                        decoded: Box::new(decoded),
                    },
                    Err(e) => ImportState::Refused {
                        file_name,
                        message: e.to_string(),
                    },
                },
            };
            self.import.set(next);
        });
    }

    /// Replaces the workspace with the previewed file. The file's workspace id comes
    /// along (it is the same workspace moved here); a file without one gets a new id.
    pub fn confirm_import(self) {
        if let ImportState::Preview { decoded, file_name } = self.import.get_untracked() {
            let count = decoded.workspace.accounts().len();
            let mut ws = decoded.workspace;
            with_id(&mut ws);
            self.ws.set(ws);
            self.import.set(ImportState::Idle);
            self.show_toast(
                format!(
                    "Imported {} from {file_name}.",
                    plural(count, "account", "accounts")
                ),
                None,
            );
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

/// Gives a workspace without an id a new random one; keeps an id it has.
fn with_id(ws: &mut Workspace) {
    if ws.id.is_none() {
        ws.id = Some(browser::new_workspace_id());
    }
}
