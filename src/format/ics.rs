//! iCalendar (RFC 5545) export of renewal milestones as all-day events.
//!
//! Rules followed, each tested in `tests/ics.rs`:
//! - every line ends with CRLF (3.1);
//! - a content line longer than 75 octets is folded: CRLF then one space, never inside a
//!   UTF-8 character; each physical line is at most 75 octets, the leading space included;
//! - TEXT values escape backslash, semicolon and comma with a backslash, and newlines as
//!   `\n` (3.3.11); other control characters are dropped;
//! - VCALENDAR carries VERSION:2.0 and PRODID; each VEVENT has UID, DTSTAMP (UTC, given by
//!   the caller: no clock here), DTSTART;VALUE=DATE and DTEND;VALUE=DATE the day after
//!   (an all-day event, RFC 5545 3.6.1), SUMMARY and DESCRIPTION.
//!
//! One event per milestone (its tasks listed in the description), one for the notice
//! deadline and one for the renewal date. UIDs are built from the workspace id, the
//! account id and the milestone (`acct-7-t90.<workspace id>@am-planner`): stable across
//! exports of one workspace, so importing a newer export updates events rather than
//! duplicating them, and different between workspaces, whose account ids overlap. Dates outside years 1-9999 cannot be written as `YYYYMMDD`; such
//! events are skipped.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use crate::domain::renewal::Timeline;
use crate::domain::{AccountId, WorkspaceId};

pub const PRODID: &str = "-//am-planner//Account Planner//EN";
pub const UID_DOMAIN: &str = "am-planner";
/// Longest physical line in octets, CRLF excluded.
pub const MAX_LINE_OCTETS: usize = 75;

/// An all-day event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub uid: String,
    pub date: NaiveDate,
    pub summary: String,
    pub description: String,
}

/// Escapes a TEXT value (RFC 5545 3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (without its CRLF) into physical lines of at most 75 octets,
/// joined by CRLF + space. Splits only between UTF-8 characters.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut used = 0; // octets on the current physical line
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out
}

/// `YYYYMMDD`, or `None` outside years 1 to 9999.
pub fn ics_date(d: NaiveDate) -> Option<String> {
    if (1..=9999).contains(&d.year()) {
        Some(format!("{:04}{:02}{:02}", d.year(), d.month(), d.day()))
    } else {
        None
    }
}

/// `YYYYMMDDTHHMMSSZ` for a UTC time.
pub fn ics_utc(t: NaiveDateTime) -> String {
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        t.year(),
        t.month(),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// A whole calendar: CRLF line endings, folded lines. `dtstamp` is the export time, UTC.
pub fn write_calendar(name: &str, events: &[Event], dtstamp: NaiveDateTime) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape_text(name)),
    ];
    let stamp = ics_utc(dtstamp);
    for e in events {
        let (Some(start), Some(end)) = (ics_date(e.date), e.date.succ_opt().and_then(ics_date))
        else {
            continue;
        };
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", escape_text(&e.uid)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{start}"));
        lines.push(format!("DTEND;VALUE=DATE:{end}"));
        lines.push(format!("SUMMARY:{}", escape_text(&e.summary)));
        lines.push(format!("DESCRIPTION:{}", escape_text(&e.description)));
        lines.push("TRANSP:TRANSPARENT".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for l in lines {
        out.push_str(&fold_line(&l));
        out.push_str("\r\n");
    }
    out
}

/// `acct-7-t90.<workspace id>@am-planner`.
pub fn uid(workspace: &WorkspaceId, account: AccountId, part: &str) -> String {
    format!(
        "acct-{}-{part}.{}@{UID_DOMAIN}",
        account.0,
        workspace.as_str()
    )
}

/// The events of one account's timeline: each milestone, the notice deadline (when set)
/// and the renewal date.
pub fn timeline_events(
    workspace: &WorkspaceId,
    account: AccountId,
    name: &str,
    timeline: &Timeline,
) -> Vec<Event> {
    let mut out = Vec::new();
    for m in &timeline.milestones {
        let mut description = format!(
            "{} renews on {}. {} of {} tasks done.\n",
            name,
            timeline.renewal_date,
            m.done_count(),
            m.tasks.len()
        );
        for t in &m.tasks {
            let mark = match t.done_on {
                Some(d) => format!("[x] (done {d})"),
                None => "[ ]".into(),
            };
            description.push_str(&format!("\n{mark} {}", t.text));
        }
        out.push(Event {
            uid: uid(workspace, account, m.kind.key()),
            date: m.due,
            summary: format!("{} {}: {}", m.kind.label(), m.kind.title(), name),
            description,
        });
    }
    if let Some(d) = timeline.notice_deadline {
        let description = if timeline.auto_renew {
            format!(
                "Last day to give notice before {name} renews on {}. The contract renews by itself after this.",
                timeline.renewal_date
            )
        } else {
            format!(
                "Last day to give notice before {name} renews on {}.",
                timeline.renewal_date
            )
        };
        out.push(Event {
            uid: uid(workspace, account, "notice"),
            date: d,
            summary: format!("Notice deadline: {name}"),
            description,
        });
    }
    out.push(Event {
        uid: uid(workspace, account, "renewal"),
        date: timeline.renewal_date,
        summary: format!("Renewal: {name}"),
        description: format!("{name} renews today."),
    });
    out
}

/// The export of every account's timeline as one calendar.
pub fn renewals_calendar(
    workspace: &WorkspaceId,
    accounts: &[(AccountId, &str, &Timeline)],
    dtstamp: NaiveDateTime,
) -> String {
    let events: Vec<Event> = accounts
        .iter()
        .flat_map(|&(id, name, tl)| timeline_events(workspace, id, name, tl))
        .collect();
    write_calendar("Renewals", &events, dtstamp)
}

/// A suggested file name for an export made on `date`.
pub fn ics_file_name(date: NaiveDate) -> String {
    format!("renewals-{date}.ics")
}

/// The export of every account that has a renewal date, as the workspace holds them.
pub fn accounts_calendar(
    workspace: &WorkspaceId,
    accounts: &[crate::domain::Account],
    dtstamp: NaiveDateTime,
) -> String {
    let timelines = crate::domain::portfolio::portfolio_timelines(accounts);
    let rows: Vec<(AccountId, &str, &Timeline)> =
        timelines.iter().map(|(id, n, t)| (*id, *n, t)).collect();
    renewals_calendar(workspace, &rows, dtstamp)
}
