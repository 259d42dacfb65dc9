//! Identities shared across features: a feature refers to an account by its id, never by
//! the account itself.

/// Identity of an account inside one workspace. Assigned by the workspace, never reused
/// while the account exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AccountId(pub u32);
