//! Small wrappers over browser APIs: the local date, timestamps, randomness, downloads,
//! reading files, work put after the next paint. The only place that asks the clock or
//! draws random numbers.

use chrono::{NaiveDate, NaiveDateTime};
use wasm_bindgen::{JsCast, JsValue};

/// Today's calendar date in the user's time zone (not UTC: an AM in California at 8 pm is
/// still on today's date).
pub fn today() -> NaiveDate {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .expect("the browser's date is a valid calendar date")
}

/// The current instant as RFC 3339 in UTC, e.g. `2026-11-22T19:48:05Z`.
pub fn now_rfc3339() -> String {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    // toISOString gives milliseconds: 2026-11-22T19:48:05.123Z
    match iso.find('.') {
        Some(dot) => format!("{}Z", &iso[..dot]),
        None => iso,
    }
}

/// The current instant in UTC, to the second (a calendar export's DTSTAMP).
pub fn now_utc() -> NaiveDateTime {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        d.get_utc_full_year() as i32,
        d.get_utc_month() + 1,
        d.get_utc_date(),
    )
    .and_then(|day| day.and_hms_opt(d.get_utc_hours(), d.get_utc_minutes(), d.get_utc_seconds()))
    .expect("the browser's clock gives a valid UTC date and time")
}

/// The browser's local date and time, to the second: "now" for practice scheduling.
pub fn now_local() -> NaiveDateTime {
    let d = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .and_then(|day| day.and_hms_opt(d.get_hours(), d.get_minutes(), d.get_seconds()))
        .expect("the browser's clock gives a valid local date and time")
}

/// A random seed for a drill or a mock interview (not for anything secret).
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 4_294_967_296.0) as u64
}

/// Fetches a text file of this site (`/practice/decks.json`).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    use wasm_bindgen_futures::JsFuture;
    let network = async {
        let response = JsFuture::from(leptos::prelude::window().fetch_with_str(url))
            .await
            .map_err(|_| format!("{url} could not be downloaded (no connection?)"))?;
        let response: web_sys::Response = response
            .dyn_into()
            .map_err(|_| format!("{url}: the browser gave no response"))?;
        if !response.ok() {
            return Err(format!("{url}: the server answered {}", response.status()));
        }
        // Keep a copy for the next visit without a connection; a browser without the
        // Cache API (or with site data blocked) simply keeps none.
        if let Ok(copy) = response.clone() {
            keep_offline_copy(url, copy).await;
        }
        response_text(url, response).await
    };
    match network.await {
        Ok(text) => Ok(text),
        Err(e) => offline_copy(url).await.ok_or(e),
    }
}

/// Where content fetched at run time (the practice decks) is kept for offline use.
const CONTENT_CACHE: &str = "am-planner-content";

async fn response_text(url: &str, response: web_sys::Response) -> Result<String, String> {
    let text = response
        .text()
        .map_err(|_| format!("{url} could not be read"))?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| format!("{url} could not be read as text"))
}

async fn keep_offline_copy(url: &str, response: web_sys::Response) {
    use wasm_bindgen_futures::JsFuture;
    let Ok(caches) = leptos::prelude::window().caches() else {
        return;
    };
    let Ok(cache) = JsFuture::from(caches.open(CONTENT_CACHE)).await else {
        return;
    };
    let cache: web_sys::Cache = cache.unchecked_into();
    let _ = JsFuture::from(cache.put_with_str(url, &response)).await;
}

/// The copy kept by [`keep_offline_copy`], if any.
async fn offline_copy(url: &str) -> Option<String> {
    use wasm_bindgen_futures::JsFuture;
    let caches = leptos::prelude::window().caches().ok()?;
    let found = JsFuture::from(caches.match_with_str(url)).await.ok()?;
    let response: web_sys::Response = found.dyn_into().ok()?;
    response_text(url, response).await.ok()
}

/// A new workspace id from the browser's cryptographic random source.
pub fn new_workspace_id() -> crate::domain::WorkspaceId {
    let mut bytes = [0u8; 16];
    let filled = leptos::prelude::window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).map(|_| ()));
    if filled.is_err() {
        // No Web Crypto (very old browser): time and Math.random still make collisions
        // between two workspaces unlikely, which is all the id is for.
        let t = js_sys::Date::now().to_bits().to_le_bytes();
        bytes[..8].copy_from_slice(&t);
        for b in bytes[8..].iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    crate::domain::WorkspaceId::from_random(bytes)
}

/// Offers `contents` to the user as a file download.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|e| format!("could not prepare the file: {e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| format!("could not prepare the file: {e:?}"))?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none").ok();
    let body = document.body().ok_or("no document body")?;
    body.append_child(&a).ok();
    a.click();
    body.remove_child(&a).ok();
    // Revoke later: some browsers start the download asynchronously.
    leptos::prelude::set_timeout(
        move || {
            web_sys::Url::revoke_object_url(&url).ok();
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Reads a user-chosen file's bytes straight into wasm memory (no JavaScript string on the
/// way: a large file is read once, and its encoding is checked by the reader). A file over
/// [`crate::format::MAX_FILE_BYTES`] is refused before anything is read.
pub async fn read_bytes(file: web_sys::File) -> Result<Vec<u8>, String> {
    let size = file.size() as u64;
    if size > crate::format::MAX_FILE_BYTES {
        return Err(crate::format::read::too_big_message(size));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("the file could not be read: {e:?}"))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The stylesheet of the pages loaded on demand (docs/build.md#styles-on-demand): asked for
/// at once, through the page's `amLaterStyles` (public/theme.js), and ready once the future
/// gives `Ok`, the rules applied. `Err` when the file could not be fetched (the next call
/// asks again). A page without it (the tests' pages) has nothing to wait for.
pub fn later_styles() -> impl std::future::Future<Output = Result<(), ()>> {
    let asked = js_sys::Reflect::get(
        &leptos::prelude::window(),
        &JsValue::from_str("amLaterStyles"),
    )
    .ok()
    .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    .and_then(|f| f.call0(&JsValue::NULL).ok())
    .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    async move {
        match asked {
            Some(promise) => wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .map(|_| ())
                .map_err(|_| ()),
            None => Ok(()),
        }
    }
}

/// Copies `text` to the clipboard. Fails when the browser refuses (no permission, not a
/// secure context, no Clipboard API): the caller then shows the text selected instead.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let navigator = leptos::prelude::window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or("this browser gives no clipboard access here")?;
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser refused to copy".to_string())
}

/// The page's origin, e.g. `https://planner.example.com`.
pub fn origin() -> String {
    leptos::prelude::window()
        .location()
        .origin()
        .unwrap_or_default()
}

/// The URL fragment including `#`, or "" when there is none.
pub fn location_hash() -> String {
    leptos::prelude::window()
        .location()
        .hash()
        .unwrap_or_default()
}

/// Drops the fragment from the address bar without reloading or adding a history entry.
pub fn clear_hash() {
    let window = leptos::prelude::window();
    let loc = window.location();
    let url = format!(
        "{}{}",
        loc.pathname().unwrap_or_else(|_| "/".into()),
        loc.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
}

/// Selects the whole content of the element with this id (a read-only text area shown
/// when copying failed), so Ctrl+C / Cmd+C finishes the job.
pub fn select_all_in(id: &str) {
    if let Some(el) = leptos::prelude::document().get_element_by_id(id) {
        if let Ok(t) = el.dyn_into::<web_sys::HtmlTextAreaElement>() {
            let _ = t.focus();
            t.select();
        }
    }
}

/// The theme picked on this device in Settings. Kept in localStorage under
/// [`THEME_KEY`], outside the workspace: it is a preference of this screen, not part of
/// the plan, and never travels in an export. `public/theme.js` reads the same key before
/// the first paint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system's light or dark setting.
    System,
    Light,
    Dark,
}

pub const THEME_KEY: &str = "am-planner-theme";

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::System, Theme::Light, Theme::Dark];

    pub fn key(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Same as the system",
            Theme::Light => "Light",
            Theme::Dark => "Dark",
        }
    }
}

/// The theme stored on this device; `System` when none is, or storage is blocked.
pub fn theme() -> Theme {
    let stored = crate::storage::local::local_storage()
        .ok()
        .and_then(|s| s.get_item(THEME_KEY).ok().flatten());
    match stored.as_deref() {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
    }
}

/// Applies `theme` to the page at once (`data-theme` on `<html>`; none for `System`) and
/// keeps it for the next visit. Returns false when it could not be kept (storage blocked
/// or full): the page still shows it until it is reloaded.
pub fn set_theme(theme: Theme) -> bool {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match theme {
            Theme::System => root.remove_attribute("data-theme"),
            t => root.set_attribute("data-theme", t.key()),
        };
    }
    let Ok(storage) = crate::storage::local::local_storage() else {
        return false;
    };
    match theme {
        Theme::System => storage.remove_item(THEME_KEY).is_ok(),
        t => storage.set_item(THEME_KEY, t.key()).is_ok(),
    }
}

/// Runs `f` once the browser has recorded the page's first paint (the frame of
/// `index.html`, docs/build.md#the-first-paint), so that paint stands as the page's first
/// and largest content even when `f` then keeps the browser busy for a while; a recorded
/// paint is reported to the page between tasks, so this yields to the browser until it is
/// (at most `wait_ms`: a tab in the background paints nothing).
pub fn after_first_paint(wait_ms: f64, f: impl FnOnce() + 'static) {
    fn painted() -> bool {
        web_sys::window()
            .and_then(|w| w.performance())
            .is_none_or(|p| p.get_entries_by_name("first-contentful-paint").length() > 0)
    }
    fn step(deadline: f64, f: Box<dyn FnOnce()>) {
        if painted() || monotonic_ms() >= deadline {
            f();
        } else {
            leptos::prelude::set_timeout(move || step(deadline, f), std::time::Duration::ZERO);
        }
    }
    step(monotonic_ms() + wait_ms, Box::new(f));
}

/// Milliseconds since the page opened (`performance.now()`), for measuring waits: it never
/// goes back when the computer's clock is changed. 0 where there is no `performance`.
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Runs `f` after the browser has painted what the page shows now: in a task queued from
/// the next animation frame. Work that is not in view (a figure below the table, the page
/// address) goes here, so the frame that shows an edit or the first rows does not wait
/// for it. Nothing is dropped: `f` runs once, one frame later.
pub fn after_paint(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(f, std::time::Duration::ZERO)
    });
}

/// Runs `f` in a task of its own, queued now: the task running gives the browser back its
/// thread first (input, a frame due), and a long piece of work cut so is blocking in shorter
/// pieces (docs/build.md, "A first visit's long tasks"). Through the browser's
/// `scheduler.postTask` where it has one: a `setTimeout` queued from a chain of five or more
/// waits at least 4 ms, and the start is such a chain.
pub fn next_task(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let task = wasm_bindgen::closure::Closure::once_into_js(f);
    let get = |of: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(of, &wasm_bindgen::JsValue::from_str(name)).ok()
    };
    let posted = get(&js_sys::global(), "scheduler")
        .filter(|s| s.is_object())
        .and_then(|scheduler| {
            let post: js_sys::Function = get(&scheduler, "postTask")?.dyn_into().ok()?;
            post.call1(&scheduler, &task).ok()
        });
    if posted.is_none() {
        let _ = leptos::prelude::window().set_timeout_with_callback(task.unchecked_ref());
    }
}

thread_local! {
    /// The room the page keeps for a vertical scroll bar, in CSS pixels (`scrollbar-gutter`
    /// in style/main.css; 0 where scroll bars lie over the page, as on phones).
    static GUTTER: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Measures the room kept for the scroll bar, once, at the start: the frame of `index.html`
/// is laid out then, so the reading costs no layout of the app.
pub fn measure_scrollbar_gutter() {
    // The body's width (it has no margin), not the root's `clientWidth`: a browser whose
    // bars are hidden can keep the room and still report the whole window there.
    let window = leptos::prelude::window();
    let inner = window.inner_width().ok().and_then(|v| v.as_f64());
    let body = window.document().and_then(|d| d.body());
    if let (Some(inner), Some(body)) = (inner, body) {
        GUTTER.set((inner - body.get_bounding_client_rect().width()).max(0.0));
    }
}

/// The room kept for the scroll bar (CSS pixels), as measured at the start.
pub fn scrollbar_gutter() -> f64 {
    GUTTER.get()
}

/// Runs `f` once, when the browser next says the connection is back (`online`).
pub fn once_online(f: impl FnOnce() + 'static) {
    let listener = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = leptos::prelude::window()
        .add_event_listener_with_callback_and_add_event_listener_options(
            "online",
            listener.unchecked_ref(),
            &options,
        );
}

/// Where the keyboard focus is now (`None`: on the page itself), to be given to
/// [`focus_moved_from`] when focus is to be moved a little later.
pub fn focus_now() -> Option<web_sys::Element> {
    let doc = leptos::prelude::document();
    doc.active_element()
        .filter(|el| doc.body().is_none_or(|b| !b.is_same_node(Some(el))))
}

/// Whether the user has put the focus somewhere since `was` was read with [`focus_now`]:
/// on another element, not back on the page. Focus the app means to move a frame later
/// (to a refused field, a new page's heading) is then left where the user put it.
pub fn focus_moved_from(was: &Option<web_sys::Element>) -> bool {
    match (focus_now(), was) {
        (None, _) => false,
        (Some(now), Some(was)) => !now.is_same_node(Some(was)),
        (Some(_), None) => true,
    }
}

/// The text box the cursor is in, if any: a `textarea`, or an `input` one types into (text,
/// a number, a date, a time...). Not a tick box, a radio button or a file picker: their
/// `change` means a choice made, and firing it would make one.
pub fn text_box_with_cursor() -> Option<web_sys::Element> {
    let el = leptos::prelude::document().active_element()?;
    let typed_into = match el.dyn_ref::<web_sys::HtmlInputElement>() {
        Some(input) => !matches!(
            input.type_().as_str(),
            "checkbox"
                | "radio"
                | "file"
                | "button"
                | "submit"
                | "reset"
                | "image"
                | "range"
                | "color"
        ),
        None => el.tag_name() == "TEXTAREA",
    };
    typed_into.then_some(el)
}

/// Fires `el`'s `change`, as the cursor leaving it would: a form takes the text typed so
/// far (checked, and refused at the field when it must be), and the cursor stays.
pub fn fire_change(el: &web_sys::Element) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(change) = web_sys::Event::new_with_event_init_dict("change", &init) {
        let _ = el.dispatch_event(&change);
    }
}
