//! Practice in files: the content files the Practice page fetches (`public/practice/`:
//! decks and question bank, documented in `docs/practice.md` with JSON Schemas beside
//! them) and the review state saved with the workspace (the optional top-level
//! `practice` field of the workspace file).

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::read_header;
use crate::domain::practice::content::{check_decks, check_questions};
use crate::domain::practice::{
    Card, CardState, Deck, DrillKind, DrillScore, Grade, Memory, MockAttempt, Practice, Question,
    QuestionKind, ReviewRecord,
};

pub const DECKS_FORMAT: &str = "am-planner-practice-decks";
pub const QUESTIONS_FORMAT: &str = "am-planner-practice-questions";
/// The content version this build reads.
pub const CONTENT_VERSION: u64 = 1;

// ------------------------------------------------------------------ content files

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecksFile {
    pub format: String,
    pub version: u32,
    #[serde(deserialize_with = "crate::format::read::list")]
    pub decks: Vec<DeckV1>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeckV1 {
    pub id: String,
    pub title: String,
    pub description: String,
    #[serde(deserialize_with = "crate::format::read::list")]
    pub cards: Vec<CardV1>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardV1 {
    pub id: String,
    pub front: String,
    pub back: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    pub format: String,
    pub version: u32,
    #[serde(deserialize_with = "crate::format::read::list")]
    pub questions: Vec<QuestionV1>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKindV1 {
    Functional,
    Behavioural,
    Culture,
    Scenario,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionV1 {
    pub id: String,
    pub kind: QuestionKindV1,
    pub text: String,
    #[serde(deserialize_with = "crate::format::read::list")]
    pub points: Vec<String>,
    #[serde(deserialize_with = "crate::format::read::list")]
    pub red_flags: Vec<String>,
    #[serde(deserialize_with = "crate::format::read::list")]
    pub structure: Vec<String>,
}

fn check_header<'a>(text: &'a str, format: &str) -> Result<super::read::Document<'a>, String> {
    let h = read_header(text).map_err(|e| e.to_string())?;
    let refused = if h.format.as_deref() != Some(format) {
        format!("not a \"{format}\" file")
    } else {
        match h.version {
            Ok(v) if v <= CONTENT_VERSION => return Ok(h.document),
            Ok(v) => format!(
                "version {v} is newer than this app reads ({CONTENT_VERSION}); reload the page"
            ),
            Err(found) => format!("\"version\" must be a whole number, found {found}"),
        }
    };
    h.document.check().map_err(|e| e.to_string())?;
    Err(refused)
}

/// Reads `decks.json`: shape, then content rules (no empty text, no duplicate ids).
pub fn read_decks(text: &str) -> Result<Vec<Deck>, String> {
    let value = check_header(text, DECKS_FORMAT)?;
    let file: DecksFile = value.deserialize().map_err(|e| e.to_string())?;
    let decks: Vec<Deck> = file
        .decks
        .into_iter()
        .map(|d| Deck {
            id: d.id,
            title: d.title,
            description: d.description,
            cards: d
                .cards
                .into_iter()
                .map(|c| Card {
                    id: c.id,
                    front: c.front,
                    back: c.back,
                })
                .collect(),
        })
        .collect();
    match check_decks(&decks).into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(decks),
    }
}

/// Reads `questions.json`: shape, then content rules (at least three points each, ...).
pub fn read_questions(text: &str) -> Result<Vec<Question>, String> {
    let value = check_header(text, QUESTIONS_FORMAT)?;
    let file: QuestionsFile = value.deserialize().map_err(|e| e.to_string())?;
    let questions: Vec<Question> = file
        .questions
        .into_iter()
        .map(|q| Question {
            id: q.id,
            kind: match q.kind {
                QuestionKindV1::Functional => QuestionKind::Functional,
                QuestionKindV1::Behavioural => QuestionKind::Behavioural,
                QuestionKindV1::Culture => QuestionKind::Culture,
                QuestionKindV1::Scenario => QuestionKind::Scenario,
            },
            text: q.text,
            points: q.points,
            red_flags: q.red_flags,
            structure: q.structure,
        })
        .collect();
    match check_questions(&questions).into_iter().next() {
        Some(problem) => Err(problem),
        None => Ok(questions),
    }
}

// ------------------------------------------------------------------ review state

/// The review state as it is written in the workspace file (`practice`). Every part is
/// optional; absent means nothing practised yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PracticeV1 {
    #[serde(default = "default_new_per_day")]
    pub new_per_day: u32,
    /// Each reviewed card's scheduler memory (one entry per `deck/card`).
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub cards: Vec<MemoryV1>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub reviews: Vec<ReviewV1>,
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub mocks: Vec<MockV1>,
    /// Right answers per drill kind (one entry per kind).
    #[serde(default, deserialize_with = "crate::format::read::list")]
    pub drills: Vec<DrillScoreV1>,
}

fn default_new_per_day() -> u32 {
    crate::domain::practice::DEFAULT_NEW_PER_DAY
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardStateV1 {
    New,
    Learning,
    Review,
    Relearning,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeV1 {
    Again,
    Hard,
    Good,
    Easy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DrillKindV1 {
    Health,
    Stakeholder,
    Renewal,
    Expansion,
    Qbr,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoryV1 {
    /// `deck-id/card-id`.
    pub card: String,
    /// Local date and time, `2026-11-30T09:15:00`.
    #[serde(deserialize_with = "crate::format::read::date_time")]
    pub due: NaiveDateTime,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: u32,
    pub lapses: u32,
    pub state: CardStateV1,
    #[serde(deserialize_with = "crate::format::read::date_time")]
    pub last_review: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewV1 {
    pub card: String,
    #[serde(deserialize_with = "crate::format::read::date_time")]
    pub at: NaiveDateTime,
    pub grade: GradeV1,
    pub state_before: CardStateV1,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MockV1 {
    #[serde(deserialize_with = "crate::format::read::date_time")]
    pub at: NaiveDateTime,
    pub questions: u32,
    #[serde(default)]
    pub skipped: u32,
    pub seconds: u32,
    pub points_hit: u32,
    pub points_total: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrillScoreV1 {
    pub kind: DrillKindV1,
    pub right: u32,
    pub tried: u32,
}

fn state_v1(s: CardState) -> CardStateV1 {
    match s {
        CardState::New => CardStateV1::New,
        CardState::Learning => CardStateV1::Learning,
        CardState::Review => CardStateV1::Review,
        CardState::Relearning => CardStateV1::Relearning,
    }
}

fn state_domain(s: CardStateV1) -> CardState {
    match s {
        CardStateV1::New => CardState::New,
        CardStateV1::Learning => CardState::Learning,
        CardStateV1::Review => CardState::Review,
        CardStateV1::Relearning => CardState::Relearning,
    }
}

fn grade_v1(g: Grade) -> GradeV1 {
    match g {
        Grade::Again => GradeV1::Again,
        Grade::Hard => GradeV1::Hard,
        Grade::Good => GradeV1::Good,
        Grade::Easy => GradeV1::Easy,
    }
}

fn grade_domain(g: GradeV1) -> Grade {
    match g {
        GradeV1::Again => Grade::Again,
        GradeV1::Hard => Grade::Hard,
        GradeV1::Good => Grade::Good,
        GradeV1::Easy => Grade::Easy,
    }
}

fn kind_v1(k: DrillKind) -> DrillKindV1 {
    match k {
        DrillKind::Health => DrillKindV1::Health,
        DrillKind::Stakeholder => DrillKindV1::Stakeholder,
        DrillKind::Renewal => DrillKindV1::Renewal,
        DrillKind::Expansion => DrillKindV1::Expansion,
        DrillKind::Qbr => DrillKindV1::Qbr,
    }
}

fn kind_domain(k: DrillKindV1) -> DrillKind {
    match k {
        DrillKindV1::Health => DrillKind::Health,
        DrillKindV1::Stakeholder => DrillKind::Stakeholder,
        DrillKindV1::Renewal => DrillKind::Renewal,
        DrillKindV1::Expansion => DrillKind::Expansion,
        DrillKindV1::Qbr => DrillKind::Qbr,
    }
}

impl From<&Practice> for PracticeV1 {
    fn from(p: &Practice) -> Self {
        PracticeV1 {
            new_per_day: p.new_per_day(),
            cards: p
                .memories()
                .iter()
                .map(|(k, m)| MemoryV1 {
                    card: k.clone(),
                    due: m.due,
                    stability: m.stability,
                    difficulty: m.difficulty,
                    elapsed_days: m.elapsed_days,
                    scheduled_days: m.scheduled_days,
                    reps: m.reps,
                    lapses: m.lapses,
                    state: state_v1(m.state),
                    last_review: m.last_review,
                })
                .collect(),
            reviews: p
                .reviews()
                .iter()
                .map(|r| ReviewV1 {
                    card: r.card.clone(),
                    at: r.at,
                    grade: grade_v1(r.grade),
                    state_before: state_v1(r.state_before),
                })
                .collect(),
            mocks: p
                .mocks()
                .iter()
                .map(|m| MockV1 {
                    at: m.at,
                    questions: m.questions,
                    skipped: m.skipped,
                    seconds: m.seconds,
                    points_hit: m.points_hit,
                    points_total: m.points_total,
                })
                .collect(),
            drills: p
                .drills()
                .iter()
                .map(|(k, s)| DrillScoreV1 {
                    kind: kind_v1(*k),
                    right: s.right,
                    tried: s.tried,
                })
                .collect(),
        }
    }
}

impl PracticeV1 {
    /// The domain state, every value checked. Paths are relative to `practice`.
    pub fn into_domain(self) -> Result<Practice, (String, String)> {
        let mut memories = BTreeMap::new();
        for (i, m) in self.cards.into_iter().enumerate() {
            let memory = Memory {
                due: m.due,
                stability: m.stability,
                difficulty: m.difficulty,
                elapsed_days: m.elapsed_days,
                scheduled_days: m.scheduled_days,
                reps: m.reps,
                lapses: m.lapses,
                state: state_domain(m.state),
                last_review: m.last_review,
            };
            if !m.card.contains('/') {
                return Err((
                    format!("cards[{i}].card"),
                    format!("\"{}\" is not a card key (deck-id/card-id)", m.card),
                ));
            }
            memory
                .check()
                .map_err(|e| (format!("cards[{i}]"), e.message))?;
            if memories.insert(m.card.clone(), memory).is_some() {
                return Err((
                    format!("cards[{i}].card"),
                    format!("{} is listed twice", m.card),
                ));
            }
        }
        let reviews = self
            .reviews
            .into_iter()
            .map(|r| ReviewRecord {
                card: r.card,
                at: r.at,
                grade: grade_domain(r.grade),
                state_before: state_domain(r.state_before),
            })
            .collect();
        let mocks = self
            .mocks
            .into_iter()
            .map(|m| MockAttempt {
                at: m.at,
                questions: m.questions,
                skipped: m.skipped,
                seconds: m.seconds,
                points_hit: m.points_hit,
                points_total: m.points_total,
            })
            .collect();
        let mut drills = BTreeMap::new();
        for (i, d) in self.drills.into_iter().enumerate() {
            let kind = kind_domain(d.kind);
            if d.right > d.tried {
                return Err((
                    format!("drills[{i}].right"),
                    "more right answers than drills tried".into(),
                ));
            }
            let score = DrillScore {
                right: d.right,
                tried: d.tried,
            };
            if drills.insert(kind, score).is_some() {
                return Err((
                    format!("drills[{i}].kind"),
                    format!("{} is listed twice", kind.key()),
                ));
            }
        }
        Practice::from_parts(self.new_per_day, memories, reviews, mocks, drills)
            .map_err(|e| (e.path, e.message))
    }
}
