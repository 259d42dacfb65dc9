//! Version 3 of the workspace file: version 2 with an account shape of its own
//! ([`AccountV3`]: every version 1 field, then the fields added in version 3) and settings
//! of its own ([`settings::SettingsV3`]). Per-feature parts that did not change keep their
//! version 1 types (`v1::plan::PlanningV1`, ...); a part that changed gets a version 3 type
//! in its own file here.
//!
//! Reading an older file migrates it step by step: version 1 to 2 (`v2.rs`), then 2 to 3
//! ([`File::migrate`]), which needs `today` (an account's ARR becomes one `new` change in
//! its ARR history, dated on its contract start or, without one, on the day of reading).
//!
//! ## Adding a field to version 3 (only while version 3 is unreleased)
//! One feature, one block, one file:
//! 1. its serialized type in a new file `src/format/v3/<feature>.rs` (with
//!    `#[serde(deny_unknown_fields)]`, every list field read through
//!    `#[serde(deserialize_with = "crate::format::read::list")]` (the list limit),
//!    conversions both ways, problems as a path relative to the account and a message);
//! 2. a field in [`AccountV3`] (or [`settings::SettingsV3`]) in a block of its own, with
//!    `#[serde(default)]` so files without it read; set in `From<&Account>`, read in
//!    [`AccountV3::into_domain`], and left at its default in [`AccountV3::from_v1`] (what a
//!    version 1 or 2 file migrates to);
//! 3. rows in `docs/file-format.md`, properties in `public/schema/workspace-v3.json`
//!    (closed, described), a value in `tests/fixtures/workspace-v3-example.json` and in the
//!    example of `docs/file-format.md` (the tests check that the example shows every field);
//! 4. its classification in `domain::audience` (customer-visible or internal).

pub mod arr;
pub mod crm;
pub mod depth;
pub mod renewal;
pub mod save_plans;
pub mod settings;
pub mod week;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::v1::{expansion, health, plan, stakeholders};
use super::v1::{AccountProblem, AccountV1, SegmentV1, SizeV1, TierV1};
use super::v2;
use crate::domain::{Account, Currency, Workspace};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub format: String,
    pub version: u32,
    /// When the file was written, RFC 3339 (`2026-11-22T19:48:00Z`). Optional for generators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported_at: Option<String>,
    /// The workspace's own id (see `WorkspaceId`). Absent: the app gives it a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workspace_id: Option<String>,
    pub workspace: WorkspaceV3,
    /// Interview practice (see `docs/practice.md`). Absent: nothing practised yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practice: Option<super::practice::PracticeV1>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceV3 {
    /// ISO 4217 code; every amount in the file is in this currency.
    pub currency: String,
    #[serde(default)]
    pub demo: bool,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub accounts: Vec<AccountV3>,
    /// Scoring weights, KPI settings; absent means the defaults.
    #[serde(default)]
    pub settings: settings::SettingsV3,

    // ----- version 3: This week's snoozes (week.rs)
    /// Items of the week's list hidden until a day. Absent: nothing snoozed.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::format::read::list"
    )]
    pub snoozes: Vec<week::SnoozeV3>,
}

/// One account, version 3: the version 1 fields, then one block per feature added in
/// version 3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccountV3 {
    pub id: u32,
    pub name: String,
    #[serde(default)]
    pub industry: String,
    #[serde(default)]
    pub segment: Option<SegmentV1>,
    #[serde(default)]
    pub size: Option<SizeV1>,
    #[serde(default)]
    pub primary_use_case: String,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub products: Vec<String>,
    /// The ARR now: the sum of `arr_log` (checked on reading).
    #[serde(default)]
    pub arr: f64,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub contract_start: Option<NaiveDate>,
    #[serde(default, deserialize_with = "crate::format::read::optional_date")]
    pub renewal_date: Option<NaiveDate>,
    #[serde(default)]
    pub owner: String,
    #[serde(default)]
    pub tier: Option<TierV1>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub planning: plan::PlanningV1,
    #[serde(default)]
    pub health: health::HealthV1,
    #[serde(default)]
    pub stakeholders: stakeholders::StakeholdersV1,
    /// Renewal terms and progress; version 3 adds an owner per task (renewal.rs).
    #[serde(default)]
    pub renewal: renewal::RenewalV3,
    #[serde(default)]
    pub expansion: expansion::ExpansionV1,
    /// Save plans, oldest first; version 3 adds each plan's recovery part (save_plans.rs).
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub save_plans: Vec<save_plans::SavePlanV3>,

    // ----- version 3: the ARR history (arr.rs)
    /// Dated ARR changes, oldest first. Absent or empty with an ARR above 0: read as one
    /// `new` change at the contract start (or the day of reading), as a migration does.
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub arr_log: Vec<arr::ArrEventV3>,

    // ----- version 3: the CRM id (crm.rs)
    /// The account's id in the CRM it was imported from; absent or null: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub crm_id: Option<String>,
    // ----- version 3: account depth (depth.rs, docs/account-depth.md)
    /// The white space grid; absent when nothing is set.
    #[serde(default, skip_serializing_if = "depth::WhiteSpaceV3::is_empty")]
    pub white_space: depth::WhiteSpaceV3,
    /// What we promised the customer; absent when none.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::format::read::list"
    )]
    pub commitments: Vec<depth::CommitmentV3>,
    /// Escalations and their loop; absent when none.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::format::read::list"
    )]
    pub escalations: Vec<depth::EscalationV3>,
}

impl AccountV3 {
    /// The version 1 part of this account and the version 3 parts beside it.
    fn split(self) -> (AccountV1, Version3Parts) {
        let v1 = AccountV1 {
            id: self.id,
            name: self.name,
            industry: self.industry,
            segment: self.segment,
            size: self.size,
            primary_use_case: self.primary_use_case,
            products: self.products,
            arr: self.arr,
            contract_start: self.contract_start,
            renewal_date: self.renewal_date,
            owner: self.owner,
            tier: self.tier,
            notes: self.notes,
            planning: self.planning,
            health: self.health,
            stakeholders: self.stakeholders,
            // Read with its owners below.
            renewal: Default::default(),
            expansion: self.expansion,
            // Read with their recovery parts below.
            save_plans: Vec::new(),
        };
        let parts = Version3Parts {
            renewal: self.renewal,
            arr_log: self.arr_log,
            crm_id: self.crm_id,
            save_plans: self.save_plans,
            white_space: self.white_space,
            commitments: self.commitments,
            escalations: self.escalations,
        };
        (v1, parts)
    }

    /// A version 1 (or 2) account as version 3: its ARR becomes one `new` change dated
    /// on its contract start, or on `today` without one; every other new part is empty.
    pub fn from_v1(mut a: AccountV1, today: NaiveDate) -> AccountV3 {
        let arr_log = arr::opening_of(a.arr, a.contract_start.unwrap_or(today));
        let save_plans = std::mem::take(&mut a.save_plans)
            .into_iter()
            .map(save_plans::SavePlanV3::from_v1)
            .collect();
        let renewal = renewal::RenewalV3::from_v1(std::mem::take(&mut a.renewal));
        AccountV3::join(
            a,
            Version3Parts {
                renewal,
                arr_log,
                crm_id: None,
                save_plans,
                white_space: Default::default(),
                commitments: Vec::new(),
                escalations: Vec::new(),
            },
        )
    }

    fn join(a: AccountV1, parts: Version3Parts) -> AccountV3 {
        AccountV3 {
            id: a.id,
            name: a.name,
            industry: a.industry,
            segment: a.segment,
            size: a.size,
            primary_use_case: a.primary_use_case,
            products: a.products,
            arr: a.arr,
            contract_start: a.contract_start,
            renewal_date: a.renewal_date,
            owner: a.owner,
            tier: a.tier,
            notes: a.notes,
            planning: a.planning,
            health: a.health,
            stakeholders: a.stakeholders,
            renewal: parts.renewal,
            expansion: a.expansion,
            save_plans: parts.save_plans,
            arr_log: parts.arr_log,
            crm_id: parts.crm_id,
            white_space: parts.white_space,
            commitments: parts.commitments,
            escalations: parts.escalations,
        }
    }

    /// Converts to the domain account, read on `today` (an ARR without a history gets one
    /// dated then). Problems carry a path relative to the account.
    pub fn into_domain(self, today: NaiveDate) -> Result<Account, AccountProblem> {
        let (v1, parts) = self.split();
        let (arr, start) = (v1.arr, v1.contract_start);
        let mut account = v1.into_domain()?;
        account.renewal = parts.renewal.into_domain()?;
        let log = arr::log_into_domain(parts.arr_log, arr, start.unwrap_or(today))?;
        account.set_arr_log(log);
        account.crm_id = crm::crm_id_into_domain(parts.crm_id)?;
        account.save_plans = save_plans::save_plans_into_domain(parts.save_plans)?;
        account.white_space = depth::white_space_into_domain(
            parts.white_space,
            crate::domain::depth::around(&account),
        )?;
        account.commitments =
            depth::commitments_into_domain(parts.commitments, &account.stakeholders)?;
        account.escalations = depth::escalations_into_domain(parts.escalations)?;
        Ok(account)
    }
}

/// What version 3 adds to an account, carried beside its version 1 part.
struct Version3Parts {
    renewal: renewal::RenewalV3,
    arr_log: Vec<arr::ArrEventV3>,
    crm_id: Option<String>,
    save_plans: Vec<save_plans::SavePlanV3>,
    white_space: depth::WhiteSpaceV3,
    commitments: Vec<depth::CommitmentV3>,
    escalations: Vec<depth::EscalationV3>,
}

impl From<&Account> for AccountV3 {
    fn from(a: &Account) -> Self {
        AccountV3::join(
            AccountV1::from(a),
            Version3Parts {
                renewal: renewal::RenewalV3::from(&a.renewal),
                arr_log: arr::log_to_v3(&a.arr_log),
                crm_id: a.crm_id.clone(),
                save_plans: save_plans::save_plans_to_v3(&a.save_plans),
                white_space: depth::white_space_to_v3(&a.white_space),
                commitments: depth::commitments_to_v3(&a.commitments),
                escalations: depth::escalations_to_v3(&a.escalations),
            },
        )
    }
}

impl From<&Workspace> for WorkspaceV3 {
    fn from(ws: &Workspace) -> Self {
        WorkspaceV3::with_accounts(ws, ws.accounts().iter().map(AccountV3::from).collect())
    }
}

impl WorkspaceV3 {
    /// The workspace's own fields with the accounts given, already converted (the stored
    /// rest has none: `format::writer`).
    pub fn with_accounts(ws: &Workspace, accounts: Vec<AccountV3>) -> Self {
        WorkspaceV3 {
            currency: ws.currency.code().to_string(),
            demo: ws.demo,
            settings: (&ws.settings).into(),
            accounts,
            snoozes: week::snoozes_to_v3(&ws.snoozes),
        }
    }
}

impl File {
    /// Version 2 to 3: every account gains its ARR history (see [`AccountV3::from_v1`]),
    /// the settings keep their health part and take the KPI defaults.
    pub fn migrate(f: v2::File, today: NaiveDate) -> File {
        let w = f.workspace;
        File {
            format: f.format,
            version: 3,
            exported_at: f.exported_at,
            workspace_id: f.workspace_id,
            workspace: WorkspaceV3 {
                currency: w.currency,
                demo: w.demo,
                accounts: w
                    .accounts
                    .into_iter()
                    .map(|a| AccountV3::from_v1(a, today))
                    .collect(),
                settings: settings::SettingsV3::from_v1(w.settings),
                snoozes: Default::default(),
            },
            practice: f.practice,
        }
    }
}

/// The currency parsed, or the message for `workspace.currency`.
pub fn currency_of(ws: &WorkspaceV3) -> Result<Currency, String> {
    Currency::new(&ws.currency).map_err(|e| e.message)
}
