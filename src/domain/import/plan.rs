//! What an import would do, row by row, and doing it (docs/csv-import.md#rows): each row
//! becomes a new account, an update of one already here (matched by CRM id, else by name),
//! or a list of errors at its cells. Nothing changes until [`apply_import`]; one
//! [`undo_import`] takes the whole import back.

use crate::domain::account::name_key;
use crate::domain::error::FieldError;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::{read_crm_id, read_employees, read_products, read_segment, Mapping, Target};
use crate::domain::account::{check_arr, check_name, Account, AccountFields, AccountId, Field};
use crate::domain::arr::{ArrChange, ArrKind};
use crate::domain::dates::read_date_in;
use crate::domain::money::read_money;
use crate::domain::{mid_cycle, Workspace};

/// A problem with one cell (by column index), in words for the person who fixes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub column: usize,
    pub message: String,
}

/// What a good row does.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Add,
    /// Updates this account; `by_crm_id` says how it was found.
    Update {
        id: AccountId,
        by_crm_id: bool,
    },
}

/// A row that can be imported: the account's fields after the import.
#[derive(Debug, Clone, PartialEq)]
pub struct Ready {
    pub change: Change,
    pub fields: AccountFields,
    pub crm_id: Option<String>,
}

/// One row of the file and what importing it does.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRow {
    /// As a spreadsheet numbers it (the header is row 1).
    pub number: usize,
    pub outcome: Result<Ready, Vec<CellError>>,
}

/// Every row of a file, planned.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan {
    pub rows: Vec<PlannedRow>,
}

impl ImportPlan {
    fn count(&self, f: impl Fn(&Change) -> bool) -> usize {
        self.rows
            .iter()
            .filter(|r| r.outcome.as_ref().is_ok_and(|ok| f(&ok.change)))
            .count()
    }
    pub fn added(&self) -> usize {
        self.count(|c| *c == Change::Add)
    }
    pub fn updated(&self) -> usize {
        self.count(|c| matches!(c, Change::Update { .. }))
    }
    /// Rows that will be skipped, with their errors.
    pub fn errors(&self) -> impl Iterator<Item = (usize, &[CellError])> {
        self.rows
            .iter()
            .filter_map(|r| r.outcome.as_ref().err().map(|e| (r.number, e.as_slice())))
    }
    pub fn error_count(&self) -> usize {
        self.errors().count()
    }
    /// Rows that would be imported.
    pub fn ready(&self) -> impl Iterator<Item = &Ready> {
        self.rows.iter().filter_map(|r| r.outcome.as_ref().ok())
    }
    /// How many imported accounts would have earlier renewal steps to ask about
    /// (see [`crate::domain::mid_cycle`]) on `today`.
    pub fn mid_cycle_count(&self, ws: &Workspace, today: NaiveDate) -> usize {
        self.ready()
            .filter(|r| {
                let mut a = match r.change {
                    Change::Add => Account::new(AccountId(0), r.fields.clone()),
                    Change::Update { id, .. } => match ws.account(id) {
                        Some(a) => a.clone(),
                        None => return false,
                    },
                };
                a.fields = r.fields.clone();
                mid_cycle::should_ask(&a, today)
            })
            .count()
    }
}

/// Plans every row: reads each mapped cell, finds the account a row updates, and checks
/// the result as the account form does. `rows` are (row number, cells); the mapping must
/// pass [`Mapping::check`]. An empty cell sets nothing: a new account leaves the field
/// empty, an update keeps what the account has.
pub fn plan_import(ws: &Workspace, rows: &[(usize, Vec<String>)], mapping: &Mapping) -> ImportPlan {
    let mut by_crm: HashMap<&str, AccountId> = HashMap::new();
    let mut by_name: HashMap<String, Vec<AccountId>> = HashMap::new();
    for a in ws.accounts() {
        if let Some(id) = a.crm_id.as_deref() {
            by_crm.insert(id, a.id);
        }
        by_name
            .entry(name_key(&a.fields.name))
            .or_default()
            .push(a.id);
    }
    // The first row that names each account: a later one is refused.
    let mut seen: HashMap<String, usize> = HashMap::new();
    let col = |t: Target| mapping.column_of(t);
    let out = rows
        .iter()
        .map(|(number, cells)| {
            let outcome = plan_row(ws, cells, mapping, &by_crm, &by_name).and_then(|ready| {
                let key = match (&ready.crm_id, &ready.change) {
                    (_, Change::Update { id, .. }) => format!("account {}", id.0),
                    (Some(c), Change::Add) => format!("crm {c}"),
                    (None, Change::Add) => format!("name {}", name_key(&ready.fields.name)),
                };
                match seen.get(&key) {
                    Some(first) => Err(vec![CellError {
                        column: col(Target::CrmId)
                            .filter(|_| ready.crm_id.is_some())
                            .or(col(Target::Name))
                            .unwrap_or(0),
                        message: format!(
                            "Row {first} already imports this account: keep one of the two rows."
                        ),
                    }]),
                    None => {
                        seen.insert(key, *number);
                        Ok(ready)
                    }
                }
            });
            PlannedRow {
                number: *number,
                outcome,
            }
        })
        .collect();
    ImportPlan { rows: out }
}

fn plan_row(
    ws: &Workspace,
    cells: &[String],
    mapping: &Mapping,
    by_crm: &HashMap<&str, AccountId>,
    by_name: &HashMap<String, Vec<AccountId>>,
) -> Result<Ready, Vec<CellError>> {
    let mut errors = Vec::new();
    let cell = |t: Target| {
        mapping
            .column_of(t)
            .and_then(|c| cells.get(c).map(|v| (c, v.trim())))
            .filter(|(_, v)| !v.is_empty())
    };
    let name_col = mapping.column_of(Target::Name).unwrap_or(0);
    let name = match cell(Target::Name) {
        None => {
            errors.push(CellError {
                column: name_col,
                message: "The account name is empty.".into(),
            });
            None
        }
        Some((c, v)) => match check_name(v) {
            Ok(()) => Some(v.to_string()),
            Err(e) => {
                errors.push(CellError {
                    column: c,
                    message: e.message,
                });
                None
            }
        },
    };
    let crm_id = match cell(Target::CrmId) {
        None => None,
        Some((c, v)) => match read_crm_id(v) {
            Ok(id) => Some(id),
            Err(e) => {
                errors.push(CellError {
                    column: c,
                    message: e.message,
                });
                None
            }
        },
    };
    // Which account the row is about.
    let mut change = Change::Add;
    if let Some(id) = crm_id.as_deref().and_then(|c| by_crm.get(c)) {
        change = Change::Update {
            id: *id,
            by_crm_id: true,
        };
    } else if let Some(n) = &name {
        match by_name.get(&name_key(n)).map(Vec::as_slice) {
            Some([id]) => {
                let theirs = ws.account(*id).and_then(|a| a.crm_id.as_deref());
                match (theirs, crm_id.as_deref()) {
                    (Some(t), Some(mine)) if t != mine => errors.push(CellError {
                        column: mapping.column_of(Target::CrmId).unwrap_or(name_col),
                        message: format!(
                            "An account named {n} is already here with CRM id {t}, not {mine}: correct the id, or rename one of them first."
                        ),
                    }),
                    _ => {
                        change = Change::Update {
                            id: *id,
                            by_crm_id: false,
                        }
                    }
                }
            }
            Some(ids) if ids.len() > 1 => errors.push(CellError {
                column: name_col,
                message: format!(
                    "{} accounts here are named {n}: add a CRM id column to tell them apart, or rename one first.",
                    ids.len()
                ),
            }),
            _ => {}
        }
    }
    let mut fields = match &change {
        Change::Update { id, .. } => ws
            .account(*id)
            .map(|a| a.fields.clone())
            .unwrap_or_default(),
        Change::Add => AccountFields::default(),
    };
    if let Some(n) = name {
        fields.name = n;
    }
    let mut read = |t: Target, set: &mut dyn FnMut(&str) -> Result<(), FieldError>| {
        if let Some((c, v)) = cell(t) {
            if let Err(e) = set(v) {
                errors.push(CellError {
                    column: c,
                    message: e.message,
                });
            }
        }
    };
    read(Target::Arr, &mut |v| {
        let n = read_money(v)?;
        check_arr(n)?;
        fields.arr = n;
        Ok(())
    });
    read(Target::RenewalDate, &mut |v| {
        fields.renewal_date = Some(read_date_in(v, mapping.order)?);
        Ok(())
    });
    read(Target::ContractStart, &mut |v| {
        fields.contract_start = Some(read_date_in(v, mapping.order)?);
        Ok(())
    });
    read(Target::Segment, &mut |v| {
        fields.segment = Some(read_segment(v)?);
        Ok(())
    });
    read(Target::Employees, &mut |v| {
        fields.size = Some(read_employees(v)?);
        Ok(())
    });
    read(Target::Products, &mut |v| {
        fields.products = read_products(v);
        Ok(())
    });
    read(Target::Owner, &mut |v| {
        fields.owner = v.to_string();
        Ok(())
    });
    read(Target::Industry, &mut |v| {
        fields.industry = v.to_string();
        Ok(())
    });
    read(Target::UseCase, &mut |v| {
        fields.primary_use_case = v.to_string();
        Ok(())
    });
    read(Target::Notes, &mut |v| {
        fields.notes = v.to_string();
        Ok(())
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    // What spans fields (a renewal before the contract start), as the form checks it.
    if let Err(errs) = fields.validate() {
        let at = |f: Option<Field>| {
            let t = match f {
                Some(Field::Name) | None => Target::Name,
                Some(Field::Arr) => Target::Arr,
                Some(Field::ContractStart) => Target::ContractStart,
                Some(Field::RenewalDate) => Target::RenewalDate,
            };
            mapping
                .column_of(t)
                .or(mapping.column_of(Target::RenewalDate))
                .or(mapping.column_of(Target::ContractStart))
                .unwrap_or(name_col)
        };
        return Err(errs
            .into_iter()
            .map(|e| CellError {
                column: at(e.account_field()),
                message: e.message,
            })
            .collect());
    }
    Ok(Ready {
        change,
        fields,
        crm_id,
    })
}

/// What an applied import changed, to take it back.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Applied {
    /// Accounts the import added.
    pub added: Vec<AccountId>,
    /// The accounts it updated, as they were before.
    pub replaced: Vec<Account>,
    /// Accounts whose earlier renewal steps were ticked as done before.
    pub marked: usize,
}

/// Applies every good row of `plan`: adds the new accounts, updates the matched ones
/// (their fields and CRM id; everything else they hold stays). With `done_before`, the
/// earlier renewal steps of each imported account are ticked as done before
/// ([`mid_cycle::mark_done_before`]). Rows in error are skipped.
pub fn apply_import(
    ws: &mut Workspace,
    plan: &ImportPlan,
    done_before: bool,
    today: NaiveDate,
) -> Applied {
    let mut applied = Applied::default();
    for r in plan.ready() {
        let id = match r.change {
            Change::Add => match ws.add_account(r.fields.clone(), today) {
                Ok(id) => {
                    applied.added.push(id);
                    id
                }
                Err(_) => continue,
            },
            Change::Update { id, .. } => {
                let Some(before) = ws.account(id).cloned() else {
                    continue;
                };
                // The CRM's ARR is taken as it is: recorded as a correction (never counted in
                // a KPI), or as new ARR on an account that had none (docs/csv-import.md#rows).
                let kind = if before.arr_log.total() > 0.0 {
                    ArrKind::Correction
                } else {
                    ArrKind::New
                };
                let change = ArrChange {
                    kind,
                    date: today,
                    note: "CSV import".into(),
                };
                if ws
                    .update_fields_on(id, r.fields.clone(), Some(change), today)
                    .is_err()
                {
                    continue;
                }
                applied.replaced.push(before);
                id
            }
        };
        if let Some(a) = ws.account_mut(id) {
            if r.crm_id.is_some() {
                a.crm_id = r.crm_id.clone();
            }
            if done_before && mid_cycle::mark_done_before(a, today) > 0 {
                applied.marked += 1;
            }
        }
    }
    applied
}

/// Takes an import back: removes the accounts it added and puts the updated ones back as
/// they were.
pub fn undo_import(ws: &mut Workspace, applied: Applied) {
    for id in applied.added {
        ws.remove_account(id);
    }
    for before in applied.replaced {
        let id = before.id;
        let _ = ws.replace_account(id, before);
    }
}
