//! The reports-to org chart as nested lists: people with no manager on the map at the top,
//! each person's roles and sentiment beside the name, notes where a link could not be drawn.

use std::collections::HashMap;

use leptos::prelude::*;

use super::{primary_role, role_shape, sentiment_chip, use_people, Editing, People};
use crate::domain::stakeholders::{OrgChart, OrgNote, StakeholderId, StakeholderMap};

#[component]
pub fn OrgTree() -> impl IntoView {
    let people = use_people();
    move || {
        people.map.with(|m| {
            let chart = m.org_chart();
            let mut kids: HashMap<Option<StakeholderId>, Vec<StakeholderId>> = HashMap::new();
            for r in &chart.rows {
                kids.entry(r.parent).or_default().push(r.id);
            }
            let roots = kids.get(&None).cloned().unwrap_or_default();
            let cycles = cycle_notes(m, &chart);
            view! {
                <div class="org">
                    {(!cycles.is_empty()).then(|| view! {
                        <div class="org-warning" role="note">
                            <p><strong>"Reports-to loops"</strong></p>
                            <ul>{cycles.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                        </div>
                    })}
                    <p class="hint">"Who reports to whom. People whose manager is not on the map sit at the top; set “Reports to” in a person's details to place them."</p>
                    <ul class="org-tree" role="list">
                        {roots.into_iter().map(|id| node(people, m, &chart, &kids, id)).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

fn cycle_notes(m: &StakeholderMap, chart: &OrgChart) -> Vec<String> {
    chart
        .cycles
        .iter()
        .map(|c| {
            let names: Vec<&str> = c.iter().map(|id| m.name_of(*id)).collect();
            format!(
                "{} report to each other in a loop; the chart cuts the loop above {}.",
                names.join(" → "),
                names.first().copied().unwrap_or("")
            )
        })
        .collect()
}

fn node(
    people: People,
    m: &StakeholderMap,
    chart: &OrgChart,
    kids: &HashMap<Option<StakeholderId>, Vec<StakeholderId>>,
    id: StakeholderId,
) -> AnyView {
    let Some(p) = m.get(id) else {
        return ().into_any();
    };
    let f = &p.fields;
    let note = chart.row(id).and_then(|r| r.note).map(|n| match n {
        OrgNote::ManagerMissing { manager } => {
            format!("Reports to person {} who is not on the map.", manager.0)
        }
        OrgNote::InCycle { manager } => format!(
            "Part of a reports-to loop (reports to {}).",
            m.name_of(manager)
        ),
    });
    let children = kids.get(&Some(id)).cloned().unwrap_or_default();
    let gone = !p.is_current();
    let role = primary_role(p);
    let several = f.roles.len() > 1;
    view! {
        <li class="org-node">
            <div class="org-card" class:left-company=gone>
                {role_shape(role, several)}
                <span class="org-main">
                    <button type="button" class="linkish org-name" on:click=move |_| people.editing.set(Some(Editing::Person(id)))>
                        {f.name.trim().to_string()}
                    </button>
                    {(!f.title.trim().is_empty()).then(|| view! { <span class="muted">{format!(" · {}", f.title.trim())}</span> })}
                    <span class="org-meta">
                        {sentiment_chip(f.sentiment)}
                        <span class="org-roles">{if f.roles.is_empty() { "No role set".to_string() } else { f.roles_text() }}</span>
                        {gone.then(|| view! { <span class="badge badge-grey">"Left the company"</span> })}
                    </span>
                    {note.map(|n| view! { <span class="org-note">{n}</span> })}
                </span>
            </div>
            {(!children.is_empty()).then(|| view! {
                <ul role="list">
                    {children.into_iter().map(|c| node(people, m, chart, kids, c)).collect_view()}
                </ul>
            })}
        </li>
    }
    .into_any()
}
