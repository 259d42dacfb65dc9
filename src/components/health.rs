//! View pieces of the health score shared by the Health tab, the Portfolio and Settings:
//! band and rating badges (colour always with a word), the trend arrow, the flags, the
//! five signal inputs (on the form kit).

use leptos::prelude::*;

use crate::components::form::{options_with_none, Field, FormErrors, NumberInput, Select};
use crate::domain::health::{
    fmt_points, Band, Category, HealthSummary, Rating, Signals, SignalsForm, TicketTrend, Trend,
};

/// A pill in the band's colour that says the band in words: "Needs attention".
/// `None` is an account without a score.
pub fn band_badge(band: Option<Band>) -> impl IntoView {
    match band {
        Some(b) => view! {
            <span class=format!("band band-{}", b.key()) title=format!("{} band", b.colour())>
                <span class="band-dot" aria-hidden="true"></span>
                {b.label()}
            </span>
        }
        .into_any(),
        None => view! { <span class="band band-none">"No score"</span> }.into_any(),
    }
}

/// A category's rating as a pill: "Good", "Fair", "Poor", or "Unknown".
pub fn rating_badge(rating: Option<Rating>) -> impl IntoView {
    match rating {
        Some(r) => view! {
            <span class=format!("band band-{}", r.key())>
                <span class="band-dot" aria-hidden="true"></span>
                {r.label()}
            </span>
        }
        .into_any(),
        None => view! { <span class="band band-none">"Unknown"</span> }.into_any(),
    }
}

/// "↓ −7.5" with the direction in words for screen readers and on hover.
pub fn trend_view(trend: Option<Trend>) -> impl IntoView {
    match trend {
        Some(t) => {
            let words = format!(
                "{}: {} points since {}",
                t.direction.label(),
                t.change_text(),
                crate::domain::dates::long(t.since)
            );
            let title = words.clone();
            view! {
                <span class=format!("trend trend-{}", t.direction.key()) title=title>
                    <span aria-hidden="true">{t.direction.arrow()}" "{t.change_text()}</span>
                    <span class="visually-hidden">{words}</span>
                </span>
            }
            .into_any()
        }
        None => {
            view! { <span class="muted" title="Fewer than two check-ins">"—"</span> }.into_any()
        }
    }
}

/// The "Declining" and "Stale" badges (nothing when neither holds). The reason is in the
/// badge's title; screens with room show it in full beside.
pub fn flag_badges(s: &HealthSummary) -> impl IntoView {
    let declining = s.decline.map(|d| {
        let why = d.message();
        view! { <span class="flag flag-declining" title=why>"Declining"</span> }
    });
    let stale = s.stale.then(|| {
        let why = stale_message(s);
        view! { <span class="flag flag-stale" title=why>"Stale"</span> }
    });
    view! { <span class="flags">{declining}{stale}</span> }
}

/// Why an account is stale: "No check-in for 38 days (last on 2 Mar 2026)."
pub fn stale_message(s: &HealthSummary) -> String {
    match (s.days_since_update, s.as_of) {
        (Some(days), Some(d)) => format!(
            "No check-in for {days} days (last on {}); refresh health weekly.",
            crate::domain::dates::long(d)
        ),
        _ => "No recent check-in.".into(),
    }
}

/// The score as shown in tables: "67.5" (one decimal only when needed).
pub fn score_text(s: &HealthSummary) -> Option<String> {
    s.score.as_ref().map(|x| x.display())
}

/// Signed points: "+7.5", "−12.5", "0".
pub fn signed_points(x: f64) -> String {
    let t = fmt_points(x);
    if t == "0" {
        t
    } else if x > 0.0 {
        format!("+{t}")
    } else {
        format!("−{}", t.trim_start_matches('-'))
    }
}

/// The problem of one field of a signals form, if any.
pub fn field_error(form: &SignalsForm, category: Category) -> Option<String> {
    form.parse()
        .err()?
        .into_iter()
        .find(|e| e.path == category.key())
        .map(|e| e.message)
}

/// How the five inputs behave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    /// Check a field when it is left (`change`), and again at each keystroke while it
    /// shows a message: forms that save.
    OnLeave,
    /// Check at every keystroke: the what-if preview.
    Live,
}

/// The fields of a signals form (check-in, check-in edit, what-if): its day and the five
/// signals. The key of its [`FormErrors`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SignalField {
    AsOf,
    Signal(Category),
}

/// What is typed in the five signal inputs, one signal each (`Copy`).
#[derive(Clone, Copy)]
pub struct SignalInputs([RwSignal<String>; 5]);

impl SignalInputs {
    pub fn new(form: SignalsForm) -> Self {
        SignalInputs(Category::ALL.map(|c| RwSignal::new(form.get(c).to_string())))
    }

    pub fn value(self, c: Category) -> RwSignal<String> {
        self.0[c.index()]
    }

    /// The form as typed (tracked).
    pub fn form(self) -> SignalsForm {
        let mut f = SignalsForm::default();
        for c in Category::ALL {
            self.value(c).with(|v| f.set(c, v.as_str()));
        }
        f
    }

    /// The form as typed, untracked (a submit).
    pub fn form_untracked(self) -> SignalsForm {
        untrack(|| self.form())
    }

    /// Puts `form` in the inputs.
    pub fn set(self, form: &SignalsForm) {
        for c in Category::ALL {
            self.value(c).set(form.get(c).to_string());
        }
    }

    /// Reads the five inputs: the signals, or every refused one's message shown at its
    /// field (the other signal messages cleared).
    pub fn read(self, errors: FormErrors<SignalField>) -> Option<Signals> {
        let parsed = self.form_untracked().parse();
        for c in Category::ALL {
            let msg = parsed.as_ref().err().and_then(|es| {
                es.iter()
                    .find(|e| e.path == c.key())
                    .map(|e| e.message.clone())
            });
            errors.set(SignalField::Signal(c), msg);
        }
        parsed.ok()
    }
}

/// The five signal inputs on the form kit: a visible label, the help text as the field's
/// hint (unless `compact`), "unknown" as an empty field (or "Unknown" in the ticket
/// select) and the message of a refused value at its field. `prefix` keeps ids unique when
/// several forms share a page (`checkin-usage`, its message `checkin-usage-err`).
#[component]
pub fn SignalFields(
    prefix: &'static str,
    inputs: SignalInputs,
    errors: FormErrors<SignalField>,
    check: Check,
    #[prop(optional)] compact: bool,
) -> impl IntoView {
    let validate = move |c: Category| {
        let e = untrack(|| field_error(&inputs.form(), c));
        errors.set(SignalField::Signal(c), e);
    };
    let field = move |c: Category| {
        let key = SignalField::Signal(c);
        let value = inputs.value(c);
        let on_change = Callback::new(move |()| validate(c));
        // Made inside the `Field` (as its child), so the input takes the field's wiring.
        let control = move || {
            if c == Category::Support {
                let options = options_with_none(
                    "Unknown",
                    TicketTrend::ALL
                        .iter()
                        .map(|t| (t.key().to_string(), t.label().to_string())),
                );
                view! { <Select value=value options=options on_change=on_change/> }.into_any()
            } else {
                let mode = match c {
                    Category::Usage | Category::Roi => "decimal",
                    _ => "numeric",
                };
                let on_input = Callback::new(move |()| {
                    if check == Check::Live || untrack(|| errors.has(key)) {
                        validate(c);
                    }
                });
                view! {
                    <NumberInput value=value inputmode=mode placeholder="Unknown"
                        on_input=on_input on_change=on_change/>
                }
                .into_any()
            }
        };
        view! {
            <Field id=format!("{prefix}-{}", c.key()) label=c.input_label() class="signal-field"
                hint=(!compact).then_some(c.help()) error=errors.at(key)>
                {control()}
            </Field>
        }
    };
    view! {
        <div class="signal-fields" class:compact=compact>
            {Category::ALL.into_iter().map(field).collect_view()}
        </div>
    }
}
