//! The one editor of a list of items kept by id (`domain::items`): the list (cards or a
//! table), Edit, Move up / down and Remove on each item, and the add/edit form below it.
//! Used by the Plan tab's goals, metrics, risks and 90-day actions and by a QBR's mutual
//! action plan. Every change names the item by its id, through the domain's by-id methods.
//!
//! Focus is placed on purpose (docs/accessibility.md): the form's first field when it
//! opens; after a removal the next item's Edit button (the previous one's at the end, the
//! Add button or the form when none is left); after a move the moved item's move button.

use std::sync::Arc;

use leptos::prelude::*;

use super::confirm::ConfirmButton;
use super::data_table::draw_cell;
use super::form::{focus_soon, FormErrors, FormMessage};
use crate::domain::items::{Item, ItemId, Step};

/// What the form of an [`ItemEditor`] is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Editing<Id> {
    New,
    Item(Id),
}

/// How the items are laid out, and what each one shows.
pub enum Layout<T> {
    /// An ordered list of cards: `<ol class=list>` of `<li class=item>`; `card` gives a
    /// card's classes and content.
    Cards {
        list: &'static str,
        item: &'static str,
        card: ItemFn<T, (String, AnyView)>,
    },
    /// A table (`plan-table stack` plus `class`) with these column heads (text, and a class
    /// on the heading and on each cell of the column); the last column holds the buttons.
    /// `cells` gives a row's classes and its cells, one per heading in the same order.
    Table {
        class: &'static str,
        head: &'static [(&'static str, &'static str)],
        cells: ItemFn<T, (String, Vec<Cell>)>,
    },
}

/// One cell of an item table's row. A data cell carries its column's heading as
/// `data-label`, which the phone layout writes before the value (`.plan-table.stack`), so
/// the heading is written once, in the layout's `head`.
pub struct Cell {
    row_head: bool,
    class: &'static str,
    content: AnyView,
}

impl Cell {
    /// The row's heading (`<th scope="row">`): what the row is.
    pub fn row_head(content: impl IntoView + 'static) -> Cell {
        Cell {
            row_head: true,
            class: "",
            content: content.into_any(),
        }
    }

    /// A data cell (`<td>`).
    pub fn data(content: impl IntoView + 'static) -> Cell {
        Cell {
            row_head: false,
            class: "",
            content: content.into_any(),
        }
    }

    /// A class of this cell only (`nowrap`, `pre`), beside its column's.
    pub fn class(self, class: &'static str) -> Cell {
        Cell { class, ..self }
    }

    /// The cell drawn under the column headed `head` with the column's `column_class`.
    fn draw(self, head: &'static str, column_class: &'static str) -> AnyView {
        let classes = [column_class, self.class];
        draw_cell(self.row_head, &classes, Some(head), self.content)
    }
}

/// How items are added.
pub enum Adding {
    /// A button opens the form; `blocked` disables it with a note saying why.
    Button {
        label: &'static str,
        blocked: Option<(Signal<bool>, &'static str)>,
    },
    /// The add form is always shown (and starts fresh after each item).
    AlwaysOpen,
}

/// A function of an item and its place in the list.
pub type ItemFn<T, R> = Arc<dyn Fn(&T, usize) -> R + Send + Sync>;
/// Moves an item one place (by id).
pub type MoveFn<Id> = Callback<(Id, Step)>;
/// The form: what it edits, and what to call once it is done (saved or cancelled).
pub type FormFn<Id> = Arc<dyn Fn(Editing<Id>, Callback<()>) -> AnyView + Send + Sync>;

/// The parts of one item editor; draw it with [`ItemEditor::view`].
pub struct ItemEditor<T: Item + Send + Sync + 'static> {
    /// Start of the ids of its elements: `goal` gives `goal-add`, `goal-edit-3`.
    pub key: &'static str,
    pub items: Signal<Vec<T>>,
    pub layout: Layout<T>,
    /// Shown when the list is empty.
    pub empty: &'static str,
    /// The item as its buttons name it: "goal 1", "risk New CFO".
    pub name: ItemFn<T, String>,
    /// Asked before removing the item.
    pub remove_question: ItemFn<T, String>,
    /// More buttons of a row, before Remove (Close / Reopen).
    pub more: Option<ItemFn<T, AnyView>>,
    pub form: FormFn<T::Id>,
    /// The id of the form's first field, focused when the form opens.
    pub first_field: &'static str,
    pub adding: Adding,
    pub remove: Callback<T::Id>,
    pub move_by: MoveFn<T::Id>,
}

/// Focuses the first of `ids` that is on the page and not disabled, on the next frame.
fn focus_first_of(ids: Vec<String>) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        for id in ids {
            let Some(el) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                continue;
            };
            if el.has_attribute("disabled") {
                continue;
            }
            let _ = el.focus();
            return;
        }
    });
}

impl<T> ItemEditor<T>
where
    T: Item + Send + Sync + 'static,
    T::Id: Send + Sync + 'static,
{
    pub fn view(self) -> impl IntoView {
        let ItemEditor {
            key,
            items,
            layout,
            empty,
            name,
            remove_question,
            more,
            form,
            first_field,
            adding,
            remove,
            move_by,
        } = self;
        let editing = RwSignal::new(match adding {
            Adding::AlwaysOpen => Some(Editing::New),
            Adding::Button { .. } => None,
        });
        let always_open = matches!(adding, Adding::AlwaysOpen);
        // A fresh add form after each item: its signals start empty again.
        let fresh = RwSignal::new(0u32);
        let first = format!("#{first_field}");
        let open = {
            let first = first.clone();
            Callback::new(move |e: Editing<T::Id>| {
                editing.set(Some(e));
                focus_soon(first.clone());
            })
        };
        let add_id = format!("{key}-add");
        let edit_id = move |id: T::Id| format!("{key}-edit-{}", id.raw());
        let up_id = move |id: T::Id| format!("{key}-up-{}", id.raw());
        let down_id = move |id: T::Id| format!("{key}-down-{}", id.raw());
        let close = {
            let first = first.clone();
            let add_id = add_id.clone();
            Callback::new(move |()| {
                let was = editing.get_untracked();
                if always_open {
                    editing.set(Some(Editing::New));
                    fresh.update(|n| *n += 1);
                } else {
                    editing.set(None);
                }
                // Back where the form was opened from.
                match was {
                    Some(Editing::Item(id)) => focus_first_of(vec![edit_id(id)]),
                    _ if always_open => focus_soon(first.clone()),
                    _ => focus_first_of(vec![add_id.clone()]),
                }
            })
        };
        let after_remove = {
            let add_id = add_id.clone();
            let first = first.clone();
            Callback::new(move |neighbour: Option<T::Id>| match neighbour {
                Some(n) => focus_first_of(vec![edit_id(n)]),
                None if always_open => focus_soon(first.clone()),
                None => focus_first_of(vec![add_id.clone()]),
            })
        };
        let buttons = {
            let name = name.clone();
            move |item: &T, i: usize, n: usize| {
                let id = item.id();
                let label = name(item, i);
                let question = remove_question(item, i);
                let more = more.as_ref().map(|m| m(item, i));
                let neighbour = items.with_untracked(|list| {
                    list.get(i + 1)
                        .or_else(|| i.checked_sub(1).and_then(|p| list.get(p)))
                        .map(Item::id)
                });
                view! {
                    <button type="button" class="btn btn-small" id=edit_id(id)
                        aria-label=format!("Edit {label}") on:click=move |_| open.run(Editing::Item(id))>"Edit"</button>
                    <button type="button" class="btn btn-small btn-quiet move-btn" id=up_id(id)
                        aria-label=format!("Move {label} up") title="Move up" disabled=i == 0
                        on:click=move |_| {
                            move_by.run((id, Step::Up));
                            focus_first_of(vec![up_id(id), down_id(id)]);
                        }><span aria-hidden="true">"↑"</span></button>
                    <button type="button" class="btn btn-small btn-quiet move-btn" id=down_id(id)
                        aria-label=format!("Move {label} down") title="Move down" disabled=i + 1 == n
                        on:click=move |_| {
                            move_by.run((id, Step::Down));
                            focus_first_of(vec![down_id(id), up_id(id)]);
                        }><span aria-hidden="true">"↓"</span></button>
                    {more}
                    <ConfirmButton label="Remove" question=question confirm_label="Yes, remove it"
                        danger=true
                        on_confirm=move |_| {
                            remove.run(id);
                            if editing.get_untracked() == Some(Editing::Item(id)) {
                                editing.set(if always_open { Some(Editing::New) } else { None });
                            }
                            after_remove.run(neighbour);
                        }/>
                }
            }
        };
        let is_editing = move |id: T::Id| editing.get() == Some(Editing::Item(id));
        let drawn = move || {
            let all = items.get();
            let n = all.len();
            if n == 0 {
                return view! { <p class="empty-note">{empty}</p> }.into_any();
            }
            let buttons_of = |i: usize, item: &T| (item.id(), buttons(item, i, n));
            match &layout {
                Layout::Cards { list, item, card } => view! {
                    <ol class=*list>
                        {all.iter().enumerate().map(|(i, it)| {
                            let (class, content) = card(it, i);
                            let (id, buttons) = buttons_of(i, it);
                            view! {
                                <li class=format!("{item} {class}").trim_end().to_string() class:editing=move || is_editing(id)>
                                    {content}
                                    <div class="actions screen-only">{buttons}</div>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any(),
                Layout::Table { class, head, cells } => view! {
                    <div class="table-wrap">
                        <table class=format!("plan-table stack {class}").trim_end().to_string()>
                            <thead><tr>
                                {head.iter().map(|&(text, class)| view! {
                                    <th scope="col" class=(!class.is_empty()).then_some(class)>{text}</th>
                                }).collect_view()}
                                <th scope="col" class="screen-only"><span class="visually-hidden">"Change"</span></th>
                            </tr></thead>
                            <tbody>
                                {all.iter().enumerate().map(|(i, it)| {
                                    let (class, row) = cells(it, i);
                                    debug_assert_eq!(row.len(), head.len(), "one cell per heading");
                                    let row = row
                                        .into_iter()
                                        .zip(head.iter())
                                        .map(|(cell, &(text, column_class))| cell.draw(text, column_class))
                                        .collect_view();
                                    let (id, buttons) = buttons_of(i, it);
                                    view! {
                                        <tr class=class class:editing=move || is_editing(id)>
                                            {row}
                                            <td class="row-actions screen-only">{buttons}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                .into_any(),
            }
        };
        let below = move || {
            fresh.track();
            match (editing.get(), &adding) {
                (Some(e), _) => form(e, close),
                (None, Adding::Button { label, blocked }) => {
                    let blocked = *blocked;
                    let full = move || blocked.is_some_and(|(b, _)| b.get());
                    view! {
                        <div class="actions">
                            <button type="button" class="btn" id=add_id.clone() disabled=full
                                on:click=move |_| open.run(Editing::New)>{*label}</button>
                            {move || blocked.filter(|(b, _)| b.get()).map(|(_, note)| view! { <span class="hint">{note}</span> })}
                        </div>
                    }
                    .into_any()
                }
                (None, Adding::AlwaysOpen) => ().into_any(),
            }
        };
        view! {
            {drawn}
            <div class="screen-only">{below}</div>
        }
    }
}

/// The form of one item: its title, the fields (children), the form's own message, Save
/// and Cancel. On submit it calls `on_submit`; when that leaves messages, the cursor goes
/// to the first refused field.
#[component]
pub fn ItemForm<K>(
    /// The form's id (for focusing its first refused field).
    id: &'static str,
    /// Its name (`aria-label`), also shown as its heading unless `no_heading`.
    #[prop(into)]
    title: String,
    #[prop(optional)] no_heading: bool,
    #[prop(into)] submit: String,
    /// The submit button's class (default `btn btn-primary`).
    #[prop(optional)]
    submit_class: Option<&'static str>,
    /// More classes of the form (`mutual-form screen-only`).
    #[prop(optional)]
    class: &'static str,
    errors: FormErrors<K>,
    #[prop(into)] on_submit: Callback<()>,
    /// Shows Cancel when given.
    #[prop(optional, into)]
    on_cancel: Option<Callback<()>>,
    children: Children,
) -> impl IntoView
where
    K: Copy + Eq + std::hash::Hash + Send + Sync + 'static,
{
    let submit_form = super::form::on_submit(format!("#{id}"), errors, move || on_submit.run(()));
    let class = if class.is_empty() {
        "item-form".to_string()
    } else {
        format!("item-form {class}")
    };
    view! {
        <form class=class id=id novalidate on:submit=submit_form aria-label=title.clone()>
            {(!no_heading).then(|| view! { <h3>{title.clone()}</h3> })}
            {children()}
            <FormMessage errors=errors/>
            <div class="actions">
                <button type="submit" class=submit_class.unwrap_or("btn btn-primary")>{submit}</button>
                {on_cancel.map(|c| view! {
                    <button type="button" class="btn btn-quiet" on:click=move |_| c.run(())>"Cancel"</button>
                })}
            </div>
        </form>
    }
}
