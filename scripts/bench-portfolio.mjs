#!/usr/bin/env node
// Figures, never pass/fail: the portfolio page at 1,000 accounts (8 people and 52 weekly
// check-ins each), in headless Chromium against a release dist/. The workspace comes from
// the one generator (tests/e2e/workspace-gen.mjs) and is loaded through the app's own
// Import on the Data page. Prints the median (and min-max) of several runs of:
//   - table paint: click "Portfolio" in the menu until the rows are painted
//   - sort repaint: click a column header until the new order is painted (2 per run)
//   - filter keystroke: one character typed or deleted in the search box until the rows
//     are painted (2 per run)
//
// Usage: node scripts/bench-portfolio.mjs [dist-dir ...] (default: dist). Several dirs
// (e.g. a build of main and one of a branch) print side by side.
import path from 'node:path';
import { setup, newPage, root } from '../tests/e2e/helpers.mjs';
import { generateWorkspace, importWorkspace } from '../tests/e2e/workspace-gen.mjs';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS || 1000);
const RUNS = Number(process.env.BENCH_RUNS || 7);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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
const nav = (name) => `[...document.querySelectorAll('nav.mainnav a')].find((a) => a.textContent.trim() === '${name}').click()`;

/** Serves `dist`, opens it in headless Chromium and imports the workspace. */
async function openDist(dist, doc) {
  process.env.E2E_DIST = dist;
  const env = await setup();
  const { page, context } = await newPage(env);
  await page.goto(env.base + '/');
  await page.waitForSelector('header.topbar');
  await importWorkspace(page, env.base, doc);
  return { dist, env, page, context, paint: [], sort: [], key: [] };
}

/** One run of each measure on one open dist. */
async function runOnce(b, i) {
  const { page } = b;
  // Table paint: from the Data page back to the portfolio.
  await page.evaluate(nav('Data'));
  await page.waitForFunction(() => !document.querySelector('table.accounts'));
  b.paint.push(await timed(page, nav('Portfolio'), `return ${ROWS}.length >= ${ACCOUNTS}`));
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
      `window.__count = ${ROWS}.length;
       const input = document.querySelector('input[type=search]');
       input.value = ${JSON.stringify(text)};
       input.dispatchEvent(new Event('input', { bubbles: true }));`,
      `return ${ROWS}.length !== window.__count`));
  }
}

const dists = process.argv.slice(2);
if (dists.length === 0) dists.push(path.join(root, 'dist'));
const doc = generateWorkspace({ accounts: ACCOUNTS, people: 8, checkins: 52 });
console.log(`portfolio at ${ACCOUNTS} accounts (8 people, 52 check-ins each; file ${(JSON.stringify(doc).length / 1e6).toFixed(1)} MB), median of ${RUNS} runs (min-max), ms`);
const fmt = (xs) => `${median(xs).toFixed(0).padStart(6)} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;
console.log(`${'dist'.padEnd(28)} ${'table paint'.padStart(18)} ${'sort repaint'.padStart(18)} ${'filter keystroke'.padStart(18)}`);
// The dists run in turn, run by run, so a busy moment on the machine falls on both.
const open = [];
for (const dist of dists) open.push(await openDist(path.resolve(dist), doc));
for (let i = 0; i < RUNS; i++) for (const b of open) await runOnce(b, i);
for (const [n, b] of open.entries()) {
  console.log(`${dists[n].slice(-28).padEnd(28)} ${fmt(b.paint).padStart(18)} ${fmt(b.sort).padStart(18)} ${fmt(b.key).padStart(18)}`);
  await b.context.close();
  await b.env.close();
}
