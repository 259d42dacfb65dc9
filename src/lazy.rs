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

/// `lazy_fn! { in module; /// doc \n pub fn name(arg: Type, ...) -> Output { body } }`:
/// the function becomes `async fn name(...) -> Result<Output, SplitLoaderError>`.
/// Arguments and output are moved across the call: plain owned types.
///
/// `in module, preload load_name;` also declares `async fn load_name() -> Result<(),
/// SplitLoaderError>`, which only fetches the module: a page calls it when it opens, so the
/// code is there by the time the function is called.
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
