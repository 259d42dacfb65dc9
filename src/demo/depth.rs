//! Demo account depth (docs/account-depth.md): a white space grid, commitments and an
//! escalation on Northwind Logistics, and a small grid on Tidewater Hospitality, so the
//! tabs show what they are for. Dates are relative to `today`.

use chrono::{Duration, NaiveDate};

use crate::domain::commitments::{Commitment, Status};
use crate::domain::depth::around;
use crate::domain::escalations::{Escalation, Severity, Step};
use crate::domain::white_space::{Axis, Cell};
use crate::domain::{Account, Workspace};

fn account<'a>(ws: &'a mut Workspace, name: &str) -> Option<&'a mut Account> {
    let id = ws.accounts().iter().find(|a| a.fields.name == name)?.id;
    ws.account_mut(id)
}

fn grid(a: &mut Account, added: &[(Axis, &str)], cells: &[(&str, &str, Cell)]) {
    let mut g = a.white_space.clone();
    for (axis, label) in added {
        let _ = g.add_line(around(a), *axis, label);
    }
    for (r, c, cell) in cells {
        let _ = g.set(around(a), r, c, Some(*cell));
    }
    a.white_space = g;
}

pub fn seed(ws: &mut Workspace, today: NaiveDate) {
    let day = |n: i64| today + Duration::days(n);
    if let Some(a) = account(ws, "Northwind Logistics") {
        grid(
            a,
            &[(Axis::Column, "Mobile app")],
            &[
                (
                    "Operations",
                    "Platform",
                    Cell::Owned {
                        arr: Some(96_000.0),
                    },
                ),
                (
                    "Operations",
                    "Analytics",
                    Cell::Owned {
                        arr: Some(28_000.0),
                    },
                ),
                ("Operations", "Premium support", Cell::Owned { arr: None }),
                ("Operations", "Mobile app", Cell::Open),
                ("Finance", "Platform", Cell::Owned { arr: None }),
                ("Finance", "Analytics", Cell::Open),
                ("IT", "Analytics", Cell::Pipeline { opportunity: None }),
                ("IT", "Platform", Cell::Open),
                ("Procurement", "Mobile app", Cell::NotAFit),
            ],
        );
        let person = |a: &Account, name: &str| {
            a.stakeholders
                .people()
                .iter()
                .find(|p| p.fields.name == name)
                .map(|p| p.id)
        };
        let to = person(a, "Tomas Okafor");
        let mut kept = Commitment::new("Share the depot rollout plan for next quarter", day(-20));
        kept.to_whom = to;
        kept.owner = "Priya Raman".into();
        kept.status = Status::Kept(day(-21));
        kept.evidence = "Plan sent and walked through; all depots have a go-live week".into();
        let mut overdue = Commitment::new("Send the peak-season capacity test results", day(-3));
        overdue.to_whom = to;
        overdue.owner = "Priya Raman".into();
        let mut soon = Commitment::new("Book the analytics training for the finance team", day(4));
        soon.owner = "Priya Raman".into();
        for c in [kept, overdue, soon] {
            let _ = a.commitments.add(&a.stakeholders, c, today);
        }
        let mut e = Escalation::new(
            "Route planning slows down for depots with more than 400 stops",
            Severity::High,
            day(-9),
        );
        e.owner = "Priya Raman".into();
        e.next_update = Some(day(-2));
        e.done[Step::Clarify as usize] = Some(day(-9));
        e.done[Step::SetOwner as usize] = Some(day(-8));
        e.done[Step::TellTimeline as usize] = Some(day(-8));
        let _ = a.escalations.add(e, today);
    }
    if let Some(a) = account(ws, "Tidewater Hospitality") {
        grid(
            a,
            &[],
            &[
                ("Housekeeping", "Platform", Cell::Owned { arr: None }),
                ("Housekeeping", "Mobile app", Cell::Owned { arr: None }),
                ("Maintenance", "Platform", Cell::Owned { arr: None }),
                ("Maintenance", "Mobile app", Cell::Open),
                ("Development", "Platform", Cell::Open),
                ("Operations", "Mobile app", Cell::NotAFit),
            ],
        );
    }
}
