//! The White space tab (docs/account-depth.md#white-space): the customer's business units
//! (rows) by our products (columns). A cell is set by keyboard (arrow keys move; Enter or
//! Space steps through the states; O, P, W, X set owned, pipeline, open, not a fit;
//! Delete clears) or by pointer (click a cell, then pick its state below the grid).
//! Penetration is shown per row, per column and overall; an open cell becomes an
//! opportunity in one step.

use leptos::ev::{KeyboardEvent, SubmitEvent};
use leptos::prelude::*;

use super::current_account;
use crate::components::confirm::ConfirmButton;
use crate::components::renewal_bits::edit_account;
use crate::domain::account::parse_arr;
use crate::domain::depth::{around, cell_to_opportunity};
use crate::domain::expansion::OpportunityId;
use crate::domain::white_space::{Axis, Cell, CellKind, Counts, Line};
use crate::domain::{plural, Account, AccountId};
use crate::state::{use_app, AppState};

fn cell_dom_id(r: usize, c: usize) -> String {
    format!("ws-cell-{r}-{c}")
}

fn focus_cell(r: usize, c: usize) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(&cell_dom_id(r, c))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// The mark and word of a cell, so the state is never told by colour alone.
fn cell_face(cell: Option<Cell>) -> (&'static str, &'static str, &'static str) {
    match cell.map(|c| c.kind()) {
        Some(CellKind::Owned) => ("●", "Owned", "owned"),
        Some(CellKind::Pipeline) => ("◐", "Pipeline", "pipeline"),
        Some(CellKind::Open) => ("○", "Open", "open"),
        Some(CellKind::NotAFit) => ("–", "Not a fit", "not-a-fit"),
        None => ("·", "", "unset"),
    }
}

fn state_words(cell: Option<Cell>) -> &'static str {
    cell.map_or("not assessed", |c| match c.kind() {
        CellKind::Owned => "owned",
        CellKind::Pipeline => "in pipeline",
        CellKind::Open => "open",
        CellKind::NotAFit => "not a fit",
    })
}

fn with_account<R>(app: AppState, id: AccountId, f: impl FnOnce(&Account) -> R) -> Option<R> {
    app.ws.with(|w| w.account(id).map(f))
}

/// Sets one cell's state; the message to announce, or the refusal.
fn set_state(
    app: AppState,
    id: AccountId,
    row: &str,
    col: &str,
    kind: Option<CellKind>,
) -> Result<String, String> {
    edit_account(app, id, |a| {
        let mut g = a.white_space.clone();
        g.set_kind(around(a), row, col, kind)?;
        let words = state_words(g.cell(row, col));
        a.white_space = g;
        Ok::<_, crate::domain::FieldError>(format!("{row} × {col}: {words}"))
    })
}

#[component]
pub fn AccountWhiteSpace() -> impl IntoView {
    let app = use_app();
    let id = current_account();
    let lines = Memo::new(move |_| {
        with_account(app, id, |a| {
            (
                a.white_space.rows(around(a)),
                a.white_space.columns(around(a)),
            )
        })
        .unwrap_or_default()
    });
    let focus = RwSignal::new((0usize, 0usize));
    let status = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let names = move |(r, c): (usize, usize)| {
        lines.with(|(rows, cols)| Some((rows.get(r)?.label.clone(), cols.get(c)?.label.clone())))
    };
    let on_key = move |ev: KeyboardEvent| {
        let (nr, nc) = lines.with(|(r, c)| (r.len(), c.len()));
        if nr == 0 || nc == 0 {
            return;
        }
        let (r, c) = focus.get_untracked();
        let (r, c) = (r.min(nr - 1), c.min(nc - 1));
        let key = ev.key();
        let moved = match key.as_str() {
            "ArrowUp" => Some((r.saturating_sub(1), c)),
            "ArrowDown" => Some(((r + 1).min(nr - 1), c)),
            "ArrowLeft" => Some((r, c.saturating_sub(1))),
            "ArrowRight" => Some((r, (c + 1).min(nc - 1))),
            "Home" => Some((r, 0)),
            "End" => Some((r, nc - 1)),
            _ => None,
        };
        if let Some((r2, c2)) = moved {
            ev.prevent_default();
            focus.set((r2, c2));
            focus_cell(r2, c2);
            return;
        }
        let Some((row, col)) = names((r, c)) else {
            return;
        };
        let current = with_account(app, id, |a| a.white_space.cell(&row, &col)).flatten();
        let kind = match key.as_str() {
            "Enter" | " " => Some(CellKind::cycle(current.map(|c| c.kind()))),
            "Delete" | "Backspace" => Some(None),
            k if k.chars().count() == 1 && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key() => {
                k.chars().next().and_then(CellKind::from_shortcut).map(Some)
            }
            _ => None,
        };
        if let Some(kind) = kind {
            ev.prevent_default();
            match set_state(app, id, &row, &col, kind) {
                Ok(m) => {
                    error.set(None);
                    status.set(m);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    };
    let penetration = move |counts: Counts| {
        view! { <span class="ws-pen" title=counts.summary()>{counts.penetration_label()}</span> }
    };
    let grid = move || {
        let (rows, cols) = lines.get();
        if rows.is_empty() || cols.is_empty() {
            return view! {
                <p class="muted ws-empty">
                    {if rows.is_empty() && cols.is_empty() {
                        "No business units or products yet. Rows come from the stakeholders' business units and columns from the account's products; add your own below."
                    } else if rows.is_empty() {
                        "No business units yet: give your stakeholders a business unit, or add a row below."
                    } else {
                        "No products yet: list them on the account, or add a column below."
                    }}
                </p>
            }
            .into_any();
        }
        let nc = cols.len();
        let head = cols
            .iter()
            .map(|c| view! { <th scope="col" class="ws-col">{c.label.clone()}</th> })
            .collect_view();
        let body = rows
            .iter()
            .enumerate()
            .map(|(ri, r)| {
                let row = r.label.clone();
                let cells = cols
                    .iter()
                    .enumerate()
                    .map(|(ci, c)| {
                        let (row, col) = (row.clone(), c.label.clone());
                        let (row2, col2) = (row.clone(), col.clone());
                        let cell = Memo::new(move |_| {
                            with_account(app, id, |a| a.white_space.cell(&row2, &col2)).flatten()
                        });
                        let detail = move || {
                            app.ws.with(|w| match cell.get() {
                                Some(Cell::Owned { arr: Some(x) }) => Some(w.currency.format(x)),
                                Some(Cell::Pipeline { opportunity: Some(o) }) => w
                                    .account(id)
                                    .and_then(|a| a.expansion.opportunity(o))
                                    .map(|o| o.stage().label().to_string()),
                                _ => None,
                            })
                        };
                        let label = format!("{row} × {col}");
                        view! {
                            <td role="gridcell" id=cell_dom_id(ri, ci)
                                class=move || format!("ws-cell ws-{}", cell_face(cell.get()).2)
                                tabindex=move || if focus.get() == (ri, ci) { "0" } else { "-1" }
                                aria-selected=move || (focus.get() == (ri, ci)).to_string()
                                aria-label=move || format!("{label}: {}", state_words(cell.get()))
                                on:focus=move |_| focus.set((ri, ci))
                                on:click=move |_| { focus.set((ri, ci)); focus_cell(ri, ci); }>
                                <span class="ws-mark" aria-hidden="true">{move || cell_face(cell.get()).0}</span>
                                <span class="ws-word" aria-hidden="true">{move || cell_face(cell.get()).1}</span>
                                <span class="ws-detail" aria-hidden="true">{detail}</span>
                            </td>
                        }
                    })
                    .collect_view();
                let row3 = row.clone();
                view! {
                    <tr>
                        <th scope="row" class="ws-row">{row.clone()}</th>
                        {cells}
                        <td class="ws-total">{move || penetration(with_account(app, id, |a| a.white_space.row_counts(around(a), &row3)).unwrap_or_default())}</td>
                    </tr>
                }
            })
            .collect_view();
        let foot = cols
            .iter()
            .map(|c| {
                let col = c.label.clone();
                view! { <td class="ws-total">{move || penetration(with_account(app, id, |a| a.white_space.column_counts(around(a), &col)).unwrap_or_default())}</td> }
            })
            .collect_view();
        view! {
            <div class="table-wrap ws-wrap">
                <table class="ws-grid" role="grid" aria-label="White space: business units by products"
                    aria-describedby="ws-howto" aria-colcount=(nc + 2).to_string() on:keydown=on_key>
                    <thead><tr>
                        <th scope="col" class="ws-corner">"Business unit ╲ product"</th>
                        {head}
                        <th scope="col" class="ws-total">"Penetration"</th>
                    </tr></thead>
                    <tbody>{body}</tbody>
                    <tfoot><tr>
                        <th scope="row">"Penetration"</th>
                        {foot}
                        <td class="ws-total ws-overall">{move || penetration(with_account(app, id, |a| a.white_space.total(around(a))).unwrap_or_default())}</td>
                    </tr></tfoot>
                </table>
            </div>
        }
        .into_any()
    };
    let overall =
        move || with_account(app, id, |a| a.white_space.total(around(a))).unwrap_or_default();
    view! {
        <div class="ws-tab">
            <section class="card" aria-labelledby="ws-h">
                <div class="section-head">
                    <h2 id="ws-h">"White space"</h2>
                    <p class="ws-summary">{move || {
                        let t = overall();
                        format!("Penetration {} · {} owned, {} in pipeline, {} open, {} not a fit",
                            t.penetration_label(), t.owned, t.pipeline, t.open, t.not_a_fit)
                    }}</p>
                </div>
                <p class="hint" id="ws-howto">
                    "Arrow keys move between cells. Enter or Space steps through open, owned, in pipeline, not a fit and not assessed; O, P, W and X set owned, pipeline, open (white space) and not a fit; Delete clears. Or click a cell and pick its state below. Penetration = owned / (owned + in pipeline + open)."
                </p>
                {grid}
                <p class="visually-hidden" role="status" aria-live="polite">{move || status.get()}</p>
                <p class="field-error" role="alert">{move || error.get()}</p>
            </section>
            <CellPanel lines=lines focus=focus/>
            <LinesCard lines=lines/>
        </div>
    }
}

/// The focused cell's state, its details, and "make it an opportunity".
#[component]
fn CellPanel(
    lines: Memo<(Vec<Line>, Vec<Line>)>,
    focus: RwSignal<(usize, usize)>,
) -> impl IntoView {
    let app = use_app();
    let id = current_account();
    let names = Memo::new(move |_| {
        let (r, c) = focus.get();
        lines.with(|(rows, cols)| Some((rows.get(r)?.label.clone(), cols.get(c)?.label.clone())))
    });
    let cell = Memo::new(move |_| {
        names
            .get()
            .and_then(|(r, c)| with_account(app, id, |a| a.white_space.cell(&r, &c)).flatten())
    });
    let error = RwSignal::new(None::<String>);
    let arr_text = RwSignal::new(String::new());
    Effect::new(move |_| {
        let text = match cell.get() {
            Some(Cell::Owned { arr: Some(x) }) => format!("{x}"),
            _ => String::new(),
        };
        arr_text.set(text);
        error.set(None);
    });
    let edit =
        move |f: &dyn Fn(&mut Account, &str, &str) -> Result<(), crate::domain::FieldError>| {
            let Some((r, c)) = names.get_untracked() else {
                return;
            };
            let res = edit_account(app, id, |a| f(a, &r, &c));
            error.set(res.err());
        };
    let set_kind = move |k: Option<CellKind>| {
        edit(&move |a: &mut Account, r: &str, c: &str| {
            let mut g = a.white_space.clone();
            g.set_kind(around(a), r, c, k)?;
            a.white_space = g;
            Ok(())
        })
    };
    let save_arr = move |ev: SubmitEvent| {
        ev.prevent_default();
        let text = arr_text.get_untracked();
        let arr = if text.trim().is_empty() {
            None
        } else {
            match parse_arr(&text) {
                Ok(x) => Some(x),
                Err(e) => {
                    error.set(Some(e.message));
                    return;
                }
            }
        };
        edit(&move |a: &mut Account, r: &str, c: &str| {
            let mut g = a.white_space.clone();
            g.set(around(a), r, c, Some(Cell::Owned { arr }))?;
            a.white_space = g;
            Ok(())
        });
    };
    let link = move |ev: leptos::ev::Event| {
        let o = event_target_value(&ev)
            .parse::<u32>()
            .ok()
            .map(OpportunityId);
        edit(&move |a: &mut Account, r: &str, c: &str| {
            let mut g = a.white_space.clone();
            g.set(around(a), r, c, Some(Cell::Pipeline { opportunity: o }))?;
            a.white_space = g;
            Ok(())
        });
    };
    let make_opportunity = move |_| {
        let Some((r, c)) = names.get_untracked() else {
            return;
        };
        let res = edit_account(app, id, |a| {
            let oid = cell_to_opportunity(a, &r, &c)?;
            let o = a
                .expansion
                .opportunity(oid)
                .map(|o| (o.description().to_string(), o.kind().label().to_lowercase()));
            Ok::<_, crate::domain::FieldError>(o.unwrap_or_default())
        });
        match res {
            Ok((desc, kind)) => {
                error.set(None);
                app.show_toast(
                    format!("Opportunity added: {desc} ({kind}). It is on the Expansion tab."),
                    None,
                );
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let opportunities = move || {
        with_account(app, id, |a| {
            a.expansion
                .opportunities()
                .iter()
                .map(|o| {
                    (
                        o.id(),
                        format!(
                            "{} ({}, {})",
                            o.description(),
                            o.kind().label().to_lowercase(),
                            o.stage().label().to_lowercase()
                        ),
                    )
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let expansion_href = format!("/accounts/{}/expansion", id.0);
    move || {
        let Some((r, c)) = names.get() else {
            return ().into_any();
        };
        let current = cell.get();
        let expansion_href = expansion_href.clone();
        view! {
            <section class="card ws-panel" aria-labelledby="ws-panel-h">
                <h3 id="ws-panel-h">{format!("{r} × {c}")}</h3>
                <div class="ws-states" role="group" aria-label="State of this cell">
                    {CellKind::ALL.into_iter().map(|k| {
                        let on = current.map(|c| c.kind()) == Some(k);
                        view! {
                            <button type="button" class="btn btn-small" class:btn-primary=on aria-pressed=on.to_string()
                                on:click=move |_| set_kind(Some(k))>
                                {format!("{} ({})", k.label(), k.shortcut().to_ascii_uppercase())}
                            </button>
                        }
                    }).collect_view()}
                    <button type="button" class="btn btn-small btn-quiet" aria-pressed=current.is_none().to_string()
                        on:click=move |_| set_kind(None)>"Not assessed"</button>
                </div>
                {match current {
                    Some(Cell::Owned { .. }) => view! {
                        <form class="ws-arr" on:submit=save_arr novalidate>
                            <div class="field" class:has-error=move || error.with(Option::is_some)>
                                <label for="ws-arr">"ARR from this cell (optional)"</label>
                                <input id="ws-arr" type="text" inputmode="decimal" placeholder="e.g. 24000"
                                    aria-invalid=move || error.with(Option::is_some).to_string()
                                    aria-describedby="ws-panel-err"
                                    prop:value=move || arr_text.get()
                                    on:input=move |ev| arr_text.set(event_target_value(&ev))/>
                            </div>
                            <button type="submit" class="btn btn-small">"Save ARR"</button>
                        </form>
                    }.into_any(),
                    Some(Cell::Pipeline { opportunity }) => view! {
                        <div class="field">
                            <label for="ws-link">"Linked opportunity"</label>
                            <select id="ws-link" on:change=link>
                                <option value="" selected=opportunity.is_none()>"None"</option>
                                {opportunities().into_iter().map(|(oid, text)| view! {
                                    <option value=oid.0.to_string() selected=opportunity == Some(oid)>{text}</option>
                                }).collect_view()}
                            </select>
                            <p class="hint field-hint"><a href=expansion_href>"Open the Expansion tab"</a></p>
                        </div>
                    }.into_any(),
                    Some(Cell::Open) => view! {
                        <p>
                            <button type="button" class="btn btn-primary" on:click=make_opportunity>"Make it an opportunity"</button>
                            <span class="hint">" A cross-sell when this unit already owns a product of ours, a new business unit otherwise; prefilled, on the Expansion tab."</span>
                        </p>
                    }.into_any(),
                    _ => ().into_any(),
                }}
                <p class="field-error" id="ws-panel-err" role="alert">{move || error.get()}</p>
            </section>
        }
        .into_any()
    }
}

/// Adding rows and columns, and removing the ones that do not come from the account.
#[component]
fn LinesCard(lines: Memo<(Vec<Line>, Vec<Line>)>) -> impl IntoView {
    let app = use_app();
    let id = current_account();
    let add_form = move |axis: Axis| {
        let text = RwSignal::new(String::new());
        let error = RwSignal::new(None::<String>);
        let (dom, label, button) = match axis {
            Axis::Row => ("ws-add-row", "Business unit or team", "Add row"),
            Axis::Column => ("ws-add-col", "Product or module", "Add column"),
        };
        let submit = move |ev: SubmitEvent| {
            ev.prevent_default();
            let res = edit_account(app, id, |a| {
                let mut g = a.white_space.clone();
                let l = g.add_line(around(a), axis, &text.get_untracked())?;
                a.white_space = g;
                Ok::<_, crate::domain::FieldError>(l)
            });
            match res {
                Ok(_) => {
                    text.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        };
        let err_id = format!("{dom}-err");
        view! {
            <form class="ws-add" on:submit=submit novalidate>
                <div class="field" class:has-error=move || error.with(Option::is_some)>
                    <label for=dom>{label}</label>
                    <input id=dom type="text" aria-describedby=err_id.clone()
                        aria-invalid=move || error.with(Option::is_some).to_string()
                        prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
                    <p class="field-error" id=err_id role="alert">{move || error.get()}</p>
                </div>
                <button type="submit" class="btn btn-small">{button}</button>
            </form>
        }
    };
    let removable = move |axis: Axis| {
        move || {
            let list: Vec<Line> = lines.with(|(r, c)| match axis {
                Axis::Row => r.clone(),
                Axis::Column => c.clone(),
            });
            list.into_iter()
                .filter(|l| l.is_removable())
                .map(|l| {
                    let label = l.label.clone();
                    let cells = with_account(app, id, |a| match axis {
                        Axis::Row => a.white_space.row_counts(around(a), &label),
                        Axis::Column => a.white_space.column_counts(around(a), &label),
                    })
                    .unwrap_or_default();
                    let set = cells.in_scope() + cells.not_a_fit;
                    let question = format!(
                        "Remove \"{label}\" and {} set on it?",
                        plural(set, "cell", "cells")
                    );
                    let l2 = label.clone();
                    view! {
                        <li>
                            <span>{label.clone()}</span>
                            <ConfirmButton label=format!("Remove {label}") question=Signal::stored(question)
                                confirm_label="Yes, remove" danger=true
                                on_confirm=move |_| {
                                    let r = edit_account(app, id, |a| {
                                        let mut g = a.white_space.clone();
                                        let n = g.remove_line(around(a), axis, &l2)?;
                                        a.white_space = g;
                                        Ok::<_, crate::domain::FieldError>(n)
                                    });
                                    if let Ok(n) = r {
                                        app.show_toast(format!("Removed \"{l2}\" and {}.", plural(n, "cell", "cells")), None);
                                    }
                                }/>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <section class="card ws-lines" aria-labelledby="ws-lines-h">
            <h3 id="ws-lines-h">"Rows and columns"</h3>
            <p class="hint">"Rows from the stakeholders' business units and columns from the account's products are always here; add others the customer has or we sell."</p>
            <div class="grid-2">
                <div>
                    {add_form(Axis::Row)}
                    <ul class="ws-removable">{removable(Axis::Row)}</ul>
                </div>
                <div>
                    {add_form(Axis::Column)}
                    <ul class="ws-removable">{removable(Axis::Column)}</ul>
                </div>
            </div>
        </section>
    }
}
