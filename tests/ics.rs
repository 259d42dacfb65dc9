//! The .ics export checked against RFC 5545: CRLF line endings, folding at 75 octets on
//! UTF-8 boundaries, TEXT escaping, VCALENDAR/VEVENT structure, all-day DATE values.

mod common;
use am_planner::domain::renewal::{MilestoneKind, Renewal, TaskKey};
use am_planner::domain::{AccountId, FieldError, WorkspaceId};
use am_planner::format::ics::{
    escape_text, fold_line, ics_file_name, renewals_calendar, timeline_events, write_calendar,
    Event, MAX_LINE_OCTETS,
};
use chrono::NaiveDateTime;
use common::read_day;

use common::date as d;

fn stamp() -> NaiveDateTime {
    NaiveDateTime::parse_from_str("2026-11-22 19:48:05", "%Y-%m-%d %H:%M:%S").unwrap()
}

/// Physical lines of an .ics text; fails if any line break is not CRLF or the text does
/// not end with CRLF.
fn physical_lines(ics: &str) -> Vec<&str> {
    assert!(ics.ends_with("\r\n"), "does not end with CRLF");
    let body = &ics[..ics.len() - 2];
    let lines: Vec<&str> = body.split("\r\n").collect();
    for l in &lines {
        assert!(
            !l.contains('\n') && !l.contains('\r'),
            "bare CR or LF in {l:?}"
        );
        assert!(l.len() <= MAX_LINE_OCTETS, "{} octets: {l:?}", l.len());
    }
    lines
}

/// Content lines after unfolding (RFC 5545 3.1: CRLF followed by one space or tab).
fn unfold(ics: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in physical_lines(ics) {
        if let Some(rest) = l.strip_prefix(' ').or_else(|| l.strip_prefix('\t')) {
            out.last_mut()
                .expect("continuation without a line")
                .push_str(rest);
        } else {
            out.push(l.to_string());
        }
    }
    out
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => panic!("dangling backslash in {s:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[derive(Debug, Default, PartialEq)]
struct Parsed {
    uid: String,
    dtstamp: String,
    dtstart: String,
    dtend: String,
    summary: String,
    description: String,
}

/// A small reader of what we write: VEVENTs with their properties, TEXT unescaped.
fn parse_events(ics: &str) -> Vec<Parsed> {
    let lines = unfold(ics);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert!(lines.iter().any(|l| l == "VERSION:2.0"));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("PRODID:") && l.len() > 7));
    let mut out = Vec::new();
    let mut cur: Option<Parsed> = None;
    for l in &lines {
        match l.as_str() {
            "BEGIN:VEVENT" => cur = Some(Parsed::default()),
            "END:VEVENT" => out.push(cur.take().expect("END without BEGIN")),
            _ => {
                if let Some(p) = cur.as_mut() {
                    let (name, value) = l.split_once(':').expect("property without ':'");
                    match name {
                        "UID" => p.uid = unescape(value),
                        "DTSTAMP" => p.dtstamp = value.into(),
                        "DTSTART;VALUE=DATE" => p.dtstart = value.into(),
                        "DTEND;VALUE=DATE" => p.dtend = value.into(),
                        "SUMMARY" => p.summary = unescape(value),
                        "DESCRIPTION" => p.description = unescape(value),
                        "TRANSP" => assert_eq!(value, "TRANSPARENT"),
                        other => panic!("unexpected property {other}"),
                    }
                }
            }
        }
    }
    assert!(cur.is_none(), "VEVENT not closed");
    out
}

#[test]
fn escaping() {
    let cases = [
        ("plain", "plain"),
        (r"back\slash", r"back\\slash"),
        ("semi;colon", r"semi\;colon"),
        ("com,ma", r"com\,ma"),
        ("two\nlines", r"two\nlines"),
        ("crlf\r\nline", r"crlf\nline"),
        ("cr\rline", r"cr\nline"),
        ("colon: stays", "colon: stays"),
        ("tab\tstays", "tab\tstays"),
        ("bell\u{7}gone", "bellgone"),
        ("é€😀", "é€😀"),
        (r"a\,b;c", r"a\\\,b\;c"),
    ];
    for (input, want) in cases {
        assert_eq!(escape_text(input), want, "{input:?}");
        assert_eq!(
            unescape(&escape_text(input)),
            input
                .replace("\r\n", "\n")
                .replace('\r', "\n")
                .replace('\u{7}', "")
        );
    }
}

#[test]
fn folding_at_75_octets() {
    // (content line, expected physical lines)
    let a = |n: usize| "a".repeat(n);
    let cases: Vec<(String, Vec<String>)> = vec![
        (a(75), vec![a(75)]),
        (a(76), vec![a(75), format!(" {}", a(1))]),
        (a(75 + 74), vec![a(75), format!(" {}", a(74))]),
        (
            a(75 + 75),
            vec![a(75), format!(" {}", a(74)), format!(" {}", a(1))],
        ),
        // A 2-octet é at octets 75-76 does not fit: it moves to the next line.
        (format!("{}é", a(74)), vec![a(74), " é".into()]),
        // A 3-octet € that fits exactly.
        (format!("{}€", a(72)), vec![format!("{}€", a(72))]),
        // A 4-octet emoji straddling the boundary.
        (format!("{}😀b", a(73)), vec![a(73), " 😀b".into()]),
        (String::new(), vec![String::new()]),
    ];
    for (line, want) in cases {
        let folded = fold_line(&line);
        let got: Vec<&str> = folded.split("\r\n").collect();
        assert_eq!(got, want, "{line:?}");
        assert_eq!(folded.replace("\r\n ", ""), line);
    }
}

#[test]
fn folding_long_multibyte_lines() {
    for unit in ["é", "€", "😀", "aé", "a€b"] {
        let line = format!("SUMMARY:{}", unit.repeat(100));
        let folded = fold_line(&line);
        let lines: Vec<&str> = folded.split("\r\n").collect();
        assert!(lines.len() > 2, "{unit}: not folded");
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= 75, "{unit}: line {i} has {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '), "{unit}: continuation {i} without space");
            }
            if i + 1 < lines.len() {
                // Full unless the next character would not fit.
                let next = lines[i + 1].chars().nth(1).unwrap();
                assert!(
                    l.len() + next.len_utf8() > 75,
                    "{unit}: line {i} folded early ({} octets)",
                    l.len()
                );
            }
        }
        assert_eq!(folded.replace("\r\n ", ""), line);
    }
}

#[test]
fn calendar_structure_and_all_day_dates() {
    let events = [
        Event {
            uid: "acct-1-t90@am-planner".into(),
            date: d("2028-02-29"),
            summary: "Leap day; review, prep".into(),
            description: "Line one\nLine two".into(),
        },
        Event {
            uid: "acct-1-renewal@am-planner".into(),
            date: d("2026-12-31"),
            summary: "Year end".into(),
            description: String::new(),
        },
        Event {
            uid: "far".into(),
            date: d("9999-12-31"),
            summary: "cannot end in year 10000".into(),
            description: String::new(),
        },
    ];
    let ics = write_calendar("Renewals", &events, stamp());
    let lines = unfold(&ics);
    assert_eq!(
        lines[..6],
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//am-planner//Account Planner//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:Renewals",
        ]
    );
    let parsed = parse_events(&ics);
    assert_eq!(
        parsed,
        vec![
            Parsed {
                uid: "acct-1-t90@am-planner".into(),
                dtstamp: "20261122T194805Z".into(),
                dtstart: "20280229".into(),
                dtend: "20280301".into(),
                summary: "Leap day; review, prep".into(),
                description: "Line one\nLine two".into(),
            },
            Parsed {
                uid: "acct-1-renewal@am-planner".into(),
                dtstamp: "20261122T194805Z".into(),
                dtstart: "20261231".into(),
                dtend: "20270101".into(),
                summary: "Year end".into(),
                description: String::new(),
            },
        ]
    );
    assert!(ics.contains("SUMMARY:Leap day\\; review\\, prep\r\n"));
    assert!(ics.contains("DESCRIPTION:Line one\\nLine two\r\n"));
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        ics.matches("END:VEVENT").count()
    );
}

#[test]
fn empty_calendar_is_valid() {
    let ics = write_calendar("Renewals", &[], stamp());
    assert_eq!(parse_events(&ics), vec![]);
}

#[test]
fn timeline_export() {
    let mut r = Renewal::default();
    r.early_start = true;
    r.auto_renew = true;
    r.set_notice_days(Some(60)).unwrap();
    let today = d("2026-11-22");
    r.tick(
        TaskKey::Default(MilestoneKind::T180, "kickoff"),
        d("2026-10-01"),
        today,
    )
    .unwrap();
    let id = r
        .add_custom_task(MilestoneKind::T90, "Book the CFO; bring the ROI deck, v2")
        .unwrap();
    assert_eq!(id, 1);
    let tl = r.timeline(Some(d("2027-03-31")), 250_000.0).unwrap();
    let name = "Zoë & Söhne, GmbH; Zürich — a long name that will surely need folding somewhere";
    let ws = workspace("ws-one-1234");
    let events = timeline_events(&ws, AccountId(7), name, &tl);
    let uids: Vec<&str> = events.iter().map(|e| e.uid.as_str()).collect();
    assert_eq!(
        uids,
        [
            "acct-7-t180.ws-one-1234@am-planner",
            "acct-7-t120.ws-one-1234@am-planner",
            "acct-7-t90.ws-one-1234@am-planner",
            "acct-7-t60.ws-one-1234@am-planner",
            "acct-7-t30.ws-one-1234@am-planner",
            "acct-7-t7.ws-one-1234@am-planner",
            "acct-7-notice.ws-one-1234@am-planner",
            "acct-7-renewal.ws-one-1234@am-planner",
        ]
    );
    let ics = renewals_calendar(&ws, &[(AccountId(7), name, &tl)], stamp());
    let parsed = parse_events(&ics);
    assert_eq!(parsed.len(), 8);
    let starts: Vec<&str> = parsed.iter().map(|p| p.dtstart.as_str()).collect();
    assert_eq!(
        starts,
        [
            "20261002", "20261201", "20261231", "20270130", "20270301", "20270324", "20270130",
            "20270331"
        ]
    );
    let t180 = &parsed[0];
    assert_eq!(t180.summary, format!("T-180 Early kickoff: {name}"));
    assert!(
        t180.description
            .contains("\n[x] (done 2026-10-01) Hold an internal kickoff"),
        "{}",
        t180.description
    );
    assert!(t180.description.contains("1 of 3 tasks done"));
    let t90 = &parsed[2];
    assert!(
        t90.description
            .ends_with("\n[ ] Book the CFO; bring the ROI deck, v2"),
        "{}",
        t90.description
    );
    assert_eq!(parsed[6].summary, format!("Notice deadline: {name}"));
    assert!(parsed[6].description.contains("renews by itself"));
    assert_eq!(parsed[7].summary, format!("Renewal: {name}"));
    // The long name forced folding somewhere, and every physical line passed the checks.
    assert!(ics.contains("\r\n "));
}

#[test]
fn file_name() {
    assert_eq!(ics_file_name(d("2026-11-22")), "renewals-2026-11-22.ics");
}

fn workspace(id: &str) -> WorkspaceId {
    WorkspaceId::parse(id).unwrap()
}

/// The UIDs of a calendar, in order.
fn uids_of(ics: &str) -> Vec<String> {
    parse_events(ics).into_iter().map(|p| p.uid).collect()
}

/// A calendar app matches events by UID: a second export of the same workspace (even
/// after edits, on another day, after the file moved to another browser) must give the
/// same UIDs, so it updates events; another workspace, whose account ids are the same
/// small numbers, must give other UIDs, so it never overwrites them.
#[test]
fn uids_are_stable_per_workspace_and_differ_between_workspaces() {
    let today = d("2026-11-22");
    let mut ws = am_planner::demo::demo_workspace(today);
    ws.id = Some(workspace("5f0c2a8e-3b1d-4c7a-9e64-2d8b7f1a0c93"));
    let first =
        am_planner::format::ics::accounts_calendar(ws.id.as_ref().unwrap(), ws.accounts(), stamp());

    // Through a file export and import: the id travels, the UIDs stay.
    let moved = am_planner::format::decode(&am_planner::format::encode(&ws, None), read_day())
        .unwrap()
        .workspace;
    let later = NaiveDateTime::parse_from_str("2027-01-05 08:00:00", "%Y-%m-%d %H:%M:%S").unwrap();
    let again = am_planner::format::ics::accounts_calendar(
        moved.id.as_ref().unwrap(),
        moved.accounts(),
        later,
    );
    assert!(!uids_of(&first).is_empty());
    assert_eq!(uids_of(&first), uids_of(&again));
    assert_ne!(first, again, "only the UIDs are compared: DTSTAMP moved on");

    // Unique within one calendar.
    let mut seen = std::collections::HashSet::new();
    for u in uids_of(&first) {
        assert!(seen.insert(u.clone()), "UID {u} twice");
    }

    // Another workspace with the very same accounts and ids: no UID in common.
    let other = workspace("0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70");
    let theirs = am_planner::format::ics::accounts_calendar(&other, ws.accounts(), stamp());
    let mine: std::collections::HashSet<String> = uids_of(&first).into_iter().collect();
    assert_eq!(uids_of(&theirs).len(), mine.len());
    assert!(uids_of(&theirs).iter().all(|u| !mine.contains(u)));
}

#[test]
fn new_workspace_ids_are_uuids_and_file_ids_are_checked() {
    let id = WorkspaceId::from_random([0xff; 16]);
    assert_eq!(id.as_str(), "ffffffff-ffff-4fff-bfff-ffffffffffff");
    let id = WorkspaceId::from_random([0; 16]);
    assert_eq!(id.as_str(), "00000000-0000-4000-8000-000000000000");
    assert!(WorkspaceId::parse(id.as_str()).is_ok());
    let cases: &[(&str, Result<(), &str>)] = &[
        ("abcdefgh", Ok(())),
        (
            "A_b-9",
            Err("a workspace id has 8 to 64 characters; this one has 5"),
        ),
        (
            &"x".repeat(65),
            Err("a workspace id has 8 to 64 characters; this one has 65"),
        ),
        (
            "abcd efgh",
            Err("a workspace id holds only letters, digits, - and _; found ' '"),
        ),
        (
            "abcd@efgh",
            Err("a workspace id holds only letters, digits, - and _; found '@'"),
        ),
        (
            "abcdéfgh",
            Err("a workspace id holds only letters, digits, - and _; found 'é'"),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(
            WorkspaceId::parse(text).map(|_| ()),
            expected.map_err(FieldError::bare),
            "{text}"
        );
    }
}
