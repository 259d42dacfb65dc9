//! The demo accounts' ARR history: each was a customer for a year before its current
//! contract, and its renewal into that contract closed flat, with an uplift or with a
//! downsell; some expanded mid-term. So the KPI page has quarters to show on first open.

use chrono::{Months, NaiveDate};

use crate::domain::arr::{ArrEvent, ArrKind, ArrLog};
use crate::domain::workspace::Workspace;

pub(super) fn seed(ws: &mut Workspace, today: NaiveDate) {
    let ids: Vec<_> = ws.accounts().iter().map(|a| a.id).collect();
    for (i, id) in ids.into_iter().enumerate() {
        let Some(a) = ws.account_mut(id) else {
            continue;
        };
        let (Some(start), arr) = (a.fields.contract_start, a.fields.arr) else {
            continue;
        };
        let Some(opened) = start.checked_sub_months(Months::new(12)) else {
            continue;
        };
        let ev = |date, kind, amount: f64| ArrEvent {
            date,
            kind,
            amount,
            note: String::new(),
        };
        // A tenth of the ARR, whole, as the change at renewal or mid-term.
        let tenth = (arr / 10.0).round();
        let mid_term = start
            .checked_add_months(Months::new(4))
            .filter(|d| *d <= today);
        let events = match (i % 4, mid_term) {
            (0, _) => vec![
                ev(opened, ArrKind::New, arr - tenth),
                ev(start, ArrKind::Renewal, 0.0),
                ArrEvent {
                    note: "Uplift at renewal".into(),
                    ..ev(start, ArrKind::Expansion, tenth)
                },
            ],
            (1, _) => vec![
                ev(opened, ArrKind::New, arr + tenth),
                ev(start, ArrKind::Renewal, 0.0),
                ArrEvent {
                    note: "Fewer seats at renewal".into(),
                    ..ev(start, ArrKind::Contraction, -tenth)
                },
            ],
            (3, Some(mid)) => vec![
                ev(opened, ArrKind::New, arr - tenth),
                ev(start, ArrKind::Renewal, 0.0),
                ArrEvent {
                    note: "Added a module".into(),
                    ..ev(mid, ArrKind::Expansion, tenth)
                },
            ],
            _ => vec![
                ev(opened, ArrKind::New, arr),
                ev(start, ArrKind::Renewal, 0.0),
            ],
        };
        if let Ok(log) = ArrLog::new(events) {
            if log.total() == arr {
                a.set_arr_log(log);
            }
        }
    }
}
