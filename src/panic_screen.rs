//! What the user sees if the app panics anyway: the page is covered by a plain message
//! with "Download your data" (the last save, read straight from storage) and "Reload"
//! (only "Reload" when this page cannot read the save: see [`show`]).
//! Built with plain DOM calls, no leptos: the hook runs just before the wasm aborts, and
//! the links work without calling back into it. After a panic nothing is saved
//! ([`panicked`] is checked by the save path), so a broken state never reaches storage.

use std::sync::atomic::{AtomicBool, Ordering};

static PANICKED: AtomicBool = AtomicBool::new(false);

/// True once a panic happened in this page.
pub fn panicked() -> bool {
    PANICKED.load(Ordering::SeqCst)
}

/// Installs the hook: mark the page broken, log the panic, show the screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        PANICKED.store(true, Ordering::SeqCst);
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Covers the page with the message (also used by the browser tests).
pub fn show() {
    PANICKED.store(true, Ordering::SeqCst);
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.get_element_by_id("panic-screen").is_some() {
        return;
    }
    let el = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
        let e = doc.create_element(tag).ok()?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        if !text.is_empty() {
            e.set_text_content(Some(text));
        }
        Some(e)
    };
    let para = |tag: &str, class: &str, text: &str| -> Option<web_sys::Node> {
        el(tag, class, text).map(Into::into)
    };
    let build = || -> Option<()> {
        let screen = el("div", "panic-screen", "")?;
        screen.set_id("panic-screen");
        screen.set_attribute("role", "alertdialog").ok()?;
        screen
            .set_attribute("aria-labelledby", "panic-title")
            .ok()?;
        let card = el("div", "panic-card", "")?;
        let title = el("h1", "", "The planner stopped because of an error")?;
        title.set_id("panic-title");
        card.append_child(&title).ok()?;
        card.append_child(&para(
            "p",
            "",
            "Something went wrong inside the app, so it stopped to keep your data safe. \
             Nothing more is saved from this page. Your last save is still in this browser.",
        )?)
        .ok()?;
        let document = crate::storage::local::saved_document();
        let actions = el("div", "actions", "")?;
        match document.as_deref().and_then(blob_url) {
            Some(url) => {
                let a = el("a", "btn btn-primary", "Download your data")?;
                a.set_attribute("href", &url).ok()?;
                a.set_attribute("download", "account-planner-last-save.json")
                    .ok()?;
                actions.append_child(&a).ok()?;
                card.append_child(&para(
                    "p",
                    "",
                    "Download your data to keep a copy of the last save, then reload the page.",
                )?)
                .ok()?;
            }
            // Saved, but this page never fetched the code that reads a save (in the bundle,
            // a first visit's): the reload reads it, and offers the download if it stops again.
            None if !crate::storage::READER.is_here()
                && crate::storage::local::holds_workspace() =>
            {
                card.append_child(&para(
                    "p",
                    "",
                    "Reload the page to open your last save again.",
                )?)
                .ok()?;
            }
            None => {
                card.append_child(&para(
                    "p",
                    "",
                    "There is no saved workspace this page can offer for download. Reload the page to start again.",
                )?)
                .ok()?;
            }
        }
        let reload = el("a", "btn", "Reload")?;
        let here = web_sys::window()?
            .location()
            .href()
            .unwrap_or_else(|_| "/".into());
        reload.set_attribute("href", &here).ok()?;
        actions.append_child(&reload).ok()?;
        card.append_child(&actions).ok()?;
        screen.append_child(&card).ok()?;
        body.append_child(&screen).ok()?;
        // Only the message shows: no half-drawn page around it.
        body.class_list().add_1("panicked").ok()?;
        Some(())
    };
    let _ = build();
}

fn blob_url(text: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
