//! Owners across the workspace (docs/account-depth.md#owners): the names already used,
//! offered as suggestions wherever an owner is typed, and who owns open work in an account,
//! which the portfolio's and the Renewals page's owner filters read. Owners are free text;
//! the suggestions only save typing and keep one spelling per person.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::account::timeline_of;
use super::renewal::{Task, Timeline};
use super::{Account, Workspace};

/// How owner names compare: spaces collapsed, case ignored ("Priya  RAMAN" is
/// "priya raman"). Empty for a name that is only spaces.
pub fn owner_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The owner a page address names (`owner=`), trimmed; none when absent or empty, so an
/// edited or old link never fails. Unknown names are ignored.
pub fn owner_from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Option<String> {
    pairs
        .into_iter()
        .filter(|(k, v)| *k == "owner" && !v.trim().is_empty())
        .map(|(_, v)| v.trim().to_string())
        .last()
}

/// The address pairs for an owner filter: nothing without an owner.
pub fn owner_to_pairs(owner: &Option<String>) -> Vec<(&'static str, String)> {
    owner.iter().map(|o| ("owner", o.clone())).collect()
}

/// Every owner name used in the workspace (accounts, relationship owners, opportunities,
/// plan actions, renewal tasks, save plans and their steps, commitments, escalations),
/// each once ignoring case and repeated spaces (the first spelling met wins), in
/// alphabetical order.
pub fn names(ws: &Workspace) -> Vec<String> {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut add = |s: &str| {
        let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            seen.entry(t.to_lowercase()).or_insert(t);
        }
    };
    for a in ws.accounts() {
        add(&a.fields.owner);
        for p in a.stakeholders.people() {
            add(&p.fields.owner);
        }
        for o in a.expansion.opportunities() {
            add(o.owner());
        }
        for act in &a.planning.plan.content().actions {
            add(&act.owner);
        }
        for (_, _, o) in a.renewal.owner_marks() {
            add(o);
        }
        for c in a.renewal.custom_tasks() {
            add(c.owner());
        }
        for p in a.save_plans.all() {
            add(p.owner());
            for (_, o) in p.step_owners() {
                add(o);
            }
        }
        for (_, c) in a.commitments.all() {
            add(&c.owner);
        }
        for (_, e) in a.escalations.all() {
            add(&e.owner);
        }
    }
    seen.into_values().collect()
}

/// `name` as the workspace spells it (the first spelling [`names`] keeps), or trimmed
/// when nobody of that name is used: an address typed `owner=priya raman` shows as
/// "Priya Raman".
pub fn spelled(names: &[String], name: &str) -> String {
    let key = owner_key(name);
    names
        .iter()
        .find(|n| owner_key(n) == key)
        .cloned()
        .unwrap_or_else(|| name.trim().to_string())
}

/// Who owns open work in the account on `today`, as [`owner_key`]s: renewal tasks not
/// done (those on its timeline), plan actions not done, the open save plan's steps not done
/// (a step's own owner, else the save owner), open commitments and open escalations.
pub fn open_work_owners(a: &Account, today: NaiveDate) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut add = |s: &str| {
        let k = owner_key(s);
        if !k.is_empty() {
            out.insert(k);
        }
    };
    if let Some(tl) = timeline_of(a) {
        for t in tl.tasks().filter(|t| !t.is_done()) {
            add(&t.owner);
        }
    }
    for act in a
        .planning
        .plan
        .content()
        .actions
        .iter()
        .filter(|x| !x.is_done())
    {
        add(&act.owner);
    }
    if let Some(p) = a.save_plans.current() {
        for s in p.steps(today).into_iter().filter(|s| !s.is_done()) {
            add(p.step_owner_or_save_owner(s.kind));
        }
    }
    for (_, c) in a.commitments.all().iter().filter(|(_, c)| c.is_open()) {
        add(&c.owner);
    }
    for (_, e) in a.escalations.all().iter().filter(|(_, e)| e.is_open()) {
        add(&e.owner);
    }
    out
}

/// The tasks of a renewal timeline not done yet and owned by `owner` (compared by
/// [`owner_key`]), in timeline order.
pub fn open_tasks_of<'a>(tl: &'a Timeline, owner: &str) -> Vec<&'a Task> {
    let key = owner_key(owner);
    if key.is_empty() {
        return Vec::new();
    }
    tl.tasks()
        .filter(|t| !t.is_done() && owner_key(&t.owner) == key)
        .collect()
}
