//! The names already used as owners in a workspace, offered as suggestions wherever an
//! owner is typed (docs/account-depth.md#owners). Owners are free text; the suggestions
//! only save typing and keep one spelling per person.

use std::collections::BTreeMap;

use super::Workspace;

/// Every owner name used in the workspace (accounts, relationship owners, opportunities,
/// plan actions, save plans, commitments, escalations), each once ignoring case (the
/// first spelling met wins), in alphabetical order.
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
        for p in a.save_plans.all() {
            add(p.owner());
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
