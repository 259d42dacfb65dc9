//! A review session: what is due, the daily cap on new cards, and a queue in which a card
//! still in its short steps (failed, or new and not yet learned) comes back before the
//! session ends.

use crate::domain::order;
use std::collections::VecDeque;

use chrono::NaiveDateTime;

use super::content::Deck;
use super::scheduler::{Grade, Memory};
use super::Practice;

/// How a deck stands at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeckCounts {
    /// Seen cards whose due time has come.
    pub due: usize,
    /// Never-seen cards that today's cap still lets in.
    pub new_today: usize,
    /// Never-seen cards in all.
    pub unseen: usize,
    pub total: usize,
}

impl DeckCounts {
    /// Cards a session on this deck would show now.
    pub fn to_study(&self) -> usize {
        self.due + self.new_today
    }
}

pub fn deck_counts(practice: &Practice, deck: &Deck, now: NaiveDateTime) -> DeckCounts {
    let mut c = DeckCounts {
        total: deck.cards.len(),
        ..DeckCounts::default()
    };
    for key in deck.keys() {
        match practice.memory(&key) {
            Some(m) if m.is_due(now) => c.due += 1,
            Some(_) => {}
            None => c.unseen += 1,
        }
    }
    c.new_today = c.unseen.min(practice.new_left_today(now.date()));
    c
}

/// When the first of the cards `keys` not due at `now` comes back (`None`: none seen yet).
pub fn next_due(practice: &Practice, keys: &[String], now: NaiveDateTime) -> Option<NaiveDateTime> {
    keys.iter()
        .filter_map(|key| practice.memory(key).map(|m| m.due))
        .filter(|due| *due > now)
        .min()
}

/// What to say when none of the cards `keys` is to study at `now`: whether new cards wait
/// for tomorrow's allowance (some never seen: today's new ones are done), and when the next
/// card comes back (at a time today, tomorrow, or on a day). Empty when neither holds (no
/// cards).
pub fn when_next_text(practice: &Practice, keys: &[String], now: NaiveDateTime) -> String {
    let today = now.date();
    let mut parts = Vec::new();
    if keys.iter().any(|k| practice.memory(k).is_none()) {
        parts.push("Today's new cards are done; more come tomorrow.".into());
    }
    if let Some(t) = next_due(practice, keys, now) {
        parts.push(if t.date() == today {
            format!(
                "The next card comes back at {} (in {}).",
                crate::domain::dates::time_of_day(t),
                super::scheduler::interval_label(now, t)
            )
        } else if t.date() == today + chrono::Duration::days(1) {
            format!(
                "The next card comes back tomorrow at {}.",
                crate::domain::dates::time_of_day(t)
            )
        } else {
            format!(
                "The next card comes back on {}.",
                crate::domain::dates::long(t.date())
            )
        });
    }
    parts.join(" ")
}

/// A session in progress. Not saved: a reload rebuilds it from what is due.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    queue: VecDeque<String>,
    /// Reviews done in this session.
    pub reviewed: usize,
    /// Of which graded Again.
    pub again: usize,
}

impl Session {
    /// Due cards first (most overdue first), then new cards in deck order up to the cap.
    pub fn start(practice: &Practice, decks: &[&Deck], now: NaiveDateTime) -> Session {
        let mut due: Vec<(NaiveDateTime, String)> = Vec::new();
        let mut new = Vec::new();
        for d in decks {
            for key in d.keys() {
                match practice.memory(&key) {
                    Some(m) if m.is_due(now) => due.push((m.due, key)),
                    Some(_) => {}
                    None => new.push(key),
                }
            }
        }
        order::sort(&mut due);
        new.truncate(practice.new_left_today(now.date()));
        Session {
            queue: due.into_iter().map(|(_, k)| k).chain(new).collect(),
            reviewed: 0,
            again: 0,
        }
    }

    /// The card to show, `None` when the session is over.
    pub fn current(&self) -> Option<&str> {
        self.queue.front().map(String::as_str)
    }

    pub fn remaining(&self) -> usize {
        self.queue.len()
    }

    /// Grades the current card: records it and moves on. A card left in a short step
    /// (due again within the day: interval 0) goes to the back of the queue.
    pub fn grade(
        &mut self,
        practice: &mut Practice,
        now: NaiveDateTime,
        grade: Grade,
    ) -> Option<Memory> {
        let key = self.queue.pop_front()?;
        let next = practice.record(&key, now, grade);
        self.reviewed += 1;
        if grade == Grade::Again {
            self.again += 1;
        }
        if next.scheduled_days == 0 {
            self.queue.push_back(key);
        }
        Some(next)
    }
}
