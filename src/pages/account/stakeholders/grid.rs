//! The 2x2 power grid: four named quadrants and a dot per person, placed by
//! `grid_layout` so no dot hides another. A dot is a button: click (or Enter) edits,
//! dragging it into another quadrant moves the person. The arrow keys only propose a move
//! (the dot shows where it would go): Enter commits it, Escape (or leaving the dot, or
//! arrowing back) cancels it, and nothing about the person changes until Enter.

use leptos::html;
use leptos::prelude::*;

use super::{primary_role, role_class, role_shape, use_people, Editing};
use crate::domain::stakeholders::{
    grid_layout, placement_for_move, quadrant_at, GridArea, GridLayout, Move, Quadrant, Role,
    StakeholderId,
};

/// Grid box and dot sizes for a width in pixels (the height follows the screen size).
fn area_for(width: f64) -> GridArea {
    let phone = width < 520.0;
    let mut a = GridArea::new(width.max(200.0), if phone { 420.0 } else { 470.0 });
    a.header = if phone { 44.0 } else { 48.0 };
    a.inset = 8.0;
    a.diameter = 18.0;
    a.gap_y = 10.0;
    let label = if phone { 64.0 } else { 96.0 };
    a.gap_x = label + 8.0;
    a.label_room = label;
    a
}

/// A drag in progress: which dot and how far the pointer went.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Drag {
    id: StakeholderId,
    pointer: i32,
    start: (f64, f64),
    delta: (f64, f64),
    /// Past the few pixels that still count as a click.
    moved: bool,
}

const CLICK_SLOP: f64 = 5.0;

/// A keyboard move proposed with the arrow keys, waiting for Enter (commit) or Escape
/// (cancel). Nothing is changed while it waits.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Pending {
    id: StakeholderId,
    from: Quadrant,
    to: Quadrant,
}

#[component]
pub fn PowerGrid() -> impl IntoView {
    let people = use_people();
    let box_ref = NodeRef::<html::Div>::new();
    let width = RwSignal::new(640.0f64);
    let measure = move || {
        if let Some(el) = box_ref.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 && (w - width.get_untracked()).abs() > 0.5 {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if box_ref.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    let area = Memo::new(move |_| area_for(width.get()));
    // Only people still at the company are on the grid; who left is listed below it.
    let layout = Memo::new(move |_| {
        let a = area.get();
        people.map.with(|m| grid_layout(m.current(), a))
    });
    let ids = Memo::new(move |_| {
        people
            .map
            .with(|m| m.current().map(|p| p.id).collect::<Vec<_>>())
    });
    let drag: RwSignal<Option<Drag>> = RwSignal::new(None);
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    // What Enter would set, in words: "influence 4, supporter".
    let pending_text = move || {
        let p = pending.get()?;
        let (name, now) = people.map.with(|m| {
            m.get(p.id).map(|x| {
                let (i, s) = placement_for_move(x.fields.influence, x.fields.sentiment, p.to);
                (
                    x.fields.name.trim().to_string(),
                    format!("influence {}, {}", i.get(), s.label().to_lowercase()),
                )
            })
        })?;
        Some(format!(
            "Enter moves {name} to {} ({now}). Escape leaves them in {}.",
            p.to.label(),
            p.from.label()
        ))
    };
    let cancel_pending = move |id: StakeholderId| {
        if let Some(p) = pending.get_untracked().filter(|p| p.id == id) {
            pending.set(None);
            people.announce(format!(
                "Move cancelled: {} stays in {}.",
                people.name_of(id),
                p.from.label()
            ));
        }
    };
    // Set when a drag ends, so the click that follows does not open the editor.
    let swallow_click = StoredValue::new(false);

    // Where a dragged dot's centre is now, and the quadrant under it.
    let drop_target = move || {
        let d = drag.get()?;
        if !d.moved {
            return None;
        }
        let a = area.get();
        let dot = layout.with(|l| l.dot(d.id).copied())?;
        quadrant_at(dot.x + d.delta.0, dot.y + d.delta.1, a.width, a.height)
    };

    let quadrant_box = move |q: Quadrant| {
        let rect = move || area.get().quadrant_rect(q);
        let count = move || {
            people
                .map
                .with(|m| m.current().filter(|p| p.quadrant() == q).count())
        };
        view! {
            <div class=format!("pg-q q-{}", q.key()) data-quadrant=q.key()
                class:drop-target=move || drop_target() == Some(q)
                style:left=move || format!("{}px", rect().x0)
                style:top=move || format!("{}px", rect().y0)
                style:width=move || format!("{}px", rect().width())
                style:height=move || format!("{}px", rect().height())
                title=q.what_to_do()>
                <p class="pg-q-head">
                    <span class="pg-q-name">{q.label()}</span>
                    <span class="pg-q-count">{count}</span>
                    <span class="pg-q-motto">{q.motto()}</span>
                </p>
            </div>
        }
    };

    let dot_view = move |id: StakeholderId| {
        let person = move || people.map.with(|m| m.get(id).cloned());
        let dot = move || layout.with(|l: &GridLayout| l.dot(id).copied());
        let d = move || layout.with(|l| l.diameter);
        let quadrant = move || dot().map(|x| x.quadrant).unwrap_or(Quadrant::Monitor);
        let label_width = move || {
            let a = area.get();
            let scale = d() / a.diameter;
            (a.gap_x * scale - 8.0).min(a.label_room - 4.0).max(20.0)
        };
        let name = move || {
            person()
                .map(|p| p.fields.name.trim().to_string())
                .unwrap_or_default()
        };
        let role = move || person().and_then(|p| primary_role(&p));
        let several = move || person().is_some_and(|p| p.fields.roles.len() > 1);
        let aria = move || {
            person()
                .map(|p| {
                    let f = &p.fields;
                    let mut s = f.name.trim().to_string();
                    if !f.title.trim().is_empty() {
                        s.push_str(&format!(", {}", f.title.trim()));
                    }
                    s.push_str(&format!(
                        ". {}: influence {}, {}.",
                        p.quadrant().label(),
                        f.influence.get(),
                        f.sentiment.label().to_lowercase()
                    ));
                    if !f.roles.is_empty() {
                        s.push_str(&format!(" {}.", f.roles_text()));
                    }
                    s
                })
                .unwrap_or_default()
        };
        let dragging = move || drag.with(|g| g.is_some_and(|g| g.id == id && g.moved));

        let on_down = move |ev: leptos::ev::PointerEvent| {
            // A drag whose click never came (touch) must not swallow this one.
            swallow_click.set_value(false);
            if ev.button() != 0 {
                return;
            }
            if let Some(t) = ev
                .current_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            {
                let _ = t.set_pointer_capture(ev.pointer_id());
            }
            drag.set(Some(Drag {
                id,
                pointer: ev.pointer_id(),
                start: (ev.client_x() as f64, ev.client_y() as f64),
                delta: (0.0, 0.0),
                moved: false,
            }));
        };
        let on_move = move |ev: leptos::ev::PointerEvent| {
            let Some(mut g) = drag.get_untracked() else {
                return;
            };
            if g.id != id || g.pointer != ev.pointer_id() {
                return;
            }
            g.delta = (
                ev.client_x() as f64 - g.start.0,
                ev.client_y() as f64 - g.start.1,
            );
            if g.delta.0.abs() > CLICK_SLOP || g.delta.1.abs() > CLICK_SLOP {
                g.moved = true;
            }
            drag.set(Some(g));
        };
        let on_up = move |ev: leptos::ev::PointerEvent| {
            let Some(g) = drag.get_untracked() else {
                return;
            };
            if g.id != id || g.pointer != ev.pointer_id() {
                return;
            }
            drag.set(None);
            if !g.moved {
                return;
            }
            swallow_click.set_value(true);
            let a = area.get_untracked();
            let Some(dot) = layout.with_untracked(|l| l.dot(id).copied()) else {
                return;
            };
            let (x, y) = (dot.x + g.delta.0, dot.y + g.delta.1);
            match quadrant_at(x, y, a.width, a.height) {
                Some(q) if q != dot.quadrant => people.move_to(id, q),
                Some(_) => people.announce(format!(
                    "{} stays in {}.",
                    people.name_of(id),
                    dot.quadrant.label()
                )),
                None => people.announce(format!(
                    "Dropped outside the grid; {} did not move.",
                    people.name_of(id)
                )),
            }
        };
        let on_cancel = move |_: leptos::ev::PointerEvent| drag.set(None);
        let on_click = move |_| {
            if swallow_click.get_value() {
                swallow_click.set_value(false);
                return;
            }
            people.editing.set(Some(Editing::Person(id)));
        };
        let on_key = move |ev: leptos::ev::KeyboardEvent| {
            swallow_click.set_value(false);
            let mine = pending.get_untracked().filter(|p| p.id == id);
            let m = match ev.key().as_str() {
                "ArrowUp" => Move::Up,
                "ArrowDown" => Move::Down,
                "ArrowLeft" => Move::Left,
                "ArrowRight" => Move::Right,
                "Enter" => {
                    if let Some(p) = mine {
                        // Commit (and do not open the editor, which Enter does otherwise).
                        ev.prevent_default();
                        pending.set(None);
                        people.move_to(id, p.to);
                    }
                    return;
                }
                "Escape" => {
                    if mine.is_some() {
                        ev.prevent_default();
                        ev.stop_propagation();
                        cancel_pending(id);
                    }
                    return;
                }
                _ => return,
            };
            ev.prevent_default();
            let from = quadrant();
            let at = mine.map(|p| p.to).unwrap_or(from);
            match at.neighbour(m) {
                Some(target) if target == from => {
                    pending.set(None);
                    people.announce(format!(
                        "{} stays in {}; nothing changed.",
                        people.name_of(id),
                        from.label()
                    ));
                }
                Some(target) => {
                    pending.set(Some(Pending {
                        id,
                        from,
                        to: target,
                    }));
                    if let Some(text) = pending_text() {
                        people.announce(text);
                    }
                }
                None => {
                    let edge = match m {
                        Move::Up => "top row (high influence)",
                        Move::Down => "bottom row (low influence)",
                        Move::Left => "left column (neutral or against us)",
                        Move::Right => "right column (on our side)",
                    };
                    people.announce(format!("{} is already in the {edge}.", people.name_of(id)));
                }
            }
        };

        view! {
            <button type="button"
                class=move || format!("pg-dot role-{}", role_class(role()))
                class:dragging=dragging
                data-quadrant=move || quadrant().key()
                data-person=id.0.to_string()
                aria-label=aria
                aria-describedby="pg-howto"
                style:left=move || dot().map(|p| format!("{}px", p.x - d() / 2.0)).unwrap_or_default()
                style:top=move || dot().map(|p| format!("{}px", p.y - d() / 2.0)).unwrap_or_default()
                style:width=move || format!("{}px", d())
                style:height=move || format!("{}px", d())
                class:pg-pending=move || pending.with(|p| p.is_some_and(|p| p.id == id))
                aria-keyshortcuts="ArrowUp ArrowDown ArrowLeft ArrowRight Enter Escape"
                style:transform=move || {
                    if let Some(g) = drag.get().filter(|g| g.id == id && g.moved) {
                        return format!("translate({}px, {}px)", g.delta.0, g.delta.1);
                    }
                    // A proposed keyboard move: shown where it would go, by the distance
                    // between the two quadrants.
                    match pending.get().filter(|p| p.id == id) {
                        Some(p) => {
                            let a = area.get();
                            let (f, t) = (a.quadrant_rect(p.from), a.quadrant_rect(p.to));
                            format!("translate({}px, {}px)", t.x0 - f.x0, t.y0 - f.y0)
                        }
                        None => String::new(),
                    }
                }
                on:blur=move |_| cancel_pending(id)
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_cancel
                on:click=on_click
                on:keydown=on_key>
                {move || role_shape(role(), several())}
                <span class="pg-name" aria-hidden="true" style:max-width=move || format!("{}px", label_width())>{name}</span>
            </button>
        }
    };

    let left_people = move || {
        people.map.with(|m| {
            m.people()
                .iter()
                .filter(|p| !p.is_current())
                .map(|p| {
                    (
                        p.id,
                        p.fields.name.trim().to_string(),
                        p.fields.title.trim().to_string(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <div class="pg-wrap">
            <p class="visually-hidden" id="pg-howto">
                "Enter opens the person's details. Arrow keys propose a move to the next quadrant; Enter then moves the person there, which changes their influence or sentiment, and Escape cancels."
            </p>
            <div class="pg-axes">
                <span class="pg-axis-y" aria-hidden="true">
                    <span>"High influence"</span>
                    <span>"Low influence"</span>
                </span>
                <div class="pg" node_ref=box_ref role="group" aria-label="Power grid: influence (rows) by sentiment (columns)"
                    class:is-dragging=move || drag.with(|g| g.is_some_and(|g| g.moved))
                    style:height=move || format!("{}px", area.get().height)>
                    {Quadrant::ALL.into_iter().map(quadrant_box).collect_view()}
                    <For each=move || ids.get() key=|id| *id let:id>
                        {dot_view(id)}
                    </For>
                </div>
            </div>
            <p class="pg-axis-x" aria-hidden="true">
                <span>"← Detractor or neutral"</span>
                <span>"Supporter or champion →"</span>
            </p>
            {move || pending_text().map(|t| view! { <p class="pg-pending-note" role="status">{t}</p> })}
            <p class="hint pg-tip">"Drag a dot into another quadrant, or focus it and use the arrow keys then Enter, to change where a person stands. Click a dot to edit."</p>
            {move || {
                let gone = left_people();
                (!gone.is_empty()).then(|| view! {
                    <div class="pg-left">
                        <h3>"Left the company"</h3>
                        <p class="hint">"Not on the grid and not counted as relationships; kept for history."</p>
                        <ul>
                            {gone.into_iter().map(|(pid, name, title)| view! {
                                <li>
                                    <button type="button" class="linkish" on:click=move |_| people.editing.set(Some(Editing::Person(pid)))>{name}</button>
                                    {(!title.is_empty()).then(|| view! { <span class="muted">{format!(" · {title}")}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <Legend/>
            <dl class="quad-help">
                {Quadrant::ALL.into_iter().map(|q| view! {
                    <div class=format!("quad-help-item q-{}", q.key())>
                        <dt>{q.label()}<span class="muted">{format!(" · {}", q.motto())}</span></dt>
                        <dd>{q.what_to_do()}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </div>
    }
}

#[component]
fn Legend() -> impl IntoView {
    view! {
        <div class="pg-legend">
            <h3 class="visually-hidden">"Legend"</h3>
            <ul>
                {Role::ALL.into_iter().map(|r| view! {
                    <li title=r.hint()>{role_shape(Some(r), false)}<span>{r.label()}</span></li>
                }).collect_view()}
                <li>{role_shape(None, false)}<span>"No role set"</span></li>
                <li>{role_shape(Some(Role::Champion), true)}<span>"Dark outline: several roles (the shape shows the first)"</span></li>
            </ul>
        </div>
    }
}
