//! Bringing a book of accounts in from a CRM export (docs/csv-import.md): which column
//! holds which field (guessed from the header names, chosen per column by the user), how
//! each cell is read, and what an import would change ([`plan::plan_import`]) before
//! anything changes. The file's rows and cells come from `format::table`; nothing here
//! knows about files.

pub mod plan;

use super::account::{CompanySize, Segment};
use super::dates::{self, DayOrder};
use crate::domain::error::FieldError;

pub use plan::{
    apply_import, plan_import, undo_import, Applied, CellError, Change, ImportPlan, PlannedRow,
    Ready,
};

/// What a column of the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// Not imported.
    Ignore,
    Name,
    CrmId,
    Arr,
    RenewalDate,
    ContractStart,
    Owner,
    Industry,
    Segment,
    Employees,
    Products,
    UseCase,
    Notes,
}

impl Target {
    pub const ALL: [Target; 13] = [
        Target::Ignore,
        Target::Name,
        Target::CrmId,
        Target::Arr,
        Target::RenewalDate,
        Target::ContractStart,
        Target::Owner,
        Target::Industry,
        Target::Segment,
        Target::Employees,
        Target::Products,
        Target::UseCase,
        Target::Notes,
    ];

    /// Stable machine name, for form values.
    pub fn key(self) -> &'static str {
        match self {
            Target::Ignore => "ignore",
            Target::Name => "name",
            Target::CrmId => "crm_id",
            Target::Arr => "arr",
            Target::RenewalDate => "renewal_date",
            Target::ContractStart => "contract_start",
            Target::Owner => "owner",
            Target::Industry => "industry",
            Target::Segment => "segment",
            Target::Employees => "employees",
            Target::Products => "products",
            Target::UseCase => "use_case",
            Target::Notes => "notes",
        }
    }

    pub fn from_key(s: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.key() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            Target::Ignore => "Do not import",
            Target::Name => "Account name",
            Target::CrmId => "CRM id",
            Target::Arr => "ARR",
            Target::RenewalDate => "Renewal date",
            Target::ContractStart => "Contract start",
            Target::Owner => "Owner",
            Target::Industry => "Industry",
            Target::Segment => "Segment",
            Target::Employees => "Employees (company size)",
            Target::Products => "Products",
            Target::UseCase => "Primary use case",
            Target::Notes => "Notes",
        }
    }

    /// Header names (lower case, letters and digits only) that point to this field, as
    /// Salesforce, HubSpot and spreadsheets name them.
    fn header_names(self) -> &'static [&'static str] {
        match self {
            Target::Ignore => &[],
            Target::Name => &[
                "accountname",
                "name",
                "companyname",
                "company",
                "account",
                "customer",
                "customername",
                "organization",
                "organisation",
                "organizationname",
            ],
            Target::CrmId => &[
                "accountid",
                "recordid",
                "id",
                "crmid",
                "companyid",
                "externalid",
                "salesforceid",
                "hubspotid",
                "accountid18",
                "casesafeid",
            ],
            Target::Arr => &[
                "arr",
                "annualrecurringrevenue",
                "annualrevenue",
                "amount",
                "contractvalue",
                "acv",
                "annualcontractvalue",
                "recurringrevenue",
            ],
            Target::RenewalDate => &[
                "renewaldate",
                "contractenddate",
                "renewal",
                "nextrenewaldate",
                "contractend",
                "enddate",
                "renewson",
            ],
            Target::ContractStart => &[
                "contractstartdate",
                "contractstart",
                "startdate",
                "customersince",
            ],
            Target::Owner => &[
                "owner",
                "accountowner",
                "companyowner",
                "ownername",
                "accountmanager",
                "am",
            ],
            Target::Industry => &["industry", "vertical"],
            Target::Segment => &["segment", "customersegment", "marketsegment"],
            Target::Employees => &[
                "employees",
                "numberofemployees",
                "employeecount",
                "companysize",
                "size",
                "headcount",
            ],
            Target::Products => &[
                "products",
                "product",
                "productscontracted",
                "modules",
                "productsowned",
            ],
            Target::UseCase => &["usecase", "primaryusecase"],
            Target::Notes => &["notes", "description", "note", "comments"],
        }
    }
}

/// A header name as it is compared: lower case, letters and digits only
/// (`Account Name` and `account_name` are both `accountname`).
fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The field a header name points to, or [`Target::Ignore`].
pub fn guess_target(header: &str) -> Target {
    let key = header_key(header);
    Target::ALL
        .into_iter()
        .find(|t| t.header_names().iter().any(|n| *n == key))
        .unwrap_or(Target::Ignore)
}

/// A field for every column, guessed from the headers; a field goes to the first column
/// that names it, later ones are not imported.
pub fn guess_mapping(headers: &[String]) -> Vec<Target> {
    let mut out: Vec<Target> = Vec::with_capacity(headers.len());
    for h in headers {
        let t = guess_target(h);
        out.push(if t != Target::Ignore && out.contains(&t) {
            Target::Ignore
        } else {
            t
        });
    }
    out
}

/// How the columns of one file are read: a field per column, and one date order for the
/// whole file.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub columns: Vec<Target>,
    pub order: DayOrder,
}

impl Mapping {
    /// The column holding `target`, if one does.
    pub fn column_of(&self, target: Target) -> Option<usize> {
        self.columns.iter().position(|&t| t == target)
    }

    /// A mapping can be used when one column holds the account name and no field is
    /// chosen for two columns.
    pub fn check(&self, headers: &[String]) -> Result<(), FieldError> {
        for t in Target::ALL.into_iter().filter(|&t| t != Target::Ignore) {
            let cols: Vec<&str> = self
                .columns
                .iter()
                .enumerate()
                .filter(|(_, &c)| c == t)
                .map(|(i, _)| headers.get(i).map_or("?", String::as_str))
                .collect();
            if cols.len() > 1 {
                return Err(FieldError::bare(format!(
                    "{} is chosen for {} columns ({}): keep it on one.",
                    t.label(),
                    cols.len(),
                    cols.join(", ")
                )));
            }
        }
        if self.column_of(Target::Name).is_none() {
            return Err(FieldError::bare(
                "Choose the column that holds the account name.",
            ));
        }
        Ok(())
    }
}

/// What the date order offered for a file rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderEvidence {
    /// A date of the file reads one way only (`25/06/2027`, `06/25/2027`).
    Shown,
    /// Every date reads both ways: the separator's usual order (slashes month first,
    /// dots day first).
    Separator,
    /// Some dates read day first only, others month first only: month first, and the
    /// rows that do not fit are refused at their cells.
    Mixed,
    /// No date to go by: month first.
    Nothing,
}

impl OrderEvidence {
    /// The hint under the order's choice on the CSV preview.
    pub fn hint(self) -> &'static str {
        match self {
            OrderEvidence::Shown => "Read from the file: one of its dates reads only this way.",
            OrderEvidence::Separator => {
                "Every date in the file reads both ways; slashes usually mean month first, dots day first. Check how the dates below are read."
            }
            OrderEvidence::Mixed => {
                "Some dates in the file read only day first, others only month first: the rows that do not fit the order chosen are skipped."
            }
            OrderEvidence::Nothing => "No date to go by yet: check how the dates below are read.",
        }
    }
}

/// The date order to offer for a file, from its date columns ([`dates::guess_day_order`]),
/// and what it rests on; month first when they show nothing.
pub fn guess_order<'a>(
    columns: &[Target],
    rows: impl IntoIterator<Item = &'a [String]>,
) -> (DayOrder, OrderEvidence) {
    let date_cols: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t, Target::RenewalDate | Target::ContractStart))
        .map(|(i, _)| i)
        .collect();
    let cells: Vec<&str> = rows
        .into_iter()
        .flat_map(|r| {
            date_cols
                .iter()
                .filter_map(|&c| r.get(c).map(String::as_str))
                .collect::<Vec<_>>()
        })
        .collect();
    let shown = cells
        .iter()
        .any(|c| dates::order_forced_by(c.trim()).is_some());
    match dates::guess_day_order(cells) {
        Some(o) if shown => (o, OrderEvidence::Shown),
        Some(o) => (o, OrderEvidence::Separator),
        None if shown => (DayOrder::MonthFirst, OrderEvidence::Mixed),
        None => (DayOrder::MonthFirst, OrderEvidence::Nothing),
    }
}

/// Reads a segment: Enterprise, Mid-market (mid market, midmarket, MM) or SMB (small
/// business), in any case.
pub fn read_segment(text: &str) -> Result<Segment, FieldError> {
    match header_key(text).as_str() {
        "enterprise" | "ent" => Ok(Segment::Enterprise),
        "midmarket" | "mid" | "mm" => Ok(Segment::MidMarket),
        "smb" | "smallbusiness" | "small" | "smallandmidsizebusiness" => Ok(Segment::Smb),
        _ => Err(FieldError::bare(format!(
            "\"{}\" is not a segment: use Enterprise, Mid-market or SMB, or leave the cell empty.",
            text.trim()
        ))),
    }
}

/// Reads a company size: a number of employees (`1,200`), or a band as the planner writes
/// it (`201-1000`, `5000+`, with or without "employees").
pub fn read_employees(text: &str) -> Result<CompanySize, FieldError> {
    let t = text.trim();
    let band = t
        .trim_end_matches("employees")
        .trim()
        .replace([',', ' '], "");
    if let Some(size) = CompanySize::from_key(&band) {
        return Ok(size);
    }
    match super::money::read_number(t) {
        Some(n) if n >= 0.0 && n.fract() == 0.0 => Ok(match n as u64 {
            0..=50 => CompanySize::Micro,
            51..=200 => CompanySize::Small,
            201..=1000 => CompanySize::Medium,
            1001..=5000 => CompanySize::Large,
            _ => CompanySize::Enterprise,
        }),
        _ => Err(FieldError::bare(format!(
            "\"{t}\" is not a number of employees: write a whole number such as 1200, or a band such as 201-1000."
        ))),
    }
}

/// Longest CRM id kept.
pub const MAX_CRM_ID_CHARS: usize = 64;

/// Checks a CRM id: up to 64 characters, no line breaks or control characters; trimmed.
pub fn read_crm_id(text: &str) -> Result<String, FieldError> {
    let t = text.trim();
    if t.chars().count() > MAX_CRM_ID_CHARS {
        return Err(FieldError::bare(format!(
            "A CRM id has {MAX_CRM_ID_CHARS} characters at most; this one has {}.",
            t.chars().count()
        )));
    }
    if t.chars().any(char::is_control) {
        return Err(FieldError::bare(
            "A CRM id cannot hold line breaks or control characters.",
        ));
    }
    Ok(t.to_string())
}

/// Products as a CRM lists them: separated by `;` (multi-select picklists) or `,`.
pub fn read_products(text: &str) -> Vec<String> {
    super::account::parse_products(&text.replace(';', ","))
}
