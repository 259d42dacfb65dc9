//! MEDDIC and BANT scorecards, and the ROI / business case.

use am_planner::domain::plan::FieldError;
use am_planner::domain::qualify::{
    parse_amount, BusinessCase, Element, Framework, Payback, Qualification, Rating, Scorecard,
};

fn card(framework: Framework, ratings: &[u8]) -> Scorecard {
    let mut c = Scorecard::new(framework);
    for (e, r) in framework.elements().iter().zip(ratings) {
        c.set(*e, Rating::new(*r).unwrap(), "").unwrap();
    }
    c
}

#[test]
fn totals_percent_and_weakest() {
    use Element::*;
    // (framework, ratings in framework order, total, max, percent, weakest)
    type Case<'a> = (Framework, &'a [u8], u32, u32, f64, Element);
    let cases: &[Case] = &[
        (Framework::Meddic, &[0, 0, 0, 0, 0, 0], 0, 18, 0.0, Metrics),
        (
            Framework::Meddic,
            &[3, 3, 3, 3, 3, 3],
            18,
            18,
            100.0,
            Metrics,
        ),
        (
            Framework::Meddic,
            &[3, 2, 1, 2, 3, 2],
            13,
            18,
            1300.0 / 18.0,
            DecisionCriteria,
        ),
        (
            Framework::Meddic,
            &[2, 1, 3, 3, 1, 3],
            13,
            18,
            1300.0 / 18.0,
            EconomicBuyer,
        ),
        (
            Framework::Meddic,
            &[3, 3, 3, 3, 3, 0],
            15,
            18,
            1500.0 / 18.0,
            Champion,
        ),
        (
            Framework::Meddic,
            &[1, 2, 2, 2, 2, 2],
            11,
            18,
            1100.0 / 18.0,
            Metrics,
        ),
        (Framework::Bant, &[0, 0, 0, 0], 0, 12, 0.0, Budget),
        (Framework::Bant, &[3, 3, 3, 3], 12, 12, 100.0, Budget),
        (Framework::Bant, &[3, 2, 3, 1], 9, 12, 75.0, Timeline),
        (
            Framework::Bant,
            &[2, 3, 2, 3],
            10,
            12,
            1000.0 / 12.0,
            Budget,
        ),
        (
            Framework::Bant,
            &[3, 1, 1, 3],
            8,
            12,
            800.0 / 12.0,
            Authority,
        ),
    ];
    for (fw, ratings, total, max, percent, weakest) in cases {
        let c = card(*fw, ratings);
        assert_eq!(
            (c.total(), c.max_total(), c.weakest()),
            (*total, *max, *weakest),
            "{fw:?} {ratings:?}"
        );
        assert!(
            (c.percent() - percent).abs() < 1e-9,
            "{fw:?} {ratings:?}: {}",
            c.percent()
        );
    }
}

#[test]
fn ratings_stay_in_range_and_on_their_card() {
    assert_eq!(Rating::new(3).map(Rating::value), Ok(3));
    assert_eq!(
        Rating::new(4),
        Err(FieldError::bare("Rate from 0 to 3; 4 is out of range."))
    );
    let mut c = Scorecard::new(Framework::Bant);
    assert_eq!(
        c.set(Element::Champion, Rating::new(2).unwrap(), ""),
        Err(FieldError::new("champion", "Champion is not part of BANT."))
    );
    assert_eq!(
        c.set(Element::Need, Rating::new(2).unwrap(), &"x".repeat(5001)),
        Err(FieldError::new("need", "Keep this under 5000 characters."))
    );
    c.set(
        Element::Need,
        Rating::new(2).unwrap(),
        "Dispatch is manual today",
    )
    .unwrap();
    let need = c.score(Element::Need).unwrap();
    assert_eq!(
        (need.rating.value(), need.notes.as_str()),
        (2, "Dispatch is manual today")
    );
    assert_eq!(c.score(Element::Metrics), None);

    let mut q = Qualification::new(7);
    q.set(Element::EconomicBuyer, Rating::new(1).unwrap(), "")
        .unwrap();
    q.set(Element::Timeline, Rating::new(3).unwrap(), "")
        .unwrap();
    assert_eq!(q.card(Framework::Meddic).total(), 1);
    assert_eq!(q.card(Framework::Bant).total(), 3);
    let order: Vec<&str> = q
        .card(Framework::Meddic)
        .entries()
        .map(|(e, _)| e.label())
        .collect();
    assert_eq!(
        order,
        [
            "Metrics",
            "Economic buyer",
            "Decision criteria",
            "Decision process",
            "Identified pain",
            "Champion"
        ]
    );
}

#[test]
fn roi_and_payback() {
    // (investment, annual benefit, ROI %, ROI label, payback, payback label)
    let cases: &[(f64, f64, f64, &str, Payback, &str)] = &[
        (
            100_000.0,
            150_000.0,
            50.0,
            "50%",
            Payback::Months(8.0),
            "8 months",
        ),
        (
            120_000.0,
            120_000.0,
            0.0,
            "0%",
            Payback::Months(12.0),
            "12 months",
        ),
        (
            60_000.0,
            720_000.0,
            1100.0,
            "1100%",
            Payback::Months(1.0),
            "1 month",
        ),
        (
            90_000.0,
            120_000.0,
            100.0 / 3.0,
            "33.3%",
            Payback::Months(9.0),
            "9 months",
        ),
        (
            50_000.0,
            40_000.0,
            -20.0,
            "-20%",
            Payback::Months(15.0),
            "15 months",
        ),
        (
            10_000.0,
            7_000.0,
            -30.0,
            "-30%",
            Payback::Months(120.0 / 7.0),
            "17.1 months",
        ),
        (
            100_000.0,
            0.0,
            -100.0,
            "-100%",
            Payback::Never,
            "Never pays back: the annual benefit must be above zero.",
        ),
        (
            100_000.0,
            -25_000.0,
            -125.0,
            "-125%",
            Payback::Never,
            "Never pays back: the annual benefit must be above zero.",
        ),
    ];
    for (inv, ben, roi, roi_label, payback, payback_label) in cases {
        let c = BusinessCase::new(*inv, *ben).unwrap();
        assert!(
            (c.roi_percent() - roi).abs() < 1e-9,
            "{inv} {ben}: {}",
            c.roi_percent()
        );
        assert_eq!(c.roi_label(), *roi_label, "{inv} {ben}");
        match (c.payback(), payback) {
            (Payback::Months(a), Payback::Months(b)) => assert!((a - b).abs() < 1e-9, "{a} {b}"),
            (a, b) => assert_eq!(a, *b),
        }
        assert_eq!(c.payback().label(), *payback_label, "{inv} {ben}");
    }
    assert_eq!(Payback::Never.months(), None);
    assert_eq!(Payback::Months(8.0).months(), Some(8.0));
}

#[test]
fn invalid_business_cases_are_refused() {
    let inv_zero = FieldError::new(
        "investment",
        "The investment must be above zero: what does the customer pay or spend?",
    );
    let cases: &[(f64, f64, Vec<FieldError>)] = &[
        (0.0, 10.0, vec![inv_zero.clone()]),
        (-5.0, 10.0, vec![inv_zero.clone()]),
        (
            f64::NAN,
            10.0,
            vec![FieldError::new(
                "investment",
                "The investment must be a number.",
            )],
        ),
        (
            f64::INFINITY,
            10.0,
            vec![FieldError::new(
                "investment",
                "The investment must be a number.",
            )],
        ),
        (
            2e12,
            10.0,
            vec![FieldError::new(
                "investment",
                "The investment is above a trillion: check the zeros.",
            )],
        ),
        (
            10.0,
            f64::NAN,
            vec![FieldError::new(
                "annual_benefit",
                "The annual benefit must be a number.",
            )],
        ),
        (
            10.0,
            -2e12,
            vec![FieldError::new(
                "annual_benefit",
                "The annual benefit is beyond a trillion: check the zeros.",
            )],
        ),
        (
            0.0,
            f64::NEG_INFINITY,
            vec![
                inv_zero.clone(),
                FieldError::new("annual_benefit", "The annual benefit must be a number."),
            ],
        ),
    ];
    for (inv, ben, expected) in cases {
        assert_eq!(
            BusinessCase::new(*inv, *ben).unwrap_err(),
            *expected,
            "{inv} {ben}"
        );
    }
}

#[test]
fn amounts_are_parsed_from_what_people_type() {
    let cases: &[(&str, Result<f64, &str>)] = &[
        ("120000", Ok(120_000.0)),
        ("120,000", Ok(120_000.0)),
        (" 1 250 000.50 ", Ok(1_250_000.5)),
        ("1_000", Ok(1000.0)),
        ("-25,000", Ok(-25_000.0)),
        ("0", Ok(0.0)),
        ("", Err("Enter an amount, e.g. 120000.")),
        (
            "abc",
            Err("\"abc\" is not an amount: type digits only, e.g. 120000."),
        ),
        (
            "$100",
            Err("\"$100\" is not an amount: type digits only, e.g. 120000."),
        ),
        (
            "1.2.3",
            Err("\"1.2.3\" is not an amount: type digits only, e.g. 120000."),
        ),
        (
            "NaN",
            Err("\"NaN\" is not an amount: type digits only, e.g. 120000."),
        ),
        (
            "inf",
            Err("\"inf\" is not an amount: type digits only, e.g. 120000."),
        ),
        (
            "1e5",
            Err("\"1e5\" is not an amount: type digits only, e.g. 120000."),
        ),
        (
            "-",
            Err("\"-\" is not an amount: type digits only, e.g. 120000."),
        ),
        (
            ".",
            Err("\".\" is not an amount: type digits only, e.g. 120000."),
        ),
        (
            "--5",
            Err("\"--5\" is not an amount: type digits only, e.g. 120000."),
        ),
    ];
    for (input, expected) in cases {
        let got = parse_amount("investment", input);
        match expected {
            Ok(v) => assert_eq!(got, Ok(*v), "{input:?}"),
            Err(m) => assert_eq!(got, Err(FieldError::new("investment", *m)), "{input:?}"),
        }
    }
    let case = BusinessCase::parse("100,000", "150000").unwrap();
    assert_eq!(
        (case.investment(), case.annual_benefit()),
        (100_000.0, 150_000.0)
    );
    assert_eq!(
        BusinessCase::parse("-1", "x").unwrap_err(),
        vec![
            FieldError::new(
                "investment",
                "The investment must be above zero: what does the customer pay or spend?"
            ),
            FieldError::new(
                "annual_benefit",
                "\"x\" is not an amount: type digits only, e.g. 120000."
            ),
        ]
    );
    assert_eq!(
        BusinessCase::parse("-1", "5").unwrap_err(),
        vec![FieldError::new(
            "investment",
            "The investment must be above zero: what does the customer pay or spend?"
        )]
    );
    assert_eq!(
        BusinessCase::parse("", "").unwrap_err(),
        vec![
            FieldError::new("investment", "Enter an amount, e.g. 120000."),
            FieldError::new("annual_benefit", "Enter an amount, e.g. 120000."),
        ]
    );
}
