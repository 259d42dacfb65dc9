//! Browser tests (wasm-bindgen-test in headless Chromium): storage on the real
//! localStorage (quota, faults, unreadable data, capacity, migration, two sessions) and
//! components. Run with `make test-web`.

#![cfg(target_arch = "wasm32")]
mod common;
use common::read_day;

#[path = "support/big_workspace.rs"]
mod big;
use big::rename;

use am_planner::demo::demo_workspace;
use am_planner::domain::{AccountFields, Workspace};
use am_planner::format::encode;
use am_planner::format::stored::{LEGACY_KEY, MANIFEST_KEY, UNREADABLE_KEY};
use am_planner::storage::local::LocalBackend;
use am_planner::storage::{Hold, Loaded, SaveError, Session, Sync};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

use common::today as day;

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

/// Waits until `done` holds, looking every 10 ms, for at most `ms`; says whether it held.
async fn until(ms: i32, done: impl Fn() -> bool) -> bool {
    for _ in 0..ms / 10 {
        if done() {
            return true;
        }
        tick(10).await;
    }
    done()
}

fn fresh_container() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

const NOW: &str = "2026-11-22T10:00:00Z";

fn session(tab: &str) -> Session {
    Session::new(Box::new(LocalBackend(local())), tab, "1.0.0")
}

fn load(tab: &str) -> (Session, Loaded) {
    let mut s = session(tab);
    let l = s.load(NOW, read_day());
    (s, l)
}

/// Fills localStorage to the last character (the browser's real quota).
fn fill_storage() {
    let mut n = 0;
    let mut size = 1usize << 20;
    while size >= 1 {
        let chunk = "x".repeat(size);
        while local().set_item(&format!("filler.{n}"), &chunk).is_ok() {
            n += 1;
        }
        size /= 2;
    }
}

fn remove_filler() {
    let keys: Vec<String> = (0..local().length().unwrap())
        .filter_map(|i| local().key(i).unwrap())
        .filter(|k| k.starts_with("filler."))
        .collect();
    for k in keys {
        local().remove_item(&k).unwrap();
    }
}

fn storage_prototype() -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &"Storage".into())
        .and_then(|s| js_sys::Reflect::get(&s, &"prototype".into()))
        .unwrap()
}

/// Replaces `Storage.prototype[method]` with one that throws; returns the original.
fn break_storage_method(method: &str) -> JsValue {
    let proto = storage_prototype();
    let original = js_sys::Reflect::get(&proto, &method.into()).unwrap();
    let thrower = js_sys::Function::new_no_args(
        "throw new DOMException('blocked by the test', 'SecurityError');",
    );
    js_sys::Reflect::set(&proto, &method.into(), &thrower).unwrap();
    original
}

fn restore_storage_method(method: &str, original: &JsValue) {
    js_sys::Reflect::set(&storage_prototype(), &method.into(), original).unwrap();
}

fn items() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = (0..local().length().unwrap())
        .filter_map(|i| local().key(i).unwrap())
        .map(|k| {
            let v = local().get_item(&k).unwrap().unwrap();
            (k, v)
        })
        .collect();
    out.sort();
    out
}

#[wasm_bindgen_test]
fn nothing_stored_is_a_first_open() {
    local().clear().unwrap();
    assert_eq!(load("tA").1, Loaded::Nothing);
}

#[wasm_bindgen_test]
fn save_then_load_gives_the_same_workspace() {
    local().clear().unwrap();
    let mut ws = demo_workspace(day());
    ws.add_account(
        AccountFields {
            name: "Zeta".into(),
            arr: 1234.5,
            ..Default::default()
        },
        read_day(),
    )
    .unwrap();
    let (mut s, _) = load("tA");
    s.save(&ws, NOW).unwrap();
    assert_eq!(
        load("tB").1,
        Loaded::Workspace {
            ws,
            migrated: false
        }
    );
    let manifest = local().get_item(MANIFEST_KEY).unwrap().unwrap();
    assert!(manifest.contains("\"store\":1"), "{manifest}");
    assert!(
        manifest.contains(&format!(
            "\"format\":{}",
            am_planner::format::CURRENT_VERSION
        )),
        "{manifest}"
    );
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
    let (mut s, _) = load("tA");
    s.save(&ws, NOW).unwrap();
    match load("tB").1 {
        Loaded::Workspace { ws: back, .. } => assert_eq!(back.id, Some(a)),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn the_old_single_key_form_is_migrated() {
    local().clear().unwrap();
    let ws = demo_workspace(day());
    local()
        .set_item(LEGACY_KEY, &encode(&ws, Some(NOW.into())))
        .unwrap();
    let (mut s, loaded) = load("tA");
    let got = match loaded {
        Loaded::Workspace { ws, migrated: true } => ws,
        other => panic!("{other:?}"),
    };
    assert_eq!(got, ws);
    s.save(&got, NOW).unwrap();
    assert_eq!(local().get_item(LEGACY_KEY).unwrap(), None);
    assert_eq!(
        load("tB").1,
        Loaded::Workspace {
            ws,
            migrated: false
        }
    );
}

#[wasm_bindgen_test]
fn corrupt_old_values_are_kept_and_reported() {
    for corrupt in [
        "{not json",
        "{\"format\":\"am-planner-workspace\",\"version\":9}",
        "null",
        "",
    ] {
        local().clear().unwrap();
        local().set_item(LEGACY_KEY, corrupt).unwrap();
        let (mut s, loaded) = load("tA");
        match loaded {
            Loaded::Unreadable { error, kept: true } => assert!(!error.is_empty(), "{corrupt:?}"),
            other => panic!("{corrupt:?}: {other:?}"),
        }
        assert!(local()
            .get_item(UNREADABLE_KEY)
            .unwrap()
            .unwrap()
            .contains(LEGACY_KEY));
        let ws = demo_workspace(day());
        s.save(&ws, NOW).unwrap();
        assert_eq!(
            local().get_item(LEGACY_KEY).unwrap().as_deref(),
            Some(corrupt),
            "never overwritten"
        );
        assert_eq!(s.unreadable_download().unwrap().as_deref(), Some(corrupt));
    }
}

#[wasm_bindgen_test]
fn a_large_unreadable_value_is_kept_and_the_app_still_saves() {
    local().clear().unwrap();
    // Over half the quota: it could not be copied aside (the old app lost it silently).
    let big = format!(
        "{{\"format\": \"am-planner-workspace\", \"version\": 1, \"workspace\": [\"{}\"]}}",
        "z".repeat(2_700_000)
    );
    local().set_item(LEGACY_KEY, &big).unwrap();
    let (mut s, loaded) = load("tA");
    assert!(
        matches!(loaded, Loaded::Unreadable { kept: true, .. }),
        "{loaded:?}"
    );
    let mut ws = demo_workspace(day());
    s.save(&ws, NOW).unwrap();
    rename(&mut ws, 0, "After");
    s.save(&ws, NOW).unwrap();
    assert_eq!(
        local().get_item(LEGACY_KEY).unwrap().map(|v| v.len()),
        Some(big.len())
    );
    let (mut s2, loaded) = load("tB");
    assert_eq!(
        loaded,
        Loaded::Workspace {
            ws,
            migrated: false
        }
    );
    s2.discard_unreadable().unwrap();
    assert_eq!(local().get_item(LEGACY_KEY).unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_store_refuses_the_save_and_keeps_the_old_data() {
    local().clear().unwrap();
    let (mut s, _) = load("tA");
    let mut ws = demo_workspace(day());
    s.save(&ws, NOW).unwrap();
    fill_storage();
    let before = items();
    rename(
        &mut ws,
        3,
        "A name long enough to need more room than the old one had",
    );
    let result = s.save(&ws, NOW);
    let after = items();
    remove_filler();
    match result {
        Err(SaveError::Quota { needed, .. }) => assert!(needed > 1000, "{needed}"),
        other => panic!("{other:?}"),
    }
    assert!(after == before, "nothing half-written");
    match load("tB").1 {
        Loaded::Workspace { ws: back, .. } => assert_eq!(back, demo_workspace(day())),
        other => panic!("{other:?}"),
    }
    // With room again the same session saves.
    s.save(&ws, NOW).unwrap();
}

#[wasm_bindgen_test]
fn storage_that_throws_on_read_is_an_error_not_a_first_open() {
    local().clear().unwrap();
    let (mut s, _) = load("tA");
    let mut ws = demo_workspace(day());
    rename(&mut ws, 0, "Real data");
    s.save(&ws, NOW).unwrap();
    let before = items();
    let original = break_storage_method("getItem");
    let (mut s2, loaded) = load("tB");
    let demo = demo_workspace(day());
    let saved = s2.save(&demo, NOW);
    restore_storage_method("getItem", &original);
    assert!(
        matches!(loaded, Loaded::Failed(ref e) if e.contains("blocked by the test")),
        "{loaded:?}"
    );
    assert!(
        matches!(saved, Err(SaveError::Held(Hold::ReadFailed(_)))),
        "{saved:?}"
    );
    assert!(items() == before, "the demo was not saved over real data");
}

#[wasm_bindgen_test]
async fn the_app_on_storage_that_throws_on_read_says_so_and_writes_nothing() {
    local().clear().unwrap();
    let (mut s, _) = load("tA");
    let mut ws = demo_workspace(day());
    rename(&mut ws, 0, "Real data");
    s.save(&ws, NOW).unwrap();
    let before = items();
    let original = break_storage_method("getItem");
    let container = fresh_container();
    let handle = leptos::mount::mount_to(container.clone(), am_planner::app::App);
    tick(600).await;
    restore_storage_method("getItem", &original);
    let text = container.inner_text();
    drop(handle);
    assert!(
        text.contains("The planner could not read your saved data."),
        "{text}"
    );
    assert!(items() == before);
}

#[wasm_bindgen_test]
fn storage_that_throws_on_write_keeps_the_last_save() {
    local().clear().unwrap();
    let (mut s, _) = load("tA");
    let mut ws = demo_workspace(day());
    s.save(&ws, NOW).unwrap();
    let before = items();
    let original = break_storage_method("setItem");
    rename(&mut ws, 2, "Not written");
    let result = s.save(&ws, NOW);
    restore_storage_method("setItem", &original);
    assert!(
        matches!(result, Err(SaveError::WriteFailed(ref e)) if e.contains("blocked by the test")),
        "{result:?}"
    );
    assert!(items() == before);
}

#[wasm_bindgen_test]
async fn blocked_local_storage_runs_the_app_in_memory_and_says_so() {
    local().clear().unwrap();
    let window = web_sys::window().unwrap();
    let object: &js_sys::Object = window.as_ref();
    let descriptor = js_sys::Object::get_own_property_descriptor(object, &"localStorage".into());
    let thrower = js_sys::Function::new_no_args(
        "throw new DOMException('The operation is insecure.', 'SecurityError');",
    );
    let blocked = js_sys::Object::new();
    js_sys::Reflect::set(&blocked, &"get".into(), &thrower).unwrap();
    js_sys::Reflect::set(&blocked, &"configurable".into(), &true.into()).unwrap();
    js_sys::Object::define_property(object, &"localStorage".into(), &blocked);
    let open = am_planner::storage::local::open();
    let container = fresh_container();
    let handle = leptos::mount::mount_to(container.clone(), am_planner::app::App);
    tick(600).await;
    let text = container.inner_text();
    drop(handle);
    js_sys::Object::define_property(object, &"localStorage".into(), &descriptor.unchecked_into());
    assert!(open.unwrap_err().contains("The operation is insecure"));
    assert!(
        text.contains("This browser does not let the planner keep your data."),
        "{text}"
    );
    assert!(text.contains("Not saved: kept in this tab only"), "{text}");
    assert_eq!(local().length().unwrap(), 0, "nothing reached storage");
}

#[wasm_bindgen_test]
fn two_thousand_full_accounts_save_and_reload() {
    local().clear().unwrap();
    let ws = big::big_workspace(2000);
    let (mut s, _) = load("tA");
    let saved = s.save(&ws, NOW).unwrap();
    assert!(saved.total_chars < 5_242_880, "{}", saved.total_chars);
    match load("tB").1 {
        Loaded::Workspace { ws: back, .. } => assert!(back == ws),
        other => panic!("{other:?}"),
    }
    local().clear().unwrap();
}

#[wasm_bindgen_test]
fn a_tab_behind_never_overwrites_and_merges() {
    local().clear().unwrap();
    let (mut a, _) = load("tA");
    let mut wa = demo_workspace(day());
    a.save(&wa, NOW).unwrap();
    let (mut b, loaded) = load("tB");
    let Loaded::Workspace { ws: mut wb, .. } = loaded else {
        panic!()
    };
    rename(&mut wa, 1, "From A");
    a.save(&wa, NOW).unwrap();
    let after_a = items();
    rename(&mut wb, 5, "From B");
    assert_eq!(b.save(&wb, NOW), Err(SaveError::Stale));
    assert!(items() == after_a, "revision checked before writing");
    let merged = match b.sync(&mut wb, None, read_day()).unwrap() {
        Sync::Updated {
            ws,
            from_them: 1,
            kept_mine: 1,
        } => ws,
        other => panic!("{other:?}"),
    };
    b.save(&merged, NOW).unwrap();
    let Loaded::Workspace { ws: back, .. } = load("tC").1 else {
        panic!()
    };
    assert_eq!(back.accounts()[1].fields.name, "From A");
    assert_eq!(back.accounts()[5].fields.name, "From B");
}

#[wasm_bindgen_test]
async fn the_app_starts_on_corrupt_storage_and_says_so() {
    local().clear().unwrap();
    local()
        .set_item(
            LEGACY_KEY,
            "{\"format\": \"am-planner-workspace\", \"version\": 1, \"workspace\": 5}",
        )
        .unwrap();
    let container = fresh_container();
    let handle = leptos::mount::mount_to(container.clone(), am_planner::app::App);
    // The portfolio's first drawing comes in parts, the table's place last.
    until(2000, || container.inner_text().contains("No accounts yet.")).await;
    let text = container.inner_text();
    assert!(
        text.contains("The saved workspace could not be read."),
        "{text}"
    );
    assert!(text.contains("No accounts yet."), "{text}");
    // The unreadable bytes are still there to download.
    assert!(local()
        .get_item(LEGACY_KEY)
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
    // The portfolio's first drawing in the page comes in parts, the table last.
    let rows = || {
        container
            .query_selector_all("table.accounts tbody tr")
            .unwrap()
            .length()
    };
    until(2000, || rows() == 8).await;
    assert_eq!(rows(), 8);
    assert!(container.inner_text().contains("Demo workspace."));
    // The demo is stored once the first page is painted (the save does not hold it back).
    let stored = until(2000, || !matches!(load("tZ").1, Loaded::Nothing)).await;
    assert!(
        stored,
        "the demo was not stored within 2 s of the first paint"
    );
    match load("tZ").1 {
        Loaded::Workspace { ws, .. } => assert!(ws.demo && ws.accounts().len() == 8),
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
    let (mut s, _) = load("tA");
    s.save(&ws, NOW).unwrap();
    assert_eq!(
        load("tB").1,
        Loaded::Workspace {
            ws,
            migrated: false
        }
    );
}

/// The form kit: a `Field` gives its input the id, the label's `for`, `aria-describedby`
/// (hint and message) and `aria-invalid`, and follows the form's error map.
#[wasm_bindgen_test]
async fn a_field_wires_its_input_and_follows_the_error_map() {
    use am_planner::components::form::{Field, FormErrors, Select, TextInput};
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    enum K {
        Name,
        Kind,
    }
    let container = fresh_container();
    let errors = FormErrors::<K>::new();
    let name = RwSignal::new("Ada".to_string());
    let kind = RwSignal::new("b".to_string());
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <Field id="kit-name" label="Name" hint="Their full name" error=errors.at(K::Name)>
                <TextInput value=name/>
            </Field>
            <Field id="kit-kind" label="Kind" error=errors.at(K::Kind)>
                <Select value=kind options=vec![("a".to_string(), "A".to_string()), ("b".to_string(), "B".to_string())]/>
            </Field>
        }
    });
    tick(10).await;
    let input: web_sys::HtmlInputElement = container
        .query_selector("input")
        .unwrap()
        .expect("an input")
        .unchecked_into();
    assert_eq!(input.id(), "kit-name");
    assert_eq!(input.value(), "Ada");
    let label = container.query_selector("label").unwrap().unwrap();
    assert_eq!(label.get_attribute("for").as_deref(), Some("kit-name"));
    assert_eq!(
        input.get_attribute("aria-describedby").as_deref(),
        Some("kit-name-hint kit-name-err")
    );
    assert!(container
        .query_selector("#kit-name-hint")
        .unwrap()
        .is_some());
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let select: web_sys::HtmlSelectElement = container
        .query_selector("select")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(select.id(), "kit-kind");
    assert_eq!(select.value(), "b");
    assert_eq!(
        select.get_attribute("aria-describedby").as_deref(),
        Some("kit-kind-err")
    );

    errors.set(K::Name, Some("Give a name.".into()));
    tick(10).await;
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        select.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    let msg: web_sys::HtmlElement = container
        .query_selector("#kit-name-err")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(msg.text_content().as_deref(), Some("Give a name."));
    assert!(container
        .query_selector(".field.has-error #kit-name")
        .unwrap()
        .is_some());

    // Typing writes the signal.
    input.set_value("Grace");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    assert_eq!(name.get_untracked(), "Grace");

    errors.clear();
    tick(10).await;
    assert_eq!(
        input.get_attribute("aria-invalid").as_deref(),
        Some("false")
    );
    assert_eq!(msg.text_content().as_deref(), Some(""));
    drop(handle);
}

/// `focus_first_error` puts the cursor on the first refused field of the form it is given,
/// unless it was moved elsewhere meanwhile.
#[wasm_bindgen_test]
async fn focus_goes_to_the_first_refused_field() {
    use am_planner::components::form::{focus_first_error, Field, FormErrors, TextInput};
    let container = fresh_container();
    let errors = FormErrors::<u8>::new();
    let handle = leptos::mount::mount_to(container.clone(), move || {
        view! {
            <form class="kit-focus">
                <Field id="kit-a" label="A" error=errors.at(1)><TextInput value=RwSignal::new(String::new())/></Field>
                <Field id="kit-b" label="B" error=errors.at(2)><TextInput value=RwSignal::new(String::new())/></Field>
                <Field id="kit-c" label="C" error=errors.at(3)><TextInput value=RwSignal::new(String::new())/></Field>
            </form>
        }
    });
    errors.show([(3, "c".to_string()), (2, "b".to_string())]);
    focus_first_error("form.kit-focus");
    tick(50).await;
    let doc = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        doc.active_element().map(|e| e.id()).as_deref(),
        Some("kit-b")
    );
    // The cursor put elsewhere before the next frame (a click into another field) stays
    // there: the refusal never takes it back.
    focus_first_error("form.kit-focus");
    let other: web_sys::HtmlElement = doc.get_element_by_id("kit-a").unwrap().unchecked_into();
    other.focus().unwrap();
    tick(50).await;
    assert_eq!(
        doc.active_element().map(|e| e.id()).as_deref(),
        Some("kit-a")
    );
    drop(handle);
}

/// The address of a page is written at most once every `WRITE_GAP_MS`: a write asked for
/// sooner waits for the rest of the gap, and never longer.
#[wasm_bindgen_test]
fn an_address_write_waits_for_the_rest_of_the_gap() {
    use am_planner::components::url_state::{wait_before_write, WRITE_GAP_MS};
    for (last, now, wait) in [
        (None, 5.0, 0.0),
        (Some(1000.0), 1000.0, WRITE_GAP_MS),
        (Some(1000.0), 1150.0, WRITE_GAP_MS - 150.0),
        (Some(1000.0), 1000.0 + WRITE_GAP_MS, 0.0),
        (Some(1000.0), 9000.0, 0.0),
        (Some(9000.0), 1000.0, WRITE_GAP_MS),
    ] {
        assert_eq!(
            wait_before_write(last, now),
            wait,
            "last {last:?}, now {now}"
        );
    }
}

/// `browser::next_task` runs its work after the task that queued it, in the order queued,
/// each in a task of its own (a microtask queued by the first runs before the second).
#[wasm_bindgen_test]
async fn work_queued_for_the_next_task_runs_later_in_order() {
    use std::cell::RefCell;
    use std::rc::Rc;
    let log = Rc::new(RefCell::new(Vec::<&str>::new()));
    let push = |what: &'static str| {
        let log = log.clone();
        move || log.borrow_mut().push(what)
    };
    am_planner::browser::next_task({
        let log = log.clone();
        let second = push("second");
        move || {
            log.borrow_mut().push("first");
            // Queued from the first task: a microtask runs before the first task ends, the
            // second piece in a later task.
            am_planner::browser::next_task(second);
            let log = log.clone();
            wasm_bindgen_futures::spawn_local(async move { log.borrow_mut().push("microtask") });
        }
    });
    assert!(
        log.borrow().is_empty(),
        "nothing runs in the task that queued it"
    );
    assert!(until(2000, || log.borrow().len() == 3).await);
    assert_eq!(*log.borrow(), ["first", "microtask", "second"]);
}
