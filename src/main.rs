#[cfg(target_arch = "wasm32")]
fn main() {
    // The panic screen (and the flag that stops saving) before anything else runs.
    am_planner::panic_screen::install();
    leptos::mount::mount_to_body(am_planner::app::App);
    // Offline use and the "new version" notice, beside the app on every page.
    leptos::mount::mount_to_body(am_planner::components::new_version::NewVersion);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The planner runs in the browser: `make serve`.");
}
