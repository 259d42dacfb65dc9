//! [`AccountHandle`]: how every account page reads and changes its account.
//!
//! The account page shell (`pages::account::AccountView`) provides one handle as context;
//! each tab, and each component drawn inside the account page, takes it with
//! [`use_account`]. Reading: [`AccountHandle::read`] gives a memo of what a view
//! shows (so the view is drawn again only when that changes), [`AccountHandle::with`] a
//! tracked read inside a closure, [`AccountHandle::with_untracked`] a read inside an event
//! handler. Changing: [`AccountHandle::update`] is the one write path. It goes through
//! `Workspace::edit_account`, so a refused change leaves the account as it was and
//! nothing is saved; a change that succeeds marks the workspace changed once (autosave).
//!
//! Values of the whole workspace (tiers, currency, health weights, owner names) come from
//! the shared memos in `derived`, never from the account.

use leptos::prelude::*;

use crate::domain::{Account, AccountGone, AccountId, Removed};
use crate::state::AppState;

/// One account of the workspace, as its pages see it. `Copy`: hand it to every closure.
///
/// It holds only the app state and the id, so an Undo made from it (`state::UndoFn`)
/// still works after the page is gone.
#[derive(Clone, Copy)]
pub struct AccountHandle {
    app: AppState,
    id: AccountId,
}

/// The handle of the account the current page is about.
pub fn use_account() -> AccountHandle {
    expect_context::<AccountHandle>()
}

impl AccountHandle {
    pub fn new(app: AppState, id: AccountId) -> Self {
        AccountHandle { app, id }
    }

    pub fn id(self) -> AccountId {
        self.id
    }

    /// Reads the account, tracked: a closure that calls it runs again on every change of
    /// the workspace. `None` once the account is gone.
    pub fn with<R>(self, f: impl FnOnce(&Account) -> R) -> Option<R> {
        self.app.ws.with(|w| w.account(self.id).map(f))
    }

    /// Reads the account without tracking (event handlers, first values of a form).
    pub fn with_untracked<R>(self, f: impl FnOnce(&Account) -> R) -> Option<R> {
        self.app.ws.with_untracked(|w| w.account(self.id).map(f))
    }

    /// A memo of what `f` takes from the account (`T::default()` once the account is
    /// gone): a view that reads it is drawn again only when that value changes.
    pub fn read<T>(self, f: impl Fn(&Account) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: Default + PartialEq + Clone + Send + Sync + 'static,
    {
        Memo::new(move |_| self.with(&f).unwrap_or_default())
    }

    /// The one way an account page changes its account: `f` runs on a copy, which is
    /// kept only when `f` succeeds (`Workspace::edit_account`); the workspace is marked
    /// changed (autosave, other tabs) only when the account really changed. An account
    /// deleted meanwhile is refused with "This account no longer exists.".
    pub fn update<R, E>(self, f: impl FnOnce(&mut Account) -> Result<R, E>) -> Result<R, E>
    where
        E: From<AccountGone>,
    {
        self.app
            .ws
            .try_maybe_update(|w| match w.edit_account(self.id, f) {
                Ok((r, changed)) => (changed, Ok(r)),
                Err(e) => (false, Err(e)),
            })
            .unwrap_or_else(|| Err(AccountGone.into()))
    }

    /// [`AccountHandle::update`] for a change that cannot be refused.
    pub fn change(self, f: impl FnOnce(&mut Account)) {
        let _ = self.update(|a| {
            f(a);
            Ok::<(), AccountGone>(())
        });
    }

    /// Deletes the account from the workspace (the Overview's Delete, undone from the
    /// toast). `None` when it was already gone.
    pub fn remove(self) -> Option<Removed> {
        self.app
            .ws
            .try_update(|w| w.remove_account(self.id))
            .flatten()
    }
}
