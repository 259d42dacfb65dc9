//! Health histories for the demo accounts: a few check-ins each over the last four months,
//! relative to `today`, chosen so the demo shows every case the screens handle: healthy,
//! needs attention and at risk accounts, a steep fall, a drop into a lower band, a stale
//! account, an incomplete score and an account never scored. One weight change is logged
//! (back to the defaults, 45 days ago) so the trend charts show their marker.
//!
//! Scores below are under the default weights 30 / 20 / 20 / 15 / 15.

use chrono::{Days, NaiveDate};

use crate::domain::health::{
    HealthSettings, Nps, Percent, Signals, TicketTrend, WeightChange, Weights,
};
use crate::domain::workspace::Workspace;

use TicketTrend::{Decreasing, Escalated, Increasing, Stable, ZeroOpen};

/// (days before today, usage %, core features, NPS, ticket trend, % of targets met).
type CheckIn = (
    u64,
    Option<f64>,
    Option<u32>,
    Option<u8>,
    Option<TicketTrend>,
    Option<f64>,
);

/// Histories by account name; an account not listed keeps no health data.
const HISTORIES: &[(&str, &[CheckIn])] = &[
    // Declining: 85 three months ago, 52.5 now (CFO change, cost review).
    (
        "Northwind Logistics",
        &[
            (
                118,
                Some(88.0),
                Some(4),
                Some(9),
                Some(Decreasing),
                Some(85.0),
            ), // 92.5
            (90, Some(84.0), Some(4), Some(8), Some(Stable), Some(85.0)), // 85
            (62, Some(78.0), Some(4), Some(8), Some(Stable), Some(80.0)), // 70
            (33, Some(76.0), Some(3), Some(7), Some(Stable), Some(78.0)), // 60
            (
                5,
                Some(71.0),
                Some(3),
                Some(6),
                Some(Increasing),
                Some(72.0),
            ), // 52.5
        ],
    ),
    // Healthy and improving: 75 -> 92.5.
    (
        "Helix Biotech",
        &[
            (110, Some(82.0), Some(3), Some(7), Some(Stable), Some(88.0)), // 75
            (76, Some(85.0), Some(4), Some(8), Some(Stable), Some(88.0)),  // 85
            (41, Some(87.0), Some(4), Some(8), Some(Stable), Some(90.0)),  // 85
            (12, Some(91.0), Some(5), Some(9), Some(ZeroOpen), Some(88.0)), // 92.5
        ],
    ),
    // At risk for months, not newly declining: red throughout.
    (
        "Cobalt Retail Group",
        &[
            (115, Some(62.0), Some(2), Some(6), Some(Stable), Some(65.0)), // 42.5
            (
                80,
                Some(58.0),
                Some(2),
                Some(6),
                Some(Increasing),
                Some(65.0),
            ), // 35
            (
                45,
                Some(52.0),
                Some(2),
                Some(5),
                Some(Escalated),
                Some(60.0),
            ), // 25
            (
                9,
                Some(54.0),
                Some(2),
                Some(6),
                Some(Increasing),
                Some(62.0),
            ), // 35
        ],
    ),
    // Healthy but stale: nobody has checked in for 38 days.
    (
        "Fjord Energy",
        &[
            (120, Some(83.0), Some(3), Some(8), Some(Stable), Some(92.0)), // 92.5
            (
                70,
                Some(81.0),
                Some(3),
                Some(8),
                Some(Decreasing),
                Some(88.0),
            ), // 92.5
            (
                38,
                Some(79.0),
                Some(3),
                Some(9),
                Some(Decreasing),
                Some(91.0),
            ), // 85
        ],
    ),
    // Dropped from needs attention to at risk this month (seat usage after term end).
    (
        "Brightpath Learning",
        &[
            (
                105,
                Some(70.0),
                Some(2),
                Some(7),
                Some(Decreasing),
                Some(72.0),
            ), // 57.5
            (
                64,
                Some(64.0),
                Some(2),
                Some(7),
                Some(Decreasing),
                Some(68.0),
            ), // 50
            (35, Some(56.0), Some(2), Some(7), Some(Stable), Some(74.0)), // 50
            (4, Some(44.0), Some(2), Some(8), Some(Stable), Some(74.0)),  // 45
        ],
    ),
    // Incomplete: no NPS answer and no agreed success targets yet.
    (
        "Quarry & Vale Legal",
        &[
            (90, Some(70.0), Some(1), None, Some(Stable), None), // 50
            (50, Some(72.0), Some(2), None, Some(Stable), None), // 50
            (8, Some(74.0), Some(2), None, Some(Decreasing), None), // 61.5
        ],
    ),
    // Healthy and steady.
    (
        "Tidewater Hospitality",
        &[
            (100, Some(79.0), Some(3), Some(8), Some(Stable), Some(85.0)), // 70
            (58, Some(84.0), Some(3), Some(9), Some(Stable), Some(88.0)),  // 85
            (
                27,
                Some(86.0),
                Some(4),
                Some(9),
                Some(Decreasing),
                Some(88.0),
            ), // 92.5
            (
                2,
                Some(88.0),
                Some(4),
                Some(9),
                Some(Decreasing),
                Some(89.0),
            ), // 92.5
        ],
    ),
    // "Orbit Analytics" has no check-in yet.
];

/// Days before today of the logged weight change, and the weights before it.
const WEIGHT_CHANGE: (u64, [f64; 5]) = (45, [25.0, 25.0, 20.0, 15.0, 15.0]);

fn signals(c: &CheckIn) -> Signals {
    let (_, usage, features, nps, tickets, roi) = *c;
    Signals {
        usage: usage.map(|v| Percent::new(v).expect("demo usage is a percentage")),
        features,
        nps: nps.map(|v| Nps::new(v).expect("demo NPS is 0-10")),
        tickets,
        roi: roi.map(|v| Percent::new(v).expect("demo ROI is a percentage")),
    }
}

fn days_ago(today: NaiveDate, n: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(n)).unwrap_or(today)
}

/// Adds the health histories and the weight log to the demo workspace.
pub fn seed(ws: &mut Workspace, today: NaiveDate) {
    for (name, checkins) in HISTORIES {
        let Some(id) = ws
            .accounts()
            .iter()
            .find(|a| a.fields.name == *name)
            .map(|a| a.id)
        else {
            continue;
        };
        if let Some(account) = ws.account_mut(id) {
            for c in *checkins {
                // Valid by construction: dates in the past, at least one signal known.
                let _ = account
                    .health
                    .record(days_ago(today, c.0), signals(c), today);
            }
        }
    }
    let (ago, old) = WEIGHT_CHANGE;
    let old = Weights::new(old).expect("demo weights are valid");
    ws.settings.health = HealthSettings::new(
        Weights::default(),
        vec![WeightChange {
            date: days_ago(today, ago),
            old,
            new: Weights::default(),
        }],
    );
}
