#[cfg(target_arch = "wasm32")]
fn main() {
    // The panic screen (and the flag that stops saving) before anything else runs.
    am_planner::panic_screen::install();
    am_planner::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The planner runs in the browser: `make serve`.");
}
