//! Sorting the people table. Ties always fall back to name, then id, so the order is
//! stable whatever the column.

use crate::domain::order;
use std::cmp::Ordering;

use chrono::NaiveDate;

use super::{by_name, Stakeholder, StakeholderId};

/// A sortable column of the people table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortColumn {
    Name,
    Title,
    BusinessUnit,
    /// In [`super::Quadrant::ALL`] order: Mobilize, Protect & Grow, Monitor, Leverage.
    Quadrant,
    /// By the first role in [`super::Role::ALL`] order; people with no role last.
    Roles,
    Influence,
    Sentiment,
    Owner,
    /// Days since last contact, fewest first; never contacted counts as the stalest.
    Freshness,
    /// Overdue people first (ascending), then the longest without contact first.
    Overdue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortOrder {
    #[default]
    Ascending,
    Descending,
}

/// The ids of `people` sorted by a column. Descending reverses the column's order; the
/// name tie-break stays ascending.
pub fn sort_people(
    people: &[Stakeholder],
    column: SortColumn,
    order: SortOrder,
    today: NaiveDate,
) -> Vec<StakeholderId> {
    let mut v: Vec<&Stakeholder> = people.iter().collect();
    order::sort_by(&mut v, |a, b| {
        let primary = compare(a, b, column, today);
        let primary = match order {
            SortOrder::Ascending => primary,
            SortOrder::Descending => primary.reverse(),
        };
        primary.then_with(|| by_name(a, b))
    });
    v.into_iter().map(|p| p.id).collect()
}

fn text_key(s: &str) -> String {
    s.trim().to_lowercase()
}

fn compare(a: &Stakeholder, b: &Stakeholder, column: SortColumn, today: NaiveDate) -> Ordering {
    let (fa, fb) = (&a.fields, &b.fields);
    // Never contacted sorts after any number of days.
    let fresh = |p: &Stakeholder| p.days_since_contact(today).unwrap_or(i64::MAX);
    match column {
        SortColumn::Name => Ordering::Equal,
        SortColumn::Title => text_key(&fa.title).cmp(&text_key(&fb.title)),
        SortColumn::BusinessUnit => text_key(&fa.business_unit).cmp(&text_key(&fb.business_unit)),
        SortColumn::Quadrant => {
            let pos = |p: &Stakeholder| {
                super::Quadrant::ALL
                    .iter()
                    .position(|q| *q == p.quadrant())
                    .unwrap_or(0)
            };
            pos(a).cmp(&pos(b))
        }
        SortColumn::Roles => {
            let first = |p: &Stakeholder| p.fields.roles.iter().next().copied();
            match (first(a), first(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        SortColumn::Influence => fa.influence.cmp(&fb.influence),
        SortColumn::Sentiment => fa.sentiment.cmp(&fb.sentiment),
        SortColumn::Owner => text_key(&fa.owner).cmp(&text_key(&fb.owner)),
        SortColumn::Freshness => fresh(a).cmp(&fresh(b)),
        SortColumn::Overdue => b
            .is_overdue(today)
            .cmp(&a.is_overdue(today))
            .then(fresh(b).cmp(&fresh(a))),
    }
}
