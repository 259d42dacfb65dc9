//! Lists of items kept by id (docs/domain.md#plan): a plan's goals, metrics, risks and
//! actions, a QBR's mutual action plan. Every change names the item by its id, never by
//! its place in the list, so a list that changed in the meantime (another tab, an undo)
//! never has the wrong item edited, removed or moved.
//!
//! Rules kept here:
//! - A new item gets the id one above the largest in its list (1 for an empty list).
//! - Replacing, removing or moving an id the list does not hold is refused with a message
//!   and changes nothing.
//! - Moving the first item up or the last item down changes nothing and is not an error.

use super::error::FieldError;

/// The id of an item in one list: a plain number, unique in that list.
pub trait ItemId: Copy + Eq + std::fmt::Debug {
    fn raw(self) -> u32;
    fn from_raw(raw: u32) -> Self;
}

/// An item kept in a list by id.
pub trait Item: Clone {
    type Id: ItemId;
    /// What one item is called in messages: "goal", "risk".
    const NOUN: &'static str;
    fn id(&self) -> Self::Id;
    fn set_id(&mut self, id: Self::Id);
}

/// Which way an item moves in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// One place towards the start.
    Up,
    /// One place towards the end.
    Down,
}

/// An id for a new item: one above the largest in use.
pub fn next_id<T: Item>(list: &[T]) -> T::Id {
    T::Id::from_raw(list.iter().map(|x| x.id().raw()).max().unwrap_or(0) + 1)
}

/// Where the item with `id` is, if the list holds it.
pub fn position<T: Item>(list: &[T], id: T::Id) -> Option<usize> {
    list.iter().position(|x| x.id() == id)
}

/// The message for an id the list does not hold (it was removed in the meantime).
pub fn gone(noun: &str) -> FieldError {
    FieldError::new(
        "id",
        format!("This {noun} is no longer in the list: it was removed in the meantime. Nothing was changed."),
    )
}

fn find<T: Item>(list: &[T], id: T::Id) -> Result<usize, FieldError> {
    position(list, id).ok_or_else(|| gone(T::NOUN))
}

/// Adds `item` at the end with a new id, which it returns.
pub fn add<T: Item>(list: &mut Vec<T>, mut item: T) -> T::Id {
    let id = next_id(list);
    item.set_id(id);
    list.push(item);
    id
}

/// Puts `item` in the place of the item with `id`, keeping that id.
pub fn replace<T: Item>(list: &mut [T], id: T::Id, mut item: T) -> Result<(), FieldError> {
    let i = find(list, id)?;
    item.set_id(id);
    list[i] = item;
    Ok(())
}

/// Removes the item with `id` and gives it back.
pub fn remove<T: Item>(list: &mut Vec<T>, id: T::Id) -> Result<T, FieldError> {
    let i = find(list, id)?;
    Ok(list.remove(i))
}

/// Moves the item with `id` one place; at either end nothing moves.
pub fn move_item<T: Item>(list: &mut [T], id: T::Id, step: Step) -> Result<(), FieldError> {
    let i = find(list, id)?;
    match step {
        Step::Up if i > 0 => list.swap(i, i - 1),
        Step::Down if i + 1 < list.len() => list.swap(i, i + 1),
        _ => {}
    }
    Ok(())
}

/// Gives the items ids 1, 2, 3... in list order: for lists read from a file that keeps
/// their order but not their ids.
pub fn number<T: Item>(list: &mut [T]) {
    for (i, x) in list.iter_mut().enumerate() {
        x.set_id(T::Id::from_raw(i as u32 + 1));
    }
}

/// An error for every id used twice in `list` (`<list>[i].id`).
pub fn check_unique<T: Item>(errors: &mut Vec<FieldError>, list_key: &str, list: &[T]) {
    for (i, x) in list.iter().enumerate() {
        if list[..i].iter().any(|y| y.id() == x.id()) {
            errors.push(FieldError::new(
                format!("{list_key}[{i}].id"),
                format!(
                    "{} id {} is used twice.",
                    super::text::capitalized(T::NOUN),
                    x.id().raw()
                ),
            ));
        }
    }
}
