#!/usr/bin/env node
// Figures, never pass/fail: the portfolio page at 1,000 accounts (8 people and 52 weekly
// check-ins each), in headless Chromium against a release dist/. The workspace comes from
// the one generator (tests/e2e/workspace-gen.mjs) and is loaded through the app's own
// Import on the Data page. Prints the median (and min-max) of several runs of:
//   - table paint: click "Portfolio" in the menu until the rows are painted
//   - sort repaint: click a column header until the new order is painted
//   - filter keystroke: one character in the search box until the rows are painted
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

async function benchDist(dist, doc) {
  process.env.E2E_DIST = dist;
  const env = await setup();
  const { page, context } = await newPage(env);
  try {
    await page.goto(env.base + '/');
    await page.waitForSelector('header.topbar');
    await importWorkspace(page, env.base, doc);
    const rows = 'document.querySelectorAll("table.accounts tbody tr")';
    const nav = (name) => `[...document.querySelectorAll('nav.mainnav a')].find((a) => a.textContent.trim() === '${name}').click()`;

    // Table paint: from the Data page back to the portfolio, several times.
    const paint = [];
    for (let i = 0; i < RUNS; i++) {
      await page.evaluate(nav('Data'));
      await page.waitForSelector('h1');
      await page.waitForFunction(() => !document.querySelector('table.accounts'));
      paint.push(await timed(page, nav('Portfolio'), `return ${rows}.length >= ${ACCOUNTS}`));
    }

    // Sort repaint: the ARR header, flipping the order each time.
    const sort = [];
    for (let i = 0; i < RUNS; i++) {
      sort.push(await timed(page,
        `window.__first = document.querySelector("table.accounts tbody tr th")?.textContent;
         [...document.querySelectorAll('th button.sort')].find((b) => b.textContent.trim().startsWith('ARR')).click();`,
        'return document.querySelector("table.accounts tbody tr th")?.textContent !== window.__first'));
    }

    // Filter keystroke: "7" typed into an empty search box, then cleared again.
    const key = [];
    for (let i = 0; i < RUNS * 2; i++) {
      const text = i % 2 === 0 ? '7' : '';
      key.push(await timed(page,
        `window.__count = ${rows}.length;
         const input = document.querySelector('input[type=search]');
         input.value = ${JSON.stringify(text)};
         input.dispatchEvent(new Event('input', { bubbles: true }));`,
        `return ${rows}.length !== window.__count`));
    }
    return { paint, sort, key };
  } finally {
    await context.close();
    await env.close();
  }
}

const dists = process.argv.slice(2);
if (dists.length === 0) dists.push(path.join(root, 'dist'));
const doc = generateWorkspace({ accounts: ACCOUNTS, people: 8, checkins: 52 });
console.log(`portfolio at ${ACCOUNTS} accounts (8 people, 52 check-ins each; file ${(JSON.stringify(doc).length / 1e6).toFixed(1)} MB), median of ${RUNS} runs (min-max), ms`);
const fmt = (xs) => `${median(xs).toFixed(0).padStart(6)} (${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`;
console.log(`${'dist'.padEnd(28)} ${'table paint'.padStart(18)} ${'sort repaint'.padStart(18)} ${'filter keystroke'.padStart(18)}`);
for (const dist of dists) {
  const r = await benchDist(path.resolve(dist), doc);
  console.log(`${dist.slice(-28).padEnd(28)} ${fmt(r.paint).padStart(18)} ${fmt(r.sort).padStart(18)} ${fmt(r.key).padStart(18)}`);
}
