//! Stakeholder power grid (docs/domain.md#stakeholders): quadrants, moves, validation, risks
//! at their thresholds, org chart, dot layout, and the file format.

mod common;
use common::read_day;
use std::collections::BTreeSet;

use am_planner::domain::stakeholders::{
    assess, grid_layout, org_chart, placement_for_move, quadrant_at, single_thread_reasons,
    sort_people, Frequency, GridArea, Influence, Move, OrgNote, Quadrant, RiskKind, Role,
    Sentiment, SortColumn, SortOrder, Stakeholder, StakeholderField, StakeholderFields,
    StakeholderId, StakeholderMap, ThreadReason,
};
use am_planner::domain::{AccountFields, Currency, FieldError, Tier, Workspace};
use am_planner::format::{decode, encode, ImportError};
use chrono::{Duration, NaiveDate};
use proptest::prelude::*;
use serde_json::{json, Value};

use common::ymd as day;

fn today() -> NaiveDate {
    day(2026, 6, 15)
}

fn inf(n: u8) -> Influence {
    Influence::new(n).unwrap()
}

/// A person with a name, influence and sentiment; everything else empty.
fn who(name: &str, influence: u8, sentiment: Sentiment) -> StakeholderFields {
    StakeholderFields {
        name: name.into(),
        influence: inf(influence),
        sentiment,
        ..Default::default()
    }
}

fn with_roles(mut f: StakeholderFields, roles: &[Role]) -> StakeholderFields {
    f.roles = roles.iter().copied().collect();
    f
}

fn owned(mut f: StakeholderFields, owner: &str) -> StakeholderFields {
    f.owner = owner.into();
    f
}

fn left(mut f: StakeholderFields) -> StakeholderFields {
    f.left_company = true;
    f
}

fn map_of(people: Vec<StakeholderFields>) -> StakeholderMap {
    let mut m = StakeholderMap::new();
    for f in people {
        m.add(f, today()).unwrap();
    }
    m
}

fn id(n: u32) -> StakeholderId {
    StakeholderId(n)
}

// ---------------------------------------------------------------------------------------
// Quadrants and moves

#[test]
fn quadrant_at_every_influence_and_sentiment() {
    use Quadrant::*;
    use Sentiment::*;
    // (influence, sentiment, quadrant): every combination, boundaries 3|4 and neutral|supporter.
    let cases = [
        (1, StrongDetractor, Monitor),
        (1, Detractor, Monitor),
        (1, Neutral, Monitor),
        (1, Supporter, Leverage),
        (1, Champion, Leverage),
        (2, Neutral, Monitor),
        (2, Supporter, Leverage),
        (3, StrongDetractor, Monitor),
        (3, Neutral, Monitor),
        (3, Supporter, Leverage),
        (3, Champion, Leverage),
        (4, StrongDetractor, Mobilize),
        (4, Detractor, Mobilize),
        (4, Neutral, Mobilize),
        (4, Supporter, ProtectAndGrow),
        (4, Champion, ProtectAndGrow),
        (5, Neutral, Mobilize),
        (5, Supporter, ProtectAndGrow),
        (5, Champion, ProtectAndGrow),
    ];
    for (i, s, q) in cases {
        assert_eq!(Quadrant::of(inf(i), s), q, "influence {i}, {s:?}");
    }
}

#[test]
fn influence_is_validated() {
    let cases: [(u8, Result<u8, &str>); 4] = [
        (0, Err("Influence goes from 1 to 5; 0 is outside that.")),
        (1, Ok(1)),
        (5, Ok(5)),
        (6, Err("Influence goes from 1 to 5; 6 is outside that.")),
    ];
    for (n, expected) in cases {
        assert_eq!(
            Influence::new(n).map(Influence::get),
            expected.map_err(FieldError::bare),
            "{n}"
        );
    }
    assert_eq!(Influence::parse(" 4 ").map(Influence::get), Ok(4));
    assert_eq!(
        Influence::parse("high").map(Influence::get),
        Err(FieldError::bare(
            "Pick an influence from 1 to 5 (\"high\" is not one)."
        ))
    );
    assert!(!inf(3).is_high());
    assert!(inf(4).is_high());
}

#[test]
fn moving_between_quadrants_changes_the_least() {
    use Quadrant::*;
    use Sentiment::*;
    // (influence, sentiment, target) -> (influence, sentiment)
    let cases = [
        // Mobilize -> Protect & Grow: influence kept, sentiment to supporter.
        ((5, Detractor), ProtectAndGrow, (5, Supporter)),
        ((4, Neutral), ProtectAndGrow, (4, Supporter)),
        // Monitor -> Mobilize: influence up to 4, sentiment kept.
        ((1, StrongDetractor), Mobilize, (4, StrongDetractor)),
        ((3, Neutral), Mobilize, (4, Neutral)),
        // Protect & Grow -> Monitor: both cross a line.
        ((5, Champion), Monitor, (3, Neutral)),
        // Leverage -> Protect & Grow keeps champion.
        ((2, Champion), ProtectAndGrow, (4, Champion)),
        // Protect & Grow -> Leverage keeps sentiment, influence to 3.
        ((4, Supporter), Leverage, (3, Supporter)),
        // Already there: nothing changes.
        ((2, Detractor), Monitor, (2, Detractor)),
        ((5, Champion), ProtectAndGrow, (5, Champion)),
    ];
    for ((i, s), target, (ei, es)) in cases {
        let (ni, ns) = placement_for_move(inf(i), s, target);
        assert_eq!((ni.get(), ns), (ei, es), "{i} {s:?} -> {target:?}");
        assert_eq!(Quadrant::of(ni, ns), target);
    }
}

#[test]
fn keyboard_neighbours() {
    use Move::*;
    use Quadrant::*;
    let cases = [
        (Mobilize, Right, Some(ProtectAndGrow)),
        (Mobilize, Down, Some(Monitor)),
        (Mobilize, Up, None),
        (Mobilize, Left, None),
        (ProtectAndGrow, Left, Some(Mobilize)),
        (ProtectAndGrow, Down, Some(Leverage)),
        (ProtectAndGrow, Right, None),
        (Monitor, Up, Some(Mobilize)),
        (Monitor, Right, Some(Leverage)),
        (Monitor, Down, None),
        (Leverage, Up, Some(ProtectAndGrow)),
        (Leverage, Left, Some(Monitor)),
        (Leverage, Down, None),
    ];
    for (q, m, expected) in cases {
        assert_eq!(q.neighbour(m), expected, "{q:?} {m:?}");
    }
}

#[test]
fn point_to_quadrant_for_drops() {
    use Quadrant::*;
    let cases = [
        ((10.0, 10.0), Some(Mobilize)),
        ((390.0, 10.0), Some(ProtectAndGrow)),
        ((10.0, 290.0), Some(Monitor)),
        ((390.0, 290.0), Some(Leverage)),
        ((200.0, 149.9), Some(ProtectAndGrow)),
        ((199.9, 150.0), Some(Monitor)),
        ((-1.0, 10.0), None),
        ((10.0, 300.1), None),
    ];
    for ((x, y), expected) in cases {
        assert_eq!(quadrant_at(x, y, 400.0, 300.0), expected, "({x}, {y})");
    }
}

#[test]
fn move_to_updates_the_person() {
    let mut m = map_of(vec![who("Ana", 5, Sentiment::Detractor)]);
    assert!(m.move_to(id(1), Quadrant::ProtectAndGrow));
    let p = m.get(id(1)).unwrap();
    assert_eq!(
        (p.fields.influence.get(), p.fields.sentiment),
        (5, Sentiment::Supporter)
    );
    assert_eq!(p.quadrant(), Quadrant::ProtectAndGrow);
    assert!(!m.move_to(id(9), Quadrant::Monitor));
}

// ---------------------------------------------------------------------------------------
// Editing and validation

/// A refusal at a person's field: its path is the field's key.
fn err(field: StakeholderField, message: &str) -> FieldError {
    FieldError::new(field.key(), message)
}

#[test]
fn add_refuses_bad_fields() {
    let mut base = StakeholderMap::new();
    base.add(who("Ana Ruiz", 4, Sentiment::Supporter), today())
        .unwrap();
    let cases: Vec<(StakeholderFields, Vec<FieldError>)> = vec![
        (
            who("   ", 3, Sentiment::Neutral),
            vec![err(StakeholderField::Name, "Give the person a name.")],
        ),
        (
            who(&"x".repeat(121), 3, Sentiment::Neutral),
            vec![err(
                StakeholderField::Name,
                "Keep this under 120 characters.",
            )],
        ),
        (
            StakeholderFields {
                notes: "n".repeat(5001),
                ..who("Ben", 3, Sentiment::Neutral)
            },
            vec![err(
                StakeholderField::Notes,
                "Keep this under 5000 characters.",
            )],
        ),
        (
            StakeholderFields {
                last_contact: Some(today() + Duration::days(1)),
                ..who("Ben", 3, Sentiment::Neutral)
            },
            vec![err(
                StakeholderField::LastContact,
                "16 Jun 2026 is in the future; the last contact is a day that already happened.",
            )],
        ),
        (
            StakeholderFields {
                reports_to: Some(id(7)),
                ..who("Ben", 3, Sentiment::Neutral)
            },
            vec![err(
                StakeholderField::ReportsTo,
                "That manager is no longer on the map; pick someone else.",
            )],
        ),
        (
            StakeholderFields {
                last_contact: Some(today()),
                reports_to: Some(id(1)),
                ..who("Ben", 3, Sentiment::Neutral)
            },
            vec![],
        ),
    ];
    for (fields, expected) in cases {
        let mut m = base.clone();
        let got = m.add(fields.clone(), today());
        if expected.is_empty() {
            assert_eq!(got, Ok(id(2)), "{fields:?}");
            assert_eq!(m.len(), 2);
        } else {
            assert_eq!(got, Err(expected), "{fields:?}");
            assert_eq!(m, base, "nothing changes on refusal");
        }
    }
}

#[test]
fn update_refuses_self_and_loops() {
    // Cy -> Ben -> Ana (Cy reports to Ben, Ben to Ana).
    let mut m = map_of(vec![who("Ana", 5, Sentiment::Neutral)]);
    m.add(
        StakeholderFields {
            reports_to: Some(id(1)),
            ..who("Ben", 4, Sentiment::Neutral)
        },
        today(),
    )
    .unwrap();
    m.add(
        StakeholderFields {
            reports_to: Some(id(2)),
            ..who("Cy", 2, Sentiment::Neutral)
        },
        today(),
    )
    .unwrap();
    let before = m.clone();
    let cases = [
        (id(1), Some(id(1)), Err(vec![err(StakeholderField::ReportsTo, "A person cannot report to themselves.")])),
        (id(1), Some(id(3)), Err(vec![err(StakeholderField::ReportsTo, "Cy already reports up to Ana, so Ana cannot report to them: that would make a loop.")])),
        (id(1), Some(id(2)), Err(vec![err(StakeholderField::ReportsTo, "Ben already reports up to Ana, so Ana cannot report to them: that would make a loop.")])),
        (id(2), Some(id(3)), Err(vec![err(StakeholderField::ReportsTo, "Cy already reports up to Ben, so Ben cannot report to them: that would make a loop.")])),
        (id(3), Some(id(1)), Ok(())),
        (id(2), None, Ok(())),
    ];
    for (who_id, manager, expected) in cases {
        let mut m = before.clone();
        let mut fields = m.get(who_id).unwrap().fields.clone();
        fields.reports_to = manager;
        assert_eq!(
            m.update(who_id, fields.clone(), today()),
            expected,
            "{who_id:?} -> {manager:?}"
        );
        if expected.is_ok() {
            assert_eq!(m.get(who_id).unwrap().fields, fields);
        } else {
            assert_eq!(m, before);
        }
    }
    let mut m2 = before.clone();
    assert_eq!(
        m2.update(id(9), who("Zed", 1, Sentiment::Neutral), today()),
        Err(vec![err(
            StakeholderField::Id,
            "This person is no longer on the map."
        )])
    );
    // Manager choices for Ben: not Ben, not Cy (under Ben); sorted by name.
    assert_eq!(before.manager_choices(Some(id(2))), vec![id(1)]);
    assert_eq!(
        before.manager_choices(Some(id(1))),
        Vec::<StakeholderId>::new()
    );
    assert_eq!(before.manager_choices(None), vec![id(1), id(2), id(3)]);
    assert_eq!(before.reports_of(id(1)), vec![id(2)]);
}

#[test]
fn remove_clears_reports_and_undo_restores() {
    let mut m = map_of(vec![who("Ana", 5, Sentiment::Neutral)]);
    for name in ["Ben", "Cy"] {
        m.add(
            StakeholderFields {
                reports_to: Some(id(1)),
                ..who(name, 2, Sentiment::Neutral)
            },
            today(),
        )
        .unwrap();
    }
    let before = m.clone();
    let removed = m.remove(id(1)).unwrap();
    assert_eq!(removed.index, 0);
    assert_eq!(removed.former_reports, vec![id(2), id(3)]);
    assert_eq!(
        m.people()
            .iter()
            .map(|p| p.fields.reports_to)
            .collect::<Vec<_>>(),
        vec![None, None]
    );
    assert_eq!(m.remove(id(1)), None);
    m.undo_remove(removed);
    assert_eq!(m, before);
    // A new person after an undo never reuses an id.
    assert_eq!(m.add(who("Dee", 1, Sentiment::Neutral), today()), Ok(id(4)));
}

#[test]
fn review_and_freshness() {
    let mut m = map_of(vec![StakeholderFields {
        frequency: Some(Frequency::Weekly),
        last_contact: Some(day(2026, 6, 1)),
        ..who("Ana", 4, Sentiment::Neutral)
    }]);
    assert_eq!(m.last_reviewed(), None);
    m.mark_reviewed(day(2026, 6, 10));
    assert_eq!(m.last_reviewed(), Some(day(2026, 6, 10)));
    assert_eq!(m.days_since_review(today()), Some(5));
    let f = m.get(id(1)).unwrap().freshness(today());
    assert_eq!((f.days_since_contact, f.overdue), (Some(14), true));
    assert_eq!(m.get(id(1)).unwrap().days_overdue(today()), Some(7));
}

// ---------------------------------------------------------------------------------------
// Risks, each on and off at its threshold

fn kinds(m: &StakeholderMap, tier: Tier, on: NaiveDate) -> Vec<RiskKind> {
    assess(m, tier, on).kinds()
}

/// A healthy base: sponsor, buyer, champion, three neutral-or-better people spread across
/// two owners, reviewed today, weekly contact yesterday. No risk on Tier 2.
fn healthy() -> Vec<StakeholderFields> {
    let fresh = |f: StakeholderFields| StakeholderFields {
        frequency: Some(Frequency::Weekly),
        last_contact: Some(today() - Duration::days(1)),
        ..f
    };
    vec![
        fresh(owned(
            with_roles(
                who("Sam Sponsor", 5, Sentiment::Supporter),
                &[Role::ExecutiveSponsor],
            ),
            "Priya",
        )),
        fresh(owned(
            with_roles(
                who("Bo Buyer", 4, Sentiment::Neutral),
                &[Role::EconomicBuyer],
            ),
            "Priya",
        )),
        fresh(owned(
            with_roles(who("Cat Champ", 3, Sentiment::Champion), &[Role::Champion]),
            "Lee",
        )),
    ]
}

fn reviewed(mut m: StakeholderMap) -> StakeholderMap {
    m.mark_reviewed(today());
    m
}

#[test]
fn the_healthy_base_has_no_risk() {
    let m = reviewed(map_of(healthy()));
    assert_eq!(kinds(&m, Tier::Growth, today()), vec![]);
    assert!(!assess(&m, Tier::Growth, today()).high_churn_risk);
}

#[test]
fn single_threaded_thresholds() {
    struct Case {
        name: &'static str,
        people: Vec<StakeholderFields>,
        reasons: Vec<ThreadReason>,
    }
    let neutral = |n: &str| who(n, 2, Sentiment::Neutral);
    let sup = |n: &str, owner: &str| owned(who(n, 2, Sentiment::Supporter), owner);
    let cases = vec![
        Case {
            name: "3 neutral: not single-threaded",
            people: vec![neutral("A"), neutral("B"), neutral("C")],
            reasons: vec![],
        },
        Case {
            name: "2 neutral",
            people: vec![
                neutral("A"),
                neutral("B"),
                who("D", 5, Sentiment::Detractor),
            ],
            reasons: vec![ThreadReason::FewSupportive { count: 2 }],
        },
        Case {
            name: "3 neutral, one left",
            people: vec![neutral("A"), neutral("B"), left(neutral("C"))],
            reasons: vec![ThreadReason::FewSupportive { count: 2 }],
        },
        Case {
            name: "empty map",
            people: vec![],
            reasons: vec![ThreadReason::FewSupportive { count: 0 }],
        },
        Case {
            name: "one positive among 3",
            people: vec![neutral("A"), neutral("B"), sup("C", "Priya")],
            reasons: vec![ThreadReason::OnePositivePerson { person: id(3) }],
        },
        Case {
            name: "one positive, the other left",
            people: vec![
                neutral("A"),
                sup("B", "Lee"),
                sup("C", "Priya"),
                left(sup("D", "Lee")),
            ]
            .into_iter()
            .enumerate()
            .map(|(i, f)| if i == 1 { left(f) } else { f })
            .collect(),
            reasons: vec![
                ThreadReason::FewSupportive { count: 2 },
                ThreadReason::OnePositivePerson { person: id(3) },
            ],
        },
        Case {
            name: "two positive, two owners",
            people: vec![neutral("A"), sup("B", "Lee"), sup("C", "Priya")],
            reasons: vec![],
        },
        Case {
            name: "two positive, one owner",
            people: vec![neutral("A"), sup("B", "Priya"), sup("C", "Priya")],
            reasons: vec![ThreadReason::OneOwner {
                owner: "Priya".into(),
            }],
        },
        Case {
            name: "owner compared trimmed, any case",
            people: vec![neutral("A"), sup("B", " priya "), sup("C", "Priya")],
            reasons: vec![ThreadReason::OneOwner {
                owner: "priya".into(),
            }],
        },
        Case {
            name: "two positive, nobody owns them",
            people: vec![neutral("A"), sup("B", ""), sup("C", "")],
            reasons: vec![],
        },
        Case {
            name: "two positive, one unowned",
            people: vec![neutral("A"), sup("B", "Priya"), sup("C", "  ")],
            reasons: vec![],
        },
    ];
    for c in cases {
        let m = map_of(c.people);
        assert_eq!(single_thread_reasons(&m), c.reasons, "{}", c.name);
        assert_eq!(
            assess(&m, Tier::LongTail, today()).has(RiskKind::SingleThreaded),
            !c.reasons.is_empty(),
            "{}",
            c.name
        );
    }
}

#[test]
fn single_threaded_message_and_people() {
    let m = map_of(vec![
        who("Al", 2, Sentiment::Neutral),
        who("Bea", 2, Sentiment::Detractor),
        owned(who("Cy", 2, Sentiment::Champion), "Priya"),
    ]);
    let r = assess(&m, Tier::LongTail, today());
    let risk = r.get(RiskKind::SingleThreaded).unwrap();
    assert_eq!(
        risk.message,
        "Only 2 people are at the company neutral or better; we need at least 3. All the goodwill rests on Cy: nobody else is a supporter or champion."
    );
    assert_eq!(risk.people, vec![id(1), id(3)]);
}

#[test]
fn sponsor_and_buyer_rules() {
    let base = healthy();
    let drop_role = |role: Role| -> Vec<StakeholderFields> {
        base.iter()
            .cloned()
            .map(|mut f| {
                f.roles.remove(&role);
                f
            })
            .collect()
    };
    let leave_role = |role: Role| -> Vec<StakeholderFields> {
        base.iter()
            .cloned()
            .map(|f| if f.has_role(role) { left(f) } else { f })
            .collect()
    };
    // Keep three supportive people when someone leaves, so only the rule under test fires.
    let plus_two = |mut v: Vec<StakeholderFields>| {
        v.push(owned(who("Extra One", 2, Sentiment::Supporter), "Priya"));
        v.push(owned(who("Extra Two", 2, Sentiment::Neutral), "Lee"));
        for f in v.iter_mut() {
            f.frequency = None;
        }
        v
    };
    let cases = [
        ("sponsor present", plus_two(base.clone()), vec![], ""),
        (
            "no sponsor",
            plus_two(drop_role(Role::ExecutiveSponsor)),
            vec![RiskKind::NoExecutiveSponsor],
            "Nobody on the map is the executive sponsor.",
        ),
        (
            "sponsor left",
            plus_two(leave_role(Role::ExecutiveSponsor)),
            vec![RiskKind::NoExecutiveSponsor],
            "Nobody still at the company is the executive sponsor: Sam Sponsor has left.",
        ),
        (
            "no buyer",
            plus_two(drop_role(Role::EconomicBuyer)),
            vec![RiskKind::NoEconomicBuyer],
            "Nobody on the map is the economic buyer.",
        ),
        (
            "buyer left",
            plus_two(leave_role(Role::EconomicBuyer)),
            vec![RiskKind::NoEconomicBuyer],
            "Nobody still at the company is the economic buyer: Bo Buyer has left.",
        ),
    ];
    for (name, people, expected, message) in cases {
        let m = reviewed(map_of(people));
        let r = assess(&m, Tier::Growth, today());
        assert_eq!(r.kinds(), expected, "{name}");
        if let Some(k) = expected.first() {
            assert_eq!(r.get(*k).unwrap().message, message, "{name}");
        }
    }
}

#[test]
fn champion_gone_sets_high_churn_risk() {
    let champ_role = |n: &str| with_roles(who(n, 3, Sentiment::Neutral), &[Role::Champion]);
    let champ_mood = |n: &str| who(n, 3, Sentiment::Champion);
    let cases = [
        (
            "no champion ever",
            vec![who("A", 2, Sentiment::Neutral)],
            false,
            "",
        ),
        (
            "champion (role) still there",
            vec![champ_role("A")],
            false,
            "",
        ),
        (
            "only champion (role) left",
            vec![left(champ_role("Ana")), who("B", 2, Sentiment::Neutral)],
            true,
            "Ana left the company and nobody else champions us there.",
        ),
        (
            "only champion (sentiment) left",
            vec![left(champ_mood("Ana"))],
            true,
            "Ana left the company and nobody else champions us there.",
        ),
        (
            "one left, one by sentiment stays",
            vec![left(champ_role("Ana")), champ_mood("Bo")],
            false,
            "",
        ),
        (
            "both left",
            vec![left(champ_role("Ana")), left(champ_mood("Bo"))],
            true,
            "Every champion we had (Ana and Bo) has left the company.",
        ),
    ];
    for (name, people, gone, message) in cases {
        let m = map_of(people);
        let r = assess(&m, Tier::LongTail, today());
        assert_eq!(r.high_churn_risk, gone, "{name}");
        assert_eq!(r.has(RiskKind::ChampionGone), gone, "{name}");
        if gone {
            assert_eq!(r.risks[0].kind, RiskKind::ChampionGone, "listed first");
            assert_eq!(r.risks[0].message, message, "{name}");
        }
    }
}

#[test]
fn influential_blocker_without_owner() {
    let blocker = |influence: u8, owner: &str| {
        owned(
            with_roles(
                who("Blake", influence, Sentiment::Detractor),
                &[Role::Blocker],
            ),
            owner,
        )
    };
    let cases = [
        ("influence 3, no owner", blocker(3, ""), false),
        ("influence 4, no owner", blocker(4, ""), true),
        ("influence 5, blank owner", blocker(5, "   "), true),
        ("influence 4, owned", blocker(4, "Lee"), false),
        ("influence 5, no owner, left", left(blocker(5, "")), false),
        (
            "influence 5, no owner, not a blocker",
            who("Blake", 5, Sentiment::StrongDetractor),
            false,
        ),
    ];
    for (name, person, expected) in cases {
        let m = map_of(vec![person]);
        let r = assess(&m, Tier::LongTail, today());
        assert_eq!(r.has(RiskKind::InfluentialBlocker), expected, "{name}");
        if expected {
            let risk = r.get(RiskKind::InfluentialBlocker).unwrap();
            assert_eq!(risk.people, vec![id(1)]);
            assert_eq!(risk.message, "Blake can block us, has influence 4 or 5, and nobody on our side owns the relationship.");
        }
    }
}

#[test]
fn overdue_at_exactly_the_frequency_and_one_day_more() {
    let contact = |freq: Option<Frequency>, days_ago: Option<i64>| StakeholderFields {
        frequency: freq,
        last_contact: days_ago.map(|d| today() - Duration::days(d)),
        ..who("Ana", 3, Sentiment::Neutral)
    };
    use Frequency::*;
    let cases = [
        (Some(Weekly), Some(7), false),
        (Some(Weekly), Some(8), true),
        (Some(Biweekly), Some(14), false),
        (Some(Biweekly), Some(15), true),
        (Some(Monthly), Some(31), false),
        (Some(Monthly), Some(32), true),
        (Some(Quarterly), Some(92), false),
        (Some(Quarterly), Some(93), true),
        (Some(Weekly), Some(0), false),
        (Some(Weekly), None, true),
        (None, None, false),
        (None, Some(400), false),
    ];
    for (freq, ago, expected) in cases {
        let m = map_of(vec![contact(freq, ago)]);
        let p = m.get(id(1)).unwrap();
        assert_eq!(p.is_overdue(today()), expected, "{freq:?} {ago:?}");
        assert_eq!(
            assess(&m, Tier::LongTail, today()).has(RiskKind::OverdueContact),
            expected,
            "{freq:?} {ago:?}"
        );
    }
    // Someone who left is never overdue.
    let m = map_of(vec![left(contact(Some(Weekly), None))]);
    assert!(!assess(&m, Tier::LongTail, today()).has(RiskKind::OverdueContact));
    // The message names the people and the delay.
    let m = map_of(vec![
        contact(Some(Weekly), Some(9)),
        StakeholderFields {
            name: "Bo".into(),
            ..contact(Some(Monthly), None)
        },
    ]);
    let r = assess(&m, Tier::LongTail, today());
    let risk = r.get(RiskKind::OverdueContact).unwrap();
    assert_eq!(
        risk.message,
        "Past their contact cadence: Ana (2 days late), Bo (no contact yet)."
    );
    assert_eq!(risk.people, vec![id(1), id(2)]);
}

#[test]
fn review_older_than_90_days() {
    let people = vec![who("A", 2, Sentiment::Neutral)];
    let cases: [(Option<i64>, bool, bool, Option<&str>); 6] = [
        (Some(0), true, false, None),
        (Some(90), true, false, None),
        (Some(91), true, true, Some("Last reviewed 91 days ago.")),
        (
            None,
            true,
            true,
            Some("This map has never been marked reviewed."),
        ),
        (None, false, false, None),
        (Some(91), false, true, Some("Last reviewed 91 days ago.")),
    ];
    for (ago, with_people, expected, message) in cases {
        let mut m = map_of(if with_people { people.clone() } else { vec![] });
        if let Some(d) = ago {
            m.mark_reviewed(today() - Duration::days(d));
        }
        let r = assess(&m, Tier::LongTail, today());
        assert_eq!(
            r.has(RiskKind::NotReviewed),
            expected,
            "{ago:?} people {with_people}"
        );
        assert_eq!(
            r.get(RiskKind::NotReviewed).map(|r| r.message.as_str()),
            message
        );
    }
}

#[test]
fn tier1_needs_five_relationships() {
    let n_people = |n: usize, left_count: usize| -> Vec<StakeholderFields> {
        (0..n)
            .map(|i| {
                let f = who(&format!("P{i}"), 2, Sentiment::Neutral);
                if i < left_count {
                    left(f)
                } else {
                    f
                }
            })
            .collect()
    };
    let cases = [
        (Tier::Strategic, 4, 0, true),
        (Tier::Strategic, 5, 0, false),
        (Tier::Strategic, 5, 1, true),
        (Tier::Strategic, 6, 1, false),
        (Tier::Strategic, 0, 0, true),
        (Tier::Growth, 1, 0, false),
        (Tier::LongTail, 0, 0, false),
    ];
    for (tier, n, gone, expected) in cases {
        let m = map_of(n_people(n, gone));
        let r = assess(&m, tier, today());
        assert_eq!(
            r.has(RiskKind::TooFewRelationships),
            expected,
            "{tier:?} {n} people, {gone} left"
        );
    }
    let r = assess(&map_of(n_people(4, 0)), Tier::Strategic, today());
    assert_eq!(
        r.get(RiskKind::TooFewRelationships).unwrap().message,
        "A Tier 1 account with 4 relationships at the company; aim for at least 5."
    );
}

#[test]
fn risks_are_listed_in_a_fixed_order() {
    let m = map_of(vec![
        left(with_roles(
            who("Ana", 3, Sentiment::Champion),
            &[Role::Champion],
        )),
        StakeholderFields {
            frequency: Some(Frequency::Weekly),
            ..with_roles(who("Blake", 5, Sentiment::Detractor), &[Role::Blocker])
        },
    ]);
    assert_eq!(
        kinds(&m, Tier::Strategic, today()),
        vec![
            RiskKind::ChampionGone,
            RiskKind::SingleThreaded,
            RiskKind::InfluentialBlocker,
            RiskKind::NoExecutiveSponsor,
            RiskKind::NoEconomicBuyer,
            RiskKind::TooFewRelationships,
            RiskKind::OverdueContact,
            RiskKind::NotReviewed,
        ]
    );
    for k in RiskKind::ALL {
        assert!(!k.title().is_empty() && !k.what_to_do().is_empty());
    }
}

// ---------------------------------------------------------------------------------------
// Org chart

fn raw(n: u32, name: &str, reports_to: Option<u32>) -> Stakeholder {
    Stakeholder {
        id: id(n),
        fields: StakeholderFields {
            reports_to: reports_to.map(StakeholderId),
            ..who(name, 3, Sentiment::Neutral)
        },
    }
}

/// (name, depth, note) per row.
fn rows(people: &[Stakeholder]) -> Vec<(String, usize, Option<OrgNote>)> {
    let chart = org_chart(people);
    chart
        .rows
        .iter()
        .map(|r| {
            let p = people.iter().find(|p| p.id == r.id).unwrap();
            (p.fields.name.clone(), r.depth, r.note)
        })
        .collect()
}

fn r(name: &str, depth: usize, note: Option<OrgNote>) -> (String, usize, Option<OrgNote>) {
    (name.to_string(), depth, note)
}

#[test]
fn org_chart_orders_by_name_and_nests() {
    let people = vec![
        raw(1, "Zoe CEO", None),
        raw(2, "Mia CFO", Some(1)),
        raw(3, "Abe CTO", Some(1)),
        raw(4, "Kai Eng", Some(3)),
        raw(5, "Bea Solo", None),
        raw(6, "Ann Dev", Some(3)),
    ];
    assert_eq!(
        rows(&people),
        vec![
            r("Bea Solo", 0, None),
            r("Zoe CEO", 0, None),
            r("Abe CTO", 1, None),
            r("Ann Dev", 2, None),
            r("Kai Eng", 2, None),
            r("Mia CFO", 1, None),
        ]
    );
    let chart = org_chart(&people);
    assert_eq!(chart.row(id(4)).unwrap().parent, Some(id(3)));
    assert_eq!(chart.roots(), vec![id(5), id(1)]);
    assert!(chart.cycles.is_empty());
}

#[test]
fn org_chart_with_missing_managers_and_loops() {
    // 1 reports to a missing 99; 2 <-> 3 loop with 4 under 3; 5 reports to itself.
    let people = vec![
        raw(1, "Orphan", Some(99)),
        raw(2, "Loop B", Some(3)),
        raw(3, "Loop A", Some(2)),
        raw(4, "Under A", Some(3)),
        raw(5, "Self", Some(5)),
        raw(6, "Top", None),
        raw(7, "Kid of orphan", Some(1)),
    ];
    assert_eq!(
        rows(&people),
        vec![
            r(
                "Orphan",
                0,
                Some(OrgNote::ManagerMissing { manager: id(99) })
            ),
            r("Kid of orphan", 1, None),
            r("Top", 0, None),
            r("Loop A", 0, Some(OrgNote::InCycle { manager: id(2) })),
            r("Loop B", 1, None),
            r("Under A", 1, None),
            r("Self", 0, Some(OrgNote::InCycle { manager: id(5) })),
        ]
    );
    let chart = org_chart(&people);
    assert_eq!(chart.cycles, vec![vec![id(3), id(2)], vec![id(5)]]);
    // Everyone exactly once.
    let mut seen: Vec<u32> = chart.rows.iter().map(|r| r.id.0).collect();
    seen.sort();
    assert_eq!(seen, vec![1, 2, 3, 4, 5, 6, 7]);
}

#[test]
fn org_chart_of_a_long_loop_ends() {
    // 200 people in one loop: i reports to i+1, the last to the first.
    let people: Vec<Stakeholder> = (0..200)
        .map(|i| raw(i, &format!("P{i:03}"), Some((i + 1) % 200)))
        .collect();
    let chart = org_chart(&people);
    assert_eq!(chart.rows.len(), 200);
    assert_eq!(chart.cycles.len(), 1);
    assert_eq!(chart.cycles[0].len(), 200);
    assert_eq!(chart.rows[0].id, id(0));
    assert_eq!(chart.rows[199].depth, 199);
}

// ---------------------------------------------------------------------------------------
// Dots on the grid

fn crowd(n: u32, influence: u8, sentiment: Sentiment) -> Vec<Stakeholder> {
    (1..=n)
        .map(|i| Stakeholder {
            id: id(i),
            fields: who(&format!("P{i}"), influence, sentiment),
        })
        .collect()
}

/// Every pair at least a diameter apart, every dot fully inside its quadrant.
fn check_layout(people: &[Stakeholder], area: GridArea) -> f64 {
    let layout = grid_layout(people, area);
    assert_eq!(layout.dots.len(), people.len());
    let d = layout.diameter;
    assert!(d > 0.0);
    for (i, a) in layout.dots.iter().enumerate() {
        let p = people.iter().find(|p| p.id == a.id).unwrap();
        assert_eq!(a.quadrant, p.quadrant());
        let rect = area.quadrant_rect(a.quadrant);
        assert!(
            a.x - d / 2.0 >= rect.x0
                && a.x + d / 2.0 <= rect.x1
                && a.y - d / 2.0 >= rect.y0 + area.header
                && a.y + d / 2.0 <= rect.y1,
            "dot {:?} at ({}, {}) leaves {:?}",
            a.id,
            a.x,
            a.y,
            rect
        );
        for b in &layout.dots[i + 1..] {
            let dist = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
            assert!(
                dist >= d - 1e-9,
                "{:?} and {:?} overlap: {dist} < {d}",
                a.id,
                b.id
            );
        }
    }
    d
}

#[test]
fn thirty_people_in_one_cell_never_overlap() {
    let area = GridArea::new(640.0, 480.0);
    for (influence, sentiment) in [
        (5, Sentiment::Champion),
        (1, Sentiment::StrongDetractor),
        (3, Sentiment::Neutral),
        (4, Sentiment::Supporter),
    ] {
        let d = check_layout(&crowd(30, influence, sentiment), area);
        assert_eq!(d, 14.0, "room enough: the preferred size is kept");
    }
}

#[test]
fn a_small_grid_shrinks_the_dots_to_fit() {
    let area = GridArea::new(160.0, 160.0);
    let d = check_layout(&crowd(30, 5, Sentiment::Champion), area);
    assert!(d < 14.0, "diameter {d}");
    // Spread across all sub-cells too.
    let mut people = Vec::new();
    let mut n = 0;
    for i in 1..=5u8 {
        for s in Sentiment::ALL {
            for _ in 0..3 {
                n += 1;
                people.push(Stakeholder {
                    id: id(n),
                    fields: who(&format!("P{n}"), i, s),
                });
            }
        }
    }
    check_layout(&people, GridArea::new(640.0, 480.0));
    check_layout(&people, area);
}

#[test]
fn dots_sit_at_their_sub_cell_and_do_not_move_when_someone_is_added() {
    let area = GridArea::new(640.0, 480.0);
    let one = crowd(1, 5, Sentiment::Champion);
    let layout = grid_layout(&one, area);
    let dot = layout.dots[0];
    // Protect & Grow usable area: x 330..630, y 38..230; champion is the right column of
    // two, influence 5 the top row of two: ideal (555, 86); nearest slot on the 20 px
    // lattice.
    assert_eq!(dot.quadrant, Quadrant::ProtectAndGrow);
    assert!(
        (dot.x - 555.0).abs() <= 10.0 && (dot.y - 86.0).abs() <= 10.0,
        "{dot:?}"
    );

    let mut many = crowd(10, 2, Sentiment::Detractor);
    let before = grid_layout(&many, area);
    assert_eq!(grid_layout(&many, area), before, "deterministic");
    many.push(Stakeholder {
        id: id(11),
        fields: who("New", 2, Sentiment::Detractor),
    });
    let after = grid_layout(&many, area);
    assert_eq!(&after.dots[..10], &before.dots[..]);
}

// ---------------------------------------------------------------------------------------
// Table sort

#[test]
fn sorting_the_table() {
    let people: Vec<Stakeholder> = vec![
        Stakeholder {
            id: id(1),
            fields: StakeholderFields {
                last_contact: Some(today() - Duration::days(3)),
                frequency: Some(Frequency::Weekly),
                ..who("cara", 2, Sentiment::Champion)
            },
        },
        Stakeholder {
            id: id(2),
            fields: StakeholderFields {
                last_contact: None,
                frequency: Some(Frequency::Weekly),
                ..who("Abe", 5, Sentiment::Detractor)
            },
        },
        Stakeholder {
            id: id(3),
            fields: StakeholderFields {
                last_contact: Some(today() - Duration::days(40)),
                frequency: Some(Frequency::Monthly),
                ..who("Bob", 4, Sentiment::Supporter)
            },
        },
    ];
    let ids = |v: Vec<StakeholderId>| v.into_iter().map(|i| i.0).collect::<Vec<_>>();
    let cases = [
        (SortColumn::Name, SortOrder::Ascending, vec![2, 3, 1]),
        (SortColumn::Name, SortOrder::Descending, vec![2, 3, 1]),
        (SortColumn::Influence, SortOrder::Descending, vec![2, 3, 1]),
        (SortColumn::Sentiment, SortOrder::Ascending, vec![2, 3, 1]),
        (SortColumn::Quadrant, SortOrder::Ascending, vec![2, 3, 1]),
        (SortColumn::Freshness, SortOrder::Ascending, vec![1, 3, 2]),
        (SortColumn::Overdue, SortOrder::Ascending, vec![2, 3, 1]),
    ];
    for (col, order, expected) in cases {
        assert_eq!(
            ids(sort_people(&people, col, order, today())),
            expected,
            "{col:?} {order:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// File format

fn workspace_with(map: StakeholderMap) -> Workspace {
    let mut ws = Workspace::empty(Currency::default());
    let aid = ws
        .add_account(
            AccountFields {
                name: "Acme".into(),
                ..Default::default()
            },
            read_day(),
        )
        .unwrap();
    ws.account_mut(aid).unwrap().stakeholders = map;
    ws
}

fn sample_map() -> StakeholderMap {
    let mut m = map_of(vec![
        StakeholderFields {
            title: "CFO".into(),
            business_unit: "Finance".into(),
            personal_win: "A cleaner close".into(),
            key_risk: "Price rise".into(),
            frequency: Some(Frequency::Monthly),
            last_contact: Some(day(2026, 6, 1)),
            notes: "Prefers email".into(),
            ..owned(
                with_roles(
                    who("Dana", 5, Sentiment::Supporter),
                    &[Role::ExecutiveSponsor, Role::EconomicBuyer],
                ),
                "Priya",
            )
        },
        with_roles(
            who("Eli", 3, Sentiment::Champion),
            &[Role::Champion, Role::EndUser],
        ),
        left(who("Fay", 2, Sentiment::Detractor)),
    ]);
    let mut f = m.get(id(2)).unwrap().fields.clone();
    f.reports_to = Some(id(1));
    m.update(id(2), f, today()).unwrap();
    m.mark_reviewed(day(2026, 5, 1));
    m
}

#[test]
fn the_file_carries_the_map() {
    let ws = workspace_with(sample_map());
    let text = encode(&ws, None);
    let v: Value = serde_json::from_str(&text).unwrap();
    let s = &v["workspace"]["accounts"][0]["stakeholders"];
    assert_eq!(s["last_reviewed"], json!("2026-05-01"));
    assert_eq!(
        s["people"][0],
        json!({
            "id": 1, "name": "Dana", "title": "CFO", "business_unit": "Finance",
            "roles": ["executive_sponsor", "economic_buyer"], "influence": 5,
            "sentiment": "supporter", "personal_win": "A cleaner close", "key_risk": "Price rise",
            "frequency": "monthly", "last_contact": "2026-06-01", "owner": "Priya",
            "reports_to": null, "left_company": false, "notes": "Prefers email"
        })
    );
    assert_eq!(s["people"][1]["reports_to"], json!(1));
    assert_eq!(s["people"][2]["left_company"], json!(true));
    assert_eq!(decode(&text, read_day()).unwrap().workspace, ws);
}

#[test]
fn an_account_without_stakeholders_reads_as_an_empty_map() {
    let ws = workspace_with(StakeholderMap::new());
    let mut v: Value = serde_json::from_str(&encode(&ws, None)).unwrap();
    v["workspace"]["accounts"][0]
        .as_object_mut()
        .unwrap()
        .remove("stakeholders");
    let back = decode(&v.to_string(), read_day()).unwrap().workspace;
    assert_eq!(back.accounts()[0].stakeholders, StakeholderMap::new());
}

/// Encodes the sample, applies `edit` to the stakeholders object, and decodes.
fn import_with(edit: impl FnOnce(&mut Value)) -> Result<(), ImportError> {
    let ws = workspace_with(sample_map());
    let mut v: Value = serde_json::from_str(&encode(&ws, None)).unwrap();
    edit(&mut v["workspace"]["accounts"][0]["stakeholders"]);
    decode(&v.to_string(), read_day()).map(|_| ())
}

#[test]
fn bad_stakeholder_data_is_refused_with_a_path() {
    let p = "workspace.accounts[0].stakeholders";
    type Edit = Box<dyn FnOnce(&mut Value)>;
    let cases: Vec<(&str, Edit, String, &str)> = vec![
        ("reports_to a missing person", Box::new(|s| s["people"][2]["reports_to"] = json!(42)),
            format!("{p}.people[2].reports_to"), "reports to id 42, but no person on this account has that id"),
        ("reports_to self", Box::new(|s| s["people"][0]["reports_to"] = json!(1)),
            format!("{p}.people[0].reports_to"), "Dana cannot report to themselves"),
        ("a loop of two", Box::new(|s| s["people"][0]["reports_to"] = json!(2)),
            format!("{p}.people[0].reports_to"), "reports_to goes round in a loop (Dana → Eli → Dana); someone in it must report to a person outside the loop or to nobody"),
        ("a loop of three", Box::new(|s| { s["people"][0]["reports_to"] = json!(3); s["people"][2]["reports_to"] = json!(2); }),
            format!("{p}.people[0].reports_to"), "reports_to goes round in a loop (Dana → Fay → Eli → Dana); someone in it must report to a person outside the loop or to nobody"),
        ("influence 0", Box::new(|s| s["people"][1]["influence"] = json!(0)),
            format!("{p}.people[1].influence"), "influence must be 1 to 5, found 0"),
        ("influence 6", Box::new(|s| s["people"][1]["influence"] = json!(6)),
            format!("{p}.people[1].influence"), "influence must be 1 to 5, found 6"),
        ("influence -300", Box::new(|s| s["people"][1]["influence"] = json!(-300)),
            format!("{p}.people[1].influence"), "influence must be 1 to 5, found -300"),
        ("influence 3.5", Box::new(|s| s["people"][1]["influence"] = json!(3.5)),
            format!("{p}.people[1].influence"), "found the number 3.5, but a whole number is expected here."),
        ("influence missing", Box::new(|s| { s["people"][1].as_object_mut().unwrap().remove("influence"); }),
            format!("{p}.people[1]"), "the field \"influence\" is required and missing."),
        ("duplicate id", Box::new(|s| s["people"][2]["id"] = json!(1)),
            format!("{p}.people[2].id"), "id 1 is used by an earlier person on this account; ids must be unique"),
        ("empty name", Box::new(|s| s["people"][1]["name"] = json!("  ")),
            format!("{p}.people[1].name"), "Give the person a name."),
        ("name too long", Box::new(|s| s["people"][1]["name"] = json!("n".repeat(121))),
            format!("{p}.people[1].name"), "Keep this under 120 characters."),
        ("notes too long", Box::new(|s| s["people"][1]["notes"] = json!("n".repeat(5001))),
            format!("{p}.people[1].notes"), "Keep this under 5000 characters."),
        ("a role twice", Box::new(|s| s["people"][1]["roles"] = json!(["champion", "end_user", "champion"])),
            format!("{p}.people[1].roles[2]"), "the role \"champion\" is listed twice"),
        ("unknown role", Box::new(|s| s["people"][1]["roles"] = json!(["ceo"])),
            format!("{p}.people[1].roles[0]"), "\"ceo\" is not a role; use one of executive_sponsor, economic_buyer, champion, blocker, end_user, influencer, technical_evaluator."),
        ("unknown sentiment", Box::new(|s| s["people"][1]["sentiment"] = json!("happy")),
            format!("{p}.people[1].sentiment"), "\"happy\" is not a sentiment; use one of strong_detractor, detractor, neutral, supporter, champion."),
        ("unknown frequency", Box::new(|s| s["people"][1]["frequency"] = json!("daily")),
            format!("{p}.people[1].frequency"), "\"daily\" is not a contact frequency; use one of weekly, biweekly, monthly, quarterly."),
        ("bad contact date", Box::new(|s| s["people"][0]["last_contact"] = json!("2026-02-30")),
            format!("{p}.people[0].last_contact"), "\"2026-02-30\" is not a date: February 2026 has 28 days."),
        ("bad review date", Box::new(|s| s["last_reviewed"] = json!("soon")),
            format!("{p}.last_reviewed"), "\"soon\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01."),
        ("reports_to not an id", Box::new(|s| s["people"][1]["reports_to"] = json!("Dana")),
            format!("{p}.people[1].reports_to"), "found the text \"Dana\", but a whole number from 0 to 4294967295 is expected here."),
        ("unknown person field", Box::new(|s| s["people"][1]["mood"] = json!(1)),
            format!("{p}.people[1].mood"), "\"mood\" is not a field the planner knows here; check the spelling, or remove it. The fields here are id, name, title, business_unit, roles, influence, sentiment, personal_win, key_risk, frequency, last_contact, owner, reports_to, left_company, notes."),
        ("unknown map field", Box::new(|s| s["owner"] = json!("x")),
            format!("{p}.owner"), "\"owner\" is not a field the planner knows here; check the spelling, or remove it. The fields here are last_reviewed, people."),
    ];
    for (name, edit, path, detail) in cases {
        assert_eq!(
            import_with(edit),
            Err(ImportError::BadField {
                path,
                detail: detail.to_string()
            }),
            "{name}"
        );
    }
    // The unedited sample imports.
    assert_eq!(import_with(|_| {}), Ok(()));
}

// ---------------------------------------------------------------------------------------
// Round trip of any valid map through encode / decode

fn text() -> impl Strategy<Value = String> {
    "[ a-zA-Z0-9éß'\"\\\\/\\-,.]{0,20}"
}

fn name() -> impl Strategy<Value = String> {
    "[A-Za-zé][ a-zA-Z'\\-]{0,15}"
}

fn fields_strategy() -> impl Strategy<Value = (StakeholderFields, Option<prop::sample::Index>)> {
    (
        (
            name(),
            text(),
            text(),
            prop::collection::btree_set(prop::sample::select(Role::ALL.to_vec()), 0..4),
        ),
        (
            1u8..=5,
            prop::sample::select(Sentiment::ALL.to_vec()),
            text(),
            text(),
        ),
        (
            prop::option::of(prop::sample::select(Frequency::ALL.to_vec())),
            prop::option::of(0i64..2000),
            text(),
            any::<bool>(),
            text(),
        ),
        prop::option::of(any::<prop::sample::Index>()),
    )
        .prop_map(
            |(
                (name, title, bu, roles),
                (i, s, win, risk),
                (freq, ago, owner, gone, notes),
                boss,
            )| {
                (
                    StakeholderFields {
                        name,
                        title,
                        business_unit: bu,
                        roles: roles.into_iter().collect::<BTreeSet<_>>(),
                        influence: Influence::new(i).unwrap(),
                        sentiment: s,
                        personal_win: win,
                        key_risk: risk,
                        frequency: freq,
                        last_contact: ago.map(|d| today() - Duration::days(d)),
                        owner,
                        reports_to: None,
                        left_company: gone,
                        notes,
                    },
                    boss,
                )
            },
        )
}

proptest! {
    #[test]
    fn any_map_survives_encode_and_decode(
        people in prop::collection::vec(fields_strategy(), 0..12),
        removals in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        reviewed in prop::option::of(0i64..400),
    ) {
        let mut m = StakeholderMap::new();
        for (mut f, boss) in people {
            // A manager among the people already added: never a loop.
            f.reports_to = match (boss, m.len()) {
                (Some(ix), n) if n > 0 => Some(m.people()[ix.index(n)].id),
                _ => None,
            };
            m.add(f, today()).unwrap();
        }
        for ix in removals {
            if !m.is_empty() {
                let victim = m.people()[ix.index(m.len())].id;
                m.remove(victim);
            }
        }
        if let Some(d) = reviewed {
            m.mark_reviewed(today() - Duration::days(d));
        }
        // A file read back gives the next id as one past the highest id in use.
        let expected = StakeholderMap::from_parts(m.people().to_vec(), m.last_reviewed()).unwrap();
        let ws = workspace_with(expected.clone());
        let back = decode(&encode(&ws, None), read_day()).unwrap().workspace;
        prop_assert_eq!(&back, &ws);
        prop_assert_eq!(&back.accounts()[0].stakeholders, &expected);
    }
}

// ---- Support for the Stakeholders tab: label room, undo of a move, the date input ----

#[test]
fn label_room_keeps_every_name_inside_its_quadrant() {
    let mut area = GridArea::new(360.0, 420.0);
    area.header = 44.0;
    area.diameter = 18.0;
    area.gap_x = 76.0;
    area.gap_y = 8.0;
    area.label_room = 70.0;
    // A few people, then a crowd that makes the dots shrink: the room stays free.
    for people in [
        crowd(4, 5, Sentiment::Champion),
        crowd(40, 1, Sentiment::Detractor),
    ] {
        let layout = grid_layout(&people, area);
        let d = layout.diameter;
        for dot in &layout.dots {
            let rect = area.quadrant_rect(dot.quadrant);
            assert!(
                dot.x + d / 2.0 + area.label_room <= rect.x1 + 1e-9,
                "{dot:?} leaves no room for its label in {rect:?}"
            );
            assert!(dot.x - d / 2.0 >= rect.x0, "{dot:?} left of {rect:?}");
        }
        check_layout(&people, area);
    }
}

#[test]
fn set_placement_undoes_a_move() {
    let mut m = map_of(vec![who("Ana", 5, Sentiment::Detractor)]);
    assert!(m.move_to(id(1), Quadrant::Monitor));
    assert_eq!(m.get(id(1)).unwrap().quadrant(), Quadrant::Monitor);
    assert!(m.set_placement(id(1), inf(5), Sentiment::Detractor));
    let p = m.get(id(1)).unwrap();
    assert_eq!(
        (p.fields.influence, p.fields.sentiment),
        (inf(5), Sentiment::Detractor)
    );
    assert!(!m.set_placement(id(9), inf(1), Sentiment::Neutral));
}

#[test]
fn the_last_contact_input_is_read_or_refused_with_a_message() {
    use am_planner::domain::stakeholders::parse_last_contact;
    let cases: Vec<(&str, Result<Option<NaiveDate>, &str>)> = vec![
        ("", Ok(None)),
        ("   ", Ok(None)),
        ("2026-06-01", Ok(Some(day(2026, 6, 1)))),
        (" 2026-06-01 ", Ok(Some(day(2026, 6, 1)))),
        (
            "2026-02-30",
            Err("\"2026-02-30\" is not a date: February 2026 has 28 days."),
        ),
        (
            "yesterday",
            Err("\"yesterday\" is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01."),
        ),
    ];
    for (text, expected) in cases {
        let got = parse_last_contact(text);
        let expected = expected.map_err(|m| err(StakeholderField::LastContact, m));
        assert_eq!(got, expected, "input {text:?}");
    }
}
