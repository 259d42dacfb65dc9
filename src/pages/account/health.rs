//! The Health tab: today's score and why it is what it is, the trend chart, a form to
//! record a check-in (back-dated if need be), a what-if preview that saves nothing, and the
//! history of check-ins with edit and delete.
//!
//! Every number comes from `domain::health`; this file only lays it out.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::use_account;
use crate::browser::after_paint;
use crate::charts::health_trend_svg;
use crate::components::chart_box::{ChartBox, ChartPlace};
use crate::components::data_table::DataTable;
use crate::components::form::{on_submit, DateInput, Field, FormErrors, FormMessage};
use crate::components::health::{
    band_badge, rating_badge, signed_points, stale_message, trend_view, Check, SignalField,
    SignalFields, SignalInputs,
};
use crate::derived::use_workspace_wide;
use crate::domain::dates;
use crate::domain::health::{
    account_health, fmt_points, read_as_of, score_of, Band, Category, HealthSummary, Rating,
    Recorded, Score, Signals, SignalsForm, Snapshot, Weights,
};
use crate::domain::{AccountGone, FieldError};
use crate::state::use_app;

/// The range of a band, in words.
fn band_range(b: Band) -> &'static str {
    match b {
        Band::Green => "Green band: above 75.",
        Band::Yellow => "Yellow band: 50 to 75.",
        Band::Red => "Red band: under 50.",
    }
}

/// Short names for the history list: "Seat usage", "Features", "NPS", "Tickets", "Targets met".
fn short_label(c: Category) -> &'static str {
    match c {
        Category::Usage => "Seat usage",
        Category::Adoption => "Features",
        Category::Relationship => "NPS",
        Category::Support => "Tickets",
        Category::Roi => "Targets met",
    }
}

/// The value beside [`short_label`]: "85%", "2", "9", "Steady", "65%", or "unknown".
fn short_value(s: &Signals, c: Category) -> String {
    if !s.is_known(c) {
        return "unknown".into();
    }
    match c {
        Category::Usage | Category::Roi => format!("{}%", s.text(c)),
        Category::Support => s.describe(c),
        _ => s.text(c),
    }
}

/// Categories that count (weight above 0) but are unknown.
fn unknown_count(score: &Score) -> usize {
    score
        .breakdown
        .lines
        .iter()
        .filter(|l| l.rating.is_none() && l.weight > 0.0)
        .count()
}

fn incomplete_badge(score: &Score) -> impl IntoView {
    let n = unknown_count(score);
    (score.incomplete).then(|| {
        let text = if n == 1 {
            "Incomplete: 1 signal unknown".to_string()
        } else {
            format!("Incomplete: {n} signals unknown")
        };
        view! {
            <span class="incomplete" title="Scored on the known signals only; unknown ones are left out, not counted as red.">
                {text}
            </span>
        }
    })
}

/// A check-in refused: at its day (a day in the future, or taken by another check-in),
/// or as a whole (the form's own message).
enum Refused {
    Day(String),
    Form(String),
}

impl From<FieldError> for Refused {
    /// The history names the check-in's day `date`; any other refusal is the form's.
    fn from(e: FieldError) -> Self {
        if e.path == "date" {
            Refused::Day(e.message)
        } else {
            Refused::Form(e.message)
        }
    }
}

impl From<AccountGone> for Refused {
    fn from(gone: AccountGone) -> Self {
        Refused::Form(gone.into())
    }
}

impl Refused {
    /// Shows the refusal at its place in a signals form.
    fn show(self, errors: FormErrors<SignalField>) {
        match self {
            Refused::Day(m) => errors.set(SignalField::AsOf, Some(m)),
            Refused::Form(m) => errors.set_form(Some(m)),
        }
    }
}

#[component]
pub fn AccountHealth() -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let id = account.id();
    let weights = use_workspace_wide().weights;
    let summary =
        account.read(move |a| Some(account_health(&a.health, &weights.get(), app.today.get())));
    let latest = account.read(|a| a.health.latest().copied());
    let support = account.read(|a| crate::domain::escalations::support_hint(&a.escalations));
    provide_context(ScoredHistory::new(account, weights));
    view! {
        <div class="health-tab">
            <div class="health-top">
                <ScoreCard summary=summary latest=latest/>
                <TrendCard/>
            </div>
            <BreakdownCard summary=summary latest=latest/>
            // Open escalations: a hint for the support signal, never part of the score.
            {move || support.get().map(|t| view! {
                <p class="es-hint" role="note">
                    <strong>"Support: "</strong>{t}" "
                    <a href=format!("/accounts/{}/escalations", id.0)>"Escalations"</a>
                </p>
            })}
            <div class="health-forms">
                <CheckInForm latest=latest/>
                <WhatIf latest=latest/>
            </div>
            <HistoryCard/>
        </div>
    }
}

#[component]
fn ScoreCard(
    summary: Memo<Option<HealthSummary>>,
    latest: Memo<Option<Snapshot>>,
) -> impl IntoView {
    let app = use_app();
    let body = move || {
        let Some(s) = summary.get() else {
            return ().into_any();
        };
        let today = app.today.get();
        let Some(score) = s.score.clone() else {
            let text = if latest.get().is_some() {
                "The latest check-in only has signals weighted 0 in Settings, so there is no score."
            } else {
                "No check-in yet. Fill in what you know below and save: the score, its reasons and the trend appear here."
            };
            return view! {
                <div class="score-line">
                    <span class="score-big muted">"–"</span>
                    {band_badge(None)}
                </div>
                <p class="empty-note">{text}</p>
            }
            .into_any();
        };
        let as_of = s
            .as_of
            .map(|d| format!("{} ({})", dates::long(d), dates::relative(today, d)))
            .unwrap_or_default();
        let trend_text = s.trend.map(|t| format!("since {}", dates::long(t.since)));
        let decline = s.decline.map(|d| {
            view! {
                <li><span class="flag flag-declining">"Declining"</span>" "{d.message()}</li>
            }
        });
        let stale = s.stale.then(|| {
            view! {
                <li><span class="flag flag-stale">"Stale"</span>" "{stale_message(&s)}</li>
            }
        });
        let flagged = s.decline.is_some() || s.stale;
        view! {
            <div class="score-line">
                <span class="score-big" data-score=score.display()>{score.display()}</span>
                <span class="score-of">"/ 100"</span>
                {band_badge(Some(score.band))}
                {incomplete_badge(&score)}
            </div>
            <p class="band-note">{band_range(score.band)}</p>
            <dl class="health-facts">
                <div><dt>"As of"</dt><dd>{as_of}</dd></div>
                <div><dt>"Trend"</dt><dd>
                    {trend_view(s.trend)}
                    {trend_text.map(|t| view! { <span class="sub">{t}</span> })}
                    {s.trend.is_none().then(|| view! { <span class="sub">"needs two check-ins"</span> })}
                </dd></div>
            </dl>
            {flagged.then(|| view! { <ul class="flag-list">{decline}{stale}</ul> })}
        }
        .into_any()
    };
    view! {
        <section class="card health-score" aria-labelledby="health-score-h">
            <h2 id="health-score-h">"Health score"</h2>
            {body}
        </section>
    }
}

#[component]
fn TrendCard() -> impl IntoView {
    let app = use_app();
    let wide = use_workspace_wide();
    // The chart's data as memos: an edit elsewhere in the workspace, or one that leaves
    // this account's scores as they were, does not draw the chart again.
    let history = use_context::<ScoredHistory>().expect("the Health tab provides its history");
    let points = Memo::new(move |_| history.0.with(ScoredRows::points));
    let changes = wide.weight_changes;
    let has_points = Memo::new(move |_| points.with(|p| !p.is_empty()));
    // The chart follows a change one frame later: the score, the breakdown and the list
    // are painted first, then the chart is drawn after that paint (a task queued from the
    // next animation frame). The first drawing is at once.
    let data = Memo::new(move |_| (points.get(), changes.get(), app.today.get()));
    let shown = RwSignal::new(data.get_untracked());
    Effect::new(move |first: Option<()>| {
        let d = data.get();
        if first.is_some() {
            after_paint(move || {
                let _ = shown.try_set(d);
            });
        }
    });
    let render = move |width: u32| {
        let height = if width < 480 { 220 } else { 260 };
        shown.with(|(p, c, today)| health_trend_svg(p, c, *today, width, height))
    };
    view! {
        <section class="card health-trend" aria-labelledby="health-trend-h">
            <h2 id="health-trend-h">"Health over time"</h2>
            <Show
                when=move || has_points.get()
                fallback=|| view! { <p class="empty-note">"The chart starts with the first check-in."</p> }
            >
                <ChartBox render=render place=ChartPlace::HealthTrend class="trend-chart"/>
                <p class="hint">
                    "One dot per check-in, coloured by band. A dashed line marks a day the scoring weights changed; "
                    "every point is scored with today's weights."
                </p>
            </Show>
        </section>
    }
}

/// One line of the breakdown as its row shows it. The table is built once; each row
/// follows its own figures, so an edit changes only the texts that moved.
#[derive(Clone, PartialEq, Default)]
struct LineFigures {
    known: bool,
    dragging: bool,
    value: String,
    rating: Option<Rating>,
    weight: String,
    /// "counts 31.3" when the weight applied differs from the weight set.
    counts: Option<String>,
    earned: String,
    lost: String,
}

impl LineFigures {
    fn of(score: &Score, signals: &Signals, c: Category) -> Self {
        let l = score.breakdown.line(c);
        let known = l.rating.is_some();
        LineFigures {
            known,
            dragging: score.breakdown.dragging == Some(c),
            value: signals.describe(c),
            rating: l.rating,
            weight: fmt_points(l.weight),
            counts: (known && (l.effective_weight - l.weight).abs() >= 0.05)
                .then(|| format!("counts {}", fmt_points(l.effective_weight))),
            earned: if known {
                fmt_points(l.earned)
            } else {
                "—".into()
            },
            lost: if known {
                fmt_points(l.lost)
            } else {
                "—".into()
            },
        }
    }

    fn row_class(&self) -> &'static str {
        match (self.dragging, self.known) {
            (true, true) => "dragging",
            (true, false) => "dragging unknown",
            (false, true) => "",
            (false, false) => "unknown",
        }
    }
}

#[component]
fn BreakdownCard(
    summary: Memo<Option<HealthSummary>>,
    latest: Memo<Option<Snapshot>>,
) -> impl IntoView {
    let score = Memo::new(move |_| summary.with(|s| s.as_ref().and_then(|s| s.score.clone())));
    let signals = Memo::new(move |_| latest.with(|l| l.map(|s| s.signals)));
    let lines: Vec<(Category, Memo<LineFigures>)> = Category::ALL
        .into_iter()
        .map(|c| {
            let figures = Memo::new(move |_| {
                let signals = signals.get().unwrap_or_default();
                score.with(|s| {
                    s.as_ref()
                        .map(|s| LineFigures::of(s, &signals, c))
                        .unwrap_or_default()
                })
            });
            (c, figures)
        })
        .collect();
    let dragging =
        Memo::new(move |_| score.with(|s| s.as_ref().and_then(|s| s.breakdown.dragging)));
    let dragging_text = Memo::new(move |_| {
        score.with(|s| {
            let Some(s) = s else {
                return String::new();
            };
            match s.breakdown.dragging {
                Some(c) => format!(
                    "{} is dragging the score down most: it costs {} points.",
                    c.label(),
                    fmt_points(s.breakdown.line(c).lost)
                ),
                None => "Nothing is costing points: every known signal is green.".into(),
            }
        })
    });
    let total = Memo::new(move |_| {
        score.with(|s| {
            s.as_ref()
                .map(|s| (s.display(), fmt_points(100.0 - s.value)))
                .unwrap_or_default()
        })
    });
    let incomplete = Memo::new(move |_| score.with(|s| s.as_ref().is_some_and(|s| s.incomplete)));
    type Line = (Category, Memo<LineFigures>);
    let text = |l: Memo<LineFigures>, f: fn(&LineFigures) -> String| move || l.with(f);
    let table = move || {
        DataTable::new("plan-table breakdown", lines.clone())
            .stacked()
            .row_class_live(|(_, l): &Line| {
                let l = *l;
                Signal::derive(move || l.with(|l| l.row_class().to_string()))
            })
            .row_head("Category", |(c, l): &Line| {
                let l = *l;
                view! {
                    {c.label()}
                    {move || l.with(|l| l.dragging).then(|| view! { <span class="drag-tag">"costs most"</span> })}
                }
            })
            .col("Value", move |(_, l): &Line| text(*l, |l| l.value.clone()))
            .col("Rating", |(_, l): &Line| {
                let l = *l;
                move || rating_badge(l.with(|l| l.rating))
            })
            .col("Weight", move |(_, l): &Line| {
                let l = *l;
                view! {
                    {text(l, |l| l.weight.clone())}
                    {move || l.with(|l| l.counts.clone()).map(|t| view! { <span class="sub">{t}</span> })}
                }
            })
            .num()
            .col("Points earned", move |(_, l): &Line| text(*l, |l| l.earned.clone()))
            .num()
            .col("Points lost", move |(_, l): &Line| text(*l, |l| l.lost.clone()))
            .num()
            .foot(
                "Score",
                vec![
                    None,
                    None,
                    Some("100".into_any()),
                    Some((move || total.with(|t| t.0.clone())).into_any()),
                    Some((move || total.with(|t| t.1.clone())).into_any()),
                ],
            )
            .view()
    };
    view! {
        <Show when=move || summary.with(|s| s.as_ref().is_some_and(|s| s.score.is_some()))>
            <section class="card health-breakdown" aria-labelledby="health-breakdown-h">
                <h2 id="health-breakdown-h">"Why this score"</h2>
                <p class="dragging-note" data-dragging=move || dragging.get().map(|c| c.key())>
                    <strong>{move || dragging_text.get()}</strong>
                </p>
                {table()}
                {move || incomplete.get().then(|| view! {
                    <p class="hint">
                        "Unknown signals are left out and the others count for more (\"counts\"); \
                         fill them in for a full score."
                    </p>
                })}
            </section>
        </Show>
    }
}

#[component]
fn CheckInForm(latest: Memo<Option<Snapshot>>) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let weights = use_workspace_wide().weights;
    let inputs = SignalInputs::new(
        latest
            .get_untracked()
            .map(|s| SignalsForm::from_signals(&s.signals))
            .unwrap_or_default(),
    );
    let errors = FormErrors::<SignalField>::new();
    let date_text = RwSignal::new(app.today.get_untracked().to_string());

    let check_date = move || {
        let r = read_as_of(&date_text.get_untracked(), app.today.get_untracked());
        errors.set(
            SignalField::AsOf,
            r.as_ref().err().map(|e| e.message.clone()),
        );
        r.ok()
    };
    // Saving on a day that has a check-in replaces it: say so before the user saves.
    let replaces = move || {
        let today = app.today.get();
        let Ok(d) = read_as_of(&date_text.get(), today) else {
            return false;
        };
        account.with(|a| a.health.on(d).is_some()).unwrap_or(false)
    };
    let date_note = Signal::derive(move || {
        if replaces() {
            "There is already a check-in on this day: saving replaces it.".to_string()
        } else {
            "One check-in a day; a later save the same day replaces it.".to_string()
        }
    });

    let save = move || {
        errors.set_form(None);
        let date = check_date();
        let signals = inputs.read(errors);
        let (Some(date), Some(signals)) = (date, signals) else {
            return;
        };
        let today = app.today.get_untracked();
        match account.update(|a| a.health.record(date, signals, today).map_err(Refused::from)) {
            Err(refused) => refused.show(errors),
            Ok(done) => {
                let scored = weights.with_untracked(|w| {
                    score_of(&signals, w)
                        .map(|s| format!(": {} ({})", s.display(), s.band.label()))
                        .unwrap_or_default()
                });
                let day = dates::long(date);
                let text = match done {
                    Recorded::Added => format!("Check-in saved for {day}{scored}."),
                    Recorded::Replaced => format!(
                        "Replaced the check-in of {day}{scored}. One check-in a day: the latest save wins."
                    ),
                };
                app.show_toast(text, None);
            }
        }
    };

    let max = Signal::derive(move || app.today.get().to_string());
    view! {
        <section class="card checkin" aria-labelledby="checkin-h">
            <h2 id="checkin-h">"Record a check-in"</h2>
            <p class="hint">"Enter what you know today, or back-fill an earlier date from your CRM. Leave a field empty when you don't know it: unknown never counts as red."</p>
            <form class="checkin-form" novalidate on:submit=on_submit("form.checkin-form", errors, save)>
                <Field id="checkin-date" label="As of" class="as-of" hint=date_note
                    error=errors.at(SignalField::AsOf)>
                    <DateInput value=date_text max=max on_change=Callback::new(move |()| { check_date(); })/>
                </Field>
                <SignalFields prefix="checkin" inputs=inputs errors=errors check=Check::OnLeave/>
                <FormMessage errors=errors/>
                <div class="actions">
                    <button type="submit" class="btn btn-primary">"Save check-in"</button>
                </div>
            </form>
        </section>
    }
}

/// What the what-if preview shows: its figures, computed once per change, so the
/// preview is drawn once per edit (and not at all when its figures stay the same).
#[derive(Clone, PartialEq)]
enum WhatIfFigures {
    /// A field is refused.
    Refused,
    /// No known signal: no score.
    NoScore,
    Scored {
        score: Score,
        /// Against the latest check-in.
        compare: Option<String>,
        /// The category that costs most.
        drag: Option<String>,
    },
}

#[component]
fn WhatIf(latest: Memo<Option<Snapshot>>) -> impl IntoView {
    let weights = use_workspace_wide().weights;
    let from = |s: Option<Snapshot>| {
        s.map(|s| SignalsForm::from_signals(&s.signals))
            .unwrap_or_default()
    };
    let inputs = SignalInputs::new(from(latest.get_untracked()));
    let errors = FormErrors::<SignalField>::new();
    // The check-in the inputs follow while the user has not changed anything here.
    let followed = StoredValue::new(latest.get_untracked());
    // Follow new check-ins while the user has not changed anything here.
    Effect::new(move |prev: Option<Option<Snapshot>>| {
        let cur = latest.get();
        if let Some(prev) = prev {
            if inputs.form_untracked() == from(prev) {
                inputs.set(&from(cur));
                errors.clear();
            }
        }
        followed.set_value(cur);
        cur
    });
    let changed = move || inputs.form() != from(latest.get());
    let figures = Memo::new(move |_| {
        let w = weights.get();
        let latest = latest.get();
        // Inputs that still follow the last check-in are read as following the new one
        // already: the effect above puts it in them next, and the preview does not show
        // the old values against the new check-in in between.
        let typed = inputs.form();
        let form = if typed == from(followed.get_value()) {
            from(latest)
        } else {
            typed
        };
        let Ok(s) = form.parse() else {
            return WhatIfFigures::Refused;
        };
        let Some(score) = score_of(&s, &w) else {
            return WhatIfFigures::NoScore;
        };
        let compare = latest.and_then(|l| score_of(&l.signals, &w)).map(|c| {
            let diff = score.value - c.value;
            if diff.abs() < 0.05 {
                "Same as the latest check-in.".to_string()
            } else {
                format!(
                    "{} points against the latest check-in ({}).",
                    signed_points(diff),
                    c.display()
                )
            }
        });
        let drag = score.breakdown.dragging.map(|c| {
            format!(
                "Costs most: {} ({} points).",
                c.label(),
                fmt_points(score.breakdown.line(c).lost)
            )
        });
        WhatIfFigures::Scored {
            score,
            compare,
            drag,
        }
    });
    let result = move || {
        figures.with(|f| match f {
            WhatIfFigures::Refused => {
                view! { <p class="whatif-empty">"Fix the marked field to see the score."</p> }
                    .into_any()
            }
            WhatIfFigures::NoScore => {
                view! { <p class="whatif-empty">"With no signal known there is no score."</p> }
                    .into_any()
            }
            WhatIfFigures::Scored {
                score,
                compare,
                drag,
            } => view! {
                <div class="score-line">
                    <span class="score-big" data-score=score.display()>{score.display()}</span>
                    <span class="score-of">"/ 100"</span>
                    {band_badge(Some(score.band))}
                    {incomplete_badge(score)}
                </div>
                {compare.clone().map(|t| view! { <p class="whatif-compare">{t}</p> })}
                {drag.clone().map(|t| view! { <p class="hint">{t}</p> })}
            }
            .into_any(),
        })
    };
    view! {
        <section class="card whatif" id="whatif" aria-labelledby="whatif-h">
            <h2 id="whatif-h">"What if"</h2>
            <p class="hint">"Try other values and see the score they would give. Nothing here is saved."</p>
            <div class="whatif-result" aria-live="polite">{result}</div>
            <SignalFields prefix="whatif" inputs=inputs errors=errors check=Check::Live compact=true/>
            <div class="actions">
                <button
                    type="button"
                    class="btn"
                    disabled=move || !changed()
                    on:click=move |_| {
                        inputs.set(&from(latest.get_untracked()));
                        errors.clear();
                    }
                >
                    {move || if latest.get().is_some() { "Reset to latest check-in" } else { "Clear" }}
                </button>
            </div>
        </section>
    }
}

/// One check-in with its score under today's weights, and the revision of what its row
/// shows: a new one each time the check-in or its score changes, so the history list
/// (keyed by day, each row following its day's `HistoryRow`) updates only the rows an
/// edit changed.
#[derive(Clone, PartialEq)]
struct HistoryRow {
    snap: Snapshot,
    score: Option<Score>,
    rev: u64,
}

/// The scored check-ins, oldest first, and the weights they were scored with.
#[derive(Clone, PartialEq, Default)]
struct ScoredRows {
    weights: Option<Weights>,
    rows: Vec<HistoryRow>,
}

impl ScoredRows {
    /// The chart's points: (day, score) of every check-in that has a score.
    fn points(&self) -> Vec<(NaiveDate, f64)> {
        self.rows
            .iter()
            .filter_map(|r| r.score.as_ref().map(|s| (r.snap.date, s.value)))
            .collect()
    }
}

/// The account's check-ins scored once per change and shared by the trend chart and the
/// history list. A check-in that an edit left as it was, under the same weights, keeps its
/// score and revision from the last time: an edit scores only the check-ins it changed.
#[derive(Clone, Copy)]
struct ScoredHistory(Memo<ScoredRows>);

impl ScoredHistory {
    fn new(account: crate::account_handle::AccountHandle, weights: Memo<Weights>) -> Self {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT_REV: AtomicU64 = AtomicU64::new(0);
        ScoredHistory(Memo::new(move |prev: Option<&ScoredRows>| {
            let w = weights.get();
            let kept = prev.filter(|p| p.weights == Some(w));
            let rows = account
                .with(|a| {
                    a.health
                        .snapshots()
                        .iter()
                        .map(|s| {
                            let old = kept.and_then(|p| {
                                p.rows
                                    .binary_search_by_key(&s.date, |r| r.snap.date)
                                    .ok()
                                    .map(|i| &p.rows[i])
                                    .filter(|r| r.snap == *s)
                            });
                            match old {
                                Some(r) => r.clone(),
                                None => HistoryRow {
                                    snap: *s,
                                    score: score_of(&s.signals, &w),
                                    rev: NEXT_REV.fetch_add(1, Ordering::Relaxed),
                                },
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            ScoredRows {
                weights: Some(w),
                rows,
            }
        }))
    }
}

#[component]
fn HistoryCard() -> impl IntoView {
    let history = use_context::<ScoredHistory>().expect("the Health tab provides its history");
    let editing = RwSignal::new(None::<NaiveDate>);
    let confirming = RwSignal::new(None::<NaiveDate>);
    let empty = Memo::new(move |_| history.0.with(|h| h.rows.is_empty()));
    view! {
        <section class="card health-history" aria-labelledby="health-history-h">
            <h2 id="health-history-h">"Check-ins"</h2>
            <Show
                when=move || !empty.get()
                fallback=|| view! { <p class="empty-note">"No check-ins yet. Each saved check-in is listed here, newest first."</p> }
            >
                <ol class="history-list">
                    <For
                        each=move || history.0.with(|h| h.rows.iter().rev().map(|r| r.snap.date).collect::<Vec<_>>())
                        key=|date: &NaiveDate| *date
                        children=move |date| history_item(history, date, editing, confirming)
                    />
                </ol>
            </Show>
        </section>
    }
}

/// One check-in of the history, kept in the list as long as its day is: a change of the
/// check-in (or of its score) updates its row in place, and its own editing or confirming
/// state redraws it.
fn history_item(
    history: ScoredHistory,
    date: NaiveDate,
    editing: RwSignal<Option<NaiveDate>>,
    confirming: RwSignal<Option<NaiveDate>>,
) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    // This day's row; a row an edit left as it was keeps its revision, so it is equal and
    // nothing here runs again.
    let row = Memo::new(move |_| {
        history.0.with(|h| {
            h.rows
                .binary_search_by_key(&date, |r| r.snap.date)
                .ok()
                .map(|i| h.rows[i].clone())
        })
    });
    let is_editing = Memo::new(move |_| editing.get() == Some(date));
    let is_confirming = Memo::new(move |_| confirming.get() == Some(date));
    let delete = move |date: NaiveDate| {
        confirming.set(None);
        account.change(|a| {
            let _ = a.health.remove(date);
        });
        app.show_toast(
            format!("Deleted the check-in of {}.", dates::long(date)),
            None,
        );
    };
    move || {
        let Some(HistoryRow { snap, score, .. }) = row.get() else {
            return ().into_any();
        };
        let day = dates::long(date);
        if is_editing.get() {
            return view! {
                <li class="history-item editing" data-date=date.to_string()>
                    <SnapshotEditor snapshot=snap on_done=Callback::new(move |_| editing.set(None))/>
                </li>
            }
            .into_any();
        }
        let signals = Category::ALL
            .iter()
            .map(|c| {
                let known = snap.signals.is_known(*c);
                view! {
                    <li class:unknown=!known>
                        <span class="sig-name">{short_label(*c)}" "</span>{short_value(&snap.signals, *c)}
                    </li>
                }
            })
            .collect_view();
        let actions = move || {
            let day = dates::long(date);
            if is_confirming.get() {
                view! {
                    <div class="confirm-ask" role="group" aria-label=format!("Delete the check-in of {day}")>
                        <p>{format!("Delete the check-in of {day}?")}</p>
                        <div class="actions">
                            <button class="btn btn-danger btn-small" on:click=move |_| delete(date)>"Delete check-in"</button>
                            <button class="btn btn-quiet btn-small" on:click=move |_| confirming.set(None)>"Keep"</button>
                        </div>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="actions">
                        <button class="btn btn-small" aria-label=format!("Edit the check-in of {day}")
                            on:click=move |_| { confirming.set(None); editing.set(Some(date)); }>"Edit"</button>
                        <button class="btn btn-small btn-danger" aria-label=format!("Delete the check-in of {day}")
                            on:click=move |_| confirming.set(Some(date))>"Delete"</button>
                    </div>
                }
                .into_any()
            }
        };
        view! {
            <li class="history-item" data-date=date.to_string()>
                <div class="history-head">
                    <p class="history-date">
                        <strong>{day}</strong>
                        <span class="muted">{dates::relative(app.today.get_untracked(), date)}</span>
                    </p>
                    <p class="history-score">{match score {
                        Some(s) => view! {
                            <span class="score-cell">{s.display()}</span>
                            {band_badge(Some(s.band))}
                            {s.incomplete.then(|| view! { <span class="incomplete">"incomplete"</span> })}
                        }.into_any(),
                        None => band_badge(None).into_any(),
                    }}</p>
                    <div class="history-actions">{actions}</div>
                </div>
                <ul class="sig-list" aria-label="Signals">{signals}</ul>
            </li>
        }
        .into_any()
    }
}

/// Edits one check-in in place: its date and its signals.
#[component]
fn SnapshotEditor(snapshot: Snapshot, on_done: Callback<()>) -> impl IntoView {
    let app = use_app();
    let account = use_account();
    let original = snapshot.date;
    let inputs = SignalInputs::new(SignalsForm::from_signals(&snapshot.signals));
    let errors = FormErrors::<SignalField>::new();
    let date_text = RwSignal::new(original.to_string());

    let save = move || {
        errors.set_form(None);
        let today = app.today.get_untracked();
        // Keeping a check-in's own date is always fine, even if "today" moved on.
        let date = match read_as_of(&date_text.get_untracked(), today) {
            Err(_) if date_text.get_untracked().trim() == original.to_string() => Ok(original),
            r => r,
        };
        errors.set(
            SignalField::AsOf,
            date.as_ref().err().map(|e| e.message.clone()),
        );
        let signals = inputs.read(errors);
        let (Ok(date), Some(signals)) = (date, signals) else {
            return;
        };
        match account.update(|a| {
            a.health
                .edit(original, date, signals, today)
                .map_err(Refused::from)
        }) {
            Err(refused) => refused.show(errors),
            Ok(()) => {
                let text = if date == original {
                    format!("Updated the check-in of {}.", dates::long(date))
                } else {
                    format!(
                        "Moved the check-in of {} to {}.",
                        dates::long(original),
                        dates::long(date)
                    )
                };
                app.show_toast(text, None);
                on_done.run(());
            }
        }
    };
    let max = Signal::derive(move || app.today.get().to_string());
    view! {
        <form class="edit-form" novalidate on:submit=on_submit("form.edit-form", errors, save)
            aria-label=format!("Edit the check-in of {}", dates::long(original))>
            <Field id="edit-date" label="As of" class="as-of" error=errors.at(SignalField::AsOf)>
                <DateInput value=date_text max=max/>
            </Field>
            <SignalFields prefix="edit" inputs=inputs errors=errors check=Check::OnLeave compact=true/>
            <FormMessage errors=errors/>
            <div class="actions">
                <button type="submit" class="btn btn-primary btn-small">"Save changes"</button>
                <button type="button" class="btn btn-quiet btn-small" on:click=move |_| on_done.run(())>"Cancel"</button>
            </div>
        </form>
    }
}
