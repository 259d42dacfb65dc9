//! The stored form (packing, parts, the parts and the file, manifest) as tables of cases, and the
//! storage rules (atomic saves, quota, faults, unreadable data, migration, several tabs)
//! on a memory store that acts out the browser's faults. See docs/storage.md.

#[path = "support/big_workspace.rs"]
mod big;
mod common;
use big::rename;
use common::read_day;

use am_planner::demo::demo_workspace;
use am_planner::domain::health::{HealthSettings, Weights};
use am_planner::domain::{Account, AccountFields, AccountId, Currency, Workspace};
use am_planner::format::stored::{
    self, assemble_document, make_part, pack, read_part, unpack, Manifest, StoredError, LEGACY_KEY,
    MANIFEST_KEY, PART_PREFIX, UNREADABLE_KEY,
};
use am_planner::format::{decode, encode, writer};
use am_planner::storage::{Backend, Hold, Loaded, MemoryBackend, SaveError, Session, Side, Sync};
use proptest::prelude::*;
use serde_json::{json, Value};

const NOW: &str = "2026-11-22T10:00:00Z";

use common::today;

fn session(m: &MemoryBackend, tab: &str) -> Session {
    Session::new(Box::new(m.clone()), tab, "1.0.0")
}

fn loaded_ws(m: &MemoryBackend, tab: &str) -> (Session, Workspace) {
    let mut s = session(m, tab);
    match s.load(NOW, read_day()) {
        Loaded::Workspace { ws, .. } => (s, ws),
        other => panic!("{other:?}"),
    }
}

fn get(m: &MemoryBackend, key: &str) -> Option<String> {
    m.get(key).unwrap()
}

fn part_count(m: &MemoryBackend) -> usize {
    m.keys()
        .unwrap()
        .iter()
        .filter(|k| k.starts_with(PART_PREFIX))
        .count()
}

/// A store holding the demo workspace, saved once, and its manifest.
fn demo_saved() -> (MemoryBackend, Manifest) {
    let m = MemoryBackend::new();
    let mut s = session(&m, "tA");
    s.load(NOW, read_day());
    s.save(&demo_workspace(today()), NOW).unwrap();
    let text = get(&m, MANIFEST_KEY).unwrap();
    let manifest = Manifest::parse(&text, am_planner::format::CURRENT_VERSION).unwrap();
    (m, manifest)
}

// ---- packing ------------------------------------------------------------------------

#[test]
fn packing_round_trips_and_stays_in_the_safe_range() {
    let all: Vec<u8> = (0..=255).collect();
    let cases: Vec<(&str, Vec<u8>, usize)> = vec![
        // bytes, characters expected (2 for the length + ceil(8n/15))
        ("empty", vec![], 2),
        ("one byte", vec![0xff], 3),
        ("two bytes", vec![0, 0], 4),
        ("15 bytes = 8 chars exactly", vec![0xa5; 15], 10),
        (
            "every byte value",
            all.clone(),
            2 + (256 * 8usize).div_ceil(15),
        ),
        ("zeros", vec![0; 1000], 2 + 534),
    ];
    for (name, bytes, chars) in cases {
        let packed = pack(&bytes);
        assert_eq!(packed.chars().count(), chars, "{name}");
        assert!(
            packed
                .chars()
                .all(|c| (0x20..=0x801f).contains(&(c as u32))),
            "{name}: every char is U+0020..U+801F (never a surrogate)"
        );
        assert_eq!(unpack(&packed).unwrap(), bytes, "{name}");
    }
}

#[test]
fn unpacking_refuses_what_pack_never_writes() {
    let good = pack(b"hello");
    let mut longer = good.clone();
    longer.push(' ');
    let mut shorter = good.clone();
    shorter.pop();
    let mut bad_padding: Vec<char> = good.chars().collect();
    let last = bad_padding.len() - 1;
    bad_padding[last] = char::from_u32(bad_padding[last] as u32 | 1).unwrap();
    let bad_padding: String = bad_padding.into_iter().collect();
    let cases: Vec<(&str, String)> = vec![
        ("nothing", String::new()),
        ("one char", " ".into()),
        ("control char", "\u{1}\u{1}".into()),
        ("above the range", format!("  {}", '\u{9000}')),
        ("one char too many", longer),
        ("one char short", shorter),
        ("padding bits set", bad_padding),
        ("plain JSON", "{\"format\":1}".into()),
    ];
    for (name, text) in cases {
        assert!(
            matches!(unpack(&text), Err(StoredError::BadPacking(_))),
            "{name}: {:?}",
            unpack(&text)
        );
    }
}

#[test]
fn a_part_is_named_by_its_content_and_checked_when_read() {
    let a = make_part("{\"id\":1}");
    let b = make_part("{\"id\":2}");
    assert_ne!(a.hash, b.hash);
    assert_eq!(make_part("{\"id\":1}"), a, "same content, same part");
    assert_eq!(a.key(), format!("{PART_PREFIX}{}", a.hash));
    assert_eq!(read_part(&a.hash, &a.value).unwrap(), "{\"id\":1}");
    assert!(matches!(
        read_part(&b.hash, &a.value),
        Err(StoredError::WrongContent(_))
    ));
    // Valid packing of bytes that are not zlib data.
    let junk = pack(b"not deflate");
    assert!(matches!(
        read_part(&stored::hash_of(&junk), &junk),
        Err(StoredError::BadCompression(_))
    ));
    // Valid zlib of bytes that are not UTF-8.
    let bin = pack(&miniz_oxide::deflate::compress_to_vec_zlib(
        &[0xff, 0xfe],
        6,
    ));
    assert!(matches!(
        read_part(&stored::hash_of(&bin), &bin),
        Err(StoredError::BadPart(_))
    ));
}

/// The document is put together from the parts' text unparsed (the decode reads it once),
/// so each account part is checked to be one JSON object holding the account the manifest
/// names, and nothing that could reach out of its place in the document.
#[test]
fn a_part_holds_exactly_the_account_the_manifest_names() {
    let (m, saved) = demo_saved();
    let read = |part: &str| {
        let p = make_part(part);
        m.set(&p.key(), &p.value).unwrap();
        let manifest = Manifest {
            accounts: vec![(7, p.hash.clone())],
            ..saved.clone()
        };
        stored::read_document(&manifest, |k| m.get(k)).unwrap()
    };
    // The part's text, and the name of the account read from it (None: refused).
    let cases = [
        ("the account", r#"{"id":7,"name":"A"}"#, Some("A")),
        (
            "white space around and inside",
            " {\n \"name\" : \"A\", \"id\" : 7 }\n",
            Some("A"),
        ),
        (
            "braces and quotes in a text",
            r#"{"name":"}]{[\"","id":7}"#,
            Some("}]{[\""),
        ),
        ("another account", r#"{"id":8,"name":"A"}"#, None),
        (
            "two accounts",
            r#"{"id":7,"name":"A"},{"id":7,"name":"B"}"#,
            None,
        ),
        (
            "reaching out of its place",
            r#"{"id":7}]},"x":{"y":[{"id":7}"#,
            None,
        ),
        (
            "an object after the account",
            r#"{"id":7,"name":"A"},{"name":"B"}"#,
            None,
        ),
        ("the id twice", r#"{"id":7,"id":7}"#, None),
        ("the id only deeper", r#"{"name":"A","a":{"id":7}}"#, None),
        ("a list", r#"[{"id":7,"name":"A"}]"#, None),
        ("not closed", r#"{"id":7,"name":"A""#, None),
        ("a text left open", r#"{"id":7,"name":"A}"#, None),
    ];
    for (name, part, read_as) in cases {
        let got = read(part);
        match read_as {
            Some(account) => {
                let doc = got.unwrap_or_else(|e| panic!("{name}: {e}"));
                let back = decode(&doc, read_day()).unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(back.workspace.accounts()[0].fields.name, account, "{name}");
            }
            None => assert!(
                matches!(&got, Err(StoredError::BadPart(d)) if d == "the part for account 7 holds another account"),
                "{name}: {got:?}"
            ),
        }
    }
}

// ---- the stored parts and the file -----------------------------------------------------

/// The stored parts of a workspace (the rest, then each account), put back together: the
/// document storage reads.
fn stored_document(ws: &Workspace) -> String {
    let accounts: Vec<String> = ws.accounts().iter().map(writer::account_json).collect();
    assemble_document(&writer::rest_json(ws), &accounts).unwrap()
}

#[test]
fn the_stored_parts_put_together_are_the_file() {
    let mut big = big::big_workspace(30);
    big.id = Some(am_planner::domain::WorkspaceId::parse("ws-123456789").unwrap());
    for (name, ws) in [
        ("the demo", demo_workspace(today())),
        ("a generated book", big),
        ("an empty workspace", Workspace::default()),
    ] {
        let rest = writer::rest_json(&ws);
        assert!(!rest.contains('\n'), "{name}: compact, not pretty-printed");
        let rest_value: Value = serde_json::from_str(&rest).unwrap();
        assert_eq!(
            rest_value["workspace"]["accounts"],
            json!([]),
            "{name}: no account in the rest"
        );
        for a in ws.accounts() {
            let part = writer::account_json(a);
            assert!(!part.contains('\n'), "{name}: compact");
            assert_eq!(
                serde_json::from_str::<Value>(&part).unwrap()["id"],
                json!(a.id.0),
                "{name}"
            );
        }
        let back = stored_document(&ws);
        assert_eq!(
            serde_json::from_str::<Value>(&back).unwrap(),
            serde_json::from_str::<Value>(&encode(&ws, None)).unwrap(),
            "{name}: the same document as the file"
        );
        assert_eq!(decode(&back, read_day()).unwrap().workspace, ws, "{name}");
    }
}

#[test]
fn the_last_save_read_for_the_panic_screen_is_the_file_of_what_was_saved() {
    let empty = MemoryBackend::new();
    assert_eq!(
        am_planner::storage::saved_document(&empty),
        None,
        "nothing stored"
    );
    let (m, manifest) = demo_saved();
    let ws = demo_workspace(today());
    let doc = am_planner::storage::saved_document(&m).expect("a save to offer");
    assert_eq!(
        serde_json::from_str::<Value>(&doc).unwrap(),
        serde_json::from_str::<Value>(&encode(&ws, None)).unwrap(),
        "the document the file would be"
    );
    assert_eq!(decode(&doc, read_day()).unwrap().workspace, ws);
    // A damaged part: nothing offered, and nothing changed in storage.
    let key = stored::part_key(&manifest.accounts[0].1);
    m.set(&key, "damaged").unwrap();
    let every_item = |m: &MemoryBackend| -> Vec<_> {
        m.keys()
            .unwrap()
            .into_iter()
            .map(|k| (get(m, &k), k))
            .collect()
    };
    let before = every_item(&m);
    assert_eq!(am_planner::storage::saved_document(&m), None);
    assert_eq!(every_item(&m), before);
}

#[test]
fn a_part_is_its_json_compressed_and_named_by_its_content() {
    let ws = demo_workspace(today());
    let a = &ws.accounts()[0];
    let part = writer::account_part(a);
    assert_eq!(part, make_part(&writer::account_json(a)));
    assert_eq!(
        read_part(&part.hash, &part.value).unwrap(),
        writer::account_json(a)
    );
    assert_eq!(writer::rest_part(&ws), make_part(&writer::rest_json(&ws)));
}

// ---- the manifest -----------------------------------------------------------------------

fn manifest_json() -> Value {
    json!({"store": 1, "app": "1.0.0", "format": 1, "rev": 3, "writer": "tA", "parent": "tB",
        "saved_at": NOW, "rest": "0123456789abcdef", "accounts": [[1, "fedcba9876543210"]]})
}

#[test]
fn manifest_cases() {
    let ok = Manifest::parse(&manifest_json().to_string(), 1).unwrap();
    assert_eq!(ok.rev, 3);
    assert_eq!(ok.accounts, vec![(1, "fedcba9876543210".to_string())]);
    assert_eq!(Manifest::parse(&ok.to_json(), 1).unwrap(), ok, "round trip");
    type Edit = fn(&mut Value);
    let cases: Vec<(&str, Edit, &str)> = vec![
        ("newer stored form", |v| v["store"] = json!(2), "newer"),
        ("newer format", |v| v["format"] = json!(9), "newer"),
        (
            "newer form with fields this one lacks",
            |v| {
                v["store"] = json!(5);
                v["extra"] = json!(1);
            },
            "newer",
        ),
        ("unknown field", |v| v["extra"] = json!(1), "bad"),
        ("older stored form", |v| v["store"] = json!(0), "bad"),
        ("bad part name", |v| v["rest"] = json!("../x"), "bad"),
        (
            "account listed twice",
            |v| v["accounts"] = json!([[1, "fedcba9876543210"], [1, "fedcba9876543211"]]),
            "bad",
        ),
        (
            "no rev",
            |v| {
                v.as_object_mut().unwrap().remove("rev");
            },
            "bad",
        ),
        ("not an object", |v| *v = json!([1]), "bad"),
    ];
    for (name, edit, want) in cases {
        let mut v = manifest_json();
        edit(&mut v);
        let got = Manifest::parse(&v.to_string(), 1);
        match (want, &got) {
            ("newer", Err(StoredError::Newer { .. }))
            | ("bad", Err(StoredError::BadManifest(_))) => {}
            _ => panic!("{name}: {got:?}"),
        }
    }
    assert!(matches!(
        Manifest::parse("{", 1),
        Err(StoredError::BadManifest(_))
    ));
}

#[test]
fn app_versions_compare_by_number() {
    let mut m = Manifest::parse(&manifest_json().to_string(), 1).unwrap();
    for (writer, reader, newer) in [
        ("1.0.0", "1.0.0", false),
        ("1.0.1", "1.0.0", true),
        ("1.10.0", "1.9.0", true),
        ("0.9.0", "1.0.0", false),
        ("2.0.0-beta", "1.9.9", true),
    ] {
        m.app = writer.into();
        assert_eq!(m.app_is_newer_than(reader), newer, "{writer} vs {reader}");
    }
}

// ---- saving and loading -----------------------------------------------------------------

#[test]
fn first_open_finds_nothing_then_save_and_load_give_the_same_workspace() {
    let m = MemoryBackend::new();
    let mut s = session(&m, "tA");
    assert_eq!(s.load(NOW, read_day()), Loaded::Nothing);
    let ws = demo_workspace(today());
    let saved = s.save(&ws, NOW).unwrap();
    assert_eq!(saved.parts_written, ws.accounts().len() + 1);
    assert_eq!(
        saved.total_chars,
        m.used(),
        "total counts every key and value"
    );
    let (_, back) = loaded_ws(&m, "tB");
    assert_eq!(back, ws);
    assert_eq!(
        encode(&back, None),
        encode(&ws, None),
        "exports the same file"
    );
    let manifest: Value = serde_json::from_str(&get(&m, MANIFEST_KEY).unwrap()).unwrap();
    assert_eq!(manifest["rev"], json!(1));
    assert_eq!(manifest["app"], json!("1.0.0"));
    assert_eq!(
        manifest["format"],
        json!(am_planner::format::CURRENT_VERSION)
    );
}

#[test]
fn one_edit_writes_one_part_and_the_manifest_and_removes_the_old_part() {
    let m = MemoryBackend::new();
    let mut s = session(&m, "tA");
    s.load(NOW, read_day());
    let mut ws = demo_workspace(today());
    s.save(&ws, NOW).unwrap();
    let parts_before = part_count(&m);
    rename(&mut ws, 2, "Renamed Ltd");
    let saved = s.save(&ws, NOW).unwrap();
    assert_eq!(saved.parts_written, 1);
    assert_eq!(part_count(&m), parts_before, "the old part is gone");
    assert_eq!(s.revision(), 2);
    // Nothing changed: nothing written.
    assert_eq!(s.save(&ws, NOW).unwrap().parts_written, 0);
    // A settings change writes the rest part only.
    ws.settings.health =
        HealthSettings::new(Weights::new([1.0, 1.0, 1.0, 1.0, 1.0]).unwrap(), vec![]);
    assert_eq!(s.save(&ws, NOW).unwrap().parts_written, 1);
    // Removing an account writes no part, only the manifest.
    let id = ws.accounts()[0].id;
    ws.remove_account(id);
    assert_eq!(s.save(&ws, NOW).unwrap().parts_written, 0);
    assert_eq!(part_count(&m), ws.accounts().len() + 1);
    assert_eq!(loaded_ws(&m, "tB").1, ws);
}

/// What needs the documents' reader before the app starts (in the bundle it is fetched
/// first, docs/build.md): anything stored, under the old key or a manifest, of any version,
/// damaged or not (the load reports damage, and reading it needs the reader too); not
/// nothing stored (a first visit: the demo).
#[test]
fn a_stored_workspace_is_told_before_loading() {
    let v1 = include_str!("fixtures/workspace-v1-example.json");
    let v2 = include_str!("fixtures/workspace-v2-example.json");
    let current = encode(&demo_workspace(today()), None);
    let saved_in_form = {
        let m = MemoryBackend::new();
        m.set(LEGACY_KEY, &current).unwrap();
        let (mut s, ws) = loaded_ws(&m, "tA");
        s.save(&ws, NOW).unwrap();
        m
    };
    let older_manifest = {
        let m = saved_in_form.clone();
        let text = get(&m, MANIFEST_KEY)
            .unwrap()
            .replace("\"format\":3", "\"format\":2");
        assert!(text.contains("\"format\":2"), "{text}");
        let copy = MemoryBackend::new();
        for k in m.keys().unwrap() {
            copy.set(&k, &get(&m, &k).unwrap()).unwrap();
        }
        copy.set(MANIFEST_KEY, &text).unwrap();
        copy
    };
    let legacy = |text: &str| {
        let m = MemoryBackend::new();
        m.set(LEGACY_KEY, text).unwrap();
        m
    };
    let cases: Vec<(&str, MemoryBackend, bool)> = vec![
        ("nothing stored", MemoryBackend::new(), false),
        ("version 1 under the old key", legacy(v1), true),
        ("version 2 under the old key", legacy(v2), true),
        ("version 3 under the old key", legacy(&current), true),
        ("damage under the old key", legacy("{\"format\": "), true),
        ("the stored form, current", saved_in_form, true),
        ("the stored form, format 2", older_manifest, true),
    ];
    for (name, m, stored) in cases {
        assert_eq!(session(&m, "tB").holds_workspace(), stored, "{name}");
    }
}

#[test]
fn the_old_single_key_is_migrated_then_removed() {
    let m = MemoryBackend::new();
    let ws = demo_workspace(today());
    m.set(LEGACY_KEY, &encode(&ws, Some(NOW.into()))).unwrap();
    let mut s = session(&m, "tA");
    let got = match s.load(NOW, read_day()) {
        Loaded::Workspace { ws, migrated: true } => ws,
        other => panic!("{other:?}"),
    };
    assert_eq!(got, ws);
    assert!(
        get(&m, LEGACY_KEY).is_some(),
        "kept until the new form is saved"
    );
    s.save(&got, NOW).unwrap();
    assert!(
        get(&m, LEGACY_KEY).is_none(),
        "removed once saved in the new form"
    );
    assert_eq!(loaded_ws(&m, "tB").1, ws);
}

#[test]
fn a_full_store_refuses_the_save_and_keeps_the_last_good_one() {
    let m = MemoryBackend::new();
    let mut s = session(&m, "tA");
    s.load(NOW, read_day());
    let mut ws = demo_workspace(today());
    s.save(&ws, NOW).unwrap();
    let before = m.state().items.clone();
    // Room for exactly what is stored: the next change does not fit.
    m.state().quota = Some(m.used());
    rename(
        &mut ws,
        1,
        "A much longer name that needs more room than before",
    );
    match s.save(&ws, NOW) {
        Err(SaveError::Quota {
            needed,
            unreadable: 0,
        }) => {
            let used = m.used();
            assert!(
                needed > used * 9 / 10 && needed < used * 11 / 10,
                "{needed} vs {used}"
            )
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        m.state().items,
        before,
        "nothing half-written, nothing removed"
    );
    // Room again: the same session saves.
    m.state().quota = None;
    s.save(&ws, NOW).unwrap();
    assert_eq!(loaded_ws(&m, "tB").1, ws);
}

#[test]
fn a_quota_hit_on_the_manifest_removes_the_new_parts() {
    let m = MemoryBackend::new();
    let mut s = session(&m, "tA");
    s.load(NOW, read_day());
    let mut ws = demo_workspace(today());
    s.save(&ws, NOW).unwrap();
    let before = m.state().items.clone();
    rename(&mut ws, 1, "B");
    // The new part fits, the manifest does not.
    m.state().full_at = Some(MANIFEST_KEY.into());
    assert!(matches!(s.save(&ws, NOW), Err(SaveError::Quota { .. })));
    assert_eq!(m.state().items, before);
}

#[test]
fn a_read_that_throws_is_an_error_never_a_first_open() {
    let m = MemoryBackend::new();
    let mut s = session(&m, "tA");
    s.load(NOW, read_day());
    let ws = demo_workspace(today());
    s.save(&ws, NOW).unwrap();
    let before = m.state().items.clone();
    m.state().fail_reads = true;
    let mut s2 = session(&m, "tB");
    assert!(matches!(s2.load(NOW, read_day()), Loaded::Failed(_)));
    assert!(matches!(s2.hold(), Some(Hold::ReadFailed(_))));
    m.state().fail_reads = false;
    // Even once reads work again, this tab writes nothing (the demo never replaces data).
    let demo = demo_workspace(today());
    assert!(matches!(
        s2.save(&demo, NOW),
        Err(SaveError::Held(Hold::ReadFailed(_)))
    ));
    assert_eq!(m.state().items, before);
}

#[test]
fn a_write_that_throws_keeps_the_last_good_save() {
    let m = MemoryBackend::new();
    let mut s = session(&m, "tA");
    s.load(NOW, read_day());
    let mut ws = demo_workspace(today());
    s.save(&ws, NOW).unwrap();
    let before = m.state().items.clone();
    m.state().fail_writes = true;
    rename(&mut ws, 0, "X");
    assert!(matches!(s.save(&ws, NOW), Err(SaveError::WriteFailed(_))));
    assert_eq!(m.state().items, before);
}

// ---- unreadable data ----------------------------------------------------------------------

#[test]
fn an_unreadable_old_value_stays_until_discarded_even_when_nothing_else_fits() {
    // Larger than half of Chromium's quota: it could never be copied aside.
    let big = format!("{{\"format\": \"am-planner-workspace\", \"version\": 1, \"workspace\": {{\"currency\": \"EUR\", \"x\": \"{}\"}}}}", "a".repeat(2_700_000));
    let m = MemoryBackend::with_quota(5_242_880);
    m.set(LEGACY_KEY, &big).unwrap();
    let mut s = session(&m, "tA");
    match s.load(NOW, read_day()) {
        Loaded::Unreadable { error, kept: true } => assert!(error.contains("x"), "{error}"),
        other => panic!("{other:?}"),
    }
    // The app starts empty and saves: the unreadable value is never written or removed.
    let mut ws = Workspace::default();
    ws.add_account(
        AccountFields {
            name: "New".into(),
            ..Default::default()
        },
        read_day(),
    )
    .unwrap();
    s.save(&ws, NOW).unwrap();
    rename(&mut ws, 0, "Newer");
    s.save(&ws, NOW).unwrap();
    assert_eq!(get(&m, LEGACY_KEY).as_deref(), Some(big.as_str()));
    // A later start still offers it, and reads the new data.
    let (mut s2, back) = loaded_ws(&m, "tB");
    assert_eq!(back, ws);
    assert_eq!(
        s2.unreadable_download().unwrap().as_deref(),
        Some(big.as_str())
    );
    assert!(s2.unreadable_size() > 2_700_000);
    s2.discard_unreadable().unwrap();
    assert!(get(&m, LEGACY_KEY).is_none());
    assert!(get(&m, UNREADABLE_KEY).is_none());
    assert_eq!(loaded_ws(&m, "tC").1, ws, "discarding leaves the workspace");
}

#[test]
fn a_damaged_part_keeps_everything_and_the_download_has_it() {
    let (m, manifest) = demo_saved();
    let damaged = stored::part_key(&manifest.accounts[3].1);
    m.set(&damaged, "garbage").unwrap();
    let before = m.state().items.clone();
    let mut s2 = session(&m, "tB");
    assert!(matches!(
        s2.load(NOW, read_day()),
        Loaded::Unreadable { kept: true, .. }
    ));
    let mut fresh = Workspace::default();
    fresh
        .add_account(
            AccountFields {
                name: "Fresh".into(),
                ..Default::default()
            },
            read_day(),
        )
        .unwrap();
    s2.save(&fresh, NOW).unwrap();
    // Every part of the unreadable save is still there; the manifest has a copy.
    for (k, v) in &before {
        if k.starts_with(PART_PREFIX) {
            assert_eq!(get(&m, k).as_ref(), Some(v), "{k}");
        }
    }
    let download: Value =
        serde_json::from_str(&s2.unreadable_download().unwrap().unwrap()).unwrap();
    assert_eq!(download[MANIFEST_KEY], json!(before[MANIFEST_KEY]));
    assert_eq!(download[&damaged], json!("garbage"));
    s2.discard_unreadable().unwrap();
    assert_eq!(part_count(&m), 2, "only the fresh workspace's parts remain");
    assert_eq!(loaded_ws(&m, "tC").1, fresh);
}

#[test]
fn unreadable_data_that_cannot_be_copied_aside_stops_every_write() {
    let m = MemoryBackend::new();
    m.set(MANIFEST_KEY, &"{".repeat(1000)).unwrap();
    m.state().quota = Some(m.used() + 50); // no room for a copy of the manifest
    let mut s = session(&m, "tA");
    match s.load(NOW, read_day()) {
        Loaded::Unreadable { error, kept: false } => {
            assert!(
                error.starts_with("the list of stored parts is damaged"),
                "{error}"
            )
        }
        other => panic!("{other:?}"),
    }
    let before = m.state().items.clone();
    let ws = demo_workspace(today());
    assert_eq!(s.save(&ws, NOW), Err(SaveError::Held(Hold::NoRoomForCopy)));
    assert_eq!(m.state().items, before);
    // Once downloaded, the app may write again (replacing it).
    assert!(
        s.unreadable_download().unwrap().is_none(),
        "no record could be written"
    );
    s.release_after_download();
    m.state().quota = None;
    s.save(&ws, NOW).unwrap();
}

// ---- several tabs -------------------------------------------------------------------------

fn two_tabs() -> (MemoryBackend, Session, Workspace, Session, Workspace) {
    let m = MemoryBackend::new();
    let mut a = session(&m, "tA");
    a.load(NOW, read_day());
    let ws = demo_workspace(today());
    a.save(&ws, NOW).unwrap();
    let (b, wb) = loaded_ws(&m, "tB");
    (m, a, ws, b, wb)
}

#[test]
fn a_stale_tab_never_overwrites_and_takes_the_newer_data_in() {
    let (m, mut a, mut wa, mut b, mut wb) = two_tabs();
    // A creates an account and saves.
    let new_id = wa
        .add_account(
            AccountFields {
                name: "Created in A".into(),
                ..Default::default()
            },
            read_day(),
        )
        .unwrap();
    a.save(&wa, NOW).unwrap();
    let after_a = m.state().items.clone();
    // B has an unsaved edit to another account: its save is refused, nothing written.
    rename(&mut wb, 4, "Edited in B");
    assert_eq!(b.save(&wb, NOW), Err(SaveError::Stale));
    assert_eq!(m.state().items, after_a);
    // B catches up: A's account comes in, B's edit stays.
    let merged = match b.sync(&mut wb, None, read_day()).unwrap() {
        Sync::Updated {
            ws,
            from_them: 1,
            kept_mine: 1,
        } => ws,
        other => panic!("{other:?}"),
    };
    assert!(merged.account(new_id).is_some());
    assert_eq!(merged.accounts()[4].fields.name, "Edited in B");
    wb = merged;
    b.save(&wb, NOW).unwrap();
    // A catches up with B's edit; both tabs now hold the same workspace.
    match a.sync(&mut wa, None, read_day()).unwrap() {
        Sync::Updated {
            ws, kept_mine: 0, ..
        } => wa = ws,
        other => panic!("{other:?}"),
    }
    assert_eq!(wa, wb);
    assert_eq!(loaded_ws(&m, "tC").1, wa);
    assert_eq!(a.sync(&mut wa, None, read_day()).unwrap(), Sync::Same);
}

#[test]
fn the_same_account_changed_in_two_tabs_asks_which_to_keep() {
    for side in [Side::Mine, Side::Theirs] {
        let (m, mut a, mut wa, mut b, mut wb) = two_tabs();
        rename(&mut wa, 2, "From A");
        rename(&mut wa, 5, "Only A touched this");
        a.save(&wa, NOW).unwrap();
        rename(&mut wb, 2, "From B");
        let before = m.state().items.clone();
        match b.sync(&mut wb, None, read_day()).unwrap() {
            Sync::Conflict { names } => assert_eq!(names, vec!["From B".to_string()]),
            other => panic!("{other:?}"),
        }
        assert_eq!(b.save(&wb, NOW), Err(SaveError::Held(Hold::Conflict)));
        assert_eq!(
            m.state().items,
            before,
            "nothing written while the user chooses"
        );
        let merged = match b.sync(&mut wb, Some(side), read_day()).unwrap() {
            Sync::Updated { ws, .. } => ws,
            other => panic!("{other:?}"),
        };
        let want = if side == Side::Mine {
            "From B"
        } else {
            "From A"
        };
        assert_eq!(merged.accounts()[2].fields.name, want, "{side:?}");
        assert_eq!(
            merged.accounts()[5].fields.name,
            "Only A touched this",
            "{side:?}"
        );
        wb = merged;
        b.save(&wb, NOW).unwrap();
        assert_eq!(loaded_ws(&m, "tC").1, wb);
    }
}

#[test]
fn accounts_created_in_two_tabs_with_the_same_id_are_both_kept() {
    let (_m, mut a, mut wa, mut b, mut wb) = two_tabs();
    let ia = wa
        .add_account(
            AccountFields {
                name: "New in A".into(),
                ..Default::default()
            },
            read_day(),
        )
        .unwrap();
    let ib = wb
        .add_account(
            AccountFields {
                name: "New in B".into(),
                ..Default::default()
            },
            read_day(),
        )
        .unwrap();
    assert_eq!(ia, ib);
    a.save(&wa, NOW).unwrap();
    let merged = match b.sync(&mut wb, None, read_day()).unwrap() {
        Sync::Updated { ws, .. } => ws,
        other => panic!("{other:?}"),
    };
    let names: Vec<&str> = merged
        .accounts()
        .iter()
        .map(|a| a.fields.name.as_str())
        .collect();
    assert!(
        names.contains(&"New in A") && names.contains(&"New in B"),
        "{names:?}"
    );
    assert_eq!(merged.accounts().len(), wa.accounts().len() + 1);
}

#[test]
fn removed_in_one_tab_edited_in_the_other_is_a_conflict() {
    let (_m, mut a, mut wa, mut b, mut wb) = two_tabs();
    let id = wa.accounts()[1].id;
    wa.remove_account(id);
    a.save(&wa, NOW).unwrap();
    rename(&mut wb, 1, "Still wanted");
    assert!(matches!(
        b.sync(&mut wb, None, read_day()).unwrap(),
        Sync::Conflict { .. }
    ));
    match b.sync(&mut wb, Some(Side::Mine), read_day()).unwrap() {
        Sync::Updated { ws, .. } => assert_eq!(ws.account(id).unwrap().fields.name, "Still wanted"),
        other => panic!("{other:?}"),
    }
    // Removed in one tab, untouched in the other: removed.
    let (_m, mut a, mut wa, mut b, mut wb) = two_tabs();
    let id = wa.accounts()[1].id;
    wa.remove_account(id);
    a.save(&wa, NOW).unwrap();
    match b.sync(&mut wb, None, read_day()).unwrap() {
        Sync::Updated { ws, .. } => assert!(ws.account(id).is_none()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn two_saves_on_the_same_revision_are_merged_not_lost() {
    // Both tabs write on top of revision 1 before either sees the other (localStorage
    // gives no lock across tabs): the tab whose write was replaced merges its change back.
    let (m, mut a, mut wa, mut b, mut wb) = two_tabs();
    let rev1 = get(&m, MANIFEST_KEY).unwrap();
    rename(&mut wa, 1, "A's edit");
    rename(&mut wb, 6, "B's edit");
    a.save(&wa, NOW).unwrap();
    // B has not seen A's revision 2 yet when it writes its own revision 2.
    m.set(MANIFEST_KEY, &rev1).unwrap();
    b.save(&wb, NOW).unwrap();
    let theirs = Manifest::parse(
        &get(&m, MANIFEST_KEY).unwrap(),
        am_planner::format::CURRENT_VERSION,
    )
    .unwrap();
    assert_eq!((theirs.rev, theirs.writer.as_str()), (2, "tB"));
    // A sees B's revision 2: its own edit is merged back and saved as revision 3.
    let merged = match a.sync(&mut wa, None, read_day()).unwrap() {
        Sync::Updated {
            ws, kept_mine: 1, ..
        } => ws,
        other => panic!("{other:?}"),
    };
    assert_eq!(merged.accounts()[1].fields.name, "A's edit");
    assert_eq!(merged.accounts()[6].fields.name, "B's edit");
    a.save(&merged, NOW).unwrap();
    assert_eq!(a.revision(), 3);
    assert_eq!(loaded_ws(&m, "tC").1, merged);
}

#[test]
fn a_newer_app_in_another_tab_stops_this_one_writing() {
    let (m, _a, _wa, mut b, mut wb) = two_tabs();
    let mut v: Value = serde_json::from_str(&get(&m, MANIFEST_KEY).unwrap()).unwrap();
    v["app"] = json!("9.0.0");
    v["rev"] = json!(2);
    m.set(MANIFEST_KEY, &v.to_string()).unwrap();
    assert_eq!(b.sync(&mut wb, None, read_day()).unwrap(), Sync::Newer);
    rename(&mut wb, 0, "X");
    assert_eq!(b.save(&wb, NOW), Err(SaveError::Held(Hold::Newer)));
    // A newer stored form or file format: the same, at start too.
    v["format"] = json!(99);
    m.set(MANIFEST_KEY, &v.to_string()).unwrap();
    let mut c = session(&m, "tC");
    assert_eq!(c.load(NOW, read_day()), Loaded::Newer);
    assert_eq!(c.save(&wb, NOW), Err(SaveError::Held(Hold::Newer)));
}

// ---- capacity -----------------------------------------------------------------------------

#[test]
fn two_thousand_full_accounts_fit_in_chromiums_quota() {
    let ws = big::big_workspace(2000);
    let m = MemoryBackend::with_quota(5_242_880);
    let mut s = session(&m, "tA");
    s.load(NOW, read_day());
    let saved = s.save(&ws, NOW).unwrap();
    assert!(saved.total_chars < 5_242_880, "{}", saved.total_chars);
    let old_form = encode(&ws, None).encode_utf16().count();
    assert!(
        old_form > 5_242_880,
        "the old form would not fit: {old_form}"
    );
    let (_, back) = loaded_ws(&m, "tB");
    assert_eq!(back.accounts().len(), 2000);
    assert_eq!(back.accounts()[1999].health, ws.accounts()[1999].health);
    assert_eq!(
        back.accounts()[1999].stakeholders,
        ws.accounts()[1999].stakeholders
    );
}

/// Whatever fits in storage can be read back: the export of the largest workspace the
/// quota holds is under the reader's size limit (else a full store would load as
/// unreadable, and its export could not be imported).
#[test]
fn the_largest_workspace_storage_holds_reads_back_and_imports() {
    let sample = 200;
    let ws = big::big_workspace(sample);
    let m = MemoryBackend::with_quota(u64::MAX as usize / 2);
    let mut s = session(&m, "tA");
    s.load(NOW, read_day());
    let stored = s.save(&ws, NOW).unwrap().total_chars as u64;
    let exported = encode(&ws, None).len() as u64;
    // Accounts that fit, from the stored chars per account (the rest part is tiny).
    let capacity = 5_242_880 * sample as u64 / stored;
    let largest_export = exported * capacity / sample as u64;
    assert!(capacity > 2000, "{capacity} accounts fit");
    assert!(
        largest_export < am_planner::format::MAX_FILE_BYTES,
        "{capacity} accounts export to {largest_export} bytes, over the read limit"
    );
}

// ---- properties ---------------------------------------------------------------------------

fn pool() -> Vec<Account> {
    let mut all: Vec<Account> = demo_workspace(today()).accounts().to_vec();
    all.extend(big::big_workspace(3).accounts().iter().cloned());
    all
}

prop_compose! {
    fn arb_workspace()(
        picks in prop::collection::vec((0usize..11, "[A-Za-z0-9 \u{e9}\u{4e2d}\u{1f600}]{0,20}[A-Za-z]", prop::option::of(0.0..1e9f64)), 0..10),
        currency in prop::sample::select(Currency::COMMON.to_vec()),
        demo in any::<bool>(),
        weights in proptest::array::uniform5(0.0f64..100.0),
        first_id in 0u32..1000,
    ) -> Workspace {
        let pool = pool();
        let accounts: Vec<Account> = picks.into_iter().enumerate().map(|(i, (k, name, arr))| {
            let mut a = pool[k % pool.len()].clone();
            a.id = AccountId(first_id + i as u32 * 7);
            a.fields.name = name;
            if let Some(arr) = arr {
                a.fields.arr = arr;
                a.arr_log = am_planner::domain::arr::ArrLog::opening(arr, common::ymd(2025, 1, 1));
            }
            a
        }).collect();
        let mut ws = Workspace::from_accounts(Currency::new(currency).unwrap(), demo, accounts).unwrap();
        if let Ok(w) = Weights::new(weights) {
            ws.settings.health = HealthSettings::new(w, vec![]);
        }
        ws
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_workspace_stores_loads_and_exports_to_itself(ws in arb_workspace(), edit in 0usize..12) {
        let m = MemoryBackend::new();
        let mut s = session(&m, "tA");
        s.load(NOW, read_day());
        let mut ws = ws;
        s.save(&ws, NOW).unwrap();
        let (_, back) = loaded_ws(&m, "tB");
        prop_assert_eq!(&back, &ws);
        prop_assert_eq!(encode(&back, None), encode(&ws, None));
        // And after one more edit, incrementally saved.
        if !ws.accounts().is_empty() {
            let i = edit % ws.accounts().len();
            rename(&mut ws, i, "Edited");
            s.save(&ws, NOW).unwrap();
            prop_assert_eq!(loaded_ws(&m, "tC").1, ws);
        }
    }

    #[test]
    fn pack_round_trips_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let packed = pack(&bytes);
        prop_assert!(packed.chars().all(|c| (0x20..=0x801f).contains(&(c as u32))));
        prop_assert_eq!(unpack(&packed).unwrap(), bytes);
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_text(text in "(?s).{0,300}", hash in "[0-9a-f]{16}") {
        let _ = unpack(&text);
        let _ = read_part(&hash, &text);
        let _ = Manifest::parse(&text, 1);
        let _ = assemble_document(&text, std::slice::from_ref(&text));
    }

    #[test]
    fn the_reader_never_panics_on_arbitrary_stored_values(
        manifest in prop_oneof![
            "(?s).{0,200}",
            (0u64..5, "[0-9a-f]{16}", prop::collection::vec((0u32..5, "[0-9a-f]{16}"), 0..4)).prop_map(|(rev, rest, acc)|
                json!({"store": 1, "app": "1.0.0", "format": 1, "rev": rev, "writer": "x", "rest": rest, "accounts": acc}).to_string()),
        ],
        parts in prop::collection::vec(("[0-9a-f]{16}", prop_oneof![
            "(?s).{0,200}",
            prop::collection::vec(any::<u8>(), 0..200).prop_map(|b| pack(&b)),
            "(?s).{0,200}".prop_map(|t| make_part(&t).value),
        ]), 0..4),
        legacy in prop::option::of("(?s).{0,200}"),
    ) {
        let m = MemoryBackend::new();
        m.set(MANIFEST_KEY, &manifest).unwrap();
        if let Ok(man) = Manifest::parse(&manifest, 1) {
            // Put values under the names the manifest lists.
            for (i, key) in man.keys().iter().enumerate() {
                if let Some((_, v)) = parts.get(i) {
                    m.set(key, v).unwrap();
                }
            }
        }
        for (h, v) in &parts {
            m.set(&stored::part_key(h), v).unwrap();
        }
        if let Some(l) = &legacy {
            m.set(LEGACY_KEY, l).unwrap();
        }
        let mut s = session(&m, "tA");
        let _ = s.load(NOW, read_day());
    }
}
