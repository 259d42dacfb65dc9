//! Renewal, expansion and save-plan data for the demo workspace. Called once from
//! [`super::demo_workspace`] after the accounts exist; every date is relative to
//! `today`, so the demo tells the same story on any day:
//!
//! - Northwind Logistics: early start, worked in good time (on track), one task of T-90
//!   still open and late, a task of the AM's own, 60 days' notice, an upsell pitched
//!   before ROI is written down (the warning shows).
//! - Helix Biotech: far out, every readiness item met (ready to expand into Basel).
//! - Cobalt Retail Group: renewal date passed (overdue) with most of the work done.
//! - Fjord Energy: group-wide deal as an identified opportunity.
//! - Brightpath Learning: nothing started with 45 days to go (late), and an open save
//!   plan with one step overdue.
//! - Quarry & Vale Legal: auto-renews, 30 days' notice.
//! - Tidewater Hospitality: seat expansion for their new resorts.
//! - Orbit Analytics: nothing done and T-30 passed (critical).
//!
//! Accounts are found by name; a missing one is skipped, so the demo list can change.

use chrono::NaiveDate;

use crate::domain::account::Account;
use crate::domain::expansion::{OpportunityDraft, OpportunityType, ReadinessTicks, Stage};
use crate::domain::renewal::{days_after, days_before, MilestoneKind, TaskKey};
use crate::domain::save_plan::{RootCause, StepKind};
use crate::domain::workspace::Workspace;

fn account_mut<'a>(ws: &'a mut Workspace, name: &str) -> Option<&'a mut Account> {
    let id = ws.accounts().iter().find(|a| a.fields.name == name)?.id;
    ws.account_mut(id)
}

/// Ticks default tasks, each `(milestone, task key, days ago)`.
fn tick(a: &mut Account, today: NaiveDate, marks: &[(MilestoneKind, &'static str, u32)]) {
    for &(m, k, ago) in marks {
        let _ = a
            .renewal
            .tick(TaskKey::Default(m, k), days_before(today, ago), today);
    }
}

struct Opp {
    kind: OpportunityType,
    description: &'static str,
    trigger: &'static str,
    owner: &'static str,
    target_in_days: u32,
    arr: f64,
    stage: Stage,
}

fn add_opp(a: &mut Account, today: NaiveDate, o: Opp) {
    let _ = a.expansion.add(OpportunityDraft {
        kind: o.kind,
        description: o.description.into(),
        trigger: o.trigger.into(),
        owner: o.owner.into(),
        target_date: Some(days_after(today, o.target_in_days)),
        estimated_arr: o.arr,
        stage: o.stage,
    });
}

/// Adds the renewal progress, opportunities and the open save plan to the demo accounts.
pub fn seed(ws: &mut Workspace, today: NaiveDate) {
    use MilestoneKind::*;

    if let Some(a) = account_mut(ws, "Northwind Logistics") {
        a.renewal.early_start = true;
        let _ = a.renewal.set_notice_days(Some(60));
        tick(
            a,
            today,
            &[
                (T180, "kickoff", 110),
                (T180, "map_signers", 100),
                (T180, "value_story", 96),
                (T120, "forecast", 48),
                (T120, "roi", 44),
                (T120, "risks", 41),
                (T90, "qbr", 16),
                (T90, "expansion", 16),
            ],
        );
        let _ = a
            .renewal
            .add_custom_task(T60, "Prepare the cost review the new CFO asked for");
        a.expansion.ticks = ReadinessTicks {
            champion_active: true,
            ..Default::default()
        };
        add_opp(
            a,
            today,
            Opp {
                kind: OpportunityType::ModuleUpsell,
                description: "Analytics for the finance team (cost per route)",
                trigger: "The new CFO wants cost per route before renewal",
                owner: "Priya Raman",
                target_in_days: 60,
                arr: 45_000.0,
                stage: Stage::Qualifying,
            },
        );
    }

    if let Some(a) = account_mut(ws, "Helix Biotech") {
        let _ = a.renewal.set_notice_days(Some(90));
        a.expansion.ticks = ReadinessTicks {
            roi_documented: true,
            champion_active: true,
            buyer_aware_of_value: true,
            new_use_case_or_team: true,
        };
        add_opp(
            a,
            today,
            Opp {
                kind: OpportunityType::NewBusinessUnit,
                description: "Roll out sample tracking to the Basel site",
                trigger: "Boston lab champion is pushing it with the Basel lead",
                owner: "Priya Raman",
                target_in_days: 120,
                arr: 90_000.0,
                stage: Stage::Qualifying,
            },
        );
    }

    if let Some(a) = account_mut(ws, "Cobalt Retail Group") {
        let _ = a.renewal.set_notice_days(Some(60));
        tick(
            a,
            today,
            &[
                (T120, "forecast", 145),
                (T120, "roi", 140),
                (T120, "risks", 138),
                (T90, "qbr", 112),
                (T90, "commercials", 105),
                (T60, "proposal", 80),
                (T60, "legal", 85),
                (T60, "objections", 60),
                (T30, "follow_up", 45),
            ],
        );
        let _ = a
            .renewal
            .add_custom_task(T30, "Get their legal to sign off the data-processing terms");
    }

    if let Some(a) = account_mut(ws, "Fjord Energy") {
        let _ = a.renewal.set_notice_days(Some(90));
        a.expansion.ticks = ReadinessTicks {
            roi_documented: true,
            buyer_aware_of_value: true,
            ..Default::default()
        };
        add_opp(
            a,
            today,
            Opp {
                kind: OpportunityType::NewBusinessUnit,
                description: "Group-wide agreement covering the two sister utilities",
                trigger: "Group procurement asked for a single contract",
                owner: "Marco Silva",
                target_in_days: 200,
                arr: 150_000.0,
                stage: Stage::Identified,
            },
        );
    }

    if let Some(a) = account_mut(ws, "Brightpath Learning") {
        let _ = a.renewal.set_notice_days(Some(30));
        let arr = a.fields.arr;
        let opened = days_before(today, 10);
        if a.save_plans.open(opened, arr, "Priya Raman", today).is_ok() {
            if let Some(p) = a.save_plans.current_mut() {
                p.root_cause = Some(RootCause::ProductGap);
                for (step, ago) in [
                    (StepKind::Triage, 9),
                    (StepKind::TellLeadership, 9),
                    (StepKind::ExecutiveOutreach, 7),
                ] {
                    let _ = p.tick(step, days_before(today, ago), today);
                }
            }
        }
    }

    if let Some(a) = account_mut(ws, "Quarry & Vale Legal") {
        a.renewal.auto_renew = true;
        let _ = a.renewal.set_notice_days(Some(30));
    }

    if let Some(a) = account_mut(ws, "Tidewater Hospitality") {
        let _ = a.renewal.set_notice_days(Some(60));
        a.expansion.ticks = ReadinessTicks {
            champion_active: true,
            new_use_case_or_team: true,
            ..Default::default()
        };
        add_opp(
            a,
            today,
            Opp {
                kind: OpportunityType::SeatExpansion,
                description: "Seats for the two resorts opening next season",
                trigger: "Asked how to add their new resorts",
                owner: "Dana Whitfield",
                target_in_days: 150,
                arr: 18_000.0,
                stage: Stage::Identified,
            },
        );
    }
    // Orbit Analytics: left untouched on purpose (nothing done, T-30 passed: critical).
}
