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
// The portfolio's address: its frame is painted, and the later stylesheet is not needed yet.
var onPortfolio = location.pathname === '/' && !location.hash;
if (onPortfolio) {
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

// While the code downloads, the page is idle; the app's first layout then spends much of
// its time starting the font system: looking up each weight and size of the system font it
// uses, and the fonts that draw its symbols (docs/build.md, "A first visit's long tasks").
// So once the frame is painted, the same weights, sizes and symbols are laid out off screen,
// a few in each frame so no task runs long, and taken away when done or when the app
// starts. The list is what the portfolio uses (each `weight size numbers`, px of a 15 px
// root), and its symbols (the save indicator's "Saving…" included: it shows while the demo's
// first save runs); tests/e2e/first-paint.test.mjs checks that it still covers what the
// portfolio uses.
var FONT_WARM = [
  '400 15px', '600 15px', '700 15px', '400 15px tabular-nums', '700 15px tabular-nums',
  '400 11px', '700 11px', '700 10.5px', '700 11.7px', '700 12px',
  '400 12.3px', '600 12.3px', '700 12.3px', '400 12.3px tabular-nums',
  '400 12.75px', '700 12.75px', '700 12.75px tabular-nums', '400 13.2px',
  '400 13.5px', '600 13.5px', '600 13.8px', '700 15.75px', '700 17.25px', '700 20.25px', '700 24px',
];
var FONT_WARM_TEXT = 'Portfolio Accounts 0123456789 $€£ ◆·–—…▲▼↑↓→✓✕‼';
// Lines laid out in each frame: with the CPU 4x slower, frames of four lines took up to 90 ms;
// two keep each task short.
var FONT_WARM_PER_FRAME = 2;
(function () {
  var box = null;
  var next = 0;
  function started() {
    return document.querySelector('header.topbar') !== null;
  }
  function step() {
    if (started() || next >= FONT_WARM.length) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement('div');
      box.className = 'font-warm';
      box.setAttribute('aria-hidden', 'true');
      document.body.appendChild(box);
    }
    for (var n = 0; n < FONT_WARM_PER_FRAME && next < FONT_WARM.length; n++, next++) {
      var parts = FONT_WARM[next].split(' ');
      var span = document.createElement('span');
      span.style.fontWeight = parts[0];
      span.style.fontSize = parts[1];
      if (parts[2]) span.style.fontVariantNumeric = parts[2];
      span.textContent = FONT_WARM_TEXT;
      box.appendChild(span);
    }
    // Laid out in the coming frame; the next few after it.
    afterFrame(step);
  }
  function afterFrame(f) {
    requestAnimationFrame(function () { setTimeout(f, 0); });
  }
  // After the frame's first paint, which this must not delay.
  afterFrame(function () { afterFrame(step); });
})();

// The stylesheet of the pages that load on demand (docs/build.md#styles-on-demand): one file
// of the build, named in a <meta>, applied after the page's own stylesheet. The app calls
// amLaterStyles() when such a page first opens, and draws the page once the promise is
// fulfilled; it also calls it after its start. Asked for once; when the file cannot be
// fetched the promise is rejected, and the next call asks again. Opened at an address other
// than the portfolio's (a page or a shared account), the file is preloaded now, beside the
// code.
(function () {
  var meta = document.querySelector('meta[name="am-planner-later-styles"]');
  var asked = null;
  window.amLaterStyles = function () {
    if (asked) return asked;
    if (!meta) return Promise.resolve();
    asked = new Promise(function (resolve, reject) {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = meta.content;
      link.addEventListener('load', function () { resolve(); });
      link.addEventListener('error', function () {
        link.remove();
        asked = null;
        reject(new Error('the stylesheet ' + meta.content + ' could not be fetched'));
      });
      document.head.appendChild(link);
    });
    return asked;
  };
  if (meta && !onPortfolio) {
    var preload = document.createElement('link');
    preload.rel = 'preload';
    preload.as = 'style';
    preload.href = meta.content;
    document.head.appendChild(preload);
  }
})();
