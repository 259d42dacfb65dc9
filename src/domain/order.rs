//! Leaf: the one way a list is put in order. Every sort of the app goes through here, so
//! the compiled sort exists once: a sort called on a slice is compiled again for each
//! element type and each comparison (about 2-3 KB of code each, some twenty of them in the
//! main module alone), while these functions order positions (`u32`) with one comparison
//! passed by reference, then move the elements into that order. Stable: equal elements keep
//! the order they had. `tests/tidy.rs` refuses a slice's own sort anywhere else in `src/`.

use std::cmp::Ordering;

/// Puts `v` in the order `cmp` gives; equal elements keep their order.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let len = u32::try_from(v.len()).expect("a list of more than u32::MAX elements");
    let mut order: Vec<u32> = (0..len).collect();
    {
        let items: &[T] = v;
        positions(&mut order, &mut |a, b| {
            cmp(&items[a as usize], &items[b as usize])
        });
    }
    permute(v, &mut order);
}

/// Puts `v` in the order of the key each element gives; equal keys keep their order.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Puts `v` in its natural order; equal elements keep their order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The one compiled sort: positions, compared through `cmp`.
#[inline(never)]
fn positions(order: &mut [u32], cmp: &mut dyn FnMut(u32, u32) -> Ordering) {
    order.sort_by(|a, b| cmp(*a, *b));
}

/// Moves the elements so that position `i` holds what was at `order[i]`, following each
/// cycle of the permutation with swaps (no copy of an element, no `Clone` needed).
/// `order` is used up: each position visited is marked as in place.
fn permute<T>(v: &mut [T], order: &mut [u32]) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            // Back at the cycle's start (a position already in place is a cycle of one).
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_and_keeps_equal_elements_in_place() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        sort_by(&mut v, |a, b| b.0.cmp(&a.0));
        assert_eq!(v, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
        let mut w = vec!["pear", "apple", "fig"];
        sort(&mut w);
        assert_eq!(w, ["apple", "fig", "pear"]);
        let mut empty: Vec<u8> = vec![];
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
