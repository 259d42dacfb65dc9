//! Browser tests (wasm-bindgen-test in headless Chromium): storage and components.
//! Run with `make test-web`.
#![cfg(target_arch = "wasm32")]

use am_planner::domain::{demo::demo_workspace, AccountFields, Workspace};
use am_planner::storage::{self, Loaded, KEY, UNREADABLE_KEY};
use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

/// Lets timers, effects and the reactive executor run.
async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn fresh_container() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

#[wasm_bindgen_test]
fn nothing_stored_is_a_first_open() {
    local().clear().unwrap();
    assert_eq!(storage::load(), Loaded::Nothing);
}

#[wasm_bindgen_test]
fn save_then_load_gives_the_same_workspace() {
    local().clear().unwrap();
    let mut ws = demo_workspace(day());
    ws.add_account(AccountFields {
        name: "Zeta".into(),
        arr: 1234.5,
        ..Default::default()
    })
    .unwrap();
    storage::save(&ws, "2026-11-22T10:00:00Z".into()).unwrap();
    assert_eq!(storage::load(), Loaded::Workspace(ws));
    // What is stored is the versioned file format.
    let raw = local().get_item(KEY).unwrap().unwrap();
    assert!(raw.contains("\"format\": \"am-planner-workspace\""));
    assert!(raw.contains("\"version\": 2"));
}

#[wasm_bindgen_test]
fn workspace_ids_come_from_the_browser_and_are_kept_in_storage() {
    local().clear().unwrap();
    let a = am_planner::browser::new_workspace_id();
    let b = am_planner::browser::new_workspace_id();
    assert_ne!(a, b, "two new workspaces never share an id");
    for id in [&a, &b] {
        let s = id.as_str();
        assert_eq!(s.len(), 36, "{s}");
        assert_eq!(&s[14..15], "4", "a version 4 UUID: {s}");
        assert!(am_planner::domain::WorkspaceId::parse(s).is_ok());
    }
    let mut ws = demo_workspace(day());
    ws.id = Some(a.clone());
    storage::save(&ws, "2026-11-22T10:00:00Z".into()).unwrap();
    match storage::load() {
        Loaded::Workspace(back) => assert_eq!(back.id, Some(a)),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_corrupt_stored_value_is_kept_aside_and_reported() {
    for corrupt in [
        "{not json",
        "{\"format\":\"am-planner-workspace\",\"version\":9}",
        "null",
        "",
    ] {
        local().clear().unwrap();
        local().set_item(KEY, corrupt).unwrap();
        match storage::load() {
            Loaded::Unreadable { error } => assert!(!error.is_empty(), "{corrupt:?}"),
            other => panic!("{corrupt:?}: {other:?}"),
        }
        assert_eq!(
            local().get_item(UNREADABLE_KEY).unwrap().as_deref(),
            Some(corrupt)
        );
        assert_eq!(
            local().get_item(KEY).unwrap().as_deref(),
            Some(corrupt),
            "load never overwrites"
        );
    }
}

#[wasm_bindgen_test]
async fn the_app_starts_on_corrupt_storage_and_says_so() {
    local().clear().unwrap();
    local()
        .set_item(
            KEY,
            "{\"format\": \"am-planner-workspace\", \"version\": 1, \"workspace\": 5}",
        )
        .unwrap();
    let container = fresh_container();
    let handle = leptos::mount::mount_to(container.clone(), am_planner::app::App);
    tick(50).await;
    let text = container.inner_text();
    assert!(
        text.contains("The saved workspace could not be read."),
        "{text}"
    );
    assert!(text.contains("No accounts yet."), "{text}");
    // The unreadable bytes are still there to download.
    assert!(local()
        .get_item(UNREADABLE_KEY)
        .unwrap()
        .unwrap()
        .contains("\"workspace\": 5"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn first_open_shows_and_stores_the_demo() {
    local().clear().unwrap();
    let container = fresh_container();
    let handle = leptos::mount::mount_to(container.clone(), am_planner::app::App);
    tick(50).await;
    let rows = container
        .query_selector_all("table.accounts tbody tr")
        .unwrap()
        .length();
    assert_eq!(rows, 8);
    assert!(container.inner_text().contains("Demo workspace."));
    match storage::load() {
        Loaded::Workspace(ws) => assert!(ws.demo && ws.accounts().len() == 8),
        other => panic!("{other:?}"),
    }
    drop(handle);
}

#[wasm_bindgen_test]
async fn confirm_button_acts_only_after_yes() {
    use am_planner::components::confirm::ConfirmButton;
    let container = fresh_container();
    let fired = RwSignal::new(0);
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <ConfirmButton label="Clear all" question="Really?" confirm_label="Yes" danger=true
                on_confirm=move |_| fired.update(|n| *n += 1)/>
        }
    });
    let click = |label: &str| {
        let buttons = container.query_selector_all("button").unwrap();
        for i in 0..buttons.length() {
            let b: web_sys::HtmlElement = buttons.item(i).unwrap().unchecked_into();
            if b.inner_text() == label {
                b.click();
                return;
            }
        }
        panic!("no button {label:?} in {}", container.inner_html());
    };
    click("Clear all");
    tick(10).await;
    assert!(container.inner_text().contains("Really?"));
    click("Cancel");
    tick(10).await;
    assert_eq!(fired.get_untracked(), 0);
    click("Clear all");
    tick(10).await;
    click("Yes");
    tick(10).await;
    assert_eq!(fired.get_untracked(), 1);
    drop(handle);
}

#[wasm_bindgen_test]
fn empty_workspace_saves_and_loads() {
    local().clear().unwrap();
    let ws = Workspace::default();
    storage::save(&ws, "2026-11-22T10:00:00Z".into()).unwrap();
    assert_eq!(storage::load(), Loaded::Workspace(ws));
}
