//! The stakeholder power grid of one account (docs/domain.md#stakeholders): the people, their roles,
//! influence and sentiment, who they report to, and the rules built on them. Submodules
//! hold the quadrant grid and dot layout ([`grid`]), the relationship risks ([`risks`]),
//! the org chart ([`org`]) and the table sort ([`table`]).
//!
//! Decisions taken where the job leaves a gap (each is a documented default):
//! - Engagement frequency allows 7 (weekly), 14 (biweekly), 31 (monthly) and 92
//!   (quarterly) days between contacts: the longest a calendar month / quarter can be, so
//!   a contact on the same date each month is never flagged early.
//! - A contact is overdue when the days since the last contact are MORE than the allowed
//!   days (exactly 7 days after a weekly contact is still on time). A person with a
//!   frequency but no last contact date is overdue (we have never spoken to them). A
//!   person with no frequency is never overdue; a person who left is never overdue.
//! - A last contact date in the future is refused in the form (`add` / `update` take
//!   `today`) but accepted on import, where there is no "today".

mod grid;
mod org;
mod risks;
mod table;

use crate::domain::error::FieldError;
use crate::domain::order;
use std::collections::BTreeSet;

use chrono::NaiveDate;

pub use grid::{
    grid_layout, placement_for_move, quadrant_at, Dot, GridArea, GridLayout, Move, Quadrant, Rect,
};
pub use org::{org_chart, OrgChart, OrgNote, OrgRow};
pub use risks::{
    assess, single_thread_reasons, Risk, RiskKind, RiskReport, ThreadReason, MIN_SUPPORTIVE,
    REVIEW_INTERVAL_DAYS, TIER1_MIN_RELATIONSHIPS,
};
pub use table::{sort_people, SortColumn, SortOrder};

/// Identity of a person within one account's map. Assigned by the map, unique within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StakeholderId(pub u32);

/// What a person does in the buying and using of our product. A person can hold several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    ExecutiveSponsor,
    EconomicBuyer,
    Champion,
    Blocker,
    EndUser,
    Influencer,
    TechnicalEvaluator,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::ExecutiveSponsor,
        Role::EconomicBuyer,
        Role::Champion,
        Role::Blocker,
        Role::EndUser,
        Role::Influencer,
        Role::TechnicalEvaluator,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Role::ExecutiveSponsor => "Executive sponsor",
            Role::EconomicBuyer => "Economic buyer",
            Role::Champion => "Champion",
            Role::Blocker => "Blocker",
            Role::EndUser => "End user",
            Role::Influencer => "Influencer",
            Role::TechnicalEvaluator => "Technical evaluator",
        }
    }
    /// One line on what the role means, for a tooltip or a legend.
    pub fn hint(self) -> &'static str {
        match self {
            Role::ExecutiveSponsor => "Owns the budget for what we do",
            Role::EconomicBuyer => "Signs the renewal",
            Role::Champion => "Drives adoption and speaks up for us inside",
            Role::Blocker => "Can stop a deal or a renewal",
            Role::EndUser => "Uses the product day to day",
            Role::Influencer => "Shapes opinions without the final say",
            Role::TechnicalEvaluator => "Judges fit, security and integration",
        }
    }
    /// Stable machine name (snake_case), used in the file format and in form values.
    pub fn key(self) -> &'static str {
        match self {
            Role::ExecutiveSponsor => "executive_sponsor",
            Role::EconomicBuyer => "economic_buyer",
            Role::Champion => "champion",
            Role::Blocker => "blocker",
            Role::EndUser => "end_user",
            Role::Influencer => "influencer",
            Role::TechnicalEvaluator => "technical_evaluator",
        }
    }
    pub fn from_key(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.key() == s)
    }
}

/// Influence on the decision, 1 (little) to 5 (decides). 4 and 5 count as high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Influence(u8);

impl Influence {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;
    /// The lowest value that counts as high influence.
    pub const HIGH_FROM: u8 = 4;

    pub fn new(value: u8) -> Result<Influence, FieldError> {
        if (Self::MIN..=Self::MAX).contains(&value) {
            Ok(Influence(value))
        } else {
            Err(FieldError::bare(format!(
                "Influence goes from 1 to 5; {value} is outside that."
            )))
        }
    }
    /// Reads a form value ("1" to "5").
    pub fn parse(text: &str) -> Result<Influence, FieldError> {
        let t = text.trim();
        match t.parse::<i64>() {
            Ok(n) if (1..=5).contains(&n) => Ok(Influence(n as u8)),
            Ok(n) => Err(FieldError::bare(format!(
                "Influence goes from 1 to 5; {n} is outside that."
            ))),
            Err(_) => Err(FieldError::bare(format!(
                "Pick an influence from 1 to 5 (\"{t}\" is not one)."
            ))),
        }
    }
    pub fn get(self) -> u8 {
        self.0
    }
    pub fn is_high(self) -> bool {
        self.0 >= Self::HIGH_FROM
    }
    /// All five values, lowest first.
    pub fn all() -> [Influence; 5] {
        [1, 2, 3, 4, 5].map(Influence)
    }
}

impl Default for Influence {
    fn default() -> Self {
        Influence(3)
    }
}

/// Where a person stands towards us, on a five-point scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Sentiment {
    StrongDetractor,
    Detractor,
    #[default]
    Neutral,
    Supporter,
    Champion,
}

impl Sentiment {
    pub const ALL: [Sentiment; 5] = [
        Sentiment::StrongDetractor,
        Sentiment::Detractor,
        Sentiment::Neutral,
        Sentiment::Supporter,
        Sentiment::Champion,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Sentiment::StrongDetractor => "Strong detractor",
            Sentiment::Detractor => "Detractor",
            Sentiment::Neutral => "Neutral",
            Sentiment::Supporter => "Supporter",
            Sentiment::Champion => "Champion",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Sentiment::StrongDetractor => "strong_detractor",
            Sentiment::Detractor => "detractor",
            Sentiment::Neutral => "neutral",
            Sentiment::Supporter => "supporter",
            Sentiment::Champion => "champion",
        }
    }
    pub fn from_key(s: &str) -> Option<Sentiment> {
        Sentiment::ALL.into_iter().find(|x| x.key() == s)
    }
    /// Supporter and champion are positive.
    pub fn is_positive(self) -> bool {
        self >= Sentiment::Supporter
    }
    /// Neutral or better: the people who count against single-threading.
    pub fn is_neutral_or_better(self) -> bool {
        self >= Sentiment::Neutral
    }
}

/// How often we mean to be in touch with a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Frequency {
    Weekly,
    Biweekly,
    Monthly,
    Quarterly,
}

impl Frequency {
    pub const ALL: [Frequency; 4] = [
        Frequency::Weekly,
        Frequency::Biweekly,
        Frequency::Monthly,
        Frequency::Quarterly,
    ];
    /// Days allowed between two contacts (see the module notes for why 31 and 92).
    pub fn days(self) -> i64 {
        match self {
            Frequency::Weekly => 7,
            Frequency::Biweekly => 14,
            Frequency::Monthly => 31,
            Frequency::Quarterly => 92,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Frequency::Weekly => "Weekly",
            Frequency::Biweekly => "Every two weeks",
            Frequency::Monthly => "Monthly",
            Frequency::Quarterly => "Quarterly",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Frequency::Weekly => "weekly",
            Frequency::Biweekly => "biweekly",
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
        }
    }
    pub fn from_key(s: &str) -> Option<Frequency> {
        Frequency::ALL.into_iter().find(|x| x.key() == s)
    }
}

/// Everything about a person that a user edits.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StakeholderFields {
    pub name: String,
    pub title: String,
    pub business_unit: String,
    pub roles: BTreeSet<Role>,
    pub influence: Influence,
    pub sentiment: Sentiment,
    /// What success looks like for them personally.
    pub personal_win: String,
    /// What would turn them against us.
    pub key_risk: String,
    /// None: no set cadence, never overdue.
    pub frequency: Option<Frequency>,
    pub last_contact: Option<NaiveDate>,
    /// Who on our side owns the relationship; empty means nobody.
    pub owner: String,
    pub reports_to: Option<StakeholderId>,
    pub left_company: bool,
    pub notes: String,
}

impl StakeholderFields {
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
    /// Roles as text, in the order of [`Role::ALL`]: "Champion, End user".
    pub fn roles_text(&self) -> String {
        self.roles
            .iter()
            .map(|r| r.label())
            .collect::<Vec<_>>()
            .join(", ")
    }
    /// The owner, trimmed; None when nobody owns the relationship.
    pub fn owner_name(&self) -> Option<&str> {
        let o = self.owner.trim();
        (!o.is_empty()).then_some(o)
    }
    /// Every problem with the fields on their own (no reference to other people, no date
    /// of today). One error per field at most.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let name = self.name.trim();
        if name.is_empty() {
            errors.push(FieldError::new(
                StakeholderField::Name.key(),
                "Give the person a name.",
            ));
        }
        let limits = [
            (StakeholderField::Name, &self.name, MAX_SHORT_TEXT),
            (StakeholderField::Title, &self.title, MAX_SHORT_TEXT),
            (
                StakeholderField::BusinessUnit,
                &self.business_unit,
                MAX_SHORT_TEXT,
            ),
            (StakeholderField::Owner, &self.owner, MAX_SHORT_TEXT),
            (
                StakeholderField::PersonalWin,
                &self.personal_win,
                MAX_MEDIUM_TEXT,
            ),
            (StakeholderField::KeyRisk, &self.key_risk, MAX_MEDIUM_TEXT),
            (StakeholderField::Notes, &self.notes, MAX_NOTES),
        ];
        for (field, text, max) in limits {
            // No more characters than bytes: a short text is not counted.
            if text.len() > max
                && text.trim().chars().count() > max
                && !errors.iter().any(|e| e.path == field.key())
            {
                errors.push(FieldError::new(
                    field.key(),
                    format!("Keep this under {max} characters."),
                ));
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Reads the last-contact input of the form (`YYYY-MM-DD`, as a date input gives it);
/// empty means "never". Refused at `last_contact`, the person's field it reads. Whether the date is in the future is checked by
/// [`StakeholderMap::validate`], which knows today.
pub fn parse_last_contact(text: &str) -> Result<Option<NaiveDate>, FieldError> {
    super::dates::read_optional_date(text)
        .map_err(|e| FieldError::new(StakeholderField::LastContact.key(), e.message))
}

pub const MAX_SHORT_TEXT: usize = 120;
pub const MAX_MEDIUM_TEXT: usize = 500;
pub const MAX_NOTES: usize = 5000;

/// One person on the customer's side.
#[derive(Debug, Clone, PartialEq)]
pub struct Stakeholder {
    pub id: StakeholderId,
    pub fields: StakeholderFields,
}

/// How recently we spoke to someone, for the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Freshness {
    /// Whole days since the last contact; None when there was none. Negative if the date
    /// is in the future (only possible from an imported file).
    pub days_since_contact: Option<i64>,
    pub overdue: bool,
}

impl Stakeholder {
    pub fn quadrant(&self) -> Quadrant {
        Quadrant::of(self.fields.influence, self.fields.sentiment)
    }
    /// Still at the company (not marked "left").
    pub fn is_current(&self) -> bool {
        !self.fields.left_company
    }
    pub fn days_since_contact(&self, today: NaiveDate) -> Option<i64> {
        self.fields.last_contact.map(|d| (today - d).num_days())
    }
    /// Past the cadence: see the module notes for the exact rule.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        if self.fields.left_company {
            return false;
        }
        match (self.fields.frequency, self.days_since_contact(today)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(f), Some(days)) => days > f.days(),
        }
    }
    /// Days beyond the cadence (1 = one day late); None when not overdue or never
    /// contacted.
    pub fn days_overdue(&self, today: NaiveDate) -> Option<i64> {
        let f = self.fields.frequency?;
        let days = self.days_since_contact(today)?;
        (self.is_overdue(today)).then_some(days - f.days())
    }
    pub fn freshness(&self, today: NaiveDate) -> Freshness {
        Freshness {
            days_since_contact: self.days_since_contact(today),
            overdue: self.is_overdue(today),
        }
    }
}

/// The inputs of the person form (plus `Id`, used by import errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StakeholderField {
    Id,
    Name,
    Title,
    BusinessUnit,
    Roles,
    Influence,
    Sentiment,
    PersonalWin,
    KeyRisk,
    Frequency,
    LastContact,
    Owner,
    ReportsTo,
    LeftCompany,
    Notes,
}

impl StakeholderField {
    /// The field's name in forms and in the file format.
    pub fn key(self) -> &'static str {
        match self {
            StakeholderField::Id => "id",
            StakeholderField::Name => "name",
            StakeholderField::Title => "title",
            StakeholderField::BusinessUnit => "business_unit",
            StakeholderField::Roles => "roles",
            StakeholderField::Influence => "influence",
            StakeholderField::Sentiment => "sentiment",
            StakeholderField::PersonalWin => "personal_win",
            StakeholderField::KeyRisk => "key_risk",
            StakeholderField::Frequency => "frequency",
            StakeholderField::LastContact => "last_contact",
            StakeholderField::Owner => "owner",
            StakeholderField::ReportsTo => "reports_to",
            StakeholderField::LeftCompany => "left_company",
            StakeholderField::Notes => "notes",
        }
    }

    pub const ALL: [StakeholderField; 15] = [
        StakeholderField::Id,
        StakeholderField::Name,
        StakeholderField::Title,
        StakeholderField::BusinessUnit,
        StakeholderField::Roles,
        StakeholderField::Influence,
        StakeholderField::Sentiment,
        StakeholderField::PersonalWin,
        StakeholderField::KeyRisk,
        StakeholderField::Frequency,
        StakeholderField::LastContact,
        StakeholderField::Owner,
        StakeholderField::ReportsTo,
        StakeholderField::LeftCompany,
        StakeholderField::Notes,
    ];

    /// The field a refusal's path names ([`StakeholderField::key`]).
    pub fn from_key(key: &str) -> Option<StakeholderField> {
        StakeholderField::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// A removed person, where they stood, and who reported to them, so removal can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct RemovedStakeholder {
    pub index: usize,
    pub person: Stakeholder,
    /// People whose `reports_to` pointed at the removed person and was cleared.
    pub former_reports: Vec<StakeholderId>,
}

/// The people of one account and when the map was last reviewed.
///
/// Invariants: ids are unique; every `reports_to` names a person in the map and never the
/// person themselves; following `reports_to` never comes back to where it started.
#[derive(Debug, Clone, PartialEq)]
pub struct StakeholderMap {
    people: Vec<Stakeholder>,
    next_id: u32,
    last_reviewed: Option<NaiveDate>,
}

impl Default for StakeholderMap {
    fn default() -> Self {
        StakeholderMap {
            people: Vec::new(),
            next_id: 1,
            last_reviewed: None,
        }
    }
}

/// A refusal at a field of person `index` of a list read from a file.
fn at_person(index: usize, field: StakeholderField, message: String) -> FieldError {
    FieldError::new(format!("people[{index}].{}", field.key()), message)
}

impl StakeholderMap {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a map from people read elsewhere (a file), checking every rule. The first
    /// problem found is returned at the person's field (`people[2].reports_to`).
    pub fn from_parts(
        people: Vec<Stakeholder>,
        last_reviewed: Option<NaiveDate>,
    ) -> Result<Self, FieldError> {
        // Ordered, not hashed: a map holds a few people, and every account of a file is
        // checked (hashing each id cost more than comparing it).
        let mut seen = BTreeSet::new();
        for (index, p) in people.iter().enumerate() {
            if !seen.insert(p.id) {
                return Err(at_person(
                    index,
                    StakeholderField::Id,
                    format!(
                        "id {} is used by an earlier person on this account; ids must be unique",
                        p.id.0
                    ),
                ));
            }
            if let Err(errors) = p.fields.validate() {
                return Err(errors[0].clone().under(&format!("people[{index}]")));
            }
        }
        for (index, p) in people.iter().enumerate() {
            if let Some(m) = p.fields.reports_to {
                if m == p.id {
                    return Err(at_person(
                        index,
                        StakeholderField::ReportsTo,
                        format!("{} cannot report to themselves", display_name(p)),
                    ));
                }
                if !seen.contains(&m) {
                    return Err(at_person(
                        index,
                        StakeholderField::ReportsTo,
                        format!(
                            "reports to id {}, but no person on this account has that id",
                            m.0
                        ),
                    ));
                }
            }
        }
        for (index, p) in people.iter().enumerate() {
            if let Some(cycle) = cycle_from(&people, p.id) {
                let names: Vec<String> = cycle
                    .iter()
                    .chain(std::iter::once(&p.id))
                    .map(|id| {
                        people
                            .iter()
                            .find(|q| q.id == *id)
                            .map(display_name)
                            .unwrap_or_default()
                    })
                    .collect();
                return Err(at_person(
                    index,
                    StakeholderField::ReportsTo,
                    format!(
                            "reports_to goes round in a loop ({}); someone in it must report to a person outside the loop or to nobody",
                            names.join(" → ")
                        ),
                ));
            }
        }
        let next_id = people.iter().map(|p| p.id.0).max().map_or(1, |m| m + 1);
        Ok(StakeholderMap {
            people,
            next_id,
            last_reviewed,
        })
    }

    /// Everyone on the map, including people who left, in the order they were added.
    pub fn people(&self) -> &[Stakeholder] {
        &self.people
    }
    /// People still at the company.
    pub fn current(&self) -> impl Iterator<Item = &Stakeholder> {
        self.people.iter().filter(|p| p.is_current())
    }
    pub fn get(&self, id: StakeholderId) -> Option<&Stakeholder> {
        self.people.iter().find(|p| p.id == id)
    }
    pub fn len(&self) -> usize {
        self.people.len()
    }
    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }
    /// The name of a person, or "" if the id is unknown.
    pub fn name_of(&self, id: StakeholderId) -> &str {
        self.get(id).map_or("", |p| p.fields.name.trim())
    }

    pub fn last_reviewed(&self) -> Option<NaiveDate> {
        self.last_reviewed
    }
    /// The "reviewed" action: records `today` as the date of the last review.
    pub fn mark_reviewed(&mut self, today: NaiveDate) {
        self.last_reviewed = Some(today);
    }
    /// Sets the review date as it was (for undo). A date is kept as given.
    pub fn set_last_reviewed(&mut self, date: Option<NaiveDate>) {
        self.last_reviewed = date;
    }
    pub fn days_since_review(&self, today: NaiveDate) -> Option<i64> {
        self.last_reviewed.map(|d| (today - d).num_days())
    }

    /// Checks the fields of a new person (`id` None) or of person `id`, against the rules
    /// of the field and of the map. Returns every problem, one per field at most.
    pub fn validate(
        &self,
        id: Option<StakeholderId>,
        fields: &StakeholderFields,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        let mut errors = fields.validate().err().unwrap_or_default();
        if let Some(d) = fields.last_contact {
            if d > today {
                errors.push(FieldError::new(
                    StakeholderField::LastContact.key(),
                    format!(
                        "{} is in the future; the last contact is a day that already happened.",
                        super::dates::long(d)
                    ),
                ));
            }
        }
        if let Some(m) = fields.reports_to {
            if Some(m) == id {
                errors.push(FieldError::new(
                    StakeholderField::ReportsTo.key(),
                    "A person cannot report to themselves.",
                ));
            } else if self.get(m).is_none() {
                errors.push(FieldError::new(
                    StakeholderField::ReportsTo.key(),
                    "That manager is no longer on the map; pick someone else.",
                ));
            } else if let Some(id) = id {
                if self.reports_up_to(m, id) {
                    let name = fields.name.trim();
                    let who = if name.is_empty() { "this person" } else { name };
                    errors.push(FieldError::new(StakeholderField::ReportsTo.key(),
                        format!(
                            "{} already reports up to {who}, so {who} cannot report to them: that would make a loop.",
                            self.name_of(m)
                        ),
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Adds a person if the fields are valid; returns the new id.
    pub fn add(
        &mut self,
        fields: StakeholderFields,
        today: NaiveDate,
    ) -> Result<StakeholderId, Vec<FieldError>> {
        self.validate(None, &fields, today)?;
        let id = StakeholderId(self.next_id);
        self.next_id += 1;
        self.people.push(Stakeholder { id, fields });
        Ok(id)
    }

    /// Replaces a person's fields if valid; otherwise nothing changes.
    pub fn update(
        &mut self,
        id: StakeholderId,
        fields: StakeholderFields,
        today: NaiveDate,
    ) -> Result<(), Vec<FieldError>> {
        if self.get(id).is_none() {
            return Err(vec![FieldError::new(
                StakeholderField::Id.key(),
                "This person is no longer on the map.",
            )]);
        }
        self.validate(Some(id), &fields, today)?;
        if let Some(p) = self.people.iter_mut().find(|p| p.id == id) {
            p.fields = fields;
        }
        Ok(())
    }

    /// Removes a person; anyone who reported to them now reports to nobody.
    pub fn remove(&mut self, id: StakeholderId) -> Option<RemovedStakeholder> {
        let index = self.people.iter().position(|p| p.id == id)?;
        let person = self.people.remove(index);
        let mut former_reports = Vec::new();
        for p in &mut self.people {
            if p.fields.reports_to == Some(id) {
                p.fields.reports_to = None;
                former_reports.push(p.id);
            }
        }
        Some(RemovedStakeholder {
            index,
            person,
            former_reports,
        })
    }

    /// Puts a removed person back where they were and restores who reported to them
    /// (for those who still report to nobody). Does nothing if the id is in use again, and
    /// drops the person's own manager if that manager is gone meanwhile.
    pub fn undo_remove(&mut self, removed: RemovedStakeholder) {
        let RemovedStakeholder {
            index,
            mut person,
            former_reports,
        } = removed;
        if self.get(person.id).is_some() {
            return;
        }
        if let Some(m) = person.fields.reports_to {
            if self.get(m).is_none() {
                person.fields.reports_to = None;
            }
        }
        let id = person.id;
        let index = index.min(self.people.len());
        self.next_id = self.next_id.max(id.0 + 1);
        self.people.insert(index, person);
        // The manager link of the restored person may now point under one of its former
        // reports (if edits happened meanwhile); restore links only where no loop appears.
        for r in former_reports {
            let ok = self.get(r).is_some_and(|p| p.fields.reports_to.is_none())
                && !self.reports_up_to(id, r);
            if ok {
                if let Some(p) = self.people.iter_mut().find(|p| p.id == r) {
                    p.fields.reports_to = Some(id);
                }
            }
        }
    }

    /// Moves a person into `target` (the drag or keyboard move on the grid), changing
    /// influence and sentiment as [`placement_for_move`] says. Returns false if the id is
    /// unknown.
    pub fn move_to(&mut self, id: StakeholderId, target: Quadrant) -> bool {
        match self.people.iter_mut().find(|p| p.id == id) {
            Some(p) => {
                let (i, s) = placement_for_move(p.fields.influence, p.fields.sentiment, target);
                p.fields.influence = i;
                p.fields.sentiment = s;
                true
            }
            None => false,
        }
    }

    /// Puts influence and sentiment back to given values (undo of a move). Returns false if
    /// the id is unknown. Both values are valid by their types, so nothing else is checked.
    pub fn set_placement(
        &mut self,
        id: StakeholderId,
        influence: Influence,
        sentiment: Sentiment,
    ) -> bool {
        match self.people.iter_mut().find(|p| p.id == id) {
            Some(p) => {
                p.fields.influence = influence;
                p.fields.sentiment = sentiment;
                true
            }
            None => false,
        }
    }

    /// Marks a person as gone from the company (or back). Returns false if unknown.
    pub fn set_left_company(&mut self, id: StakeholderId, left: bool) -> bool {
        match self.people.iter_mut().find(|p| p.id == id) {
            Some(p) => {
                p.fields.left_company = left;
                true
            }
            None => false,
        }
    }

    /// True when following `reports_to` from `from` reaches `target` (`from` itself
    /// included). Bounded, so it ends even on bad data.
    pub fn reports_up_to(&self, from: StakeholderId, target: StakeholderId) -> bool {
        let mut cur = Some(from);
        for _ in 0..=self.people.len() {
            match cur {
                Some(c) if c == target => return true,
                Some(c) => cur = self.get(c).and_then(|p| p.fields.reports_to),
                None => return false,
            }
        }
        false
    }

    /// Direct reports of a person, ordered by name.
    pub fn reports_of(&self, id: StakeholderId) -> Vec<StakeholderId> {
        let mut v: Vec<&Stakeholder> = self
            .people
            .iter()
            .filter(|p| p.fields.reports_to == Some(id))
            .collect();
        order::sort_by(&mut v, |a, b| by_name(a, b));
        v.into_iter().map(|p| p.id).collect()
    }

    /// Who person `id` (None: a new person) may report to without making a loop: everyone
    /// except themselves and the people under them, ordered by name. Feeds the form's list.
    pub fn manager_choices(&self, id: Option<StakeholderId>) -> Vec<StakeholderId> {
        let mut v: Vec<&Stakeholder> = self
            .people
            .iter()
            .filter(|p| match id {
                Some(id) => !self.reports_up_to(p.id, id),
                None => true,
            })
            .collect();
        order::sort_by(&mut v, |a, b| by_name(a, b));
        v.into_iter().map(|p| p.id).collect()
    }

    /// The reports-to tree of this map.
    pub fn org_chart(&self) -> OrgChart {
        org_chart(&self.people)
    }
}

fn display_name(p: &Stakeholder) -> String {
    let n = p.fields.name.trim();
    if n.is_empty() {
        format!("person {}", p.id.0)
    } else {
        n.to_string()
    }
}

/// Name order used everywhere: case-insensitive name, then id.
pub(crate) fn by_name(a: &Stakeholder, b: &Stakeholder) -> std::cmp::Ordering {
    a.fields
        .name
        .trim()
        .to_lowercase()
        .cmp(&b.fields.name.trim().to_lowercase())
        .then(a.id.cmp(&b.id))
}

/// If following `reports_to` from `start` comes back to `start`, the ids met on the way
/// (starting with `start`). Bounded by the number of people.
pub(crate) fn cycle_from(
    people: &[Stakeholder],
    start: StakeholderId,
) -> Option<Vec<StakeholderId>> {
    let manager = |id: StakeholderId| {
        people
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.fields.reports_to)
    };
    let mut path = vec![start];
    let mut cur = manager(start);
    for _ in 0..people.len() {
        match cur {
            Some(c) if c == start => return Some(path),
            Some(c) => {
                if path.contains(&c) {
                    return None; // a loop further up that does not include `start`
                }
                path.push(c);
                cur = manager(c);
            }
            None => return None,
        }
    }
    None
}
