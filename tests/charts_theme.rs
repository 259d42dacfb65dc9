//! Charts follow the theme: every colour a chart draws is in the palette, so its element
//! carries a `cf-`/`cs-` class, and `style/charts.css` colours each class from a token.
//! Every chart also carries its figures as a `<desc>` (its accessible description).

use am_planner::charts::renewal::renewal_timeline_svg;
use am_planner::charts::{health_trend_svg, portfolio_mix_svg, score_distribution_svg};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Every `fill="#..."` / `stroke="#..."` of each tag and the classes the tag carries.
fn coloured_tags(svg: &str) -> Vec<(String, Vec<String>, String)> {
    let mut out = Vec::new();
    for tag in svg.split('<').skip(1) {
        let tag = tag.split('>').next().unwrap_or("");
        let attr = |name: &str| {
            let key = format!(" {name}=\"");
            tag.find(&key).map(|i| {
                let rest = &tag[i + key.len()..];
                rest[..rest.find('"').unwrap()].to_string()
            })
        };
        let classes: Vec<String> = attr("class")
            .map(|c| c.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        for (kind, prefix) in [("fill", "cf-"), ("stroke", "cs-")] {
            if let Some(v) = attr(kind) {
                if v.starts_with('#') {
                    out.push((format!("{kind}={v}"), classes.clone(), prefix.to_string()));
                }
            }
        }
    }
    out
}

fn charts() -> Vec<String> {
    use am_planner::demo;
    let today = d(2026, 6, 1);
    let ws = demo::demo_workspace(today);
    let mut out = vec![
        health_trend_svg(
            &[
                (d(2026, 3, 1), 40.0),
                (d(2026, 4, 1), 71.0),
                (d(2026, 5, 1), 90.0),
            ],
            &[d(2026, 4, 10)],
            today,
            720,
            280,
        ),
        portfolio_mix_svg(&ws.health_mix(), &ws.currency, 720, 200),
        score_distribution_svg(&ws.health_scores(), 720, 190),
        score_distribution_svg(&[10.0, 55.0, 72.0, 78.0, 95.0], 340, 190),
    ];
    for a in ws.accounts() {
        if let Some(t) = am_planner::domain::account::timeline_of(a) {
            out.push(renewal_timeline_svg(&t, today, 600.0));
        }
    }
    out
}

#[test]
fn every_colour_a_chart_draws_has_its_theme_class() {
    let css =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/charts.css")).unwrap();
    let all = charts();
    assert!(all.len() >= 5);
    for svg in &all {
        let tags = coloured_tags(svg);
        assert!(!tags.is_empty(), "a chart with no colour: {svg}");
        for (what, classes, prefix) in tags {
            let class = classes.iter().find(|c| c.starts_with(&prefix));
            let Some(class) = class else {
                panic!("{what} has no {prefix} class: it would keep its light colour in the dark theme");
            };
            assert!(
                css.contains(&format!(".{class} {{")),
                "style/charts.css has no rule for .{class}"
            );
        }
        assert!(
            !svg.contains("style="),
            "inline style: the policy refuses it"
        );
    }
}

#[test]
fn charts_carry_their_figures_as_text() {
    let trend = &charts()[0];
    assert!(trend.contains("<desc>1 Mar 2026: 40 (At risk); 1 Apr 2026: 71 (Needs attention); 1 May 2026: 90 (Healthy). Weights changed on 10 Apr 2026</desc>"), "{trend}");
    let dist = score_distribution_svg(&[10.0, 55.0, 72.0, 78.0, 95.0], 340, 190);
    assert!(
        dist.contains(
            "<desc>10–19: 1 account; 50–59: 1 account; 70–79: 2 accounts; 90–100: 1 account</desc>"
        ),
        "{dist}"
    );
}
