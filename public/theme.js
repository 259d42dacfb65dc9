// Applies the theme picked in Settings on this device (System, Light or Dark) before the
// page is first painted, so a dark page never flashes light. The choice is one
// localStorage key outside the workspace; the app writes it (src/browser.rs, `set_theme`).
// System (no key) leaves the page to `prefers-color-scheme`.
try {
  var theme = window.localStorage.getItem('am-planner-theme');
  if (theme === 'light' || theme === 'dark') {
    document.documentElement.setAttribute('data-theme', theme);
  }
} catch (e) {
  // Storage blocked: the page follows the system.
}
