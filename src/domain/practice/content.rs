//! The practice content: decks of cards and the interview question bank. They are read
//! from JSON files at run time (see `docs/practice.md`); these are the checked shapes.

/// One flashcard. `id` is unique within its deck and never changes once published: review
/// history is kept under `deck/id`.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub id: String,
    pub front: String,
    pub back: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    pub id: String,
    pub title: String,
    pub description: String,
    pub cards: Vec<Card>,
}

impl Deck {
    /// The key review history is kept under: `vocabulary/renewal`.
    pub fn card_key(&self, card: &Card) -> String {
        card_key(&self.id, &card.id)
    }
    pub fn keys(&self) -> impl Iterator<Item = String> + '_ {
        self.cards.iter().map(|c| self.card_key(c))
    }
}

pub fn card_key(deck: &str, card: &str) -> String {
    format!("{deck}/{card}")
}

/// What an interviewer is probing with a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum QuestionKind {
    /// Know-how of the job: plans, health, renewals, growth.
    Functional,
    /// "Tell me about a time": what you did before.
    Behavioural,
    /// How you work, what drives you.
    Culture,
    /// A live account situation to reason through.
    Scenario,
}

impl QuestionKind {
    pub const ALL: [QuestionKind; 4] = [
        QuestionKind::Functional,
        QuestionKind::Behavioural,
        QuestionKind::Culture,
        QuestionKind::Scenario,
    ];
    pub fn key(self) -> &'static str {
        match self {
            QuestionKind::Functional => "functional",
            QuestionKind::Behavioural => "behavioural",
            QuestionKind::Culture => "culture",
            QuestionKind::Scenario => "scenario",
        }
    }
    pub fn from_key(s: &str) -> Option<QuestionKind> {
        QuestionKind::ALL.into_iter().find(|k| k.key() == s)
    }
    pub fn label(self) -> &'static str {
        match self {
            QuestionKind::Functional => "Functional",
            QuestionKind::Behavioural => "Behavioural",
            QuestionKind::Culture => "Culture fit",
            QuestionKind::Scenario => "Account scenario",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: String,
    /// What a strong answer covers (at least three).
    pub points: Vec<String>,
    /// Answers that lose the interview.
    pub red_flags: Vec<String>,
    /// A model structure, one step a line (situation, action, measurable result, ...).
    pub structure: Vec<String>,
}

/// The least a question must carry.
pub const MIN_POINTS: usize = 3;

/// Every problem with a deck list: empty text, duplicate ids. Empty means fine.
pub fn check_decks(decks: &[Deck]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut deck_ids = std::collections::HashSet::new();
    for d in decks {
        if d.id.trim().is_empty() || d.title.trim().is_empty() {
            problems.push(format!("deck \"{}\": id and title must not be empty", d.id));
        }
        if !deck_ids.insert(d.id.as_str()) {
            problems.push(format!("deck \"{}\" is listed twice", d.id));
        }
        if d.cards.is_empty() {
            problems.push(format!("deck \"{}\" has no cards", d.id));
        }
        let mut ids = std::collections::HashSet::new();
        let mut fronts = std::collections::HashSet::new();
        for c in &d.cards {
            if c.id.trim().is_empty() || c.front.trim().is_empty() || c.back.trim().is_empty() {
                problems.push(format!("{}: a card has an empty field", d.card_key(c)));
            }
            if !ids.insert(c.id.as_str()) {
                problems.push(format!("{}: the id is used twice", d.card_key(c)));
            }
            if !fronts.insert(c.front.trim().to_lowercase()) {
                problems.push(format!("{}: the same front is used twice", d.card_key(c)));
            }
        }
    }
    problems
}

/// Every problem with a question bank. Empty means fine.
pub fn check_questions(questions: &[Question]) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = std::collections::HashSet::new();
    let mut texts = std::collections::HashSet::new();
    for q in questions {
        if q.id.trim().is_empty() || q.text.trim().is_empty() {
            problems.push(format!(
                "question \"{}\": id and text must not be empty",
                q.id
            ));
        }
        if !ids.insert(q.id.as_str()) {
            problems.push(format!("question \"{}\": the id is used twice", q.id));
        }
        if !texts.insert(q.text.trim().to_lowercase()) {
            problems.push(format!(
                "question \"{}\": the same text is used twice",
                q.id
            ));
        }
        if q.points.len() < MIN_POINTS {
            problems.push(format!(
                "question \"{}\": needs at least {MIN_POINTS} points, has {}",
                q.id,
                q.points.len()
            ));
        }
        if q.red_flags.is_empty() || q.structure.is_empty() {
            problems.push(format!(
                "question \"{}\": needs red flags and a model structure",
                q.id
            ));
        }
        for line in q.points.iter().chain(&q.red_flags).chain(&q.structure) {
            if line.trim().is_empty() {
                problems.push(format!("question \"{}\": an empty line", q.id));
            }
        }
    }
    problems
}
