//! Stakeholder maps for the demo accounts: who we know at each customer, where they stand,
//! and a few situations worth seeing on first open. Dates are relative to `today`.
//!
//! - Northwind Logistics: a new CFO who is neutral and overdue, an influential IT blocker
//!   nobody owns, and the old CFO who left.
//! - Helix Biotech: a healthy, well-spread map (no risk).
//! - Cobalt Retail Group: legal is a strong detractor; the map is five months old.
//! - Fjord Energy: Tier 1 with only four people mapped.
//! - Brightpath Learning: the only champion has left (high churn risk).
//! - Tidewater Hospitality: never reviewed; a new regional VP we have not met yet.
//! - Orbit Analytics: single-threaded on the founder.
//! - Quarry & Vale Legal: nobody mapped yet (the empty state).

use chrono::{Duration, NaiveDate};

use crate::domain::stakeholders::{
    Frequency, Influence, Role, Sentiment, StakeholderFields, StakeholderId, StakeholderMap,
};
use crate::domain::workspace::Workspace;

use Frequency::{Biweekly, Monthly, Quarterly, Weekly};
use Role::{
    Blocker, Champion, EconomicBuyer, EndUser, ExecutiveSponsor, Influencer, TechnicalEvaluator,
};
use Sentiment as S;

struct P {
    name: &'static str,
    title: &'static str,
    unit: &'static str,
    roles: &'static [Role],
    influence: u8,
    sentiment: Sentiment,
    win: &'static str,
    risk: &'static str,
    frequency: Option<Frequency>,
    /// Days since the last contact; None: never.
    contact_days_ago: Option<i64>,
    owner: &'static str,
    /// Position (0-based) of the manager in the same list; always an earlier person.
    reports_to: Option<usize>,
    left: bool,
    notes: &'static str,
}

const fn p(
    name: &'static str,
    title: &'static str,
    unit: &'static str,
    roles: &'static [Role],
    influence: u8,
    sentiment: Sentiment,
) -> P {
    P {
        name,
        title,
        unit,
        roles,
        influence,
        sentiment,
        win: "",
        risk: "",
        frequency: None,
        contact_days_ago: None,
        owner: "",
        reports_to: None,
        left: false,
        notes: "",
    }
}

impl P {
    const fn win(mut self, win: &'static str, risk: &'static str) -> P {
        self.win = win;
        self.risk = risk;
        self
    }
    const fn contact(mut self, f: Frequency, days_ago: i64, owner: &'static str) -> P {
        self.frequency = Some(f);
        self.contact_days_ago = Some(days_ago);
        self.owner = owner;
        self
    }
    /// A cadence and an owner, but no contact yet.
    const fn not_met(mut self, f: Frequency, owner: &'static str) -> P {
        self.frequency = Some(f);
        self.owner = owner;
        self
    }
    const fn under(mut self, manager: usize) -> P {
        self.reports_to = Some(manager);
        self
    }
    const fn gone(mut self, notes: &'static str) -> P {
        self.left = true;
        self.notes = notes;
        self
    }
    const fn notes(mut self, notes: &'static str) -> P {
        self.notes = notes;
        self
    }
}

struct Map {
    account: &'static str,
    /// Days since the map was last marked reviewed; None: never.
    reviewed_days_ago: Option<i64>,
    people: &'static [P],
}

const MAPS: &[Map] = &[
    Map {
        account: "Northwind Logistics",
        reviewed_days_ago: Some(34),
        people: &[
            p(
                "Tomas Okafor",
                "Chief Operating Officer",
                "Operations",
                &[ExecutiveSponsor],
                5,
                S::Supporter,
            )
            .win(
                "On-time delivery above 97% across all depots",
                "A dispatch outage in peak season",
            )
            .contact(Quarterly, 48, "Priya Raman"),
            p(
                "Helena Brandt",
                "Chief Financial Officer",
                "Finance",
                &[EconomicBuyer],
                5,
                S::Neutral,
            )
            .win(
                "Cut logistics software spend by 10% this year",
                "Sees us as a cost line, not a lever",
            )
            .contact(Monthly, 40, "Priya Raman")
            .notes("Joined in the spring. Wants a cost review before she signs the renewal."),
            p(
                "Mei Lin",
                "Head of Dispatch",
                "Operations",
                &[Champion, EndUser],
                4,
                S::Champion,
            )
            .win(
                "Promotion to VP Operations",
                "Losing her planners to manual workarounds",
            )
            .contact(Weekly, 3, "Priya Raman")
            .under(0),
            p(
                "Rafael Soto",
                "IT Director",
                "IT",
                &[TechnicalEvaluator, Blocker],
                4,
                S::Detractor,
            )
            .win(
                "One data platform for the whole group",
                "Any tool his team cannot run themselves",
            )
            .contact(Monthly, 20, "")
            .under(1)
            .notes("Pushing to move route planning onto their in-house data platform."),
            p(
                "Aisha Kamara",
                "Fleet Planner",
                "Operations",
                &[EndUser],
                2,
                S::Supporter,
            )
            .contact(Monthly, 12, "Jon Park")
            .under(2),
            p(
                "Gary Whitlock",
                "Procurement Lead",
                "Procurement",
                &[Influencer],
                3,
                S::Neutral,
            )
            .win(
                "A clean vendor consolidation story",
                "Surprise price increases",
            )
            .contact(Quarterly, 70, "Jon Park")
            .under(1),
            p(
                "Linda Hayes",
                "Former CFO",
                "Finance",
                &[EconomicBuyer],
                5,
                S::Supporter,
            )
            .gone("Signed our first contract; left in the spring. Now CFO at a freight broker."),
        ],
    },
    Map {
        account: "Helix Biotech",
        reviewed_days_ago: Some(18),
        people: &[
            p(
                "Dr. Sarah Whitmore",
                "VP Research Operations",
                "R&D",
                &[ExecutiveSponsor, EconomicBuyer],
                5,
                S::Supporter,
            )
            .win(
                "One sample-tracking process across all three sites",
                "An audit finding on data integrity",
            )
            .contact(Monthly, 15, "Priya Raman"),
            p(
                "Ben Adeyemi",
                "Lab Manager, Boston",
                "R&D Boston",
                &[Champion],
                4,
                S::Champion,
            )
            .win(
                "Lead the Basel rollout",
                "A slow or messy rollout with his name on it",
            )
            .contact(Biweekly, 6, "Priya Raman")
            .under(0),
            p(
                "Klaus Meier",
                "Site Head, Basel",
                "R&D Basel",
                &[Influencer],
                4,
                S::Neutral,
            )
            .win(
                "Keep Basel's own way of working",
                "Being told what to do by Boston",
            )
            .contact(Monthly, 25, "Priya Raman")
            .under(0),
            p(
                "Nora Quinn",
                "QA & Compliance Lead",
                "Quality",
                &[TechnicalEvaluator],
                3,
                S::Supporter,
            )
            .contact(Monthly, 10, "Jon Park"),
            p(
                "Viktor Hale",
                "Head of IT Security",
                "IT",
                &[Blocker],
                4,
                S::Detractor,
            )
            .win(
                "No new vendors holding lab data",
                "A security questionnaire left unanswered",
            )
            .contact(Monthly, 28, "Jon Park"),
            p(
                "Lucia Ferraz",
                "Lab Technician",
                "R&D Boston",
                &[EndUser],
                1,
                S::Champion,
            )
            .contact(Quarterly, 45, "Jon Park")
            .under(1),
        ],
    },
    Map {
        account: "Cobalt Retail Group",
        reviewed_days_ago: Some(150),
        people: &[
            p(
                "Dana Cole",
                "VP Store Operations",
                "Operations",
                &[ExecutiveSponsor],
                5,
                S::Neutral,
            )
            .win(
                "Same checklist compliance in every region",
                "Store managers complaining about the app",
            )
            .contact(Monthly, 35, "Marco Silva"),
            p(
                "Ivan Petrov",
                "General Counsel",
                "Legal",
                &[Blocker],
                5,
                S::StrongDetractor,
            )
            .win("Data-processing terms his team wrote", "Our standard DPA")
            .contact(Weekly, 9, "Marco Silva")
            .notes("Holding the renewal until the data-processing terms change."),
            p(
                "Grace Liu",
                "Regional Operations Manager",
                "Operations",
                &[Champion, EndUser],
                3,
                S::Champion,
            )
            .contact(Biweekly, 10, "Marco Silva")
            .under(0),
            p(
                "Sam Ortega",
                "Store Manager, Leeds",
                "Stores",
                &[EndUser],
                1,
                S::Supporter,
            )
            .contact(Quarterly, 60, "Jon Park")
            .under(2),
            p(
                "Priyanka Shah",
                "Procurement Manager",
                "Procurement",
                &[EconomicBuyer],
                4,
                S::Neutral,
            )
            .contact(Monthly, 20, "Marco Silva"),
        ],
    },
    Map {
        account: "Fjord Energy",
        reviewed_days_ago: Some(45),
        people: &[
            p(
                "Ingrid Solberg",
                "Chief Technology Officer",
                "Technology",
                &[ExecutiveSponsor, TechnicalEvaluator],
                5,
                S::Supporter,
            )
            .win(
                "A single maintenance platform for the whole group",
                "Another integration project that overruns",
            )
            .contact(Monthly, 18, "Marco Silva"),
            p(
                "Erik Lund",
                "Maintenance Planning Lead",
                "Field Operations",
                &[Champion, EndUser],
                3,
                S::Champion,
            )
            .contact(Biweekly, 5, "Ellie Moss")
            .under(0),
            p(
                "Astrid Berg",
                "Group Procurement Director",
                "Procurement",
                &[EconomicBuyer],
                4,
                S::Neutral,
            )
            .win(
                "Fewer vendors across the group",
                "A price that does not scale down per site",
            )
            .contact(Quarterly, 80, "Marco Silva"),
            p(
                "Jonas Falk",
                "Field Technician",
                "Field Operations",
                &[EndUser],
                1,
                S::Detractor,
            )
            .under(1)
            .notes("Finds the mobile app slow offshore; no set cadence."),
        ],
    },
    Map {
        account: "Brightpath Learning",
        reviewed_days_ago: Some(60),
        people: &[
            p(
                "Owen Price",
                "Director of Online Programmes",
                "Programmes",
                &[Champion],
                4,
                S::Champion,
            )
            .contact(Biweekly, 70, "Priya Raman")
            .gone("Left in late summer for another university; still happy to talk."),
            p(
                "Rita Gomez",
                "Chief Operating Officer",
                "Operations",
                &[ExecutiveSponsor, EconomicBuyer],
                5,
                S::Neutral,
            )
            .win(
                "Lower cost per enrolled student",
                "Paying for seats nobody uses",
            )
            .contact(Monthly, 50, "Priya Raman"),
            p(
                "Leo Tran",
                "Course Operations Coordinator",
                "Programmes",
                &[EndUser],
                2,
                S::Supporter,
            )
            .contact(Biweekly, 12, "Jon Park")
            .under(1),
            p(
                "Hannah Beck",
                "Head of IT",
                "IT",
                &[TechnicalEvaluator],
                3,
                S::Detractor,
            )
            .win(
                "Fewer systems to support",
                "Single sign-on problems at term start",
            )
            .contact(Quarterly, 100, "Jon Park")
            .under(1),
            p(
                "Marcus Bell",
                "Learning Designer",
                "Programmes",
                &[EndUser, Influencer],
                2,
                S::Neutral,
            )
            .contact(Monthly, 20, "Jon Park")
            .under(1),
        ],
    },
    Map {
        account: "Tidewater Hospitality",
        reviewed_days_ago: None,
        people: &[
            p(
                "Claire Dubois",
                "Director of Operations",
                "Operations",
                &[ExecutiveSponsor, EconomicBuyer],
                4,
                S::Supporter,
            )
            .win(
                "Open the two new resorts with the same standards",
                "Guest complaints about room turnaround",
            )
            .contact(Monthly, 22, "Dana Whitfield"),
            p(
                "Mateo Ruiz",
                "Housekeeping Manager",
                "Housekeeping",
                &[Champion, EndUser],
                3,
                S::Champion,
            )
            .contact(Biweekly, 9, "Jon Park")
            .under(0),
            p(
                "Fiona Walsh",
                "Maintenance Lead",
                "Maintenance",
                &[EndUser],
                2,
                S::Neutral,
            )
            .contact(Monthly, 33, "Jon Park")
            .under(0),
            p(
                "Ahmed Nasser",
                "Regional VP, New Resorts",
                "Development",
                &[Influencer],
                5,
                S::Neutral,
            )
            .win(
                "Both resorts open on schedule",
                "Tools chosen before he arrived",
            )
            .notes("New in the role; Claire offered to introduce us.")
            .not_met(Quarterly, "Dana Whitfield"),
        ],
    },
    Map {
        account: "Orbit Analytics",
        reviewed_days_ago: Some(10),
        people: &[
            p(
                "Jess Moreau",
                "Founder & CEO",
                "Leadership",
                &[ExecutiveSponsor, EconomicBuyer, Champion],
                5,
                S::Champion,
            )
            .win(
                "Onboard twice as many customers without hiring",
                "A price rise at renewal",
            )
            .contact(Quarterly, 30, "Dana Whitfield"),
            p(
                "Kai Tanaka",
                "Customer Success Lead",
                "Customer Success",
                &[EndUser],
                2,
                S::Detractor,
            )
            .win(
                "Templates that fit their own onboarding steps",
                "Finds our project templates rigid",
            )
            .contact(Monthly, 15, "Dana Whitfield")
            .under(0),
            p(
                "Sofia Lind",
                "Operations Manager",
                "Operations",
                &[EndUser],
                2,
                S::Neutral,
            )
            .contact(Quarterly, 64, "Dana Whitfield")
            .under(0),
        ],
    },
];

/// Adds the demo stakeholder maps to the accounts of the same name (others are left as
/// they are).
pub fn seed(ws: &mut Workspace, today: NaiveDate) {
    for m in MAPS {
        let Some(id) = ws
            .accounts()
            .iter()
            .find(|a| a.fields.name == m.account)
            .map(|a| a.id)
        else {
            continue;
        };
        let map = build(m, today);
        if let Some(a) = ws.account_mut(id) {
            a.stakeholders = map;
        }
    }
}

fn build(m: &Map, today: NaiveDate) -> StakeholderMap {
    let mut map = StakeholderMap::new();
    let mut ids: Vec<StakeholderId> = Vec::new();
    for p in m.people {
        let fields = StakeholderFields {
            name: p.name.into(),
            title: p.title.into(),
            business_unit: p.unit.into(),
            roles: p.roles.iter().copied().collect(),
            influence: Influence::new(p.influence).expect("demo influence is 1-5"),
            sentiment: p.sentiment,
            personal_win: p.win.into(),
            key_risk: p.risk.into(),
            frequency: p.frequency,
            last_contact: p.contact_days_ago.map(|d| today - Duration::days(d)),
            owner: p.owner.into(),
            reports_to: p.reports_to.map(|i| ids[i]),
            left_company: p.left,
            notes: p.notes.into(),
        };
        let id = map
            .add(fields, today)
            .expect("the demo people are valid by construction");
        ids.push(id);
    }
    if let Some(d) = m.reviewed_days_ago {
        map.mark_reviewed(today - Duration::days(d));
    }
    map
}
