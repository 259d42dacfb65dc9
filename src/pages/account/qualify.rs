//! The Qualification tab: for each expansion opportunity of the account, the MEDDIC and
//! BANT scorecards (each element rated 0-3 with notes; total, percent, weakest element)
//! and the ROI / business case (investment and annual benefit -> ROI %, payback).

use leptos::prelude::*;

use super::plan::{opportunity_label, show_plan_errors};
use super::{use_account, AccountHandle};
use crate::components::form::{
    Choice, Field, FormErrors, Model, NumberInput, RadioGroup, Select, TextArea,
};
use crate::derived::use_workspace_wide;
use crate::domain::plan::short_number;
use crate::domain::qualify::{BusinessCase, Element, Framework, Payback, Qualification, Rating};

/// The opportunity's scorecards as stored, or blank ones.
fn current(account: AccountHandle, opp: u32) -> Qualification {
    account
        .with_untracked(|a| a.planning.qualification(opp).cloned())
        .flatten()
        .unwrap_or_else(|| Qualification::new(opp))
}

fn store(account: AccountHandle, q: Qualification) {
    let opp = q.opportunity();
    account.change(|a| *a.planning.qualification_mut(opp) = q);
}

#[component]
pub fn AccountQualifyTab() -> impl IntoView {
    let account = use_account();
    let currency = use_workspace_wide().currency;
    let opps = Memo::new(move |_| {
        let currency = currency.get();
        account
            .with(|a| {
                a.expansion
                    .opportunities()
                    .iter()
                    .map(|o| {
                        (
                            o.id().0,
                            opportunity_label(o, &currency),
                            o.stage().is_open(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    });
    let first = opps.with_untracked(|o| o.iter().find(|x| x.2).or(o.first()).map(|x| x.0));
    let selected = RwSignal::new(first);
    let shown = Memo::new(move |_| {
        selected
            .get()
            .filter(|s| opps.with(|o| o.iter().any(|x| x.0 == *s)))
            .or_else(|| opps.with(|o| o.first().map(|x| x.0)))
    });
    view! {
        <div class="qualify-tab">
            <section class="card" aria-labelledby="qualify-title">
                <h2 id="qualify-title">"Qualify an opportunity"</h2>
                <p class="hint">"Rate what you know, not what you hope: 0 unknown, 1 weak, 2 partly there, 3 strong. The weakest element is where to work next."</p>
                {move || if opps.with(Vec::is_empty) {
                    view! {
                        <p class="empty-note">"No opportunities yet."</p>
                        <p class="hint">"Add the account's expansion opportunities to its pipeline first; each one gets its MEDDIC and BANT scorecards and a business case here."</p>
                    }.into_any()
                } else {
                    let pick = RwSignal::new(shown.get_untracked().map(|o| o.to_string()).unwrap_or_default());
                    Effect::new(move |_| pick.set(shown.get().map(|o| o.to_string()).unwrap_or_default()));
                    let options = Signal::derive(move || opps.get().into_iter().map(|(oid, label, _)| (oid.to_string(), label)).collect::<Vec<_>>());
                    view! {
                        <Field id="qualify-opp" label="Opportunity" class="opp-pick">
                            <Select value=pick options=options on_change=Callback::new(move |()| selected.set(pick.get_untracked().parse().ok()))/>
                        </Field>
                    }.into_any()
                }}
            </section>
            {move || shown.get().map(|opp| view! {
                <div class="scorecards">
                    <Scorecard account=account opp=opp framework=Framework::Meddic/>
                    <Scorecard account=account opp=opp framework=Framework::Bant/>
                </div>
                <BusinessCaseCard account=account opp=opp/>
            })}
        </div>
    }
}

#[component]
fn Scorecard(account: AccountHandle, opp: u32, framework: Framework) -> impl IntoView {
    let stored = account.read(move |a| {
        a.planning
            .qualification(opp)
            .map(|q| q.card(framework).clone())
    });
    let card = Memo::new(move |_| {
        stored
            .get()
            .unwrap_or_else(|| Qualification::new(opp).card(framework).clone())
    });
    let summary = move || {
        card.with(|c| {
            let weakest = c.weakest();
            let rating = c.score(weakest).map(|s| s.rating).unwrap_or_default();
            (
                format!("{} / {}", c.total(), c.max_total()),
                format!("{}%", short_number(c.percent().round())),
                format!(
                    "{} (rated {}: {})",
                    weakest.label(),
                    rating.value(),
                    rating.label().to_lowercase()
                ),
                c.percent(),
            )
        })
    };
    let key = framework.label().to_lowercase();
    view! {
        <section class="card scorecard" aria-labelledby=format!("{key}-title")>
            <h2 id=format!("{key}-title")>{framework.label()}</h2>
            <dl class="score-summary">
                <div><dt>"Total"</dt><dd>{move || summary().0}</dd></div>
                <div><dt>"Score"</dt><dd>{move || summary().1}</dd></div>
                <div class="weakest"><dt>"Weakest element"</dt><dd>{move || summary().2}</dd></div>
            </dl>
            <div class="meter" aria-hidden="true"><span style:width=move || format!("{}%", summary().3)></span></div>
            {framework.elements().iter().copied().map(|el| view! {
                <ElementRow account=account opp=opp element=el card=card/>
            }).collect_view()}
        </section>
    }
}

#[component]
fn ElementRow(
    account: AccountHandle,
    opp: u32,
    element: Element,
    card: Memo<crate::domain::qualify::Scorecard>,
) -> impl IntoView {
    let rating = move || card.with(|c| c.score(element).map(|s| s.rating.value()).unwrap_or(0));
    let notes = RwSignal::new(card.with_untracked(|c| {
        c.score(element)
            .map(|s| s.notes.clone())
            .unwrap_or_default()
    }));
    let errors = FormErrors::<()>::new();
    let save = move |r: u8| {
        let Ok(rating) = Rating::new(r) else { return };
        let mut q = current(account, opp);
        match q.set(element, rating, &notes.get_untracked()) {
            Ok(()) => {
                errors.set((), None);
                store(account, q);
            }
            Err(e) => show_plan_errors(errors, &[e], element.key(), &[("notes", ())]),
        }
    };
    let name = format!("rate-{}", element.key());
    let notes_id = format!("notes-{}", element.key());
    // The rating as the chosen option's value; choosing one saves it.
    let chosen = Model::new(
        move || rating().to_string(),
        move |r: String| {
            if let Ok(r) = r.parse() {
                save(r)
            }
        },
    );
    let choices = (0..=Rating::MAX)
        .map(|r| Choice {
            value: r.to_string(),
            text: Rating::new(r).map(|x| x.label()).unwrap_or("").to_string(),
            lead: Some(r.to_string()),
            sub: None,
        })
        .collect::<Vec<_>>();
    view! {
        <fieldset class="element">
            <legend>{element.label()}</legend>
            <p class="hint">{element.question()}</p>
            <RadioGroup name=name legend=format!("{} rating", element.label()) legend_class="visually-hidden"
                class="rating" option_class="rate" value=chosen options=choices/>
            <Field id=notes_id label="Notes" error=errors.at(())>
                <TextArea value=notes rows=2 placeholder="The evidence: who said what, when"
                    on_change=Callback::new(move |()| save(rating()))/>
            </Field>
        </fieldset>
    }
}

/// The business case's fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum CaseField {
    Investment,
    AnnualBenefit,
}

#[component]
fn BusinessCaseCard(account: AccountHandle, opp: u32) -> impl IntoView {
    let case = account.read(move |a| a.planning.qualification(opp).and_then(|q| q.business_case));
    let stored = move || case.get();
    let initial = case.get_untracked();
    let amount = |v: f64| {
        if v.fract() == 0.0 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        }
    };
    let investment = RwSignal::new(initial.map(|b| amount(b.investment())).unwrap_or_default());
    let benefit = RwSignal::new(
        initial
            .map(|b| amount(b.annual_benefit()))
            .unwrap_or_default(),
    );
    let errors = FormErrors::<CaseField>::new();
    let wide = use_workspace_wide();
    let currency = Signal::derive(move || wide.currency.with(|c| c.code().to_string()));
    let save = Callback::new(move |()| {
        let (i, b) = (investment.get_untracked(), benefit.get_untracked());
        if i.trim().is_empty() && b.trim().is_empty() {
            errors.clear();
            return;
        }
        match BusinessCase::parse(&i, &b) {
            Ok(case) => {
                errors.clear();
                let mut q = current(account, opp);
                if q.business_case != Some(case) {
                    q.business_case = Some(case);
                    store(account, q);
                }
            }
            Err(es) => show_plan_errors(
                errors,
                &es,
                "",
                &[
                    ("investment", CaseField::Investment),
                    ("annual_benefit", CaseField::AnnualBenefit),
                ],
            ),
        }
    });
    let clear = move |_| {
        investment.set(String::new());
        benefit.set(String::new());
        errors.clear();
        let mut q = current(account, opp);
        if q.business_case.is_some() {
            q.business_case = None;
            store(account, q);
        }
    };
    view! {
        <section class="card business-case" aria-labelledby="bc-title">
            <h2 id="bc-title">"Business case"</h2>
            <p class="hint">"What the customer invests and what it brings them each year. First-year ROI = (benefit − investment) ÷ investment."</p>
            <div class="grid-2">
                <Field id="bc-investment" label="Investment" error=errors.at(CaseField::Investment) unit=Some(currency)>
                    <NumberInput value=investment placeholder="e.g. 120000" on_change=save/>
                </Field>
                <Field id="bc-benefit" label="Annual benefit" error=errors.at(CaseField::AnnualBenefit) unit=Some(currency)>
                    <NumberInput value=benefit placeholder="e.g. 300000" on_change=save/>
                </Field>
            </div>
            {move || match stored().filter(|_| errors.is_empty()) {
                None if !errors.is_empty() => view! { <p class="muted">"Fix the amounts above to see the ROI and the payback."</p> }.into_any(),
                None => view! { <p class="muted">"Enter both amounts to see the ROI and the payback."</p> }.into_any(),
                Some(case) => {
                    let payback = case.payback();
                    view! {
                        <dl class="stat-row roi-result" aria-live="polite">
                            <div class="stat"><dt>"ROI, first year"</dt><dd>{case.roi_label()}</dd></div>
                            <div class="stat" class:never=matches!(payback, Payback::Never)>
                                <dt>"Payback"</dt>
                                <dd>{match payback {
                                    Payback::Months(_) => payback.label(),
                                    Payback::Never => "Never".into(),
                                }}</dd>
                            </div>
                        </dl>
                        {matches!(payback, Payback::Never).then(|| view! {
                            <p class="note note-red"><span class="note-mark" aria-hidden="true">"!"</span>{payback.label()}</p>
                        })}
                        <button type="button" class="btn btn-quiet btn-small" on:click=clear>"Clear the business case"</button>
                    }.into_any()
                }
            }}
        </section>
    }
}
