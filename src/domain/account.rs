//! One customer account: its fields, its enums, and the validation of what a user types.

use chrono::NaiveDate;

pub use super::error::FieldError;
pub use super::ids::AccountId;
pub use super::money::MAX_ARR;
use super::renewal::Timeline;
pub use super::tier::Tier;

/// Market segment of the customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Segment {
    Enterprise,
    MidMarket,
    Smb,
}

impl Segment {
    pub const ALL: [Segment; 3] = [Segment::Enterprise, Segment::MidMarket, Segment::Smb];
    pub fn label(self) -> &'static str {
        match self {
            Segment::Enterprise => "Enterprise",
            Segment::MidMarket => "Mid-market",
            Segment::Smb => "SMB",
        }
    }
    /// Stable machine name, used in the file format and in form values.
    pub fn key(self) -> &'static str {
        match self {
            Segment::Enterprise => "enterprise",
            Segment::MidMarket => "mid_market",
            Segment::Smb => "smb",
        }
    }
    pub fn from_key(s: &str) -> Option<Segment> {
        Segment::ALL.into_iter().find(|x| x.key() == s)
    }
}

/// Company size as an employee-count band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompanySize {
    Micro,
    Small,
    Medium,
    Large,
    Enterprise,
}

impl CompanySize {
    pub const ALL: [CompanySize; 5] = [
        CompanySize::Micro,
        CompanySize::Small,
        CompanySize::Medium,
        CompanySize::Large,
        CompanySize::Enterprise,
    ];
    pub fn label(self) -> &'static str {
        match self {
            CompanySize::Micro => "1-50 employees",
            CompanySize::Small => "51-200 employees",
            CompanySize::Medium => "201-1,000 employees",
            CompanySize::Large => "1,001-5,000 employees",
            CompanySize::Enterprise => "5,000+ employees",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            CompanySize::Micro => "1-50",
            CompanySize::Small => "51-200",
            CompanySize::Medium => "201-1000",
            CompanySize::Large => "1001-5000",
            CompanySize::Enterprise => "5000+",
        }
    }
    pub fn from_key(s: &str) -> Option<CompanySize> {
        CompanySize::ALL.into_iter().find(|x| x.key() == s)
    }
}

/// A customer account as the domain sees it. Fields are public because every value a
/// user can hold here is valid on its own; cross-field rules are checked by
/// [`AccountFields::validate`] and by [`crate::domain::Workspace::check`].
#[derive(Debug, Clone, PartialEq)]
pub struct Account {
    pub id: AccountId,
    pub fields: AccountFields,
    /// Health check-ins: dated raw signals, scored with the workspace weights.
    pub health: super::health::HealthHistory,
    /// Account plan, QBRs, qualification scorecards.
    pub planning: super::planning::Planning,
    /// The stakeholder power grid: people, roles, sentiment, reports-to.
    pub stakeholders: super::stakeholders::StakeholderMap,
    /// Renewal terms and timeline progress.
    pub renewal: super::renewal::Renewal,
    /// Expansion opportunities and readiness ticks.
    pub expansion: super::expansion::Expansion,
    /// Save plans: at most one open, the rest history.
    pub save_plans: super::save_plan::SavePlans,
    /// The account's id in the CRM it was imported from (`001...` in Salesforce, a record
    /// id in HubSpot): a later import of the same export updates it (docs/csv-import.md).
    pub crm_id: Option<String>,
    /// The ARR history; `fields.arr` is always its total (docs/kpis.md#the-arr-history).
    pub arr_log: super::arr::ArrLog,
    /// White space grid: business units by products (docs/account-depth.md).
    pub white_space: super::white_space::WhiteSpace,
    /// What we promised the customer.
    pub commitments: super::commitments::Commitments,
    /// Escalations and their loop.
    pub escalations: super::escalations::Escalations,
}

impl Account {
    /// "Start the next cycle": the renewal was signed and the new term renews on the day
    /// typed in `text`, which must be ahead of `today`. Sets the renewal date (the fields
    /// must stay valid) and clears the old term's ticks ([`Renewal::start_new_cycle`]; the
    /// user's own tasks stay, unticked). Changes nothing when it refuses.
    ///
    /// [`Renewal::start_new_cycle`]: super::renewal::Renewal::start_new_cycle
    pub fn start_next_cycle(
        &mut self,
        text: &str,
        today: NaiveDate,
    ) -> Result<NaiveDate, FieldError> {
        let d = super::dates::read_date(text)?;
        if d <= today {
            return Err(FieldError::bare(format!(
                "{} is not ahead of today: pick the date the new term renews.",
                super::dates::long(d)
            )));
        }
        let mut fields = self.fields.clone();
        fields.renewal_date = Some(d);
        fields.validate().map_err(|es| {
            FieldError::bare(es.first().map(|e| e.message.clone()).unwrap_or_default())
        })?;
        self.fields = fields;
        self.renewal.start_new_cycle();
        Ok(d)
    }
}

/// Everything about an account that a user edits.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AccountFields {
    pub name: String,
    pub industry: String,
    pub segment: Option<Segment>,
    pub size: Option<CompanySize>,
    pub primary_use_case: String,
    pub products: Vec<String>,
    /// Annual recurring revenue in the workspace currency; finite and >= 0.
    pub arr: f64,
    pub contract_start: Option<NaiveDate>,
    pub renewal_date: Option<NaiveDate>,
    pub owner: String,
    /// A tier set by hand; wins over the tier computed from ARR.
    pub tier_override: Option<Tier>,
    pub notes: String,
}

/// The fields of the account form, one per input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Arr,
    ContractStart,
    RenewalDate,
}

impl Field {
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Arr => "arr",
            Field::ContractStart => "contract_start",
            Field::RenewalDate => "renewal_date",
        }
    }
}

impl Field {
    pub const ALL: [Field; 4] = [
        Field::Name,
        Field::Arr,
        Field::ContractStart,
        Field::RenewalDate,
    ];

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}

impl FieldError {
    /// A message at an account field (its path is the field's key).
    pub fn at(field: Field, message: impl Into<String>) -> Self {
        FieldError::new(field.key(), message)
    }

    /// The account field this refusal is about, when its path is one.
    pub fn account_field(&self) -> Option<Field> {
        Field::from_key(&self.path)
    }
}

pub const MAX_NAME_LEN: usize = 120;

impl AccountFields {
    /// Cross-field and per-field rules. Returns every problem, one per field at most.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if let Err(e) = check_name(&self.name) {
            errors.push(e);
        }
        if let Err(e) = check_arr(self.arr) {
            errors.push(e);
        }
        if let Err(e) = check_dates(self.contract_start, self.renewal_date) {
            errors.push(e);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    pub fn products_text(&self) -> String {
        self.products.join(", ")
    }
}

/// What two account names are compared by: case and spacing aside ("Acme  corp" is
/// "ACME Corp"). The CSV import finds an account by it, and a second account given a
/// name already used is pointed out.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

pub fn check_name(name: &str) -> Result<(), FieldError> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(FieldError::at(Field::Name, "Give the account a name."));
    }
    if trimmed.chars().count() > MAX_NAME_LEN {
        return Err(FieldError::at(
            Field::Name,
            format!("Keep the name under {MAX_NAME_LEN} characters."),
        ));
    }
    Ok(())
}

pub fn check_arr(arr: f64) -> Result<(), FieldError> {
    if !arr.is_finite() {
        return Err(FieldError::at(Field::Arr, "ARR must be a number."));
    }
    if arr < 0.0 {
        return Err(FieldError::at(Field::Arr, "ARR cannot be negative."));
    }
    if arr > MAX_ARR {
        return Err(FieldError::at(
            Field::Arr,
            "ARR is above a trillion: check the number of zeros.",
        ));
    }
    Ok(())
}

pub fn check_dates(start: Option<NaiveDate>, renewal: Option<NaiveDate>) -> Result<(), FieldError> {
    if let (Some(s), Some(r)) = (start, renewal) {
        if r < s {
            return Err(FieldError::at(
                Field::RenewalDate,
                format!(
                    "The renewal date ({}) is before the contract start ({}).",
                    super::dates::long(r),
                    super::dates::long(s)
                ),
            ));
        }
        if r == s {
            return Err(FieldError::at(
                Field::RenewalDate,
                "The renewal date is the same day as the contract start.",
            ));
        }
    }
    Ok(())
}

/// Reads an ARR typed by a user: digits with optional thousands separators (`,` `_` or
/// spaces) and an optional decimal point. Empty means 0. Currency symbols are refused
/// rather than guessed, because the currency belongs to the workspace.
pub fn parse_arr(text: &str) -> Result<f64, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(0.0);
    }
    let value = super::money::read_typed_amount(t).ok_or_else(|| {
        FieldError::at(
            Field::Arr,
            format!("\"{t}\" is not a number: type digits only, e.g. 120000."),
        )
    })?;
    check_arr(value)?;
    Ok(value)
}

/// Reads an ISO date (`YYYY-MM-DD`) from a form field; empty means "not set".
pub fn parse_date(field: Field, text: &str) -> Result<Option<NaiveDate>, FieldError> {
    super::dates::read_optional_date(text).map_err(|e| e.under(field.key()))
}

/// Splits a comma-separated product list, dropping blanks and duplicates, keeping order.
pub fn parse_products(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if !out.iter().any(|q| q.eq_ignore_ascii_case(p)) {
            out.push(p.to_string());
        }
    }
    out
}

/// The renewal timeline of an account from its own fields (renewal date and ARR).
pub fn timeline_of(account: &Account) -> Option<Timeline> {
    account
        .renewal
        .timeline(account.fields.renewal_date, account.fields.arr)
}

/// The ARR history of an account (docs/kpis.md#the-arr-history).
impl Account {
    /// Replaces the history and sets the ARR to its total (the one way ARR changes).
    pub fn set_arr_log(&mut self, log: super::arr::ArrLog) {
        self.fields.arr = log.total();
        self.arr_log = log;
    }

    /// Adds one change to the history; refused (nothing changes) when the history would
    /// not hold.
    pub fn record_arr(&mut self, event: super::arr::ArrEvent) -> Result<(), FieldError> {
        let log = self.arr_log.with(event)?;
        self.set_arr_log(log);
        Ok(())
    }

    /// The account has churned (its last ARR change is a churn): kept, out of the
    /// working views by default.
    pub fn is_churned(&self) -> bool {
        self.arr_log.is_churned()
    }
}
