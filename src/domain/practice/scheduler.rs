//! Spaced repetition with FSRS (the scheduler of modern flashcard apps), through the
//! `rs-fsrs` crate: desired retention 90%, the published default weights, short-term
//! learning steps on, no fuzz (so an interval shown on a button is the one applied).
//!
//! Times are the browser's local date and time, passed in as `now`; nothing here reads
//! the clock. The crate works in UTC instants: a local time is handed over as if it were
//! UTC, which keeps every difference in days exact.

use crate::domain::error::FieldError;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use rs_fsrs::{Card as FsrsCard, Parameters, Rating, Seed, State, FSRS};

/// The share of reviews FSRS aims to have remembered when a card comes due.
pub const DESIRED_RETENTION: f64 = 0.9;
/// The longest interval, in days (100 years: no practical cap).
pub const MAXIMUM_INTERVAL: i32 = 36_500;

/// The default FSRS weights published with the scheduler (the crate's own defaults; a
/// native test checks they are the same). Written out because the crate's `Default` for
/// its parameters reads the clock to seed its fuzz.
pub const DEFAULT_WEIGHTS: [f64; 19] = [
    0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813,
    0.0953, 0.2975, 2.2042, 0.2407, 2.9466, 0.5034, 0.6567,
];

/// How well the answer came back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Forgotten: the card starts over with short steps.
    Again,
    /// Recalled with real effort.
    Hard,
    /// Recalled.
    Good,
    /// Recalled at once.
    Easy,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];
    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }
    pub fn from_key(s: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.key() == s)
    }
    /// The keyboard shortcut: 1 to 4.
    pub fn number(self) -> u8 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }
    pub fn from_number(n: u8) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.number() == n)
    }
    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// Where a card stands in its learning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CardState {
    /// Never reviewed.
    New,
    /// Seen, still in its first short steps.
    Learning,
    /// Learned: comes back after days, weeks, months.
    Review,
    /// Forgotten after it was learned: back in short steps.
    Relearning,
}

impl CardState {
    pub const ALL: [CardState; 4] = [
        CardState::New,
        CardState::Learning,
        CardState::Review,
        CardState::Relearning,
    ];
    pub fn label(self) -> &'static str {
        match self {
            CardState::New => "New",
            CardState::Learning => "Learning",
            CardState::Review => "Review",
            CardState::Relearning => "Relearning",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            CardState::New => "new",
            CardState::Learning => "learning",
            CardState::Review => "review",
            CardState::Relearning => "relearning",
        }
    }
    pub fn from_key(s: &str) -> Option<CardState> {
        CardState::ALL.into_iter().find(|c| c.key() == s)
    }
    fn of(s: State) -> CardState {
        match s {
            State::New => CardState::New,
            State::Learning => CardState::Learning,
            State::Review => CardState::Review,
            State::Relearning => CardState::Relearning,
        }
    }
    fn fsrs(self) -> State {
        match self {
            CardState::New => State::New,
            CardState::Learning => State::Learning,
            CardState::Review => State::Review,
            CardState::Relearning => State::Relearning,
        }
    }
}

/// What the scheduler remembers about one card after at least one review.
#[derive(Debug, Clone, PartialEq)]
pub struct Memory {
    /// When the card is next due (local date and time).
    pub due: NaiveDateTime,
    /// Days until recall probability falls to 90%.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
    pub elapsed_days: i64,
    /// The interval given at the last review, in days (0 for a short step).
    pub scheduled_days: i64,
    pub reps: u32,
    pub lapses: u32,
    pub state: CardState,
    pub last_review: NaiveDateTime,
}

impl Memory {
    /// Problems with values read from a file (the scheduler needs them in range).
    pub fn check(&self) -> Result<(), FieldError> {
        if !(self.stability.is_finite() && self.stability > 0.0) {
            return Err(FieldError::new(
                "stability",
                format!("stability must be above 0, found {}", self.stability),
            ));
        }
        if !(self.difficulty.is_finite() && (1.0..=10.0).contains(&self.difficulty)) {
            return Err(FieldError::new(
                "difficulty",
                format!("difficulty must be from 1 to 10, found {}", self.difficulty),
            ));
        }
        if self.elapsed_days < 0 || self.scheduled_days < 0 {
            return Err(FieldError::new(
                if self.elapsed_days < 0 {
                    "elapsed_days"
                } else {
                    "scheduled_days"
                },
                "day counts cannot be negative",
            ));
        }
        if self.state == CardState::New {
            return Err(FieldError::new(
                "state",
                "a reviewed card cannot be in the new state",
            ));
        }
        if self.due < self.last_review {
            return Err(FieldError::new(
                "due",
                "the due time is before the last review",
            ));
        }
        Ok(())
    }

    pub fn is_due(&self, now: NaiveDateTime) -> bool {
        self.due <= now
    }
}

fn utc(t: NaiveDateTime) -> DateTime<Utc> {
    Utc.from_utc_datetime(&t)
}

fn scheduler() -> FSRS {
    FSRS::new(Parameters {
        request_retention: DESIRED_RETENTION,
        maximum_interval: MAXIMUM_INTERVAL,
        w: DEFAULT_WEIGHTS,
        decay: Parameters::DECAY,
        factor: Parameters::FACTOR,
        enable_short_term: true,
        enable_fuzz: false,
        // Replaced by the scheduler at every review; unused without fuzz.
        seed: Seed::String(String::new()),
    })
}

fn to_fsrs(m: Option<&Memory>) -> FsrsCard {
    match m {
        None => FsrsCard::default(),
        Some(m) => FsrsCard {
            due: utc(m.due),
            stability: m.stability,
            difficulty: m.difficulty,
            elapsed_days: m.elapsed_days,
            scheduled_days: m.scheduled_days,
            reps: m.reps as i32,
            lapses: m.lapses as i32,
            state: m.state.fsrs(),
            last_review: utc(m.last_review),
        },
    }
}

fn from_fsrs(c: &FsrsCard) -> Memory {
    Memory {
        due: c.due.naive_utc(),
        stability: c.stability,
        difficulty: c.difficulty,
        elapsed_days: c.elapsed_days,
        scheduled_days: c.scheduled_days,
        reps: c.reps.max(0) as u32,
        lapses: c.lapses.max(0) as u32,
        state: CardState::of(c.state),
        last_review: c.last_review.naive_utc(),
    }
}

/// The card after a review at `now` graded `grade`; `None` is a card never seen.
pub fn review(memory: Option<&Memory>, now: NaiveDateTime, grade: Grade) -> Memory {
    let info = scheduler().next(to_fsrs(memory), utc(now), grade.rating());
    from_fsrs(&info.card)
}

/// What each of the four grades would do, in [`Grade::ALL`] order (for the buttons).
pub fn preview(memory: Option<&Memory>, now: NaiveDateTime) -> [(Grade, Memory); 4] {
    Grade::ALL.map(|g| (g, review(memory, now, g)))
}

/// The wait from `now` to `due` as a button shows it: `1 min`, `10 min`, `5 h`, `1 day`,
/// `12 days`, `3 mo`, `1.5 yr`.
pub fn interval_label(now: NaiveDateTime, due: NaiveDateTime) -> String {
    let minutes = (due - now).num_minutes().max(0);
    let days = (due - now).num_days().max(0);
    if minutes < 60 {
        format!("{} min", minutes.max(1))
    } else if days < 1 {
        format!("{} h", minutes / 60)
    } else if days == 1 {
        "1 day".into()
    } else if days < 31 {
        format!("{days} days")
    } else if days < 365 {
        format!("{} mo", (days as f64 / 30.4).round() as i64)
    } else {
        let years = days as f64 / 365.25;
        let text = format!("{years:.1}");
        format!("{} yr", text.trim_end_matches(".0"))
    }
}

/// Chance of recalling the card at `now` (0 to 1); `None` for a card never seen.
pub fn retrievability(memory: Option<&Memory>, now: NaiveDateTime) -> Option<f64> {
    let m = memory?;
    Some(to_fsrs(Some(m)).get_retrievability(utc(now)))
}
