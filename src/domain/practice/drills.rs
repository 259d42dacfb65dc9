//! Drills: a random, realistic account situation and a question about it, answered,
//! checked and explained by the same functions the planner runs on real accounts
//! (health score, power-grid quadrant, renewal timeline, expansion readiness, QBR agenda
//! date). A drill therefore never disagrees with the app.
//!
//! A drill is fixed by its kind, its seed and `today`: the same three give the same drill
//! (dates are placed relative to `today`, so a link opened another day shows the same
//! situation shifted to that day).

use crate::domain::error::FieldError;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::prng::Prng;
use crate::domain::account::AccountFields;
use crate::domain::dates::{day_month_with_day, long, long_with_day};
use crate::domain::expansion::{Expansion, ReadinessItem, ReadinessTicks};
use crate::domain::health::{
    score_of, Band, Category, Nps, Percent, Score, Signals, TicketTrend, Weights,
};
use crate::domain::money::Currency;
use crate::domain::qbr::{business_days_before, ClockTime, PrepItem, Qbr, QbrId, QbrWarning};
use crate::domain::renewal::{lead_days, MilestoneKind, Renewal, RenewalStatus, TaskKey, Timeline};
use crate::domain::stakeholders::{
    Frequency, Influence, Quadrant, Role, Sentiment, StakeholderFields, StakeholderMap,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DrillKind {
    Health,
    Stakeholder,
    Renewal,
    Expansion,
    Qbr,
}

impl DrillKind {
    pub const ALL: [DrillKind; 5] = [
        DrillKind::Health,
        DrillKind::Stakeholder,
        DrillKind::Renewal,
        DrillKind::Expansion,
        DrillKind::Qbr,
    ];
    /// Stable name, used in URLs and files.
    pub fn key(self) -> &'static str {
        match self {
            DrillKind::Health => "health",
            DrillKind::Stakeholder => "stakeholder",
            DrillKind::Renewal => "renewal",
            DrillKind::Expansion => "expansion",
            DrillKind::Qbr => "qbr",
        }
    }
    pub fn from_key(s: &str) -> Option<DrillKind> {
        DrillKind::ALL.into_iter().find(|k| k.key() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            DrillKind::Health => "Health band",
            DrillKind::Stakeholder => "Power grid",
            DrillKind::Renewal => "Renewal timeline",
            DrillKind::Expansion => "Expansion readiness",
            DrillKind::Qbr => "QBR agenda",
        }
    }
}

/// Right answers out of drills answered, per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DrillScore {
    pub right: u32,
    pub tried: u32,
}

impl DrillScore {
    /// `7 of 9 right`.
    pub fn text(&self) -> String {
        if self.tried == 0 {
            "not tried yet".into()
        } else {
            format!("{} of {} right", self.right, self.tried)
        }
    }
}

/// One question of a drill, with its choices and the index of the right one.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub prompt: String,
    pub choices: Vec<String>,
    pub answer: usize,
}

/// The situation a drill is about, as the domain types the planner uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Situation {
    Health { signals: Signals },
    Stakeholder { person: StakeholderFields },
    Renewal { renewal: Renewal },
    Expansion { expansion: Expansion },
    Qbr { qbr: Qbr },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Drill {
    pub kind: DrillKind,
    pub seed: u64,
    pub today: NaiveDate,
    /// The account the situation is set in (name, ARR, renewal date).
    pub account: AccountFields,
    pub situation: Situation,
    /// The situation as label / value lines.
    pub facts: Vec<(String, String)>,
    pub parts: Vec<Part>,
    /// Why the answers are right, one sentence a line.
    pub explanation: Vec<String>,
}

impl Drill {
    /// For each part, whether `chosen` (one index per part) is right.
    pub fn check(&self, chosen: &[Option<usize>]) -> Vec<bool> {
        self.parts
            .iter()
            .enumerate()
            .map(|(i, p)| chosen.get(i).copied().flatten() == Some(p.answer))
            .collect()
    }
    /// Every part right.
    pub fn is_right(&self, chosen: &[Option<usize>]) -> bool {
        self.check(chosen).iter().all(|ok| *ok)
    }
}

const COMPANIES: [&str; 16] = [
    "Alder Logistics",
    "Brightwater Health",
    "Cobalt Retail",
    "Dunmore Insurance",
    "Elmstead Foods",
    "Fairline Energy",
    "Granite Bank",
    "Harbor Freight Lines",
    "Ironwood Software",
    "Juniper Clinics",
    "Keystone Media",
    "Lakeside University",
    "Marlow Manufacturing",
    "Northgate Telecom",
    "Oakridge Pharma",
    "Pinecrest Hotels",
];
const INDUSTRIES: [&str; 8] = [
    "Logistics",
    "Healthcare",
    "Retail",
    "Insurance",
    "Food and beverage",
    "Energy",
    "Banking",
    "Manufacturing",
];
const FIRST: [&str; 12] = [
    "Amira", "Ben", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kiran",
    "Lucia",
];
const LAST: [&str; 12] = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Schulz",
    "Haddad",
    "Brennan",
    "Costa",
    "Novak",
    "Reyes",
    "Iyer",
    "Walsh",
];
const TITLES: [&str; 10] = [
    "Chief Operating Officer",
    "VP Finance",
    "Head of Customer Operations",
    "IT Director",
    "Procurement Manager",
    "Team Lead, Support",
    "Director of Analytics",
    "Operations Analyst",
    "Chief Information Officer",
    "Regional Sales Manager",
];

/// Builds the drill `kind` number `seed` as seen on `today`.
pub fn generate(kind: DrillKind, seed: u64, today: NaiveDate, currency: &Currency) -> Drill {
    // Mix the kind into the stream so seed 7 of two kinds are unrelated.
    let mut rng = Prng::new(seed ^ ((kind as u64 + 1) << 56));
    let name = rng.pick(&COMPANIES).to_string();
    let industry = rng.pick(&INDUSTRIES).to_string();
    let arr = (rng.range(12, 480) * 1_000) as f64;
    let renewal_in = match kind {
        DrillKind::Renewal => rng.range(-3, 210),
        DrillKind::Expansion => rng.range(5, 300),
        _ => rng.range(30, 330),
    };
    let renewal_date = today + Duration::days(renewal_in);
    let account = AccountFields {
        name,
        industry,
        arr,
        renewal_date: Some(renewal_date),
        contract_start: Some(renewal_date - Duration::days(365)),
        ..AccountFields::default()
    };
    let mut facts = vec![
        ("Account".to_string(), account.name.clone()),
        ("Industry".to_string(), account.industry.clone()),
        ("ARR".to_string(), currency.format(arr)),
        (
            "Renewal date".to_string(),
            format!(
                "{} ({})",
                long(renewal_date),
                relative_words(today, renewal_date)
            ),
        ),
        ("Today".to_string(), long(today)),
    ];
    let (situation, parts, explanation) = match kind {
        DrillKind::Health => health(&mut rng, &mut facts),
        DrillKind::Stakeholder => stakeholder(&mut rng, &mut facts, today),
        DrillKind::Renewal => renewal(&mut rng, &mut facts, &account, today),
        DrillKind::Expansion => expansion(&mut rng, &mut facts, &account, today),
        DrillKind::Qbr => qbr(&mut rng, &mut facts, today),
    };
    Drill {
        kind,
        seed,
        today,
        account,
        situation,
        facts,
        parts,
        explanation,
    }
}

fn relative_words(today: NaiveDate, d: NaiveDate) -> String {
    crate::domain::dates::relative(today, d)
}

type Built = (Situation, Vec<Part>, Vec<String>);

// ------------------------------------------------------------------ health

/// Half the time a value sits on a band boundary, where answers go wrong most.
fn percent(rng: &mut Prng, edges: [i64; 2]) -> Percent {
    let v = if rng.chance(0.35) {
        *rng.pick(&[edges[0], edges[0] + 1, edges[1], edges[1] + 1, edges[0] - 1])
    } else {
        rng.range(20, 100)
    };
    Percent::new(v.clamp(0, 100) as f64).expect("0-100")
}

pub fn health_answer(signals: &Signals) -> Option<Score> {
    score_of(signals, &Weights::default())
}

fn health(rng: &mut Prng, facts: &mut Vec<(String, String)>) -> Built {
    let signals = Signals {
        usage: Some(percent(rng, [50, 80])),
        features: Some(rng.range(0, 5) as u32),
        nps: Some(Nps::new(rng.range(2, 10) as u8).expect("0-10")),
        tickets: Some(*rng.pick(&TicketTrend::ALL)),
        roi: Some(percent(rng, [70, 90])),
    };
    for c in Category::ALL {
        facts.push((c.label().to_string(), signals.describe(c)));
    }
    let score = health_answer(&signals).expect("every signal is known");
    let bands: Vec<String> = Band::ALL
        .iter()
        .map(|b| format!("{} ({})", b.label(), band_range(*b)))
        .collect();
    let mut costs: Vec<String> = Category::ALL
        .iter()
        .map(|c| c.label().to_string())
        .collect();
    costs.push("Nothing: the score is 100".into());
    let parts = vec![
        Part {
            prompt: "What is the health band?".into(),
            choices: bands,
            answer: score.band.index(),
        },
        Part {
            prompt: "Which signal costs the most points?".into(),
            choices: costs,
            answer: score.breakdown.dragging.map_or(5, |c| c.index()),
        },
    ];
    let mut why = Vec::new();
    for l in &score.breakdown.lines {
        let rating = l.rating.map_or("unknown", |r| r.key());
        why.push(format!(
            "{} {}: {rating}, {} of {} points.",
            l.category.label(),
            signals.describe(l.category),
            crate::domain::health::fmt_points(l.earned),
            crate::domain::health::fmt_points(l.effective_weight),
        ));
    }
    why.push(format!(
        "Score {}: {} ({}).",
        score.display(),
        score.band.label(),
        band_range(score.band)
    ));
    why.push(match score.breakdown.dragging {
        Some(c) => format!(
            "{} loses the most: {} points. Fix that first.",
            c.label(),
            crate::domain::health::fmt_points(score.breakdown.line(c).lost)
        ),
        None => "Nothing loses points.".into(),
    });
    (Situation::Health { signals }, parts, why)
}

fn band_range(b: Band) -> &'static str {
    match b {
        Band::Green => "above 75",
        Band::Yellow => "50 to 75",
        Band::Red => "below 50",
    }
}

// ------------------------------------------------------------------ stakeholder

pub fn stakeholder_answer(person: &StakeholderFields) -> Quadrant {
    Quadrant::of(person.influence, person.sentiment)
}

fn stakeholder(rng: &mut Prng, facts: &mut Vec<(String, String)>, today: NaiveDate) -> Built {
    let role = *rng.pick(&Role::ALL);
    let person = StakeholderFields {
        name: format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST)),
        title: rng.pick(&TITLES).to_string(),
        business_unit: rng
            .pick(&["Operations", "Finance", "IT", "Sales", "Support"])
            .to_string(),
        roles: [role].into_iter().collect(),
        influence: Influence::new(rng.range(1, 5) as u8).expect("1-5"),
        sentiment: *rng.pick(&Sentiment::ALL),
        frequency: Some(*rng.pick(&Frequency::ALL)),
        last_contact: Some(today - Duration::days(rng.range(1, 60))),
        owner: rng
            .pick(&["", "You", "Your VP", "Solutions engineer"])
            .to_string(),
        ..StakeholderFields::default()
    };
    facts.push((
        "Person".into(),
        format!("{}, {}", person.name, person.title),
    ));
    facts.push(("Role".into(), person.roles_text()));
    facts.push((
        "Influence".into(),
        format!("{} of 5", person.influence.get()),
    ));
    facts.push(("Sentiment".into(), person.sentiment.label().into()));
    let q = stakeholder_answer(&person);
    // The moves are listed in a shuffled order so the position gives nothing away.
    let mut order = Quadrant::ALL;
    rng.shuffle(&mut order);
    let parts = vec![
        Part {
            prompt: "Which quadrant of the power grid is this person in?".into(),
            choices: Quadrant::ALL
                .iter()
                .map(|q| q.label().to_string())
                .collect(),
            answer: Quadrant::ALL.iter().position(|x| *x == q).expect("listed"),
        },
        Part {
            prompt: "What do you do with them?".into(),
            choices: order.iter().map(|q| q.what_to_do().to_string()).collect(),
            answer: order.iter().position(|x| *x == q).expect("listed"),
        },
    ];
    let why = vec![
        format!(
            "Influence {} is {} (4 and 5 count as high).",
            person.influence.get(),
            if person.influence.is_high() {
                "high"
            } else {
                "low"
            }
        ),
        format!(
            "{} is {} (only supporters and champions count as positive).",
            person.sentiment.label(),
            if person.sentiment.is_positive() {
                "positive"
            } else {
                "not positive"
            }
        ),
        format!("So: {} ({}).", q.label(), q.motto()),
        q.what_to_do().to_string(),
    ];
    (Situation::Stakeholder { person }, parts, why)
}

// ------------------------------------------------------------------ renewal

pub fn renewal_answer(
    renewal: &Renewal,
    account: &AccountFields,
    today: NaiveDate,
) -> (Option<MilestoneKind>, RenewalStatus, Timeline) {
    let t = renewal
        .timeline(account.renewal_date, account.arr)
        .expect("a drill account has a renewal date");
    (t.next_milestone(today).map(|n| n.kind), t.status(today), t)
}

fn renewal(
    rng: &mut Prng,
    facts: &mut Vec<(String, String)>,
    account: &AccountFields,
    today: NaiveDate,
) -> Built {
    let mut r = Renewal::default();
    r.early_start = account.arr > 250_000.0 && rng.chance(0.4);
    let blank = r
        .timeline(account.renewal_date, account.arr)
        .expect("renewal date set");
    // Work done so far: each milestone already due is done on time, done late, or left.
    let mut done_lines = Vec::new();
    for m in &blank.milestones {
        if m.due > today {
            break;
        }
        let on = match rng.range(0, 3) {
            0 => None,
            1 => Some(m.due - Duration::days(rng.range(0, 12))),
            _ => Some((m.due + Duration::days(rng.range(1, 25))).min(today)),
        };
        if let Some(on) = on {
            for t in &m.tasks {
                if let TaskKey::Default(..) = t.key {
                    r.tick(t.key, on, today).expect("done on or before today");
                }
            }
            done_lines.push(format!("{} done on {}", m.kind.label(), long(on)));
        }
    }
    facts.push((
        "Enterprise (ARR above 100,000)".into(),
        if account.arr > 100_000.0 { "yes" } else { "no" }.into(),
    ));
    if r.early_start {
        facts.push(("Early start (T-180)".into(), "on".into()));
    }
    facts.push((
        "Work done".into(),
        if done_lines.is_empty() {
            "nothing yet".into()
        } else {
            done_lines.join("; ")
        },
    ));
    let (next, status, t) = renewal_answer(&r, account, today);
    let mut choices: Vec<String> = t
        .milestones
        .iter()
        .map(|m| format!("{} {}", m.kind.label(), m.kind.title()))
        .collect();
    choices.push("None: every milestone is done".into());
    let next_index = next
        .and_then(|k| t.milestones.iter().position(|m| m.kind == k))
        .unwrap_or(t.milestones.len());
    let parts = vec![
        Part {
            prompt: "Which milestone is next?".into(),
            choices,
            answer: next_index,
        },
        Part {
            prompt: "How does the renewal motion stand?".into(),
            choices: RenewalStatus::ALL
                .iter()
                .map(|s| s.label().to_string())
                .collect(),
            answer: RenewalStatus::ALL
                .iter()
                .position(|s| *s == status)
                .expect("listed"),
        },
    ];
    let mut why = vec![format!(
        "Lead time: {} days, so the motion should start by {}; with nothing done by T-30 ({}) it is critical.",
        lead_days(account.arr),
        long(t.start_by),
        long(t.critical_after)
    )];
    for m in &t.milestones {
        why.push(format!(
            "{} due {}: {}.",
            m.kind.label(),
            long(m.due),
            m.state(today).label().to_lowercase()
        ));
    }
    why.push(match t.next_milestone(today) {
        Some(n) => format!(
            "Next: {} ({}), the earliest milestone with work left.",
            n.kind.label(),
            n.kind.title()
        ),
        None => "Every milestone is done.".into(),
    });
    why.push(format!("{}: {}", status.label(), t.status_note(today)));
    (Situation::Renewal { renewal: r }, parts, why)
}

// ------------------------------------------------------------------ expansion

pub fn expansion_answer(
    expansion: &Expansion,
    account: &AccountFields,
    today: NaiveDate,
) -> (bool, Option<ReadinessItem>) {
    let r = expansion.readiness(account.renewal_date, today);
    (
        r.is_ready(),
        r.items.iter().find(|(_, ok)| !ok).map(|(i, _)| *i),
    )
}

fn expansion(
    rng: &mut Prng,
    facts: &mut Vec<(String, String)>,
    account: &AccountFields,
    today: NaiveDate,
) -> Built {
    // Every item met but at most one: the drill is about spotting the one that is not.
    let renewal_days = (account.renewal_date.expect("set") - today).num_days();
    let blocker = if renewal_days <= 60 {
        Some(ReadinessItem::RenewalNotWithin60Days)
    } else if rng.chance(0.3) {
        None
    } else {
        Some(*rng.pick(&ReadinessItem::ALL[..4]))
    };
    let not = |i: ReadinessItem| blocker != Some(i);
    let ticks = ReadinessTicks {
        roi_documented: not(ReadinessItem::RoiDocumented),
        champion_active: not(ReadinessItem::ChampionActive),
        buyer_aware_of_value: not(ReadinessItem::BuyerAwareOfValue),
        new_use_case_or_team: not(ReadinessItem::NewUseCaseOrTeam),
    };
    let champion = format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST));
    facts.push((
        "Success targets".into(),
        if ticks.roi_documented {
            format!(
                "{}% met, written up in the last value review",
                rng.range(91, 100)
            )
        } else {
            "on track by the champion's account, nothing written down yet".into()
        },
    ));
    facts.push((
        "Champion".into(),
        if ticks.champion_active {
            format!(
                "{champion}: NPS {}, in the product every day",
                rng.range(8, 10)
            )
        } else if rng.chance(0.5) {
            format!("{champion}: NPS {}, still logs in daily", rng.range(5, 7))
        } else {
            format!("{champion}: NPS 9, has not logged in for 6 weeks")
        },
    ));
    facts.push((
        "Economic buyer".into(),
        if ticks.buyer_aware_of_value {
            "saw the results at the last business review".into()
        } else {
            "has not heard about results since signing".into()
        },
    ));
    facts.push((
        "New need".into(),
        if ticks.new_use_case_or_team {
            rng.pick(&[
                "the finance team asked for access on its own",
                "the sponsor named a second use case in planning",
                "usage is at 95% of licensed seats",
            ])
            .to_string()
        } else {
            "none raised; current teams are fully served".into()
        },
    ));
    let mut expansion = Expansion::default();
    expansion.ticks = ticks;
    let (ready, first_gap) = expansion_answer(&expansion, account, today);
    let mut gaps: Vec<String> = ReadinessItem::ALL
        .iter()
        .map(|i| i.label().to_string())
        .collect();
    gaps.push("Nothing: all five are met".into());
    let parts = vec![
        Part {
            prompt: "Is the account ready for an expansion conversation?".into(),
            choices: vec!["Yes".into(), "No".into()],
            answer: if ready { 0 } else { 1 },
        },
        Part {
            prompt: "What holds it back?".into(),
            choices: gaps,
            answer: first_gap.map_or(5, |g| {
                ReadinessItem::ALL
                    .iter()
                    .position(|i| *i == g)
                    .expect("listed")
            }),
        },
    ];
    let readiness = expansion.readiness(account.renewal_date, today);
    let mut why: Vec<String> = readiness
        .items
        .iter()
        .map(|(i, ok)| format!("{}: {}.", i.label(), if *ok { "met" } else { "NOT met" }))
        .collect();
    why.push(readiness.renewal.note());
    why.push(if ready {
        "All five are met: raise the expansion, tied to the value already proven.".into()
    } else {
        "Pitching before this is fixed reads as selling before value is proven: fix the gap first."
            .into()
    });
    (Situation::Expansion { expansion }, parts, why)
}

// ------------------------------------------------------------------ QBR

pub fn qbr_answer(qbr: &Qbr, today: NaiveDate) -> (NaiveDate, bool) {
    let late = qbr
        .warnings(&[1], today)
        .iter()
        .any(|w| matches!(w, QbrWarning::AgendaLate { .. }));
    (qbr.agenda_due(), late)
}

fn qbr(rng: &mut Prng, facts: &mut Vec<(String, String)>, today: NaiveDate) -> Built {
    let mut date = today + Duration::days(rng.range(1, 35));
    while matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
        date += Duration::days(1);
    }
    let start = ClockTime::new(rng.range(9, 16) as u8, *rng.pick(&[0, 30]) as u8).expect("valid");
    let mut qbr = Qbr::new(QbrId(1), date, start);
    qbr.attendees = vec![1];
    let sent = rng.chance(0.3);
    qbr.prep.set(PrepItem::AgendaSent, sent);
    facts.push((
        "QBR".into(),
        format!("{} at {}", long_with_day(date), qbr.time_range()),
    ));
    facts.push(("Agenda sent".into(), if sent { "yes" } else { "no" }.into()));
    let (due, late) = qbr_answer(&qbr, today);
    let mut dates = vec![
        due,
        date - Duration::days(5),
        date - Duration::days(7),
        business_days_before(date, 3),
        business_days_before(date, 10),
    ];
    dates.dedup();
    let mut unique = Vec::new();
    for d in dates {
        if !unique.contains(&d) {
            unique.push(d);
        }
    }
    unique.truncate(4);
    rng.shuffle(&mut unique);
    let parts = vec![
        Part {
            prompt: "By when must the agenda go out?".into(),
            choices: unique.iter().map(|d| long_with_day(*d)).collect(),
            answer: unique.iter().position(|d| *d == due).expect("listed"),
        },
        Part {
            prompt: "Is the agenda late today?".into(),
            choices: vec![
                "Yes: send it today".into(),
                "No: it is sent, or there is still time".into(),
            ],
            answer: if late { 0 } else { 1 },
        },
    ];
    let why = vec![
        format!(
            "Count five business days back from {}, skipping Saturdays and Sundays: {}.",
            day_month_with_day(date),
            day_month_with_day(due)
        ),
        if sent {
            "The agenda is already sent, so it cannot be late.".into()
        } else if late {
            format!(
                "Today ({}) is past that day and nothing is sent: it is late.",
                long(today)
            )
        } else {
            format!("Today ({}) is not past that day yet.", long(today))
        },
        "Sending it early lets the customer add their own topics and book the right people.".into(),
    ];
    (Situation::Qbr { qbr }, parts, why)
}

/// Checks the situation with the domain's own validation (for tests and for safety).
pub fn validate(drill: &Drill) -> Result<(), FieldError> {
    drill
        .account
        .validate()
        .map_err(|e| FieldError::new("account", format!("{e:?}")))?;
    match &drill.situation {
        Situation::Health { signals } => {
            if signals.known_count() != 5 {
                return Err(FieldError::bare("a health drill knows all five signals"));
            }
        }
        Situation::Stakeholder { person } => {
            StakeholderMap::new()
                .validate(None, person, drill.today)
                .map_err(|e| FieldError::new("person", format!("{e:?}")))?;
        }
        Situation::Renewal { renewal } => {
            for t in renewal
                .timeline(drill.account.renewal_date, drill.account.arr)
                .ok_or_else(|| FieldError::new("renewal", "no timeline"))?
                .tasks()
            {
                if t.done_on.is_some_and(|d| d > drill.today) {
                    return Err(FieldError::bare("a task done in the future"));
                }
            }
        }
        Situation::Expansion { .. } => {}
        Situation::Qbr { qbr } => {
            qbr.validate()
                .map_err(|e| FieldError::new("qbr", format!("{e:?}")))?;
        }
    }
    Ok(())
}
