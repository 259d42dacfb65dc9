//! The reports-to org chart: a forest built from `reports_to`, flattened in display order.
//!
//! People with no manager, or whose manager is not in the list, are at the top. Children
//! are ordered by name. A map never holds a loop (the map refuses one), but this works on
//! any list of people: each loop found is reported, and the member first by name is shown
//! at the top (with a note) so everyone appears exactly once and nothing loops.

use crate::domain::order;
use std::collections::{HashMap, HashSet};

use super::{by_name, Stakeholder, StakeholderId};

/// Why a row sits at the top although the person has a manager set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrgNote {
    /// `reports_to` names someone who is not on the map.
    ManagerMissing { manager: StakeholderId },
    /// The person is part of a reports-to loop; the link to `manager` was cut to draw it.
    InCycle { manager: StakeholderId },
}

/// One line of the chart, in display (depth-first) order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgRow {
    pub id: StakeholderId,
    /// 0 at the top.
    pub depth: usize,
    /// The person above in the drawn tree (None at the top).
    pub parent: Option<StakeholderId>,
    pub note: Option<OrgNote>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OrgChart {
    /// Everyone, once each, parents before their children.
    pub rows: Vec<OrgRow>,
    /// Every loop found, each starting at the member shown at the top and following
    /// `reports_to`.
    pub cycles: Vec<Vec<StakeholderId>>,
}

impl OrgChart {
    /// The top-level rows (people drawn with no one above them).
    pub fn roots(&self) -> Vec<StakeholderId> {
        self.rows
            .iter()
            .filter(|r| r.depth == 0)
            .map(|r| r.id)
            .collect()
    }
    pub fn row(&self, id: StakeholderId) -> Option<&OrgRow> {
        self.rows.iter().find(|r| r.id == id)
    }
}

/// Builds the chart of a list of people (see the module notes).
pub fn org_chart(people: &[Stakeholder]) -> OrgChart {
    let by_id: HashMap<StakeholderId, &Stakeholder> = people.iter().map(|p| (p.id, p)).collect();
    let mut children: HashMap<StakeholderId, Vec<&Stakeholder>> = HashMap::new();
    for p in people {
        if let Some(m) = p.fields.reports_to {
            if by_id.contains_key(&m) {
                children.entry(m).or_default().push(p);
            }
        }
    }
    for list in children.values_mut() {
        order::sort_by(list, |a, b| by_name(a, b));
    }

    let mut sorted: Vec<&Stakeholder> = people.iter().collect();
    order::sort_by(&mut sorted, |a, b| by_name(a, b));

    let mut chart = OrgChart::default();
    let mut visited: HashSet<StakeholderId> = HashSet::new();

    for p in &sorted {
        let note = match p.fields.reports_to {
            None => None,
            Some(m) if !by_id.contains_key(&m) => Some(OrgNote::ManagerMissing { manager: m }),
            Some(_) => continue,
        };
        walk(p.id, note, &children, &mut visited, &mut chart.rows);
    }

    // Whoever is left sits in a loop or under one.
    while let Some(start) = sorted.iter().find(|p| !visited.contains(&p.id)) {
        // Follow managers until one repeats; everything on the way is unvisited.
        let mut path: Vec<StakeholderId> = vec![start.id];
        let mut cur = start.id;
        let cycle_start = loop {
            let m = by_id[&cur]
                .fields
                .reports_to
                .expect("an unvisited person has a manager on the map");
            if let Some(pos) = path.iter().position(|x| *x == m) {
                break pos;
            }
            path.push(m);
            cur = m;
        };
        let members: Vec<StakeholderId> = path[cycle_start..].to_vec();
        let top = *members
            .iter()
            .min_by(|a, b| by_name(by_id[a], by_id[b]))
            .expect("a loop has members");
        let mut cycle = vec![top];
        let mut c = by_id[&top].fields.reports_to.expect("in a loop");
        while c != top {
            cycle.push(c);
            c = by_id[&c].fields.reports_to.expect("in a loop");
        }
        let manager = by_id[&top].fields.reports_to.expect("in a loop");
        chart.cycles.push(cycle);
        walk(
            top,
            Some(OrgNote::InCycle { manager }),
            &children,
            &mut visited,
            &mut chart.rows,
        );
    }
    chart
}

/// Depth-first from `root`, skipping anyone already drawn.
fn walk(
    root: StakeholderId,
    note: Option<OrgNote>,
    children: &HashMap<StakeholderId, Vec<&Stakeholder>>,
    visited: &mut HashSet<StakeholderId>,
    rows: &mut Vec<OrgRow>,
) {
    if !visited.insert(root) {
        return;
    }
    let mut stack: Vec<(StakeholderId, usize, Option<StakeholderId>, Option<OrgNote>)> =
        vec![(root, 0, None, note)];
    while let Some((id, depth, parent, note)) = stack.pop() {
        rows.push(OrgRow {
            id,
            depth,
            parent,
            note,
        });
        if let Some(kids) = children.get(&id) {
            for k in kids.iter().rev() {
                if visited.insert(k.id) {
                    stack.push((k.id, depth + 1, Some(id), None));
                }
            }
        }
    }
}
