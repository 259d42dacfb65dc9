//! Sharing one account: the single-account file, the share link (base64url + deflate in
//! the URL fragment), refusal of damaged and oversized links, the change preview, and
//! importing into a workspace.

mod common;
use common::read_day;
mod plan_fixture;

use am_planner::domain::{Account, AccountId, Currency, FieldError, Workspace};
use am_planner::format::share::{
    account_changes, account_file_name, base64url_decode, base64url_encode, decode_account,
    decode_account_bytes, decode_share_link, encode_account, link_json, payload_of, share_link,
    share_payload, Change, ShareError, ShareKind, SharedAccount, MAX_LINK_CHARS,
};
use plan_fixture::account;
use proptest::prelude::*;
use serde_json::json;

fn eur() -> Currency {
    Currency::new("EUR").unwrap()
}

const PAGE: &str = "https://planner.example/app/#/accounts/3";

#[test]
fn base64url_known_vectors() {
    // RFC 4648 section 10, without padding, in the URL-safe alphabet.
    let cases: &[(&[u8], &str)] = &[
        (b"", ""),
        (b"f", "Zg"),
        (b"fo", "Zm8"),
        (b"foo", "Zm9v"),
        (b"foob", "Zm9vYg"),
        (b"fooba", "Zm9vYmE"),
        (b"foobar", "Zm9vYmFy"),
        (&[0xfb, 0xff, 0xbf], "-_-_"),
        (&[0, 0, 0], "AAAA"),
    ];
    for (bytes, text) in cases {
        assert_eq!(base64url_encode(bytes), *text);
        if !text.is_empty() {
            assert_eq!(base64url_decode(text).as_deref(), Ok(*bytes), "{text}");
        }
    }
    // Padding is accepted when complete.
    assert_eq!(base64url_decode("Zg==").as_deref(), Ok(&b"f"[..]));
    assert_eq!(base64url_decode("Zm8=").as_deref(), Ok(&b"fo"[..]));
}

#[test]
fn base64url_refuses_what_is_not_canonical() {
    let cases: &[(&str, &str)] = &[
        ("", "it is empty"),
        (
            "Zm9vY",
            "its length is impossible: a character is missing or extra",
        ),
        (
            "Zm+v",
            "character 3 is \"+\", which cannot be in a share link",
        ),
        (
            "Zm9v Yg",
            "character 5 is \" \", which cannot be in a share link",
        ),
        ("Zh", "its last character was altered"),
        ("Zm9=", "its last character was altered"),
        ("Zg=", "wrong padding at the end"),
        ("Z===", "wrong padding at the end"),
    ];
    for (text, expected) in cases {
        assert_eq!(
            base64url_decode(text),
            Err(expected.to_string()),
            "{text:?}"
        );
    }
}

proptest! {
    #[test]
    fn base64url_round_trips(bytes in proptest::collection::vec(any::<u8>(), 1..200)) {
        let text = base64url_encode(&bytes);
        prop_assert!(text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        prop_assert_eq!(base64url_decode(&text), Ok(bytes));
    }

    #[test]
    fn any_planning_round_trips_through_a_share_link(planning in plan_fixture::arb_planning()) {
        let mut a = Account::new(AccountId(4), plan_fixture::fields());
        a.planning = planning;
        let link = share_link(PAGE, ShareKind::Colleague, &a, &eur()).unwrap();
        let back = decode_share_link(&link, read_day()).unwrap();
        prop_assert_eq!(back, SharedAccount { kind: ShareKind::Colleague, account: a.clone(), currency: eur(), exported_at: None });
        let file = decode_account(&encode_account(ShareKind::Colleague, &a, &eur(), Some("2026-11-22T10:00:00Z".into())), read_day()).unwrap();
        prop_assert_eq!(file.account, a);
    }
}

#[test]
fn the_fixture_round_trips_through_file_and_link() {
    let a = account();
    let text = encode_account(
        ShareKind::Colleague,
        &a,
        &eur(),
        Some("2026-11-22T10:00:00Z".into()),
    );
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], json!("am-planner-account"));
    assert_eq!(v["version"], json!(3));
    assert_eq!(v["kind"], json!("colleague"));
    assert_eq!(v["currency"], json!("EUR"));
    assert_eq!(v["account"]["name"], json!("Northwind Logistics"));
    assert_eq!(
        decode_account(&text, read_day()),
        Ok(SharedAccount {
            kind: ShareKind::Colleague,
            account: a.clone(),
            currency: eur(),
            exported_at: Some("2026-11-22T10:00:00Z".into()),
        })
    );

    let link = share_link(PAGE, ShareKind::Colleague, &a, &eur()).unwrap();
    assert!(
        link.starts_with("https://planner.example/app/#share="),
        "{link}"
    );
    assert!(
        link.len() < text.len(),
        "compressed link {} vs file {}",
        link.len(),
        text.len()
    );
    let shared = decode_share_link(&link, read_day()).unwrap();
    assert_eq!(shared.account, a);
    assert_eq!(shared.currency, eur());
    // The fragment alone, or `share=...`, read the same.
    let payload = share_payload(ShareKind::Colleague, &a, &eur());
    assert_eq!(payload_of(&link), Some(payload.as_str()));
    assert_eq!(
        decode_share_link(&format!("#share={payload}"), read_day())
            .unwrap()
            .account,
        a
    );
    assert_eq!(
        decode_share_link(&format!("share={payload}"), read_day())
            .unwrap()
            .account,
        a
    );
}

/// A payload made of any bytes, compressed like a real one.
fn packed(json: &str) -> String {
    format!(
        "#share={}",
        base64url_encode(&miniz_oxide::deflate::compress_to_vec_zlib(
            json.as_bytes(),
            6
        ))
    )
}

#[test]
fn damaged_or_altered_links_are_refused() {
    let a = account();
    let link = share_link(PAGE, ShareKind::Colleague, &a, &eur()).unwrap();
    let (base, payload) = link.split_once("#share=").unwrap();

    // Change one character in the middle of the payload.
    let mid = payload.len() / 2;
    let flipped_char = if &payload[mid..mid + 1] == "A" {
        "B"
    } else {
        "A"
    };
    let flipped = format!(
        "{base}#share={}{flipped_char}{}",
        &payload[..mid],
        &payload[mid + 1..]
    );
    // Cut the link short (as a chat app might), keeping a possible base64 length.
    let cut_len = (payload.len() / 2) / 4 * 4;
    let cut = format!("{base}#share={}", &payload[..cut_len]);
    let workspace_file = am_planner::format::encode(
        &Workspace::from_accounts(eur(), false, vec![a.clone()]).unwrap(),
        None,
    );
    let cases: Vec<(String, ShareError)> = vec![
        (flipped, ShareError::BadCompression),
        (cut, ShareError::BadCompression),
        (
            format!("{base}#share={}!", &payload[..20]),
            ShareError::BadBase64 {
                detail: "character 21 is \"!\", which cannot be in a share link".into(),
            },
        ),
        (
            format!("{base}#share="),
            ShareError::BadBase64 {
                detail: "it is empty".into(),
            },
        ),
        (PAGE.to_string(), ShareError::NoPayload),
        (
            "https://planner.example/#other=1".into(),
            ShareError::NoPayload,
        ),
        (
            format!("#share={}", base64url_encode(b"not deflate at all")),
            ShareError::BadCompression,
        ),
        (
            format!(
                "#share={}",
                base64url_encode(&miniz_oxide::deflate::compress_to_vec_zlib(
                    &[0xff, 0xfe, 0x00],
                    6
                ))
            ),
            ShareError::NotText,
        ),
        (
            packed("{\"format\": \"am-planner-account\", "),
            ShareError::NotJson {
                line: 1,
                column: 33,
                detail: "the text ends before the JSON is complete; the file may have been cut off"
                    .into(),
            },
        ),
        (packed(&workspace_file), ShareError::WorkspaceFile),
        (
            packed("{\"format\": \"something-else\", \"version\": 1}"),
            ShareError::NotAccountFile {
                found: Some("something-else".into()),
            },
        ),
        (packed("[1, 2]"), ShareError::NotAccountFile { found: None }),
        (
            packed("{\"format\": \"am-planner-account\", \"version\": 4}"),
            ShareError::NewerVersion { found: 4 },
        ),
        (
            packed("{\"format\": \"am-planner-account\", \"version\": \"1\"}"),
            ShareError::BadVersion {
                found: "\"1\"".into(),
            },
        ),
    ];
    for (link, expected) in cases {
        assert_eq!(
            decode_share_link(&link, read_day()),
            Err(expected),
            "{link:.80}"
        );
    }
}

#[test]
fn messages_say_what_to_do() {
    let cases: &[(ShareError, &str)] = &[
        (
            ShareError::TooLong { chars: 40_123 },
            "This plan is too big for a link (40123 characters; browsers and chat apps may cut anything over 32000). Share it as a file instead.",
        ),
        (
            ShareError::BadCompression,
            "This share link is damaged or incomplete: it may have been cut when copied. Ask for the link again, or for the file.",
        ),
        (
            ShareError::BadBase64 { detail: "it is empty".into() },
            "This share link is damaged (it is empty). Ask for the link again, or for the file.",
        ),
        (ShareError::NoPayload, "This is not a share link: it has no \"#share=\" part."),
        (
            ShareError::WorkspaceFile,
            "This is a whole workspace file, not a single account: import it under \"Import\" on the Data page, which replaces the whole workspace.",
        ),
        (
            ShareError::BadField { path: "account.arr".into(), detail: "ARR cannot be negative.".into() },
            "account.arr: ARR cannot be negative.",
        ),
    ];
    for (e, msg) in cases {
        assert_eq!(e.to_string(), *msg);
    }
}

#[test]
fn links_over_the_limit_are_refused_both_ways() {
    // Reading: a link one character over the limit is refused before anything else.
    let payload = share_payload(ShareKind::Colleague, &account(), &eur());
    let head = format!("{PAGE}#share={payload}");
    let over = format!("{head}{}", "A".repeat(MAX_LINK_CHARS + 1 - head.len()));
    assert_eq!(over.len(), MAX_LINK_CHARS + 1);
    assert_eq!(
        decode_share_link(&over, read_day()),
        Err(ShareError::TooLong {
            chars: MAX_LINK_CHARS + 1
        })
    );

    // Making: an account whose text does not compress well makes a link that is too long.
    let mut a = account();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: String = (0..40_000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b'!' + (x % 90) as u8)
        })
        .collect();
    a.planning
        .plan
        .edit(plan_fixture::today(), |c| {
            c.overview = noise[..5000].to_string()
        })
        .unwrap();
    a.fields.notes = noise;
    match share_link(PAGE, ShareKind::Colleague, &a, &eur()) {
        Err(ShareError::TooLong { chars }) => assert!(chars > MAX_LINK_CHARS, "{chars}"),
        other => panic!("expected TooLong, got {other:?}"),
    }
    // The file has no such limit.
    assert_eq!(
        decode_account(
            &encode_account(ShareKind::Colleague, &a, &eur(), None),
            read_day()
        )
        .unwrap()
        .account,
        a
    );
}

/// A change made to the JSON of a file before importing it.
type Edit = Box<dyn FnOnce(&mut serde_json::Value)>;

/// The fixture as a single-account file, changed by `change`, then read back.
fn file_error(change: impl FnOnce(&mut serde_json::Value)) -> ShareError {
    let mut v: serde_json::Value = serde_json::from_str(&encode_account(
        ShareKind::Colleague,
        &account(),
        &eur(),
        None,
    ))
    .unwrap();
    change(&mut v);
    decode_account(&v.to_string(), read_day()).expect_err("should be refused")
}

#[test]
fn bad_single_account_files_are_refused_with_a_path() {
    let bad = |path: &str, detail: &str| ShareError::BadField {
        path: path.into(),
        detail: detail.into(),
    };
    let cases: Vec<(Edit, ShareError)> = vec![
        (
            Box::new(|v| v["currency"] = json!("euro")),
            bad(
                "currency",
                "\"euro\" is not a currency code: use three capital letters such as USD or EUR.",
            ),
        ),
        (
            Box::new(|v| { v.as_object_mut().unwrap().remove("currency"); }),
            bad("file", "the field \"currency\" is required and missing."),
        ),
        (
            Box::new(|v| { v.as_object_mut().unwrap().remove("account"); }),
            bad("file", "the field \"account\" is required and missing."),
        ),
        (
            Box::new(|v| v["accounts"] = json!([])),
            bad(
                "accounts",
                "\"accounts\" is not a field the planner knows here; check the spelling, or remove it. The fields here are format, version, kind, exported_at, currency, account.",
            ),
        ),
        (
            Box::new(|v| v["account"]["name"] = json!("  ")),
            bad("account.name", "Give the account a name."),
        ),
        (
            Box::new(|v| v["account"]["arr"] = json!(-1)),
            bad("account.arr", "ARR cannot be negative."),
        ),
        (
            Box::new(|v| v["account"]["planning"]["plan"]["goals"][0]["text"] = json!("")),
            bad("account.planning.plan.goals[0].text", "Write the goal."),
        ),
        (
            Box::new(|v| v["account"]["planning"]["qbrs"][0]["date"] = json!("3 Dec")),
            bad("account.planning.qbrs[0].date", "\"3 Dec\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01."),
        ),
        (
            Box::new(|v| v["version"] = json!(0)),
            ShareError::BadVersion { found: "0".into() },
        ),
        (
            Box::new(|v| { v.as_object_mut().unwrap().remove("format"); }),
            ShareError::NotAccountFile { found: None },
        ),
        (
            Box::new(|v| v["format"] = json!(3)),
            ShareError::NotAccountFile { found: Some("3".into()) },
        ),
    ];
    for (change, expected) in cases {
        assert_eq!(file_error(change), expected);
    }
    assert_eq!(
        decode_account("{ nope", read_day()),
        Err(ShareError::NotJson {
            line: 1,
            column: 3,
            detail: "a key in quotes was expected here".into()
        })
    );
}

#[test]
fn the_preview_lists_what_an_import_would_change() {
    let current = account();
    let mut incoming = account();
    incoming.id = AccountId(77);
    assert_eq!(account_changes(&current, &incoming), vec![]);

    incoming.fields.arr = 500_000.0;
    incoming.fields.products.push("Routing".into());
    incoming
        .planning
        .plan
        .edit(plan_fixture::today(), |c| {
            c.goals[1].text = "Open three new hubs in 2027".into();
            c.opportunity_ids.clear();
        })
        .unwrap();
    let changes = account_changes(&current, &incoming);
    let c = |path: &str, before: &str, after: &str| Change {
        path: path.into(),
        before: before.into(),
        after: after.into(),
    };
    assert_eq!(
        changes,
        vec![
            c("arr", "480000", "500000"),
            c(
                "planning.plan.goals[1].text",
                "Open two new hubs in 2027",
                "Open three new hubs in 2027"
            ),
            c("planning.plan.last_updated", "2026-11-02", "2026-11-20"),
            c("planning.plan.opportunity_ids", "2 items", "(empty)"),
            c("products", "2 items", "3 items"),
        ]
    );
}

#[test]
fn imported_accounts_get_a_fresh_id_or_take_over_one() {
    let mut ws = Workspace::from_accounts(eur(), false, vec![account()]).unwrap();
    let shared = decode_share_link(
        &share_link(PAGE, ShareKind::Colleague, &account(), &eur()).unwrap(),
        read_day(),
    )
    .unwrap();

    let id = ws.add_imported(shared.account.clone()).unwrap();
    assert_eq!(id, AccountId(4));
    assert_eq!(ws.accounts().len(), 2);
    assert_eq!(ws.account(id).unwrap().planning, shared.account.planning);

    let mut changed = shared.account.clone();
    changed.fields.name = "Northwind Logistics (EU)".into();
    let old = ws.replace_account(AccountId(3), changed).unwrap().unwrap();
    assert_eq!(old.fields.name, "Northwind Logistics");
    assert_eq!(
        ws.account(AccountId(3)).unwrap().fields.name,
        "Northwind Logistics (EU)"
    );
    assert_eq!(ws.replace_account(AccountId(50), account()), Ok(None));

    let mut nameless = account();
    nameless.fields.name.clear();
    let err: Vec<FieldError> = ws.add_imported(nameless.clone()).unwrap_err();
    assert_eq!(err[0].message, "Give the account a name.");
    assert!(ws.replace_account(AccountId(3), nameless).is_err());
    assert_eq!(ws.accounts().len(), 2);
}

#[test]
fn export_file_names() {
    assert_eq!(
        account_file_name(ShareKind::Colleague, "Northwind Logistics", "2026-11-22"),
        "account-northwind-logistics-2026-11-22.json"
    );
    assert_eq!(
        account_file_name(ShareKind::Customer, "Northwind Logistics", "2026-11-22"),
        "account-northwind-logistics-customer-copy-2026-11-22.json"
    );
}

// ---------------------------------------------------------------- kinds, old links, sizes

/// The JSON inside a link (whichever way it was compressed), for looking into it.
fn inflated(link: &str) -> serde_json::Value {
    // Read back through the app's own reader first: the link must be valid.
    decode_share_link(link, read_day()).expect("the link reads");
    let shared = decode_share_link(link, read_day()).unwrap();
    let kind = shared.kind;
    serde_json::from_str(&encode_account(
        kind,
        &shared.account,
        &shared.currency,
        None,
    ))
    .unwrap()
}

#[test]
fn both_kinds_round_trip_through_link_and_file_and_say_which_they_are() {
    let a = account();
    for kind in [ShareKind::Colleague, ShareKind::Customer] {
        let expected = SharedAccount {
            kind,
            account: kind.copy_of(&a),
            currency: eur(),
            exported_at: None,
        };
        let link = share_link(PAGE, kind, &a, &eur()).unwrap();
        assert_eq!(
            decode_share_link(&link, read_day()),
            Ok(expected.clone()),
            "{kind:?} link"
        );
        let file = encode_account(kind, &a, &eur(), None);
        let v: serde_json::Value = serde_json::from_str(&file).unwrap();
        let key = match kind {
            ShareKind::Colleague => "colleague",
            ShareKind::Customer => "customer",
        };
        assert_eq!(v["kind"], json!(key));
        assert_eq!(
            decode_account(&file, read_day()),
            Ok(expected),
            "{kind:?} file"
        );
    }
    // The colleague share is the whole account; the customer share is not.
    assert_eq!(ShareKind::Colleague.copy_of(&a), a);
    assert_ne!(ShareKind::Customer.copy_of(&a), a);
}

/// Someone edits a customer file (or link) to put internal notes back in and to call it a
/// colleague's: the kind stays "customer" unless the file says otherwise, and a customer
/// share is cut to the customer copy on reading, whatever it carried.
#[test]
fn a_customer_share_never_reads_as_a_full_account() {
    let a = account();
    let mut v: serde_json::Value =
        serde_json::from_str(&encode_account(ShareKind::Colleague, &a, &eur(), None)).unwrap();
    v["kind"] = json!("customer");
    let read = decode_account(&v.to_string(), read_day()).unwrap();
    assert_eq!(read.kind, ShareKind::Customer);
    assert_eq!(read.account, ShareKind::Customer.copy_of(&a));
    assert_eq!(
        a.planning.qbrs()[0].notes,
        "Internal: push for the warehouse pilot."
    );
    assert_eq!(read.account.planning.qbrs()[0].notes, "");
    // The kind is required from version 2 on, and must be one of the two.
    v.as_object_mut().unwrap().remove("kind");
    assert_eq!(
        decode_account(&v.to_string(), read_day()),
        Err(ShareError::BadField {
            path: "file".into(),
            detail: "the field \"kind\" is required and missing.".into()
        })
    );
    v["kind"] = json!("partner");
    assert_eq!(
        decode_account(&v.to_string(), read_day()),
        Err(ShareError::BadField {
            path: "kind".into(),
            detail: "\"partner\" is not a kind of share; use one of colleague, customer.".into()
        })
    );
}

/// A link made by the planner before version 2 (the fixture account, made with the
/// version 1 scheme: every field, zlib without a dictionary), committed as text: it must
/// keep opening, as a colleague's share of the whole account.
#[test]
fn an_old_link_still_reads_as_a_colleague_share() {
    let link = include_str!("fixtures/share-link-v1.txt").trim();
    assert!(
        link.starts_with("https://planner.example/#share=eN"),
        "{link:.60}"
    );
    let shared = decode_share_link(link, read_day()).unwrap();
    assert_eq!(shared.kind, ShareKind::Colleague);
    assert_eq!(shared.currency, eur());
    let a = &shared.account;
    assert_eq!(a.fields.name, "Northwind Logistics");
    assert_eq!(a.planning.plan.content().goals.len(), 2);
    assert_eq!(a.planning.qbrs().len(), 1);
    assert_eq!(a.stakeholders.people().len(), 3);
    assert_eq!(
        a.planning.qbrs()[0].notes,
        "Internal: push for the warehouse pilot."
    );
}

/// Markers in the fields that must never reach a customer (notes, what we know about
/// people, risks, SWOT, QBR notes, scorecards, save plans, renewal work), and in fields
/// the customer sees. The customer link holds none of the first and all of the second;
/// the colleague link holds both.
#[test]
fn a_customer_link_carries_no_internal_marker() {
    let example = am_planner::format::decode(
        include_str!("fixtures/workspace-v1-example.json"),
        read_day(),
    )
    .unwrap()
    .workspace;
    let base = &example.accounts()[0];
    let mut v: serde_json::Value =
        serde_json::from_str(&encode_account(ShareKind::Colleague, base, &eur(), None)).unwrap();
    let internal: &[&str] = &[
        "/account/notes",
        "/account/industry",
        "/account/primary_use_case",
        "/account/stakeholders/people/0/personal_win",
        "/account/stakeholders/people/0/key_risk",
        "/account/stakeholders/people/0/notes",
        "/account/stakeholders/people/1/personal_win",
        "/account/stakeholders/people/1/key_risk",
        "/account/stakeholders/people/1/notes",
        "/account/planning/plan/overview",
        "/account/planning/plan/risks/0/risk",
        "/account/planning/plan/risks/0/mitigation",
        "/account/planning/plan/swot/strengths/0",
        "/account/planning/plan/swot/threats/0",
        "/account/planning/qbrs/0/notes",
        "/account/planning/qualifications/0/meddic/metrics/notes",
        "/account/planning/qualifications/0/bant/timeline/notes",
        "/account/expansion/opportunities/0/description",
        "/account/expansion/opportunities/0/trigger",
        "/account/renewal/custom_tasks/0/text",
    ];
    let customer: &[&str] = &[
        "/account/planning/plan/goals/0/text",
        "/account/planning/plan/goals/0/mapping",
        "/account/planning/plan/metrics/0/name",
        "/account/planning/qbrs/0/value_delivered",
        "/account/planning/qbrs/0/roadmap",
        "/account/planning/qbrs/0/mutual_actions/0/text",
    ];
    for (i, p) in internal.iter().enumerate() {
        *v.pointer_mut(p).unwrap_or_else(|| panic!("no {p}")) = json!(format!("INTERNAL-{i}-END"));
    }
    for (i, p) in customer.iter().enumerate() {
        *v.pointer_mut(p).unwrap_or_else(|| panic!("no {p}")) = json!(format!("CUSTOMER-{i}-END"));
    }
    v["account"]["stakeholders"]["people"][0]["sentiment"] = json!("strong_detractor");
    let marked = decode_account(&v.to_string(), read_day()).unwrap().account;

    let text_of = |kind| {
        let link = share_link(PAGE, kind, &marked, &eur()).unwrap();
        // Both the JSON the link carries and the account read back from it.
        let raw = link_json(kind, &marked, &eur());
        format!("{raw}\n{}", inflated(&link))
    };
    let customer_text = text_of(ShareKind::Customer);
    let colleague_text = text_of(ShareKind::Colleague);
    for (i, place) in internal.iter().enumerate() {
        let m = format!("INTERNAL-{i}-END");
        assert!(!customer_text.contains(&m), "{m} ({place}) leaked");
        assert!(colleague_text.contains(&m), "{m} missing for a colleague");
    }
    for (i, place) in customer.iter().enumerate() {
        let m = format!("CUSTOMER-{i}-END");
        assert!(customer_text.contains(&m), "{m} ({place}) missing");
    }
    assert!(!customer_text.contains("strong_detractor"));
    assert!(colleague_text.contains("strong_detractor"));
}

/// The lean JSON of a link reads back as exactly the same account, for every demo account
/// and both kinds, and is shorter than the full JSON.
#[test]
fn lean_link_json_reads_back_the_same_account() {
    let ws = am_planner::demo::demo_workspace(plan_fixture::today());
    for a in ws.accounts() {
        for kind in [ShareKind::Colleague, ShareKind::Customer] {
            let lean = link_json(kind, a, &ws.currency);
            let full = encode_account(kind, a, &ws.currency, None);
            let back = decode_account(&lean, read_day()).unwrap();
            assert_eq!(back.account, kind.copy_of(a), "{}", a.fields.name);
            let compact: serde_json::Value = serde_json::from_str(&full).unwrap();
            assert!(
                lean.len() < compact.to_string().len(),
                "{}: the lean JSON is not shorter",
                a.fields.name
            );
        }
    }
}

/// Figures, not a pass/fail rule: link lengths of the demo accounts before version 2 and
/// now, for both kinds (`cargo test --test share link_lengths -- --nocapture`; `make bench`
/// prints the same).
#[test]
fn link_lengths_of_the_demo_accounts() {
    let ws = am_planner::demo::demo_workspace(plan_fixture::today());
    println!(
        "{}",
        am_planner::format::share::link_length_table(&ws, "https://planner.example/")
    );
}

/// A file picked by the user is read from its bytes: the size and encoding are checked
/// first, with the same messages as a workspace file's, and a byte-order mark is skipped.
#[test]
fn an_account_file_is_read_from_its_bytes() {
    let a = Account::new(AccountId(4), plan_fixture::fields());
    let text = encode_account(ShareKind::Colleague, &a, &eur(), None);
    let read = decode_account_bytes(text.as_bytes(), read_day()).unwrap();
    assert_eq!(read.account, a);
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    assert_eq!(
        decode_account_bytes(&with_bom, read_day()).unwrap().account,
        a
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    // Said as it is, with no path in front (it read "file: This file is not...").
    assert!(decode_account_bytes(&utf16, read_day())
        .unwrap_err()
        .to_string()
        .starts_with("This file is not UTF-8 text"));
}
