//! Account fields: what a user may type, what is refused and with which message; tiers.

mod common;
use am_planner::domain::account::{parse_arr, parse_date, parse_products};
use am_planner::domain::workspace::tiers_by_arr;
use am_planner::domain::{AccountFields, AccountId, Field, Tier, Workspace};
use common::read_day;

use common::date as d;

fn fields(name: &str, arr: f64, start: Option<&str>, renewal: Option<&str>) -> AccountFields {
    AccountFields {
        name: name.into(),
        arr,
        contract_start: start.map(d),
        renewal_date: renewal.map(d),
        ..Default::default()
    }
}

/// Expected: Ok, or the field and a fragment of the message.
fn check(input: AccountFields, expected: Result<(), (Field, &str)>) {
    let got = input.validate();
    match (got, expected) {
        (Ok(()), Ok(())) => {}
        (Err(es), Err((field, fragment))) => {
            assert_eq!(es.len(), 1, "{input:?}: {es:?}");
            assert_eq!(es[0].account_field(), Some(field), "{input:?}");
            assert!(
                es[0].message.contains(fragment),
                "{input:?}: {}",
                es[0].message
            );
        }
        (got, expected) => panic!("{input:?}: got {got:?}, expected {expected:?}"),
    }
}

/// A form's fields and what validation should say: fine, or the first refused field and a
/// word its message contains.
type ValidationCase = (AccountFields, Result<(), (Field, &'static str)>);

#[test]
fn validation_table() {
    let long = "x".repeat(121);
    let cases: Vec<ValidationCase> = vec![
        (fields("Acme", 0.0, None, None), Ok(())),
        (
            fields("", 0.0, None, None),
            Err((Field::Name, "Give the account a name")),
        ),
        (
            fields("   ", 10.0, None, None),
            Err((Field::Name, "Give the account a name")),
        ),
        (
            fields(&long, 10.0, None, None),
            Err((Field::Name, "under 120")),
        ),
        (fields(&"x".repeat(120), 10.0, None, None), Ok(())),
        (
            fields("Acme", -1.0, None, None),
            Err((Field::Arr, "cannot be negative")),
        ),
        (
            fields("Acme", -0.01, None, None),
            Err((Field::Arr, "cannot be negative")),
        ),
        (
            fields("Acme", f64::NAN, None, None),
            Err((Field::Arr, "must be a number")),
        ),
        (
            fields("Acme", f64::INFINITY, None, None),
            Err((Field::Arr, "must be a number")),
        ),
        (fields("Acme", 1e12, None, None), Ok(())),
        (
            fields("Acme", 1.5e12, None, None),
            Err((Field::Arr, "trillion")),
        ),
        (
            fields("Acme", 100.0, Some("2026-01-01"), Some("2027-01-01")),
            Ok(()),
        ),
        (
            fields("Acme", 100.0, Some("2026-01-01"), Some("2025-12-31")),
            Err((Field::RenewalDate, "before the contract start")),
        ),
        (
            fields("Acme", 100.0, Some("2026-01-01"), Some("2026-01-01")),
            Err((Field::RenewalDate, "same day")),
        ),
        (fields("Acme", 100.0, None, Some("2020-01-01")), Ok(())),
        (fields("Acme", 100.0, Some("2030-01-01"), None), Ok(())),
    ];
    for (input, expected) in cases {
        check(input, expected);
    }
}

#[test]
fn arr_as_typed() {
    let cases: &[(&str, Result<f64, &str>)] = &[
        ("", Ok(0.0)),
        ("120000", Ok(120_000.0)),
        ("120,000", Ok(120_000.0)),
        ("1 250 000", Ok(1_250_000.0)),
        ("1_000", Ok(1000.0)),
        ("99.5", Ok(99.5)),
        ("0", Ok(0.0)),
        ("-5", Err("cannot be negative")),
        ("$120k", Err("not a number")),
        ("12.3.4", Err("not a number")),
        ("abc", Err("not a number")),
        ("1e3", Err("not a number")),
        ("5000000000000", Err("trillion")),
    ];
    for (text, expected) in cases {
        match (parse_arr(text), expected) {
            (Ok(v), Ok(e)) => assert_eq!(v, *e, "{text}"),
            (Err(got), Err(fragment)) => {
                assert_eq!(got.account_field(), Some(Field::Arr));
                assert!(got.message.contains(fragment), "{text}: {}", got.message)
            }
            (got, expected) => panic!("{text}: got {got:?}, expected {expected:?}"),
        }
    }
}

#[test]
fn dates_and_products_as_typed() {
    assert_eq!(parse_date(Field::RenewalDate, ""), Ok(None));
    assert_eq!(
        parse_date(Field::RenewalDate, "2028-02-29"),
        Ok(Some(d("2028-02-29")))
    );
    for bad in ["2027-02-29", "2026-13-01", "22/11/2026", "tomorrow"] {
        let e = parse_date(Field::RenewalDate, bad).unwrap_err();
        assert_eq!(e.account_field(), Some(Field::RenewalDate));
        // The one date reader's message, as every date input gives it.
        assert_eq!(
            Err(e.message),
            am_planner::domain::dates::read_date(bad).map_err(|e| e.message),
            "{bad}"
        );
    }
    assert_eq!(
        parse_products(" Platform, analytics ,, Platform,Analytics , API "),
        vec!["Platform", "analytics", "API"]
    );
}

#[test]
fn tiers_by_arr_rank() {
    // (ARRs in id order, expected tier numbers in id order)
    let cases: &[(&[f64], &[u8])] = &[
        (&[], &[]),
        (&[10.0], &[1]),
        (&[10.0, 20.0], &[2, 1]),
        // 8 accounts: top 15% -> ceil(1.2)=2 Tier 1; top 50% -> 4: two Tier 2.
        (
            &[800.0, 700.0, 600.0, 500.0, 400.0, 300.0, 200.0, 100.0],
            &[1, 1, 2, 2, 3, 3, 3, 3],
        ),
        // 10 accounts: ceil(1.5)=2 Tier 1, then 3 Tier 2 (up to 5).
        (
            &[10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0],
            &[1, 1, 2, 2, 2, 3, 3, 3, 3, 3],
        ),
        // Ties keep the same tier: the third equals the second Tier 1.
        (
            &[10.0, 9.0, 9.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0],
            &[1, 1, 1, 2, 2, 3, 3, 3, 3, 3],
        ),
        // All equal: everyone shares Tier 1.
        (&[5.0, 5.0, 5.0], &[1, 1, 1]),
    ];
    for (arrs, expected) in cases {
        let input: Vec<(AccountId, f64)> = arrs
            .iter()
            .enumerate()
            .map(|(i, a)| (AccountId(i as u32 + 1), *a))
            .collect();
        let tiers = tiers_by_arr(&input);
        let got: Vec<u8> = input.iter().map(|(id, _)| tiers[id].number()).collect();
        assert_eq!(&got, expected, "{arrs:?}");
    }
}

#[test]
fn override_wins_and_is_marked() {
    let mut ws = Workspace::default();
    let big = ws
        .add_account(fields("Big", 1000.0, None, None), read_day())
        .unwrap();
    let small = ws
        .add_account(
            AccountFields {
                tier_override: Some(Tier::Strategic),
                ..fields("Small", 1.0, None, None)
            },
            read_day(),
        )
        .unwrap();
    let tiers = ws.tiers();
    assert_eq!(
        (tiers[&big].tier, tiers[&big].overridden),
        (Tier::Strategic, false)
    );
    assert_eq!(
        (tiers[&small].tier, tiers[&small].overridden),
        (Tier::Strategic, true)
    );
}

#[test]
fn add_refuses_invalid_and_changes_nothing() {
    let mut ws = Workspace::default();
    let before = ws.clone();
    assert!(ws
        .add_account(fields("", 1.0, None, None), read_day())
        .is_err());
    assert_eq!(ws, before);
    let id = ws
        .add_account(fields("Ok", 1.0, None, None), read_day())
        .unwrap();
    let stored = ws.clone();
    assert!(ws
        .update_fields(id, fields("Ok", -3.0, None, None))
        .is_err());
    assert_eq!(ws, stored);
}

#[test]
fn remove_then_undo_restores_position_and_ids_are_not_reused() {
    let mut ws = Workspace::default();
    let a = ws
        .add_account(fields("A", 1.0, None, None), read_day())
        .unwrap();
    let b = ws
        .add_account(fields("B", 2.0, None, None), read_day())
        .unwrap();
    let c = ws
        .add_account(fields("C", 3.0, None, None), read_day())
        .unwrap();
    let removed = ws.remove_account(b).unwrap();
    assert_eq!(ws.accounts().len(), 2);
    ws.undo_remove(removed);
    let order: Vec<AccountId> = ws.accounts().iter().map(|x| x.id).collect();
    assert_eq!(order, vec![a, b, c]);
    ws.remove_account(c).unwrap();
    let d = ws
        .add_account(fields("D", 4.0, None, None), read_day())
        .unwrap();
    assert_ne!(d, c, "a deleted account's id is not handed out again");
}

#[test]
fn demo_workspace_is_valid_varied_and_relative_to_today() {
    for today in ["2026-11-22", "2028-02-29", "2027-01-01"] {
        let today = d(today);
        let ws = am_planner::demo::demo_workspace(today);
        assert!(ws.demo);
        assert_eq!(ws.accounts().len(), 8);
        let days: Vec<i64> = ws
            .accounts()
            .iter()
            .map(|a| (a.fields.renewal_date.unwrap() - today).num_days())
            .collect();
        assert!(
            days.iter().any(|x| (-31..0).contains(x)),
            "one renewal last month"
        );
        assert!(
            days.iter().any(|&x| x > 365 && x <= 14 * 31),
            "one renewal 12-14 months out"
        );
        let tiers = ws.tiers();
        for t in Tier::ALL {
            assert!(tiers.values().any(|x| x.tier == t), "{t:?} present");
        }
    }
}

#[test]
fn money_as_shown() {
    let usd = am_planner::domain::Currency::default();
    let chf = am_planner::domain::Currency::new("CHF").unwrap();
    let cases: &[(&am_planner::domain::Currency, f64, &str, &str)] = &[
        (&usd, 0.0, "$0", "$0"),
        (&usd, 999.0, "$999", "$999"),
        (&usd, 1_000.0, "$1,000", "$1k"),
        (&usd, 12_000.0, "$12,000", "$12k"),
        (&usd, 52_750.0, "$52,750", "$52.8k"),
        (&usd, 436_250.0, "$436,250", "$436k"),
        (&usd, 1_172_650.0, "$1,172,650", "$1.17M"),
        (&usd, 2_500_000_000.0, "$2,500,000,000", "$2.5B"),
        (&chf, 980_000.0, "CHF 980,000", "CHF 980k"),
        (&usd, -1_500.0, "-$1,500", "-$1.5k"),
    ];
    for (c, amount, full, short) in cases {
        assert_eq!(c.format(*amount), *full, "{amount}");
        assert_eq!(c.format_short(*amount), *short, "{amount}");
    }
}

#[test]
fn numbers_as_typed() {
    use am_planner::domain::money::read_number;
    let cases: &[(&str, Option<f64>)] = &[
        ("0", Some(0.0)),
        ("120000", Some(120_000.0)),
        ("120,000", Some(120_000.0)),
        ("1 250 000.50", Some(1_250_000.5)),
        ("1_000", Some(1000.0)),
        ("-5", Some(-5.0)),
        ("-0.5", Some(-0.5)),
        (".5", Some(0.5)),
        (".", None),
        ("-", None),
        ("--5", None),
        ("5-", None),
        ("1.2.3", None),
        ("$100", None),
        ("1e5", None),
        ("12k", None),
        ("NaN", None),
        ("inf", None),
        // A comma groups thousands in threes before the point, or the text is refused:
        // written the continental way it would be read as another number.
        ("1,234,567", Some(1_234_567.0)),
        ("99.999", Some(99.999)),
        ("1.234,56", None),
        ("1,5", None),
        ("1,23", None),
        ("12,3456", None),
        (",500", None),
        ("1234,567", None),
        ("1,000.5,0", None),
    ];
    for (text, expected) in cases {
        assert_eq!(read_number(text), *expected, "{text:?}");
    }
}

#[test]
fn amounts_as_typed() {
    use am_planner::domain::money::read_typed_amount;
    let cases: &[(&str, Option<f64>)] = &[
        ("120000", Some(120_000.0)),
        ("120,000", Some(120_000.0)),
        ("120,000.50", Some(120_000.5)),
        ("1 250 000.5", Some(1_250_000.5)),
        ("0.5", Some(0.5)),
        ("-3840", Some(-3840.0)),
        // No amount has three decimals: 120.000 is 120,000 written the continental way.
        ("120.000", None),
        ("1.500", None),
        ("-1.500", None),
        ("1.234,56", None),
        ("1,5", None),
        ("$100", None),
    ];
    for (text, expected) in cases {
        assert_eq!(read_typed_amount(text), *expected, "{text:?}");
    }
}

// ---------------------------------------------------------------- changing an account

/// `Workspace::edit_account`, the one way an account page changes its account: a refused
/// change leaves the account as it was even when it changed it before refusing; an
/// unchanged account says so; an account gone is refused with its message.
#[test]
fn an_account_changes_whole_or_not_at_all() {
    use am_planner::domain::AccountGone;
    let today = d("2026-06-01");
    let mut ws = Workspace::default();
    let id = ws
        .add_account(fields("Acme", 10_000.0, Some("2025-06-01"), None), today)
        .unwrap();
    let before = ws.clone();

    // Refused after a change: nothing of it stays.
    let r: Result<((), bool), String> = ws.edit_account(id, |a| {
        a.fields.notes = "half done".into();
        a.renewal.auto_renew = true;
        Err("refused".into())
    });
    assert_eq!(r, Err("refused".to_string()));
    assert_eq!(ws, before);

    // Accepted and equal: no change to save.
    let r: Result<(u32, bool), String> = ws.edit_account(id, |a| {
        a.fields.notes = a.fields.notes.clone();
        Ok(7)
    });
    assert_eq!(r, Ok((7, false)));
    assert_eq!(ws, before);

    // Accepted: kept whole.
    let r: Result<((), bool), String> = ws.edit_account(id, |a| {
        a.fields.notes = "kept".into();
        Ok(())
    });
    assert_eq!(r, Ok(((), true)));
    assert_eq!(ws.account(id).unwrap().fields.notes, "kept");

    // Gone: refused with the message, in every error shape the pages use.
    let gone = AccountId(99);
    let r: Result<((), bool), String> = ws.edit_account(gone, |_| Ok(()));
    assert_eq!(r, Err("This account no longer exists.".to_string()));
    let r: Result<((), bool), am_planner::domain::FieldError> = ws.edit_account(gone, |_| Ok(()));
    assert_eq!(r.unwrap_err().message, AccountGone::MESSAGE);
    let r: Result<((), bool), Vec<am_planner::domain::FieldError>> =
        ws.edit_account(gone, |_| Ok(()));
    assert_eq!(r.unwrap_err().len(), 1);
}

/// `Account::set_fields` holds the rules of `Workspace::update_fields_on`: ARR only through
/// its history, a renewal date moved from the past to the future starts the next cycle,
/// nothing changed on a refusal.
#[test]
fn an_accounts_fields_are_set_by_the_same_rules_as_the_workspace() {
    let today = d("2026-06-01");
    let mut ws = Workspace::default();
    let id = ws
        .add_account(
            fields("Acme", 10_000.0, Some("2025-05-01"), Some("2026-05-01")),
            today,
        )
        .unwrap();
    let a = ws.account_mut(id).unwrap();
    let before = a.clone();
    let mut more = a.fields.clone();
    more.arr = 12_000.0;
    let err = a.set_fields(more, None, today).unwrap_err();
    assert_eq!(err[0].path, "arr");
    assert_eq!(*a, before);
    let mut next = a.fields.clone();
    next.renewal_date = Some(d("2027-05-01"));
    assert_eq!(a.set_fields(next.clone(), None, today), Ok(true));
    let mut other = ws.clone();
    assert_eq!(other.update_fields_on(id, next, None, today), Ok(false));
}

/// Account names are compared case and spacing aside: the CSV import finds an account by
/// it, and the account form points out a name another account has.
#[test]
fn account_names_are_compared_case_and_spacing_aside() {
    use am_planner::domain::account::name_key;
    use am_planner::domain::{AccountFields, Currency, Workspace};
    assert_eq!(name_key("  Acme   Corp "), "acme corp");
    assert_eq!(name_key("ACME corp"), name_key("acme  Corp"));
    assert_ne!(name_key("Acme Corp"), name_key("AcmeCorp"));
    let mut ws = Workspace::empty(Currency::default());
    let fields = |name: &str| AccountFields {
        name: name.into(),
        arr: 1000.0,
        owner: "Kim".into(),
        ..AccountFields::default()
    };
    let a = ws
        .add_account(fields("Northwind Logistics"), common::today())
        .unwrap();
    assert_eq!(ws.account_named("northwind   LOGISTICS", None), Some(a));
    assert_eq!(
        ws.account_named("northwind logistics", Some(a)),
        None,
        "itself is not another"
    );
    assert_eq!(ws.account_named("  ", None), None);
    assert_eq!(ws.account_named("Northwind", None), None);
}
