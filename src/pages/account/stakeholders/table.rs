//! The same people as a sortable table (order from `sort_people`), with freshness and an
//! overdue mark. People who left stay in the table, greyed and marked.

use leptos::prelude::*;

use super::{contact_text, primary_role, role_shape, sentiment_chip, use_people, Editing};
use crate::components::sort_header::sort_header;
use crate::domain::stakeholders::{sort_people, SortColumn, SortOrder};

#[component]
pub fn PeopleTable() -> impl IntoView {
    let people = use_people();
    // (column, ascending)
    let sort = RwSignal::new((SortColumn::Name, true));

    let header = move |col: SortColumn, label: &'static str, numeric: bool| {
        sort_header(
            sort.into(),
            Callback::new(move |s| sort.set(s)),
            col,
            label,
            numeric,
        )
    };

    let rows = move || {
        let (col, asc) = sort.get();
        let order = if asc {
            SortOrder::Ascending
        } else {
            SortOrder::Descending
        };
        let today = people.app.today.get();
        people.map.with(|m| {
            sort_people(m.people(), col, order, today)
                .into_iter()
                .filter_map(|id| m.get(id).cloned())
                .map(|p| {
                    let f = p.fields.clone();
                    let fresh = p.freshness(today);
                    let late = p.days_overdue(today);
                    let q = p.quadrant();
                    let role = primary_role(&p);
                    let several = f.roles.len() > 1;
                    let id = p.id;
                    let gone = !p.is_current();
                    let overdue = if gone {
                        view! { <span class="muted">"—"</span> }.into_any()
                    } else if fresh.overdue {
                        let text = match late {
                            Some(d) => format!("{} late", crate::domain::plural(d.max(0) as usize, "day", "days")),
                            None => "never contacted".to_string(),
                        };
                        view! { <span class="badge badge-red">"Overdue"</span><span class="sub">{text}</span> }.into_any()
                    } else {
                        match f.frequency {
                            Some(fr) => view! { <span class="badge badge-green">"On track"</span><span class="sub">{fr.label()}</span> }.into_any(),
                            None => view! { <span class="muted">"No cadence"</span> }.into_any(),
                        }
                    };
                    let freshness = fresh.days_since_contact;
                    view! {
                        <tr class:left-company=gone data-person=id.0.to_string()>
                            <th scope="row">
                                <button type="button" class="linkish" on:click=move |_| people.editing.set(Some(Editing::Person(id)))>
                                    {f.name.trim().to_string()}
                                </button>
                                {gone.then(|| view! { <span class="badge badge-grey">"Left the company"</span> })}
                            </th>
                            <td>{f.title.clone()}<span class="sub">{f.business_unit.clone()}</span></td>
                            <td>{if gone {
                                view! { <span class="muted">"Not on the grid"</span> }.into_any()
                            } else {
                                view! { <span class=format!("quad-name q-{}", q.key())>{q.label()}</span> }.into_any()
                            }}</td>
                            <td class="roles-cell">
                                {role.map(|_| role_shape(role, several))}
                                {if f.roles.is_empty() { "—".to_string() } else { f.roles_text() }}
                            </td>
                            <td class="num">{f.influence.get()}</td>
                            <td>{sentiment_chip(f.sentiment)}</td>
                            <td>{match f.owner_name() {
                                Some(o) => view! { <span>{o.to_string()}</span> }.into_any(),
                                None => view! { <span class="muted">"Nobody"</span> }.into_any(),
                            }}</td>
                            <td data-days=freshness.map(|d| d.to_string()).unwrap_or_default()>
                                {contact_text(freshness)}
                                <span class="sub">{f.last_contact.map(crate::domain::dates::long)}</span>
                            </td>
                            <td>{overdue}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <div class="table-wrap people-table-wrap">
            <table class="people-table">
                <caption class="visually-hidden">"People at this account; choose a column heading to sort."</caption>
                <thead><tr>
                    {header(SortColumn::Name, "Name", false)}
                    {header(SortColumn::Title, "Title", false)}
                    {header(SortColumn::Quadrant, "Quadrant", false)}
                    {header(SortColumn::Roles, "Roles", false)}
                    {header(SortColumn::Influence, "Influence", true)}
                    {header(SortColumn::Sentiment, "Sentiment", false)}
                    {header(SortColumn::Owner, "Owner", false)}
                    {header(SortColumn::Freshness, "Last contact", false)}
                    {header(SortColumn::Overdue, "Cadence", false)}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
