//! CSV import from a CRM export: the table reader (separators, BOM, quotes), the date and
//! money readers, the column guess, the plan of every row, applying and undoing it.

use am_planner::domain::account::timeline_of;
use am_planner::domain::dates::{guess_day_order, order_forced_by, read_date_in, DayOrder};
use am_planner::domain::import::{
    apply_import, guess_mapping, guess_order, guess_target, plan_import, read_employees,
    read_segment, undo_import, Change, Mapping, Target,
};
use am_planner::domain::money::read_money;
use am_planner::domain::renewal::RenewalStatus;
use am_planner::domain::{AccountFields, CompanySize, Currency, FieldError, Segment, Workspace};
use am_planner::format::table::{detect_separator, read_table, write_table, Separator, MAX_ROWS};
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

// ---------------------------------------------------------------------------------------
// Reading the table

#[test]
fn separators_are_found_from_the_header_line() {
    let cases: &[(&str, Separator)] = &[
        ("Name,ARR\nA,1\n", Separator::Comma),
        ("Name;ARR\nA;1,5\n", Separator::Semicolon),
        ("Name\tARR\nA\t1\n", Separator::Tab),
        // A comma inside a quoted header does not count.
        ("\"Name, legal\";ARR\nA;1\n", Separator::Semicolon),
        // One column: nothing to count, comma.
        ("Name\nA\n", Separator::Comma),
        // Commas in the rows below do not count.
        ("Name;ARR\n\"A, Inc\";1,234\n", Separator::Semicolon),
    ];
    for (text, want) in cases {
        assert_eq!(detect_separator(text), *want, "{text:?}");
        assert_eq!(read_table(text).unwrap().separator, *want, "{text:?}");
    }
}

#[test]
fn quoted_cells_hold_separators_quotes_and_line_breaks() {
    let text = "\u{feff}Account Name,Notes,ARR\r\n\"Acme, Inc.\",\"Said \"\"yes\"\"\nthen left\",\"1,200\"\r\nBeta,,5\r\n";
    let t = read_table(text).unwrap();
    assert_eq!(t.headers, vec!["Account Name", "Notes", "ARR"]);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(
        t.rows[0].cells,
        vec!["Acme, Inc.", "Said \"yes\"\nthen left", "1,200"]
    );
    assert_eq!(t.rows[0].number, 2);
    // The line break inside the quoted cell does not shift the numbering.
    assert_eq!(t.rows[1].number, 3);
    assert_eq!(t.rows[1].cells, vec!["Beta", "", "5"]);
}

#[test]
fn the_byte_order_mark_is_dropped_from_the_first_header() {
    let t = read_table("\u{feff}Name;ARR\nA;1\n").unwrap();
    assert_eq!(t.headers[0], "Name");
    assert_eq!(guess_target(&t.headers[0]), Target::Name);
}

#[test]
fn short_rows_are_padded_blank_rows_skipped_and_empty_headers_named() {
    let t = read_table("Name,,ARR\nA\n,,\nB,x,2\n").unwrap();
    assert_eq!(t.headers, vec!["Name", "Column 2", "ARR"]);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0].cells, vec!["A", "", ""]);
    assert_eq!(t.rows[1].number, 4);
}

#[test]
fn refusals_say_what_is_wrong_and_what_to_do() {
    let cases: &[(&str, &str)] = &[
        ("", "This file is empty"),
        ("  \n ", "This file is empty"),
        ("{\"format\":\"am-planner-workspace\"}", "This file holds JSON, not a table: import it as a workspace file"),
        ("\u{feff}[1,2]", "This file holds JSON"),
        ("Name,ARR\n", "no rows under it"),
        ("Name,ARR\nA,1,2\n", "Row 2 has 3 cells but the first row names 2 columns. A value holding a comma must be in double quotes"),
        ("Name;ARR\nA;1\nB;2;3;4\n", "Row 3 has 4 cells but the first row names 2 columns. A value holding a semicolon"),
    ];
    for (text, want) in cases {
        let e = read_table(text).unwrap_err();
        assert!(e.contains(want), "{text:?}: {e}");
    }
}

#[test]
fn more_rows_than_a_workspace_holds_are_refused() {
    let mut text = String::from("Name\n");
    for i in 0..=MAX_ROWS {
        text.push_str(&format!("A{i}\n"));
    }
    let e = read_table(&text).unwrap_err();
    assert!(e.contains("more than 5,000 rows"), "{e}");
    text.truncate(text.rfind("A5000").unwrap());
    assert_eq!(read_table(&text).unwrap().rows.len(), MAX_ROWS);
}

#[test]
fn a_written_table_reads_back_the_same() {
    let headers = vec!["Name".to_string(), "Error".to_string()];
    let rows = vec![
        vec![
            "Acme, Inc.".to_string(),
            "Said \"no\"\nthen yes".to_string(),
        ],
        vec!["Beta".to_string(), String::new()],
    ];
    let text = write_table(&headers, &rows);
    assert!(text.contains("\"Acme, Inc.\""));
    let t = read_table(&text).unwrap();
    assert_eq!(t.headers, headers);
    assert_eq!(t.rows[0].cells, rows[0]);
    assert_eq!(t.rows[1].cells, rows[1]);
}

// ---------------------------------------------------------------------------------------
// Dates: every accepted shape, the order chosen once per file, the refusals

#[test]
fn dates_in_every_accepted_shape() {
    use DayOrder::*;
    let cases: &[(&str, DayOrder, &str)] = &[
        ("2027-03-01", MonthFirst, "2027-03-01"),
        ("2027-03-01", DayFirst, "2027-03-01"),
        ("03/01/2027", MonthFirst, "2027-03-01"),
        ("03/01/2027", DayFirst, "2027-01-03"),
        ("3/1/2027", MonthFirst, "2027-03-01"),
        ("01.03.2027", DayFirst, "2027-03-01"),
        ("1.3.2027", DayFirst, "2027-03-01"),
        ("01.03.2027", MonthFirst, "2027-01-03"),
        ("01-03-2027", DayFirst, "2027-03-01"),
        (" 29/02/2028 ", DayFirst, "2028-02-29"),
        ("12/31/2026", MonthFirst, "2026-12-31"),
    ];
    for (text, order, want) in cases {
        assert_eq!(read_date_in(text, *order), Ok(d(want)), "{text} {order:?}");
    }
}

#[test]
fn dates_refused_with_their_message() {
    use DayOrder::*;
    let cases: &[(&str, DayOrder, &str)] = &[
        ("31/12/2026", MonthFirst, "\"31/12/2026\" has no month 31: the dates of this file are read month first. If it writes the day first, change the date order."),
        ("12/31/2026", DayFirst, "\"12/31/2026\" has no month 31: the dates of this file are read day first. If it writes the month first"),
        ("29.02.2027", DayFirst, "\"29.02.2027\" is not a date: February 2027 has 28 days."),
        ("2027-02-30", DayFirst, "\"2027-02-30\" is not a date: February 2027 has 28 days."),
        ("03/01/27", MonthFirst, "\"03/01/27\" is not a date; write it as YYYY-MM-DD (2027-03-01) or month first, MM/DD/YYYY (03/01/2027)."),
        ("next March", DayFirst, "write it as YYYY-MM-DD (2027-03-01) or day first, DD.MM.YYYY or DD/MM/YYYY"),
        ("03/01.2027", MonthFirst, "is not a date"),
        ("01/01/1899", MonthFirst, "\"01/01/1899\" is out of range; the planner takes dates from 1900-01-01 to 2200-12-31."),
        ("13/13/2027", DayFirst, "there is no month 13"),
    ];
    for (text, order, want) in cases {
        let e = read_date_in(text, *order).unwrap_err().message;
        assert!(e.starts_with(want) || e.contains(want), "{text}: {e}");
    }
}

#[test]
fn the_day_order_is_guessed_when_the_file_shows_it() {
    use DayOrder::*;
    assert_eq!(order_forced_by("25/03/2027"), Some(DayFirst));
    assert_eq!(order_forced_by("03/25/2027"), Some(MonthFirst));
    assert_eq!(order_forced_by("03/04/2027"), None);
    assert_eq!(order_forced_by("2027-03-25"), None);
    let cases: &[(&[&str], Option<DayOrder>)] = &[
        (&["03/04/2027", "25/03/2027"], Some(DayFirst)),
        (&["03/04/2027", "03/25/2027", ""], Some(MonthFirst)),
        (&["25/03/2027", "03/25/2027"], None),
        // Nothing forces an order: dots read day first, slashes month first.
        (&["01.03.2027", "02.03.2027"], Some(DayFirst)),
        (&["01/03/2027"], Some(MonthFirst)),
        (&["2027-01-03", "not a date"], None),
        (&[], None),
    ];
    for (cells, want) in cases {
        assert_eq!(guess_day_order(cells.iter().copied()), *want, "{cells:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Money

#[test]
fn amounts_with_symbols_and_separators() {
    let cases: &[(&str, f64)] = &[
        ("1234", 1234.0),
        ("1234.5", 1234.5),
        ("$1,234.50", 1234.5),
        ("1.234,50 €", 1234.5),
        ("€1.234,50", 1234.5),
        ("EUR 1 234,50", 1234.5),
        ("1 234 567", 1234567.0),
        ("1'234.50", 1234.5),
        ("USD 120,000", 120000.0),
        ("120000 USD", 120000.0),
        ("US$ 98,500.00", 98500.0),
        ("£250,000", 250000.0),
        ("1,234,567.89", 1234567.89),
        ("1.234.567,89", 1234567.89),
        // One mark and three digits after it: thousands.
        ("1,234", 1234.0),
        ("1.234", 1234.0),
        // One mark and not three digits: decimal.
        ("1,5", 1.5),
        ("12.25", 12.25),
        ("0,500", 0.5),
        ("1,2345", 1.2345),
        ("CHF 980000", 980000.0),
        ("-5", -5.0),
    ];
    for (text, want) in cases {
        assert_eq!(read_money(text), Ok(*want), "{text}");
    }
}

#[test]
fn amounts_refused_with_their_message() {
    for text in [
        "",
        "abc",
        "12k",
        "1,23,456",
        "1.234.5",
        "1,234.567,8",
        "1..2",
        "$",
        "1e6",
        ".5",
        "12 apples",
        "1,234.5.6",
    ] {
        let e = read_money(text).unwrap_err().message;
        assert!(
            e.ends_with("is not an amount: write digits, e.g. 1234.50, $1,234.50 or 1.234,50 €."),
            "{text}: {e}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Columns

#[test]
fn columns_are_guessed_from_salesforce_and_hubspot_headers() {
    let cases: &[(&str, Target)] = &[
        ("Account Name", Target::Name),
        ("Company name", Target::Name),
        ("Account ID", Target::CrmId),
        ("Record ID", Target::CrmId),
        ("ARR", Target::Arr),
        ("Annual Revenue", Target::Arr),
        ("Amount", Target::Arr),
        ("Renewal Date", Target::RenewalDate),
        ("Contract End Date", Target::RenewalDate),
        ("contract_start_date", Target::ContractStart),
        ("Account Owner", Target::Owner),
        ("Company owner", Target::Owner),
        ("Industry", Target::Industry),
        ("Segment", Target::Segment),
        ("Employees", Target::Employees),
        ("Number of Employees", Target::Employees),
        ("Products", Target::Products),
        ("Billing City", Target::Ignore),
        ("Phone", Target::Ignore),
    ];
    for (h, want) in cases {
        assert_eq!(guess_target(h), *want, "{h}");
    }
    let headers: Vec<String> = ["Name", "Company", "ARR", "Amount"]
        .map(String::from)
        .to_vec();
    // A field goes to the first column naming it.
    assert_eq!(
        guess_mapping(&headers),
        vec![Target::Name, Target::Ignore, Target::Arr, Target::Ignore]
    );
}

#[test]
fn a_mapping_needs_a_name_column_and_one_column_per_field() {
    let headers: Vec<String> = ["A", "B"].map(String::from).to_vec();
    let m = |c: [Target; 2]| Mapping {
        columns: c.to_vec(),
        order: DayOrder::MonthFirst,
    };
    assert_eq!(
        m([Target::Arr, Target::Owner]).check(&headers),
        Err(FieldError::bare(
            "Choose the column that holds the account name."
        ))
    );
    assert_eq!(
        m([Target::Name, Target::Name]).check(&headers),
        Err(FieldError::bare(
            "Account name is chosen for 2 columns (A, B): keep it on one."
        ))
    );
    assert_eq!(m([Target::Name, Target::Ignore]).check(&headers), Ok(()));
}

#[test]
fn segments_and_company_sizes() {
    assert_eq!(read_segment("Enterprise"), Ok(Segment::Enterprise));
    assert_eq!(read_segment("mid-market"), Ok(Segment::MidMarket));
    assert_eq!(read_segment("Mid Market"), Ok(Segment::MidMarket));
    assert_eq!(read_segment("SMB"), Ok(Segment::Smb));
    assert_eq!(
        read_segment("Strategic"),
        Err(FieldError::bare("\"Strategic\" is not a segment: use Enterprise, Mid-market or SMB, or leave the cell empty."))
    );
    let sizes: &[(&str, CompanySize)] = &[
        ("12", CompanySize::Micro),
        ("50", CompanySize::Micro),
        ("51", CompanySize::Small),
        ("1,000", CompanySize::Medium),
        ("1001", CompanySize::Large),
        ("5000", CompanySize::Large),
        ("5001", CompanySize::Enterprise),
        ("201-1000", CompanySize::Medium),
        ("5000+ employees", CompanySize::Enterprise),
    ];
    for (t, want) in sizes {
        assert_eq!(read_employees(t), Ok(*want), "{t}");
    }
    assert!(read_employees("lots")
        .unwrap_err()
        .message
        .contains("is not a number of employees"));
    assert!(read_employees("12.5").is_err());
}

// ---------------------------------------------------------------------------------------
// Planning the rows

const TODAY: &str = "2026-11-30";

fn table_rows(text: &str) -> (Vec<String>, Vec<(usize, Vec<String>)>) {
    let t = read_table(text).unwrap();
    let rows = t.rows.into_iter().map(|r| (r.number, r.cells)).collect();
    (t.headers, rows)
}

/// The order offered and what it rests on: a date that reads one way only, the separator's
/// usual order when every date reads both ways, dates that disagree, or nothing.
#[test]
fn the_order_offered_says_what_it_rests_on() {
    use am_planner::domain::import::OrderEvidence::*;
    let columns = [Target::Name, Target::RenewalDate];
    let rows = |dates: &[&str]| -> Vec<Vec<String>> {
        dates
            .iter()
            .map(|d| vec!["Acme".to_string(), d.to_string()])
            .collect()
    };
    let cases: &[(&[&str], DayOrder, am_planner::domain::import::OrderEvidence)] = &[
        (&["03/01/2027", "25/06/2027"], DayOrder::DayFirst, Shown),
        (&["03/01/2027", "06/25/2027"], DayOrder::MonthFirst, Shown),
        (
            &["03/01/2027", "11/12/2027"],
            DayOrder::MonthFirst,
            Separator,
        ),
        (&["03.01.2027"], DayOrder::DayFirst, Separator),
        (&["25/06/2027", "06/25/2027"], DayOrder::MonthFirst, Mixed),
        (&["", "2027-01-03"], DayOrder::MonthFirst, Nothing),
    ];
    for (dates, order, evidence) in cases {
        let rs = rows(dates);
        assert_eq!(
            guess_order(&columns, rs.iter().map(Vec::as_slice)),
            (*order, *evidence),
            "{dates:?}"
        );
    }
    assert!(Separator
        .hint()
        .contains("slashes usually mean month first"));
}

fn mapping_for(headers: &[String], rows: &[(usize, Vec<String>)]) -> Mapping {
    let columns = guess_mapping(headers);
    let (order, _) = guess_order(&columns, rows.iter().map(|r| r.1.as_slice()));
    Mapping { columns, order }
}

fn workspace_with(names: &[(&str, Option<&str>)]) -> Workspace {
    let mut ws = Workspace::empty(Currency::default());
    for (n, crm) in names {
        let id = ws
            .add_account(
                AccountFields {
                    name: n.to_string(),
                    arr: 1000.0,
                    owner: "Kim".into(),
                    ..Default::default()
                },
                d(TODAY),
            )
            .unwrap();
        ws.account_mut(id).unwrap().crm_id = crm.map(String::from);
    }
    ws
}

#[test]
fn a_salesforce_export_plans_new_accounts_updates_and_errors_at_the_cell() {
    let text = "Account ID,Account Name,Annual Revenue,Contract End Date,Account Owner,Segment,Employees,Products\n\
        001A,Acme,\"$120,000.00\",03/01/2027,Dana,Enterprise,1200,Core; Analytics\n\
        001B,Beta Ltd,\"$45,000\",12/15/2026,Dana,SMB,40,Core\n\
        001C,Gamma,12k,02/30/2027,Lee,Strategic,,\n\
        ,Known Co,\"$9,000\",,,,,\n\
        001A,Acme again,1,,,,,\n\
        ,,5,,,,,\n";
    let (headers, rows) = table_rows(text);
    let m = mapping_for(&headers, &rows);
    assert_eq!(m.order, DayOrder::MonthFirst);
    let ws = workspace_with(&[("Known Co", None)]);
    let plan = plan_import(&ws, &rows, &m);
    assert_eq!(
        (plan.added(), plan.updated(), plan.error_count()),
        (2, 1, 3)
    );

    let acme = plan.rows[0].outcome.as_ref().unwrap();
    assert_eq!(acme.change, Change::Add);
    assert_eq!(acme.crm_id.as_deref(), Some("001A"));
    assert_eq!(acme.fields.arr, 120000.0);
    assert_eq!(acme.fields.renewal_date, Some(d("2027-03-01")));
    assert_eq!(acme.fields.segment, Some(Segment::Enterprise));
    assert_eq!(acme.fields.size, Some(CompanySize::Large));
    assert_eq!(acme.fields.products, vec!["Core", "Analytics"]);
    assert_eq!(acme.fields.owner, "Dana");

    // Every bad cell of the row is reported, at its column.
    let gamma = plan.rows[2].outcome.as_ref().unwrap_err();
    let at: Vec<(usize, &str)> = gamma
        .iter()
        .map(|e| (e.column, e.message.as_str()))
        .collect();
    assert_eq!(at.len(), 3, "{at:?}");
    assert_eq!(at[0].0, 2);
    assert!(at[0].1.starts_with("\"12k\" is not an amount"));
    assert_eq!(
        at[1],
        (
            3,
            "\"02/30/2027\" is not a date: February 2027 has 28 days."
        )
    );
    assert_eq!(at[2].0, 5);

    // Matched by name, kept its other fields (empty cells change nothing).
    let known = plan.rows[3].outcome.as_ref().unwrap();
    assert!(matches!(
        known.change,
        Change::Update {
            by_crm_id: false,
            ..
        }
    ));
    assert_eq!(known.fields.arr, 9000.0);
    assert_eq!(known.fields.owner, "Kim");

    // The same CRM id twice: the later row is refused.
    let again = plan.rows[4].outcome.as_ref().unwrap_err();
    assert_eq!(again[0].column, 0);
    assert_eq!(
        again[0].message,
        "Row 2 already imports this account: keep one of the two rows."
    );
    let empty_name = plan.rows[5].outcome.as_ref().unwrap_err();
    assert_eq!(
        (empty_name[0].column, empty_name[0].message.as_str()),
        (1, "The account name is empty.")
    );
}

#[test]
fn a_hubspot_style_export_with_semicolons_and_day_first_dates() {
    let text = "\u{feff}Record ID;Company name;ARR;Renewal date;Company owner\n\
        9001;Delta GmbH;1.234,50 €;25.03.2027;Jo\n\
        9002;Epsilon AG;98.000 €;01.04.2027;Jo\n";
    let (headers, rows) = table_rows(text);
    let m = mapping_for(&headers, &rows);
    assert_eq!(m.order, DayOrder::DayFirst);
    let plan = plan_import(&Workspace::default(), &rows, &m);
    assert_eq!(plan.error_count(), 0);
    let r: Vec<_> = plan.ready().collect();
    assert_eq!(r[0].fields.arr, 1234.5);
    assert_eq!(r[1].fields.arr, 98000.0);
    assert_eq!(r[1].fields.renewal_date, Some(d("2027-04-01")));
}

#[test]
fn matching_by_crm_id_wins_over_the_name_and_clashes_are_refused() {
    let ws = workspace_with(&[
        ("Acme", Some("001A")),
        ("Twin", None),
        ("Twin", None),
        ("Solo", Some("X1")),
    ]);
    let text = "Id,Name,ARR\n001A,Acme Renamed,5\n,Twin,1\nX2,Solo,3\n,New One,7\n";
    let (headers, rows) = table_rows(text);
    let m = mapping_for(&headers, &rows);
    let plan = plan_import(&ws, &rows, &m);
    let renamed = plan.rows[0].outcome.as_ref().unwrap();
    assert!(matches!(
        renamed.change,
        Change::Update {
            by_crm_id: true,
            ..
        }
    ));
    assert_eq!(renamed.fields.name, "Acme Renamed");
    let twin = plan.rows[1].outcome.as_ref().unwrap_err();
    assert_eq!(twin[0].message, "2 accounts here are named Twin: add a CRM id column to tell them apart, or rename one first.");
    let solo = plan.rows[2].outcome.as_ref().unwrap_err();
    assert_eq!(solo[0].column, 0);
    assert!(solo[0]
        .message
        .contains("already here with CRM id X1, not X2"));
    assert_eq!(plan.rows[3].outcome.as_ref().unwrap().change, Change::Add);
}

#[test]
fn a_renewal_before_the_contract_start_is_refused_at_the_renewal_cell() {
    let (headers, rows) = table_rows("Name,Start Date,Renewal Date\nA,2027-05-01,2027-03-01\n");
    let m = mapping_for(&headers, &rows);
    let plan = plan_import(&Workspace::default(), &rows, &m);
    let e = plan.rows[0].outcome.as_ref().unwrap_err();
    assert_eq!(e[0].column, 2);
    assert!(
        e[0].message.contains("is before the contract start"),
        "{}",
        e[0].message
    );
}

#[test]
fn applying_changes_only_good_rows_and_one_undo_takes_it_all_back() {
    let mut ws = workspace_with(&[("Known Co", None)]);
    let before = ws.clone();
    let (headers, rows) =
        table_rows("Id,Name,ARR\nA1,New Co,\"1,000\"\n,Known Co,2000\nA3,Bad,lots\n");
    let m = mapping_for(&headers, &rows);
    let plan = plan_import(&ws, &rows, &m);
    // Planning changes nothing.
    assert_eq!(ws, before);
    let applied = apply_import(&mut ws, &plan, false, d(TODAY));
    assert_eq!(applied.added.len(), 1);
    assert_eq!(applied.replaced.len(), 1);
    assert_eq!(ws.accounts().len(), 2);
    let new = ws
        .accounts()
        .iter()
        .find(|a| a.fields.name == "New Co")
        .unwrap();
    assert_eq!(new.crm_id.as_deref(), Some("A1"));
    assert_eq!(ws.accounts()[0].fields.arr, 2000.0);
    undo_import(&mut ws, applied);
    assert_eq!(ws.accounts(), before.accounts());
}

#[test]
fn imported_mid_cycle_the_earlier_steps_can_be_marked_done_before() {
    let today = d(TODAY);
    // Renews in 45 days, ARR under 100,000: T-90 and T-60 are before today.
    let (headers, rows) =
        table_rows("Name,ARR,Renewal Date\nNear,50000,2027-01-14\nFar,50000,2027-11-01\n");
    let m = mapping_for(&headers, &rows);
    let mut ws = Workspace::default();
    let plan = plan_import(&ws, &rows, &m);
    assert_eq!(plan.mid_cycle_count(&ws, today), 1);

    let mut without = ws.clone();
    apply_import(&mut without, &plan, false, today);
    let near = timeline_of(&without.accounts()[0]).unwrap();
    assert_eq!(near.status(today), RenewalStatus::Late);

    let applied = apply_import(&mut ws, &plan, true, today);
    assert_eq!(applied.marked, 1);
    let near = timeline_of(&ws.accounts()[0]).unwrap();
    assert_eq!(near.status(today), RenewalStatus::OnTrack);
    // Each earlier step is done on its own due date, before today; later ones stay open.
    for t in near.tasks() {
        if t.due < today {
            assert_eq!(t.done_on, Some(t.due));
        } else {
            assert_eq!(t.done_on, None);
        }
    }
    let far = timeline_of(&ws.accounts()[1]).unwrap();
    assert!(far.tasks().all(|t| t.done_on.is_none()));
}
