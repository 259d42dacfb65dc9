//! The one sort (`domain::order`) against the standard library's stable sort: the same
//! order for any list, equal elements kept in place.

use am_planner::domain::order::{sort, sort_by, sort_by_key};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn the_same_order_as_the_standard_stable_sort(keys in prop::collection::vec(0u8..6, 0..200)) {
        // Each element carries its first position, so a change of order among equal keys shows.
        let list: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        let mut expected = list.clone();
        expected.sort_by_key(|p| p.0);
        let mut by_key = list.clone();
        sort_by_key(&mut by_key, |p| p.0);
        prop_assert_eq!(&by_key, &expected);

        let mut down = list.clone();
        sort_by(&mut down, |a, b| b.0.cmp(&a.0));
        let mut expected_down = list.clone();
        expected_down.sort_by_key(|p| std::cmp::Reverse(p.0));
        prop_assert_eq!(down, expected_down);

        let mut natural = list.clone();
        sort(&mut natural);
        let mut expected_natural = list;
        expected_natural.sort();
        prop_assert_eq!(natural, expected_natural);
    }

    #[test]
    fn owned_values_are_moved_not_lost(words in prop::collection::vec("[a-c]{0,3}", 0..60)) {
        let mut mine = words.clone();
        sort_by(&mut mine, |a, b| a.len().cmp(&b.len()));
        let mut expected = words;
        expected.sort_by_key(|w| w.len());
        prop_assert_eq!(mine, expected);
    }
}
