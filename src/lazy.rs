//! Functions whose code is fetched the first time they are called (docs/build.md).
//!
//! [`lazy_fn!`] declares one: with the `split` feature (only `make build`) it is cut into
//! the wasm module named after `in`, which the browser fetches on the first call; any other
//! build (tests, clippy) keeps it in the one module, and the same `async` function then runs
//! at once, so tests take the same asynchronous path as the bundle. The call gives
//! `Err(SplitLoaderError)` when the module could not be fetched (no connection on a first
//! visit): the caller then says so and changes nothing; the next call tries again.
//!
//! Everything such a function names, and nothing the main module names too, leaves the main
//! module: call it only from code that can wait (an import, a link, a first open).
//!
//! What such a module gives back for the main module to keep (a reader, a writer) is a
//! [`Handed`] value, declared with [`handed!`].

/// `lazy_fn! { in module; /// doc \n pub fn name(arg: Type, ...) -> Output { body } }`:
/// the function becomes `async fn name(...) -> Result<Output, SplitLoaderError>`.
/// Arguments and output are moved across the call: plain owned types.
///
/// `in module, preload load_name;` also declares `async fn load_name() -> Result<(),
/// SplitLoaderError>`, which only fetches the module: a page calls it when it opens, so the
/// code is there by the time the function is called.
#[cfg(target_arch = "wasm32")]
macro_rules! lazy_fn {
    (in $module:ident $(, preload $preload:ident)?; $(#[$meta:meta])* $vis:vis fn $name:ident($($arg:ident : $ty:ty),* $(,)?) -> $out:ty $body:block) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible $(, preload($preload))?)]
        $vis fn $name($($arg: $ty),*) -> Result<$out, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name($($arg: $ty),*) -> Result<$out, ::leptos::wasm_split::SplitLoaderError> {
            Ok($body)
        }

        $(
            #[cfg(not(feature = "split"))]
            $vis async fn $preload() -> Result<(), ::leptos::wasm_split::SplitLoaderError> {
                Ok(())
            }
        )?
    };
}

/// A value that lives in a module fetched on demand and is handed to the main module once
/// that module is here (the file format's reader and writer, the stored form's reader).
/// With the `split` feature it starts empty and [`Handed::set`] fills it; in any other build
/// it holds the value from the start and `set` does nothing, so tests take the same path.
/// Declare one with [`handed!`], which names the value only where it is always there:
/// naming it in the bundle would keep its code in the main module.
pub(crate) struct Handed<T: Copy + 'static> {
    #[cfg(feature = "split")]
    cell: std::sync::OnceLock<T>,
    #[cfg(not(feature = "split"))]
    value: T,
}

impl<T: Copy + 'static> Handed<T> {
    /// Empty until its module is fetched ([`handed!`] only).
    #[cfg(feature = "split")]
    pub(crate) const fn empty() -> Self {
        Self {
            cell: std::sync::OnceLock::new(),
        }
    }

    /// Always there ([`handed!`] only).
    #[cfg(not(feature = "split"))]
    pub(crate) const fn always(value: T) -> Self {
        Self { value }
    }

    /// Hands the value over once its module is fetched; the first one stays.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn set(&self, value: T) {
        #[cfg(feature = "split")]
        let _ = self.cell.set(value);
        #[cfg(not(feature = "split"))]
        let _ = value;
    }

    /// The value, or None while its module is not fetched.
    pub(crate) fn get(&self) -> Option<T> {
        #[cfg(feature = "split")]
        return self.cell.get().copied();
        #[cfg(not(feature = "split"))]
        Some(self.value)
    }

    /// Whether the value is here ([`Handed::get`]).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn is_here(&self) -> bool {
        self.get().is_some()
    }
}

/// `handed! { /// doc \n pub(crate) static NAME: Type = value; }` declares a [`Handed`]
/// value: `value` is named only in builds where it is always there.
macro_rules! handed {
    ($(#[$meta:meta])* $vis:vis static $name:ident: $ty:ty = $value:expr;) => {
        $(#[$meta])*
        #[cfg(feature = "split")]
        $vis static $name: $crate::lazy::Handed<$ty> = $crate::lazy::Handed::empty();

        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis static $name: $crate::lazy::Handed<$ty> = $crate::lazy::Handed::always($value);
    };
}
