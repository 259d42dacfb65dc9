//! The browser edge of storage: localStorage as a [`Backend`], the one [`Session`] of this
//! tab, and a memory store when the browser blocks localStorage.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};

use super::{Backend, Fault, MemoryBackend, Session, APP_VERSION};

/// `window.localStorage`, every exception turned into a [`Fault`].
pub struct LocalBackend(pub web_sys::Storage);

fn fault(e: JsValue) -> Fault {
    let name = js_sys::Reflect::get(&e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        return Fault::Quota;
    }
    let message = js_sys::Reflect::get(&e, &"message".into())
        .ok()
        .and_then(|n| n.as_string())
        .filter(|m| !m.is_empty())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser gave no reason".into());
    Fault::Refused(format!(
        "the browser refused to use its storage ({message})"
    ))
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, Fault> {
        self.0.get_item(key).map_err(fault)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), Fault> {
        self.0.set_item(key, value).map_err(fault)
    }
    fn remove(&self, key: &str) -> Result<(), Fault> {
        self.0.remove_item(key).map_err(fault)
    }
    fn keys(&self) -> Result<Vec<String>, Fault> {
        let n = self.0.length().map_err(fault)?;
        let mut out = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = self.0.key(i).map_err(fault)? {
                out.push(k);
            }
        }
        Ok(out)
    }
}

/// `window.localStorage`, or why it cannot be had (the getter throws when the browser
/// blocks site data, and may return null).
pub fn local_storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("this browser offers no storage here".into()),
        Err(e) => Err(match fault(e) {
            Fault::Refused(m) => m,
            Fault::Quota => "the browser's storage for this site is full".into(),
        }),
    }
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
    static MEMORY: RefCell<Option<MemoryBackend>> = const { RefCell::new(None) };
}

/// A random name for this tab (written in its manifests): random bytes come from
/// `browser` only, so this borrows its UUID maker.
fn tab_name() -> String {
    let id = crate::browser::new_workspace_id();
    id.as_str().replace('-', "")[..16].to_string()
}

/// Opens this tab's session: on localStorage, or in memory when the browser blocks it
/// (`Err` holds why, to tell the user).
pub fn open() -> Result<(), String> {
    let (backend, blocked): (Box<dyn Backend>, Result<(), String>) = match local_storage() {
        Ok(s) => {
            MEMORY.with(|cell| *cell.borrow_mut() = None);
            (Box::new(LocalBackend(s)), Ok(()))
        }
        Err(why) => {
            let m = MemoryBackend::new();
            MEMORY.with(|cell| *cell.borrow_mut() = Some(m.clone()));
            (Box::new(m), Err(why))
        }
    };
    let session = Session::new(backend, tab_name(), APP_VERSION);
    SESSION.with(|cell| *cell.borrow_mut() = Some(session));
    blocked
}

/// Whether a workspace is stored ([`Session::holds_workspace`]); false when storage cannot
/// be read.
pub fn holds_workspace() -> bool {
    local_storage()
        .map(|s| Session::new(Box::new(LocalBackend(s)), "", "").holds_workspace())
        .unwrap_or(false)
}

/// Runs `f` on this tab's session. None when no session is open or it is in use (only a
/// panic in the middle of a save can leave it so).
pub fn with_session<R>(f: impl FnOnce(&mut Session) -> R) -> Option<R> {
    SESSION.with(|cell| {
        let mut guard = cell.try_borrow_mut().ok()?;
        guard.as_mut().map(f)
    })
}

/// The last saved workspace as a file (`super::saved_document`), read straight from
/// storage without the app's state: what the panic screen offers. None when nothing
/// readable is stored, or when the code that reads it is not here ([`super::READER`]:
/// in the bundle, a first visit's; the save is still in storage then).
pub fn saved_document() -> Option<String> {
    let read = super::READER.get()?.document;
    if let Some(memory) = MEMORY.with(|m| m.try_borrow().ok().and_then(|m| m.clone())) {
        return read(&memory);
    }
    let storage = local_storage().ok()?;
    read(&LocalBackend(storage))
}

/// Calls `performance.mark` / `performance.measure` (figures read by the bench script).
pub fn perf_mark(name: &str) {
    if let Some(p) = performance() {
        if let Ok(f) = js_sys::Reflect::get(&p, &"mark".into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call1(&p, &name.into());
            }
        }
    }
}

pub fn perf_measure(name: &str, start_mark: &str) {
    if let Some(p) = performance() {
        if let Ok(f) = js_sys::Reflect::get(&p, &"measure".into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call2(&p, &name.into(), &start_mark.into());
            }
        }
    }
}

fn performance() -> Option<JsValue> {
    let w = web_sys::window()?;
    js_sys::Reflect::get(&w, &"performance".into())
        .ok()
        .filter(|p| !p.is_undefined())
}
