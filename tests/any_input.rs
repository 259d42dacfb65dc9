//! No input can crash or freeze the app: any bytes given to import or to the share-link
//! reader give `Ok` or `Err`, and any workspace import accepts can be shown on every page
//! (the domain computations each page runs, the charts and the exports) for any `today`
//! in the supported range. The message of each bad-input class is in `tests/format.rs`.

mod common;
use am_planner::charts::renewal::{layout, month_ticks, renewal_timeline_svg, DateAxis};
use am_planner::charts::{
    health_trend_svg, portfolio_mix_svg, scale::date_ticks, score_distribution_svg,
};
use am_planner::demo::demo_workspace;
use am_planner::domain::account::timeline_of;
use am_planner::domain::audience::Audience;
use am_planner::domain::dates::{read_date, FIRST_DAY, LAST_DAY};
use am_planner::domain::expansion::expansion_signals;
use am_planner::domain::health::{account_health, declining, is_stale, trend};
use am_planner::domain::portfolio::{portfolio_agenda, portfolio_calendar, portfolio_timelines};
use am_planner::domain::qbr::{business_days_before, sponsor_ids, PersonRef};
use am_planner::domain::qualify::Framework;
use am_planner::domain::stakeholders::{
    assess, grid_layout, single_thread_reasons, GridArea, Role,
};
use am_planner::domain::{Account, Workspace};
use am_planner::format::markdown::{plan_markdown, qbr_markdown, PlanInputs};
use am_planner::format::share::{decode_account, decode_share_link, share_link, ShareKind};
use am_planner::format::{decode, decode_bytes, encode, ics};
use chrono::{Duration, NaiveDate};
use common::read_day;
use proptest::prelude::*;
use serde_json::{json, Value};

fn example() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/workspace-v1-example.json").unwrap(),
    )
    .unwrap()
}

fn day(n: i64) -> NaiveDate {
    FIRST_DAY + Duration::days(n)
}

fn days_in_range() -> i64 {
    (LAST_DAY - FIRST_DAY).num_days()
}

/// Everything a page computes from one account, for `today`.
fn show_account(ws: &Workspace, a: &Account, today: NaiveDate) {
    let weights = ws.settings.health.weights();
    let tiers = ws.tiers();
    let tier = tiers[&a.id].tier;
    // Overview and health tab.
    let summary = account_health(&a.health, weights, today);
    let _ = (
        trend(&a.health, weights),
        declining(&a.health, weights, today),
    );
    let _ = is_stale(&a.health, today);
    let points = a.health.scores(weights);
    let changes = ws.settings.health.change_dates();
    let _ = health_trend_svg(&points, &changes, today, 640, 260);
    let _ = health_trend_svg(&points, &changes, today, 1, 1);
    // Stakeholders.
    let map = &a.stakeholders;
    let _ = grid_layout(map.current(), GridArea::new(640.0, 480.0));
    let _ = grid_layout(map.current(), GridArea::new(1.0, 1.0));
    let _ = (
        assess(map, tier, today),
        single_thread_reasons(map),
        map.org_chart(),
    );
    for p in map.people() {
        let _ = (
            p.freshness(today),
            p.days_overdue(today),
            p.is_overdue(today),
        );
    }
    // Renewal.
    if let Some(t) = timeline_of(a) {
        let _ = t.status(today);
        for width in [240.0, 900.0, 5000.0] {
            let l = layout(&t, today, width);
            assert!(l.ticks.len() <= 60, "{} ticks", l.ticks.len());
            let _ = renewal_timeline_svg(&t, today, width);
        }
    }
    // Expansion.
    let latest = a.health.latest();
    let _ = a.expansion.readiness(a.fields.renewal_date, today);
    let _ = expansion_signals(
        latest.and_then(|s| s.signals.usage.map(|u| u.value())),
        latest.and_then(|s| s.signals.nps.map(|n| n.value())),
        a.expansion.ticks,
    );
    let _ = (a.expansion.roi_warning(), a.expansion.open_pipeline_arr());
    // Save plan.
    if let Some(plan) = a.save_plans.current() {
        let _ = (
            plan.steps(today),
            plan.next_step(today),
            plan.overdue_steps(today),
        );
    }
    let _ = a.save_plans.should_propose(summary.band().is_some());
    // Plan, QBRs, qualification, and the customer-ready outputs.
    let _ = a.planning.plan.flags(today);
    let inputs = PlanInputs {
        tier,
        currency: &ws.currency,
        opportunities: &[],
        today,
    };
    for audience in Audience::ALL {
        let _ = plan_markdown(a, audience, &inputs);
    }
    let people: Vec<PersonRef> = map
        .people()
        .iter()
        .map(|p| PersonRef {
            id: p.id.0,
            name: p.fields.name.clone(),
            is_executive_sponsor: p.fields.has_role(Role::ExecutiveSponsor),
        })
        .collect();
    let sponsors = sponsor_ids(&people);
    for q in a.planning.qbrs() {
        let _ = (
            q.agenda(),
            q.agenda_due(),
            q.time_range(),
            q.warnings(&sponsors, today),
        );
        for audience in Audience::ALL {
            let _ = qbr_markdown(a, q.id, audience);
        }
    }
    for q in a.planning.qualifications() {
        for f in Framework::ALL {
            let card = q.card(f);
            let _ = (card.total(), card.percent(), card.weakest());
        }
        if let Some(bc) = &q.business_case {
            let _ = (bc.roi_label(), bc.payback());
        }
    }
}

/// Every page of the workspace: portfolio, renewals, each account, exports.
fn show_everything(ws: &Workspace, today: NaiveDate) {
    let _ = (
        ws.tiers(),
        ws.health_summaries(today),
        ws.health_mix(),
        ws.total_arr(),
    );
    let _ = portfolio_mix_svg(&ws.health_mix(), &ws.currency, 640, 200);
    let _ = score_distribution_svg(&ws.health_scores(), 640, 190);
    let _ = portfolio_calendar(ws.accounts(), today);
    let _ = portfolio_timelines(ws.accounts());
    let _ = portfolio_agenda(ws.accounts(), today);
    let workspace_id = am_planner::domain::WorkspaceId::parse("any-input-test").unwrap();
    let _ = ics::accounts_calendar(
        &workspace_id,
        ws.accounts(),
        today.and_hms_opt(12, 0, 0).unwrap(),
    );
    for a in ws.accounts() {
        show_account(ws, a, today);
    }
}

/// Rewrites the leaves of `v` from `seeds`: dates to any day in the supported range,
/// numbers to edge values, booleans flipped, some texts to hostile ones.
fn mutate(v: &mut Value, seeds: &mut impl Iterator<Item = u32>) {
    match v {
        Value::Object(m) => m.values_mut().for_each(|x| mutate(x, seeds)),
        Value::Array(a) => a.iter_mut().for_each(|x| mutate(x, seeds)),
        leaf => {
            let Some(s) = seeds.next() else { return };
            match leaf {
                Value::String(t) if read_date(t).is_ok() => {
                    let n = match s % 4 {
                        0 => 0,
                        1 => days_in_range(),
                        _ => (s as i64 * 7919) % (days_in_range() + 1),
                    };
                    *t = day(n).to_string();
                }
                Value::String(t) if s % 5 == 0 => {
                    *t = ["\u{202e}evil", "<b>x</b>", "a\u{0}b", "\u{2067}", "x"][s as usize % 5]
                        .into()
                }
                Value::Number(_) if s % 3 == 0 => {
                    *leaf = [
                        json!(0),
                        json!(1),
                        json!(5),
                        json!(100),
                        json!(1e12),
                        json!(0.5),
                    ][s as usize % 6]
                        .clone()
                }
                Value::Bool(b) if s % 2 == 0 => *b = !*b,
                _ => {}
            }
        }
    }
}

/// A range of todays: the edges of the supported range and days around the data.
fn todays() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        Just(FIRST_DAY),
        Just(LAST_DAY),
        (0..=days_in_range()).prop_map(day),
        (-800i64..800).prop_map(|n| common::today() + Duration::days(n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_to_import_give_ok_or_err(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode_bytes(&bytes, read_day());
        if let Ok(text) = std::str::from_utf8(&bytes) {
            let _ = decode(text, read_day());
        }
    }

    #[test]
    fn any_json_like_text_to_import_gives_ok_or_err(text in r#"[\[\]{}",:0-9a-z\\ .eE+-]{0,300}"#) {
        let _ = decode(&text, read_day());
        let _ = decode_account(&text, read_day());
    }

    #[test]
    fn any_text_to_the_share_link_reader_gives_ok_or_err(
        text in "(?s).{0,300}",
        payload in "[A-Za-z0-9_=-]{0,300}",
    ) {
        let _ = decode_share_link(&text, read_day());
        let _ = decode_share_link(&format!("https://x.test/#share={payload}"), read_day());
    }

    #[test]
    fn a_damaged_real_link_gives_ok_or_err(cut in 0usize..2000, flip in 0usize..2000, ch in 0u8..64) {
        let ws = demo_workspace(common::today());
        let link = share_link("https://x.test/a", ShareKind::Colleague, &ws.accounts()[0], &ws.currency).unwrap();
        let mut chars: Vec<char> = link.chars().collect();
        let i = flip % chars.len();
        chars[i] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[ch as usize] as char;
        let damaged: String = chars.iter().collect();
        let _ = decode_share_link(&damaged, read_day());
        let _ = decode_share_link(&link[..cut.min(link.len())], read_day());
    }

    #[test]
    fn any_workspace_import_accepts_renders_every_page(
        seeds in prop::collection::vec(any::<u32>(), 0..400),
        today in todays(),
    ) {
        let mut v = example();
        mutate(&mut v, &mut seeds.into_iter());
        if let Ok(d) = decode(&v.to_string(), read_day()) {
            show_everything(&d.workspace, today);
            // What is accepted is written back and read again unchanged.
            let again = decode(&encode(&d.workspace, None), read_day()).unwrap();
            prop_assert_eq!(again.workspace, d.workspace);
        }
    }

    #[test]
    fn the_demo_renders_every_page_on_any_day(today in todays()) {
        let ws = demo_workspace(today);
        show_everything(&ws, today);
    }

    #[test]
    fn business_days_before_never_panics(n in 0u32..100_000, d in 0..=days_in_range()) {
        let date = day(d);
        let got = business_days_before(date, n);
        prop_assert!(got <= date);
    }
}

/// The dates that crashed or froze the app, now refused on import and in a link; and the
/// first and last supported days show on every page without a freeze.
#[test]
fn far_dates_are_refused_and_the_edges_render() {
    for bad in ["-262143-01-01", "+262142-12-31", "9999-12-31", "0001-01-01"] {
        let mut v = example();
        v["workspace"]["accounts"][0]["renewal_date"] = json!(bad);
        let err = decode(&v.to_string(), read_day()).unwrap_err().to_string();
        assert!(
            err.starts_with("workspace.accounts[0].renewal_date: "),
            "{err}"
        );
        let mut acc = v["workspace"]["accounts"][0].clone();
        acc["contract_start"] = Value::Null;
        let file = json!({"format": "am-planner-account", "version": 1, "currency": "EUR", "account": acc});
        let err = decode_account(&file.to_string(), read_day())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("account.renewal_date: "), "{err}");
    }
    // The share link that used to pass: an account with a far date is refused when read.
    let ws = demo_workspace(common::today());
    for far in [
        NaiveDate::from_ymd_opt(262142, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(-262143, 1, 1).unwrap(),
    ] {
        let mut a = ws.accounts()[0].clone();
        a.fields.contract_start = None;
        a.fields.renewal_date = Some(far);
        let link = share_link("https://x.test/a", ShareKind::Colleague, &a, &ws.currency).unwrap();
        let err = decode_share_link(&link, read_day())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("account.renewal_date: \""), "{err}");
        assert!(
            err.ends_with("is not a date; write it as YYYY-MM-DD, e.g. 2027-03-01."),
            "{err}"
        );
    }
    for (start, renewal) in [
        ("1900-01-01", "2200-12-31"),
        ("1900-01-01", "1900-01-02"),
        ("2200-12-30", "2200-12-31"),
    ] {
        let mut v = example();
        v["workspace"]["accounts"][0]["contract_start"] = json!(start);
        v["workspace"]["accounts"][0]["renewal_date"] = json!(renewal);
        v["workspace"]["accounts"][0]["planning"]["qbrs"][0]["date"] = json!(start);
        let ws = decode(&v.to_string(), read_day()).unwrap().workspace;
        for today in [FIRST_DAY, LAST_DAY, common::today()] {
            show_everything(&ws, today);
        }
    }
    // The renewal chart over the longest span the range allows: a bounded number of ticks.
    let axis = DateAxis::new(FIRST_DAY, LAST_DAY, 24.0, 876.0);
    let ticks = month_ticks(&axis);
    assert!(!ticks.is_empty() && ticks.len() <= 60, "{}", ticks.len());
    assert!(date_ticks(FIRST_DAY, LAST_DAY, 8).len() <= 9);
}

/// A name with a right-to-left override is kept as given, and every sentence the planner
/// builds around it isolates it; names without controls read as before.
#[test]
fn names_with_bidi_controls_are_isolated_in_sentences() {
    use am_planner::domain::text::isolate;
    assert_eq!(isolate("Ingrid"), "Ingrid");
    assert_eq!(isolate("\u{202e}Ingrid"), "\u{2068}\u{202e}Ingrid\u{2069}");
    assert_eq!(isolate("a\u{2067}b"), "\u{2068}a\u{2067}b\u{2069}");
    let mut v = example();
    v["workspace"]["accounts"][0]["stakeholders"]["people"][0]["name"] = json!("\u{202e}Ingrid");
    let ws = decode(&v.to_string(), read_day()).unwrap().workspace;
    let a = &ws.accounts()[0];
    assert_eq!(a.stakeholders.people()[0].fields.name, "\u{202e}Ingrid");
    let today = common::ymd(2027, 6, 1);
    let report = assess(&a.stakeholders, ws.tiers()[&a.id].tier, today);
    let texts: Vec<String> = report.risks.iter().map(|r| r.message.clone()).collect();
    let with_name: Vec<&String> = texts.iter().filter(|t| t.contains("Ingrid")).collect();
    assert!(!with_name.is_empty(), "{texts:?}");
    for t in with_name {
        assert!(t.contains("\u{2068}\u{202e}Ingrid\u{2069}"), "{t:?}");
    }
}

#[test]
fn counts_in_sentences_take_the_right_number_and_group_thousands() {
    use am_planner::domain::text::{grouped, plural};
    for (n, want) in [
        (0, "0 items"),
        (1, "1 item"),
        (2, "2 items"),
        (999, "999 items"),
        (1_000, "1,000 items"),
        (1_375, "1,375 items"),
        (1_234_567, "1,234,567 items"),
    ] {
        assert_eq!(plural(n, "item", "items"), want);
        assert_eq!(
            grouped(n),
            want.trim_end_matches(" items").trim_end_matches(" item")
        );
    }
}

#[test]
fn the_apps_phrases_start_with_a_capital() {
    use am_planner::domain::text::capitalized;
    for (phrase, want) in [
        ("renewal call every month", "Renewal call every month"),
        ("Already capital", "Already capital"),
        ("qbr every 6 months", "Qbr every 6 months"),
        ("x", "X"),
        ("", ""),
        // A first character that is not a letter, or not ASCII, is left as it is (the
        // app's own phrases are ASCII English; this never panics on a wide character).
        ("3 calls", "3 calls"),
        ("\u{e9}t\u{e9}", "\u{e9}t\u{e9}"),
    ] {
        assert_eq!(capitalized(phrase), want, "{phrase:?}");
    }
}
