// Applies the theme picked in Settings on this device (System, Light or Dark) before the
// page is first painted, so a dark page never flashes light. The choice is one
// localStorage key outside the workspace; the app writes it (src/browser.rs, `set_theme`).
// System (no key) leaves the page to `prefers-color-scheme`.
//
// It also chooses what the frame in index.html shows while the app's code loads
// (docs/build.md#the-first-paint): the portfolio's heading on the portfolio's address, and
// the demo note when no workspace is stored yet (the app then starts with the demo).
var root = document.documentElement;
try {
  var theme = window.localStorage.getItem('am-planner-theme');
  if (theme === 'light' || theme === 'dark') {
    root.setAttribute('data-theme', theme);
  }
} catch (e) {
  // Storage blocked: the page follows the system.
}
// Whether a workspace is stored (a manifest, or the old single key); null when storage is
// blocked (the app then starts empty, with no demo, and reads nothing).
var stored = null;
try {
  stored = window.localStorage.getItem('am-planner.manifest') !== null
    || window.localStorage.getItem('am-planner.workspace') !== null;
} catch (e) {
  // Storage blocked.
}
if (location.pathname === '/' && !location.hash) {
  root.classList.add('shell-portfolio');
  if (stored === false) {
    root.classList.add('shell-demo');
  }
}

// A workspace is stored: the app reads it before its first drawing, with code of its own
// (the readers group, docs/build.md), and writes with more (the writers group). Their files
// are asked for now, beside the main module, rather than after it; the build names them in
// index.html.
if (stored) {
  var names = document.querySelector('meta[name="am-planner-stored-start"]');
  if (names) {
    names.content.split(' ').forEach(function (name) {
      if (!name) return;
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.type = 'application/wasm';
      link.crossOrigin = 'anonymous';
      link.href = names.getAttribute('data-dir') + name;
      document.head.appendChild(link);
    });
  }
}
