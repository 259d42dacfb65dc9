#!/usr/bin/env node
// Figures, never pass/fail: the app at 1,000 accounts (8 people and 52 weekly check-ins
// each), in headless Chromium against a release dist/, beside a plain HTML+JS page drawing
// the same rows from the same file (bench/vanilla.html). The workspace comes from the one
// generator (tests/e2e/workspace-gen.mjs). Medians (and min-max) of several runs of:
//   - import: the file chosen on the Data page until its preview is painted, beside
//     JSON.parse of the same text in the same page. The file is chosen a second after the
//     page opens, as a person picking it in the file dialog would (the page loads the file
//     readers' code meanwhile); the first import in a fresh page, not a second one. The
//     generated file is of version 1 (read through the documents' reader and
//     migrated); beside it, the same workspace as the first dist exports it (this version,
//     indented), the file people hand each other now
//   - first paint: a page load (the workspace in storage) until the table of 1,000 accounts
//     is painted (the app draws the rows in view of a long table; aria-rowcount gives the count),
//     beside the plain page (its file fetched, parsed and drawn)
//   - table paint: click "Portfolio" in the menu until the rows are painted
//   - sort repaint: click a column header until the new order is painted (2 per run)
//   - filter keystroke: one character typed or deleted in the search box until the rows
//     are painted (2 per run)
//   - edit to paint: a check-in saved on the Health tab until the new score is painted
//     (p50 and p95 of EDITS edits)
//   - accessibility: axe-core's violations on each page of the demo workspace
// Writes them to target/bench/browser.json as well.
//
// Usage: node scripts/bench-portfolio.mjs [dist-dir ...] (default: dist). Several dirs
// (e.g. a build of main and one of a branch) print side by side.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { setup, newPage, root } from '../tests/e2e/helpers.mjs';
import { startServer } from './serve.mjs';
import { editToPaint, textChangeToPaint, generateWorkspace, importWorkspace, openDataPageForImport, timeFileImport } from '../tests/e2e/workspace-gen.mjs';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS || 1000);
const RUNS = Number(process.env.BENCH_RUNS || 7);
const EDITS = Number(process.env.BENCH_EDITS || 40);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

// Runs `act` in the page, then waits frame by frame until `done` holds; the time is taken
// after the frame that showed it (a task queued from requestAnimationFrame runs after paint).
async function timed(page, act, done) {
  return page.evaluate(async ({ act, done }) => {
    const doIt = new Function(act);
    const isDone = new Function(done);
    const t0 = performance.now();
    doIt();
    for (let i = 0; i < 2000; i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (isDone()) return performance.now() - t0;
    }
    return NaN;
  }, { act, done });
}

const ROWS = 'document.querySelectorAll("table.accounts tbody tr")';
// The accounts table shows `n` accounts: a long table draws only the rows in view and
// gives the count in aria-rowcount (the header row included); the plain page draws them all.
const SHOWS = `((n) => {
  const t = document.querySelector('table.accounts');
  if (!t) return false;
  const count = Number(t.getAttribute('aria-rowcount'));
  return count ? count - 1 >= n && !!t.querySelector('tbody tr[aria-rowindex]')
    : t.querySelectorAll('tbody tr').length >= n;
})`;
const COUNT = `(document.querySelector('table.accounts')?.getAttribute('aria-rowcount') ?? ${ROWS}.length)`;
const nav = (name) => `[...document.querySelectorAll('nav.mainnav a')].find((a) => a.textContent.trim() === '${name}').click()`;

// Notes in window.__painted the time (from the start of navigation) of the first frame that
// shows the `want` accounts in the accounts table (the rows in view of a long table, every
// row on the plain page), on the app's portfolio and on the plain page.
function paintWatch(want) {
  if (location.pathname !== '/' && !location.pathname.endsWith('vanilla.html')) return;
  // As SHOWS (an init script takes no second function).
  const isShown = (n) => {
    const t = document.querySelector('table.accounts');
    if (!t) return false;
    const count = Number(t.getAttribute('aria-rowcount'));
    return count ? count - 1 >= n && !!t.querySelector('tbody tr[aria-rowindex]')
      : t.querySelectorAll('tbody tr').length >= n;
  };
  const t0 = performance.now();
  const tick = () => {
    if (isShown(want)) {
      window.__painted = performance.now();
    } else if (performance.now() - t0 < 120000) {
      requestAnimationFrame(() => setTimeout(tick, 0));
    }
  };
  requestAnimationFrame(() => setTimeout(tick, 0));
}

async function paintedAfterLoad(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 120_000 });
  return page.evaluate(() => window.__painted);
}

/** The file chosen on the Data page until the import preview is painted, and JSON.parse of
 * the same text in the same page. */
async function importTimes(page, base, text) {
  await openDataPageForImport(page, base);
  return timeFileImport(page, text);
}

/** Opens the Health tab of account `id`, where editTimes saves check-ins. */
async function openHealth(b, id) {
  await b.page.goto(`${b.env.base}/accounts/${id}/health`);
  await b.page.waitForSelector('#checkin-relationship');
  b.edit = [];
  b.floor = [];
}

/** `n` check-ins saved on the open Health tab, each until the new score is painted; and,
 * in turn with them, the floor of that measure (workspace-gen's textChangeToPaint). The
 * page's own count of edits keeps the saved value alternating, so every save moves the
 * score. */
async function editTimes(b, n) {
  for (let k = 0; k < n; k++) {
    const i = b.edit.length;
    b.edit.push(await editToPaint(b.page, i));
    b.floor.push(await textChangeToPaint(b.page, i));
  }
}

/** axe-core's violations on each page of the demo workspace (a fresh visit). */
async function axeViolations(env) {
  const require = createRequire(path.join(root, 'tools/package.json'));
  let source;
  try { source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'); } catch { return null; }
  const { page, context } = await newPage(env);
  const pages = ['/', '/accounts/1', '/accounts/1/health', '/accounts/1/stakeholders', '/accounts/1/plan',
    '/renewals', '/practice', '/data', '/settings'];
  const found = {};
  for (const p of pages) {
    await page.goto(env.base + p);
    await page.waitForSelector('header.topbar');
    await page.waitForTimeout(300);
    // Evaluated through the debugging protocol, so the page's Content Security Policy
    // (which refuses inline scripts) does not apply to the checker itself.
    await page.evaluate(source);
    const v = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] }))
      .violations.map((x) => `${x.id} (${x.nodes.length})`));
    found[p] = v;
  }
  await context.close();
  return found;
}

/** Serves the plain page and the same workspace file. */
async function vanillaServer(doc, dist) {
  const dir = path.join(root, 'target/bench/vanilla');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['vanilla.html', 'vanilla.js']) fs.copyFileSync(path.join(root, 'bench', f), path.join(dir, f));
  // The app's stylesheet: written into index.html (since 2026-12-03), or a file of its own
  // in a build from before, when it is the baseline.
  const inline = fs.readFileSync(path.join(dist, 'index.html'), 'utf8').match(/<style>([\s\S]*?)<\/style>/);
  const css = inline ? inline[1] : fs.readdirSync(dist).filter((f) => f.endsWith('.css')).sort()
    .map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n');
  fs.writeFileSync(path.join(dir, 'app.css'), css);
  fs.writeFileSync(path.join(dir, 'ws.json'), JSON.stringify(doc));
  const server = await startServer(dir, 0);
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

/** Serves `dist`, opens it in headless Chromium and imports the workspace. */
async function openDist(dist, doc, text) {
  process.env.E2E_DIST = dist;
  const env = await setup();
  const { page, context } = await newPage(env);
  await page.addInitScript(paintWatch, ACCOUNTS);
  await page.goto(env.base + '/');
  await page.waitForSelector('header.topbar');
  const b = { dist, env, page, context, paint: [], sort: [], key: [], load: [], vanilla: [], imported: [], parsed: [], importedNow: [], parsedNow: [], edit: [], floor: [] };
  // The import, timed 5 times, each on a fresh Data page (the preview only; the figure moves
  // by a third between single runs), then done for real.
  for (let i = 0; i < 5; i++) {
    const t = await importTimes(page, env.base, text);
    b.imported.push(t.imported);
    b.parsed.push(t.parsed);
  }
  await importWorkspace(page, env.base, doc);
  await page.waitForFunction(() => document.querySelector('.save-indicator')?.textContent.includes('Saved'), null, { timeout: 120_000 });
  return b;
}

/** The open workspace as this dist's Data page exports it (the current version). */
async function exported(b) {
  await b.page.goto(b.env.base + '/data');
  await b.page.waitForSelector('header.topbar');
  const [download] = await Promise.all([
    b.page.waitForEvent('download'),
    b.page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  return fs.readFileSync(await download.path(), 'utf8');
}

/** One run of each measure on one open dist. */
async function runOnce(b, vanilla) {
  const { page } = b;
  // First paint: a page load with the workspace in storage, then the plain page.
  b.load.push(await paintedAfterLoad(page, b.env.base + '/'));
  b.vanilla.push(await paintedAfterLoad(vanilla.page, vanilla.base + '/vanilla.html'));
  // Table paint: from the Data page back to the portfolio.
  await page.evaluate(nav('Data'));
  await page.waitForFunction(() => !document.querySelector('table.accounts'));
  b.paint.push(await timed(page, nav('Portfolio'), `return ${SHOWS}(${ACCOUNTS})`));
  // Sort repaint: the ARR header, flipping the order each time.
  for (let k = 0; k < 2; k++) {
    b.sort.push(await timed(page,
      `window.__first = document.querySelector("table.accounts tbody tr th")?.textContent;
       [...document.querySelectorAll('th button.sort')].find((b) => b.textContent.trim().startsWith('ARR')).click();`,
      'return document.querySelector("table.accounts tbody tr th")?.textContent !== window.__first'));
  }
  // Filter keystroke: "7" typed into the empty search box, then deleted.
  for (const text of ['7', '']) {
    b.key.push(await timed(page,
      `window.__count = ${COUNT};
       const input = document.querySelector('input[type=search]');
       input.value = ${JSON.stringify(text)};
       input.dispatchEvent(new Event('input', { bubbles: true }));`,
      `return ${COUNT} !== window.__count`));
  }
}

const dists = process.argv.slice(2);
if (dists.length === 0) dists.push(path.join(root, 'dist'));
const doc = generateWorkspace({ accounts: ACCOUNTS, people: 8, checkins: 52 });
const text = JSON.stringify(doc);
console.log(`app at ${ACCOUNTS} accounts (8 people, 52 check-ins each; file ${(text.length / 1e6).toFixed(1)} MB), median of ${RUNS} runs (min-max), ms`);
const fmt = (xs) => `${median(xs).toFixed(0).padStart(6)} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;
const open = [];
for (const dist of dists) open.push(await openDist(path.resolve(dist), doc, text));
// The same workspace exported by the first dist, imported 5 times by each in turn.
const now = await exported(open[0]);
for (let i = 0; i < 5; i++) {
  for (const b of open) {
    const t = await importTimes(b.page, b.env.base, now);
    b.importedNow.push(t.imported);
    b.parsedNow.push(t.parsed);
  }
}
const vs = await vanillaServer(doc, path.resolve(dists[0]));
const vanillaCtx = await open[0].env.browser.newContext({ viewport: { width: 1280, height: 860 } });
const vanilla = { page: await vanillaCtx.newPage(), base: vs.base };
await vanilla.page.addInitScript(paintWatch, ACCOUNTS);
// The dists run in turn, run by run, so a busy moment on the machine falls on all of them.
for (let i = 0; i < RUNS; i++) for (const b of open) await runOnce(b, vanilla);
// The edits too run in turn, a few at a time on each dist, so a busy moment falls on all.
for (const b of open) await openHealth(b, 1);
for (let done = 0; done < EDITS; done += 5) for (const b of open) await editTimes(b, Math.min(5, EDITS - done));
const axe = await axeViolations(open[0].env);
await vanillaCtx.close();
vs.server.close();

const rows = [
  ['import (file to preview; 5 pages)', (b) => b.imported], ['  JSON.parse of the same text', (b) => b.parsed],
  [`import, as exported now (${(now.length / 1e6).toFixed(1)} MB)`, (b) => b.importedNow], ['  JSON.parse of the same text', (b) => b.parsedNow],
  ['first paint (page load to rows)', (b) => b.load], ['  plain HTML+JS page, same rows', (b) => b.vanilla],
  ['table paint (menu click to rows)', (b) => b.paint], ['sort repaint', (b) => b.sort],
  ['filter keystroke', (b) => b.key],
];
console.log(`${''.padEnd(36)} ${dists.map((d) => d.slice(-22).padStart(22)).join(' ')}`);
for (const [label, get] of rows) console.log(`${label.padEnd(36)} ${open.map((b) => fmt(get(b)).padStart(22)).join(' ')}`);
console.log(`${'edit to painted score p50 / p95'.padEnd(36)} ${open.map((b) => `${median(b.edit).toFixed(1)} / ${pct(b.edit, 95).toFixed(1)}`.padStart(22)).join(' ')}`);
console.log(`${'  floor: a text change, same timing'.padEnd(36)} ${open.map((b) => `${median(b.floor).toFixed(1)} / ${pct(b.floor, 95).toFixed(1)}`.padStart(22)).join(' ')}`);
console.log(`${'  ratios: first paint / plain page'.padEnd(36)} ${open.map((b) => `${(median(b.load) / median(b.vanilla)).toFixed(2)}x`.padStart(22)).join(' ')}`);
console.log(`${'          import / JSON.parse'.padEnd(36)} ${open.map((b) => `${(median(b.imported) / median(b.parsed)).toFixed(1)}x`.padStart(22)).join(' ')}`);
console.log(`${'          the same, as exported now'.padEnd(36)} ${open.map((b) => `${(median(b.importedNow) / median(b.parsedNow)).toFixed(1)}x`.padStart(22)).join(' ')}`);
if (axe) {
  const total = Object.values(axe).reduce((n, v) => n + v.length, 0);
  console.log(`axe-core violations on ${Object.keys(axe).length} pages of the demo workspace (${dists[0].slice(-22)}): ${total}`);
  for (const [p, v] of Object.entries(axe)) if (v.length) console.log(`  ${p}: ${v.join(', ')}`);
} else console.log('axe-core: not installed (tools/), skipped');

const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });
const out = open.map((b) => ({
  dist: b.dist, accounts: ACCOUNTS, file_bytes: text.length,
  import_ms: summary(b.imported), json_parse_ms: summary(b.parsed), import_vs_json_parse: median(b.imported) / median(b.parsed),
  exported_file_bytes: now.length, import_exported_ms: summary(b.importedNow), json_parse_exported_ms: summary(b.parsedNow),
  import_exported_vs_json_parse: median(b.importedNow) / median(b.parsedNow),
  first_paint_ms: summary(b.load), vanilla_first_paint_ms: summary(b.vanilla), first_paint_vs_vanilla: median(b.load) / median(b.vanilla),
  table_paint_ms: summary(b.paint), sort_ms: summary(b.sort), filter_keystroke_ms: summary(b.key),
  edit_to_paint_ms: { p50: median(b.edit), p95: pct(b.edit, 95), edits: b.edit.length },
  text_change_to_paint_ms: { p50: median(b.floor), p95: pct(b.floor, 95), changes: b.floor.length },
}));
fs.mkdirSync(path.join(root, 'target/bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'target/bench/browser.json'), JSON.stringify({ runs: out, axe_violations: axe }, null, 2));
for (const b of open) { await b.context.close(); await b.env.close(); }
