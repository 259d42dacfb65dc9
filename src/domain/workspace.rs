//! The workspace: every account an AM keeps, the currency they are counted in, and the
//! rules that span accounts (unique ids, tiers by ARR rank).

use crate::domain::order;
use std::collections::HashMap;

use chrono::NaiveDate;

use super::account::{Account, AccountFields, AccountId, FieldError, Tier};
use super::health::{account_health, score_of, HealthMix, HealthSummary};
use super::money::Currency;

#[derive(Debug, Clone, PartialEq)]
pub struct Workspace {
    pub currency: Currency,
    /// True while the workspace is the sample data shown on first open.
    pub demo: bool,
    /// Workspace-wide settings (scoring weights and their change log, ...).
    pub settings: super::settings::Settings,
    /// Interview practice: card reviews, mock interviews, drill scores.
    pub practice: super::practice::Practice,
    /// Names this workspace among all others (calendar event ids are built from it).
    /// `None` until the browser edge gives it one: a new workspace, or one read from a
    /// file or storage written before workspaces had ids.
    pub id: Option<WorkspaceId>,
    /// Items of the week's list hidden until a day (docs/this-week.md#snooze).
    pub snoozes: super::snooze::Snoozes,
    accounts: Vec<Account>,
    next_id: u32,
}

/// A workspace's own name: 8 to 64 letters, digits, `-` or `_`. The app makes one from 16
/// random bytes ([`WorkspaceId::from_random`]); files may carry any valid one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WorkspaceId(String);

impl WorkspaceId {
    pub const MIN_CHARS: usize = 8;
    pub const MAX_CHARS: usize = 64;

    /// Checks a workspace id read from a file.
    pub fn parse(text: &str) -> Result<WorkspaceId, FieldError> {
        let n = text.chars().count();
        if !(Self::MIN_CHARS..=Self::MAX_CHARS).contains(&n) {
            return Err(FieldError::bare(format!(
                "a workspace id has {} to {} characters; this one has {n}",
                Self::MIN_CHARS,
                Self::MAX_CHARS
            )));
        }
        match text
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
        {
            Some(c) => Err(FieldError::bare(format!(
                "a workspace id holds only letters, digits, - and _; found {c:?}"
            ))),
            None => Ok(WorkspaceId(text.to_string())),
        }
    }

    /// A UUID (version 4, RFC 9562) from 16 random bytes given by the caller: the domain
    /// draws no randomness itself.
    pub fn from_random(mut bytes: [u8; 16]) -> WorkspaceId {
        bytes[6] = (bytes[6] & 0x0f) | 0x40;
        bytes[8] = (bytes[8] & 0x3f) | 0x80;
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        WorkspaceId(format!(
            "{}-{}-{}-{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..32]
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A change asked of an account that is no longer in the workspace (deleted in this tab or
/// another while its page was open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountGone;

impl AccountGone {
    pub const MESSAGE: &'static str = "This account no longer exists.";
}

impl From<AccountGone> for String {
    fn from(_: AccountGone) -> String {
        AccountGone::MESSAGE.to_string()
    }
}

impl From<AccountGone> for FieldError {
    fn from(_: AccountGone) -> FieldError {
        FieldError::new("", AccountGone::MESSAGE)
    }
}

impl From<AccountGone> for Vec<FieldError> {
    fn from(gone: AccountGone) -> Vec<FieldError> {
        vec![gone.into()]
    }
}

/// A removed account and where it stood, so the removal can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Removed {
    pub index: usize,
    pub account: Account,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace::empty(Currency::default())
    }
}

impl Workspace {
    pub fn empty(currency: Currency) -> Self {
        Workspace {
            currency,
            demo: false,
            settings: Default::default(),
            practice: Default::default(),
            id: None,
            snoozes: Default::default(),
            accounts: Vec::new(),
            next_id: 1,
        }
    }

    /// Builds a workspace from accounts read elsewhere (a file, storage), checking every
    /// account and that ids are unique. A refusal names the account by its index in the
    /// list given (`[2].id`, `[0].renewal_date`).
    pub fn from_accounts(
        currency: Currency,
        demo: bool,
        accounts: Vec<Account>,
    ) -> Result<Self, FieldError> {
        check_accounts(&accounts)?;
        let next_id = accounts.iter().map(|a| a.id.0).max().unwrap_or(0) + 1;
        Ok(Workspace {
            currency,
            demo,
            settings: Default::default(),
            practice: Default::default(),
            id: None,
            snoozes: Default::default(),
            accounts,
            next_id,
        })
    }

    pub fn accounts(&self) -> &[Account] {
        &self.accounts
    }

    /// The first account called `name` (by [`super::account::name_key`]), other than
    /// `except`.
    pub fn account_named(&self, name: &str, except: Option<AccountId>) -> Option<AccountId> {
        let key = super::account::name_key(name);
        if key.is_empty() {
            return None;
        }
        self.accounts
            .iter()
            .find(|a| Some(a.id) != except && super::account::name_key(&a.fields.name) == key)
            .map(|a| a.id)
    }

    pub fn account(&self, id: AccountId) -> Option<&Account> {
        self.accounts.iter().find(|a| a.id == id)
    }

    pub fn account_mut(&mut self, id: AccountId) -> Option<&mut Account> {
        self.accounts.iter_mut().find(|a| a.id == id)
    }

    /// Adds an account made on `today`. Its ARR starts its history as one `new` change
    /// dated on its contract start, or on `today` when it has none (docs/kpis.md).
    pub fn add_account(
        &mut self,
        fields: AccountFields,
        today: chrono::NaiveDate,
    ) -> Result<AccountId, Vec<FieldError>> {
        fields.validate()?;
        let id = AccountId(self.next_id);
        self.next_id += 1;
        let opening =
            super::arr::ArrLog::opening(fields.arr, fields.contract_start.unwrap_or(today));
        let mut account = Account::new(id, fields);
        account.arr_log = opening;
        self.accounts.push(account);
        Ok(id)
    }

    /// Replaces an account's editable fields if they are valid; otherwise nothing changes.
    pub fn update_fields(
        &mut self,
        id: AccountId,
        fields: AccountFields,
    ) -> Result<(), Vec<FieldError>> {
        fields.validate()?;
        if let Some(a) = self.account_mut(id) {
            check_arr_unchanged(a, &fields)?;
            a.fields = fields;
        }
        Ok(())
    }

    /// [`Workspace::update_fields`] for an edit made on `today`. When the renewal date moves
    /// from a date already passed to one still ahead, the old term's renewal is over: its
    /// ticks are cleared as "Start the next cycle" does, and `Ok(true)` says so. Moving a
    /// date that is still ahead (a correction) keeps the ticks.
    ///
    /// A change of ARR needs `arr_change`, what kind of change it is: it is recorded in
    /// the ARR history (docs/kpis.md#the-arr-history); without one, or when the history
    /// refuses it, nothing changes and the error is at the ARR field.
    pub fn update_fields_on(
        &mut self,
        id: AccountId,
        fields: AccountFields,
        arr_change: Option<super::arr::ArrChange>,
        today: chrono::NaiveDate,
    ) -> Result<bool, Vec<FieldError>> {
        match self.account_mut(id) {
            Some(a) => a.set_fields(fields, arr_change, today),
            None => fields.validate().map(|()| false),
        }
    }

    /// The one way an account page changes its account (docs/domain.md#changing-an-account):
    /// `f` runs on a copy of account `id`, and the copy takes the account's place only when
    /// `f` succeeds, so a refused change leaves the account exactly as it was, whatever `f`
    /// had already changed. On success, `f`'s result and whether the account changed (a
    /// change that leaves it equal is no change: nothing to save); an account no longer in
    /// the workspace is refused with [`AccountGone`].
    pub fn edit_account<R, E>(
        &mut self,
        id: AccountId,
        f: impl FnOnce(&mut Account) -> Result<R, E>,
    ) -> Result<(R, bool), E>
    where
        E: From<AccountGone>,
    {
        let slot = self.account_mut(id).ok_or(AccountGone)?;
        let mut copy = slot.clone();
        let r = f(&mut copy)?;
        let changed = copy != *slot;
        if changed {
            *slot = copy;
        }
        Ok((r, changed))
    }

    pub fn remove_account(&mut self, id: AccountId) -> Option<Removed> {
        let index = self.accounts.iter().position(|a| a.id == id)?;
        let account = self.accounts.remove(index);
        Some(Removed { index, account })
    }

    /// Puts a removed account back where it was. Does nothing if its id is in use again.
    pub fn undo_remove(&mut self, removed: Removed) {
        if self.account(removed.account.id).is_some() {
            return;
        }
        let index = removed.index.min(self.accounts.len());
        self.next_id = self.next_id.max(removed.account.id.0 + 1);
        self.accounts.insert(index, removed.account);
    }

    /// Runs `f` on this workspace with its accounts set aside, then puts them back: the
    /// rest (currency, settings, ...) can be written on its own without copying every
    /// account. Storage keeps the two apart.
    pub fn with_accounts_aside<R>(&mut self, f: impl FnOnce(&Workspace) -> R) -> R {
        let accounts = std::mem::take(&mut self.accounts);
        let out = f(self);
        self.accounts = accounts;
        out
    }

    /// Replaces every account, keeping the rest of the workspace. The accounts are checked
    /// as [`Workspace::from_accounts`] checks them; on error nothing changes.
    pub fn set_accounts(&mut self, accounts: Vec<Account>) -> Result<(), FieldError> {
        check_accounts(&accounts)?;
        let max = accounts.iter().map(|a| a.id.0).max().unwrap_or(0);
        self.next_id = self.next_id.max(max.saturating_add(1));
        self.accounts = accounts;
        Ok(())
    }

    /// Total ARR of the portfolio.
    pub fn total_arr(&self) -> f64 {
        self.accounts.iter().map(|a| a.fields.arr).sum()
    }

    /// The tier of every account: the override where set, else the ARR rank rule.
    pub fn tiers(&self) -> HashMap<AccountId, TierOf> {
        tiers_of(&self.tier_inputs())
    }

    /// What the tiers are worked out from: each account's ARR and the tier set by hand,
    /// in workspace order. An edit that leaves these equal leaves every tier as it was.
    pub fn tier_inputs(&self) -> Vec<(AccountId, f64, Option<Tier>)> {
        self.accounts
            .iter()
            .map(|a| (a.id, a.fields.arr, a.fields.tier_override))
            .collect()
    }
}

/// The tier of every account from [`Workspace::tier_inputs`]: the override where set,
/// else the ARR rank rule.
pub fn tiers_of(inputs: &[(AccountId, f64, Option<Tier>)]) -> HashMap<AccountId, TierOf> {
    let computed = tiers_by_arr(
        &inputs
            .iter()
            .map(|(id, arr, _)| (*id, *arr))
            .collect::<Vec<_>>(),
    );
    inputs
        .iter()
        .map(|(id, _, by_hand)| {
            let t = match by_hand {
                Some(t) => TierOf {
                    tier: *t,
                    overridden: true,
                },
                None => TierOf {
                    tier: computed[id],
                    overridden: false,
                },
            };
            (*id, t)
        })
        .collect()
}

/// Every account valid, every id used once: what a workspace's accounts must be.
fn check_accounts(accounts: &[Account]) -> Result<(), FieldError> {
    let mut seen = std::collections::HashSet::new();
    for (index, a) in accounts.iter().enumerate() {
        if !seen.insert(a.id) {
            return Err(FieldError::new(
                format!("[{index}].id"),
                format!(
                    "id {} is used by an earlier account; ids must be unique",
                    a.id.0
                ),
            ));
        }
        a.fields
            .validate()
            .map_err(|mut errors| errors.swap_remove(0).under(&format!("[{index}]")))?;
    }
    Ok(())
}

/// An account's tier and whether a person set it by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierOf {
    pub tier: Tier,
    pub overridden: bool,
}

/// docs/domain.md#tiers: the top 15% by ARR (rounded up, at least one) are Tier 1; the next
/// ~35% are Tier 2, counted as "down to the top half" (ceil(n/2) accounts in Tier 1 and 2
/// together, and at least one Tier 2 when accounts remain); the rest are Tier 3. Accounts
/// tied in ARR share the better tier.
pub fn tiers_by_arr(accounts: &[(AccountId, f64)]) -> HashMap<AccountId, Tier> {
    let n = accounts.len();
    let mut sorted: Vec<(AccountId, f64)> = accounts.to_vec();
    order::sort_by(&mut sorted, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let t1 = ((n as f64 * 0.15).ceil() as usize).max(1).min(n);
    let t2 = ((n as f64 * 0.50).ceil() as usize).max(t1 + 1).min(n);
    let mut out = HashMap::new();
    let mut prev: Option<(f64, Tier)> = None;
    for (rank, (id, arr)) in sorted.into_iter().enumerate() {
        let by_rank = if rank < t1 {
            Tier::Strategic
        } else if rank < t2 {
            Tier::Growth
        } else {
            Tier::LongTail
        };
        let tier = match prev {
            Some((p, t)) if p == arr => t,
            _ => by_rank,
        };
        prev = Some((arr, tier));
        out.insert(id, tier);
    }
    out
}

/// ARR changes only through the ARR history: an edit that changes it without saying
/// what kind of change it is, is refused at the ARR field.
fn check_arr_unchanged(a: &Account, fields: &AccountFields) -> Result<(), Vec<FieldError>> {
    if fields.arr == a.fields.arr {
        Ok(())
    } else {
        Err(vec![FieldError::at(
            super::account::Field::Arr,
            "ARR changes are recorded in the ARR history: use Change ARR on the Overview, which asks what kind of change it is.",
        )])
    }
}

impl Account {
    /// Replaces the account's editable fields, edited on `today`: the rules of
    /// [`Workspace::update_fields_on`] (a change of ARR needs `arr_change`; a renewal date
    /// moved from the past to the future starts the next cycle, `Ok(true)`). On error
    /// nothing changes.
    pub fn set_fields(
        &mut self,
        mut fields: AccountFields,
        arr_change: Option<super::arr::ArrChange>,
        today: chrono::NaiveDate,
    ) -> Result<bool, Vec<FieldError>> {
        fields.validate()?;
        let a = self;
        let log = match arr_change {
            Some(change) if fields.arr != a.fields.arr => Some(
                change
                    .apply(&a.arr_log, fields.arr)
                    .map_err(|e| vec![e.under(super::account::Field::Arr.key())])?,
            ),
            _ => {
                check_arr_unchanged(a, &fields)?;
                None
            }
        };
        if let Some(log) = log {
            fields.arr = log.total();
            a.arr_log = log;
        }
        let new_cycle = matches!(
            (a.fields.renewal_date, fields.renewal_date),
            (Some(old), Some(new)) if old < today && new > today
        );
        if new_cycle {
            a.renewal.start_new_cycle();
        }
        a.fields = fields;
        Ok(new_cycle)
    }
}

impl Account {
    /// An account with nothing but its fields. Its ARR opens its history as one `new`
    /// change on its contract start; without a contract start the history stays empty
    /// until the caller gives it a day ([`Workspace::add_account`] does).
    pub fn new(id: AccountId, fields: AccountFields) -> Self {
        let arr_log = match fields.contract_start {
            Some(start) => super::arr::ArrLog::opening(fields.arr, start),
            None => Default::default(),
        };
        Account {
            id,
            fields,
            health: Default::default(),
            planning: Default::default(),
            stakeholders: Default::default(),
            renewal: Default::default(),
            expansion: Default::default(),
            save_plans: Default::default(),
            crm_id: None,
            arr_log,
            white_space: Default::default(),
            commitments: Default::default(),
            escalations: Default::default(),
        }
    }
}

/// Importing one shared account (a single-account file or a share link).
impl Workspace {
    /// Adds an imported account under a fresh id (the id it had elsewhere is dropped);
    /// everything else it carries (plan, people, ...) is kept.
    pub fn add_imported(&mut self, mut account: Account) -> Result<AccountId, Vec<FieldError>> {
        account.fields.validate()?;
        let id = AccountId(self.next_id);
        self.next_id += 1;
        account.id = id;
        self.accounts.push(account);
        Ok(id)
    }

    /// Replaces account `id` with an imported one, which takes over `id`. Returns the
    /// replaced account (for undo), or `None` when `id` is not in the workspace (then
    /// nothing changes).
    pub fn replace_account(
        &mut self,
        id: AccountId,
        mut account: Account,
    ) -> Result<Option<Account>, Vec<FieldError>> {
        account.fields.validate()?;
        account.id = id;
        Ok(self
            .account_mut(id)
            .map(|slot| std::mem::replace(slot, account)))
    }
}

impl Workspace {
    /// Every account's health under the workspace weights, in account order.
    pub fn health_summaries(&self, today: NaiveDate) -> Vec<(AccountId, HealthSummary)> {
        let w = self.settings.health.weights();
        self.accounts()
            .iter()
            .map(|a| (a.id, account_health(&a.health, w, today)))
            .collect()
    }

    /// Count and ARR per band across the portfolio.
    pub fn health_mix(&self) -> HealthMix {
        let w = self.settings.health.weights();
        HealthMix::of(self.accounts().iter().map(|a| {
            let band = a
                .health
                .latest()
                .and_then(|s| score_of(&s.signals, w))
                .map(|s| s.band);
            (band, a.fields.arr)
        }))
    }

    /// Every account's current score (accounts without one left out): the histogram.
    pub fn health_scores(&self) -> Vec<f64> {
        let w = self.settings.health.weights();
        self.accounts()
            .iter()
            .filter_map(|a| a.health.latest().and_then(|s| score_of(&s.signals, w)))
            .map(|s| s.value)
            .collect()
    }
}
