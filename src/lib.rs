//! Account Planner: a browser planner for B2B Account Managers.
//!
//! Arrows run one way: `pages -> components -> state -> domain`, `format -> domain`,
//! `storage -> format`. See ARCHITECTURE.md.

// `lazy_fn!` and `handed!`, before the modules that use them.
#[macro_use]
mod lazy;

pub mod charts;
/// The demo workspace shown on first open; it depends on the domain only.
pub mod demo;
pub mod domain;
pub mod format;
/// Load, save and multi-tab sync, pure (the browser edge is `storage::local`).
pub mod storage;

// The browser edge: only built for wasm32, so native tests of the core stay quick.
#[cfg(target_arch = "wasm32")]
pub mod account_handle;
#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod derived;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod panic_screen;
#[cfg(target_arch = "wasm32")]
pub mod state;
