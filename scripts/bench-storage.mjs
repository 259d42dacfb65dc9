// Storage figures in Chromium (printed by `make bench`, never pass/fail): a generated
// workspace of N accounts (8 people, 52 weekly check-ins each) is imported through the
// Data page; then one edit at a time is made on different accounts, and the save task of
// each is read from the app's performance measures ("am-planner:save"). Also prints what
// the stored form takes in this browser, and the largest generated workspace that saves
// (grown by importing ever larger files until the save fails).
// Usage: node scripts/bench-storage.mjs <workspace.json> [edits]
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'tools/package.json'));
const { chromium } = require('playwright-core');
const file = process.argv[2];
const edits = Number(process.argv[3] || 15);
const workDir = path.dirname(file);

const server = await startServer(path.join(root, 'dist'), 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

async function importFile(page, f) {
  await page.goto(base + '/data');
  await page.waitForSelector('header.topbar');
  await page.setInputFiles('input[aria-label="Workspace file to import"]', f);
  await page.getByRole('button', { name: 'Replace my workspace' }).click({ timeout: 600_000 });
  await page.waitForFunction(() => {
    const t = document.querySelector('.save-indicator')?.textContent || '';
    return t.includes('Saved') || t.includes('Not saved');
  }, null, { timeout: 600_000 });
  return (await page.locator('.save-indicator').innerText()).includes('Saved');
}

const usage = (page) => page.evaluate(() => {
  let chars = 0, parts = 0;
  for (const k of Object.keys(localStorage)) {
    if (!k.startsWith('am-planner.')) continue;
    chars += k.length + localStorage.getItem(k).length;
    if (k.startsWith('am-planner.part.')) parts++;
  }
  return { chars, parts };
});

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.waitForSelector('header.topbar');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const n = doc.workspace.accounts.length;
  const t0 = Date.now();
  const ok = await importFile(page, file);
  const { chars, parts } = await usage(page);
  const full = await page.evaluate(() => Math.max(...performance.getEntriesByName('am-planner:save').map((e) => e.duration)));
  console.log(`Chromium, ${n} accounts imported and saved: ${ok ? 'saved' : 'NOT saved'} in ${Date.now() - t0} ms (full save task ${full.toFixed(1)} ms)`);
  (globalThis.result ||= {}).accounts = n;
  Object.assign(globalThis.result, { stored_chars: chars, stored_bytes_utf16: chars * 2, parts, bytes_per_account: Math.round(chars * 2 / n), full_save_ms: full });
  console.log(`  stored: ${chars} chars (${(chars * 2 / 1e6).toFixed(2)} MB as UTF-16) in ${parts} parts; ${Math.round(chars / n)} chars per account`);
  await page.evaluate(() => performance.clearMeasures('am-planner:save'));
  const ids = doc.workspace.accounts.map((a) => a.id);
  for (let i = 0; i < edits; i++) {
    const id = ids[(i * 67) % ids.length];
    await page.goto(`${base}/accounts/${id}`);
    await page.waitForSelector('header.topbar');
    await page.evaluate(() => performance.clearMeasures('am-planner:save'));
    await page.getByLabel('Industry').fill(`Edit ${i}`);
    await page.getByLabel('Industry').press('Tab');
    await page.waitForFunction(() => performance.getEntriesByName('am-planner:save').length > 0, null, { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('.save-indicator')?.textContent.includes('Saved'));
    const d = await page.evaluate(() => performance.getEntriesByName('am-planner:save').map((e) => e.duration));
    (globalThis.times ||= []).push(Math.max(...d));
    const l = await page.evaluate(() => performance.getEntriesByName('am-planner:load').map((e) => e.duration));
    (globalThis.loads ||= []).push(...l);
  }
  const times = globalThis.times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)];
  Object.assign(globalThis.result, { edit_save_ms_p50: p50, edit_save_ms_max: times[times.length - 1] });
  console.log(`  one edit at ${n} accounts, save task (performance.measure), ${times.length} edits: p50 ${p50.toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
  console.log(`    each (ms, sorted): ${times.map((t) => t.toFixed(1)).join(' ')}`);
  const loads = globalThis.loads.sort((a, b) => a - b);
  console.log(`  opening the app on ${n} accounts, load from storage: p50 ${loads[Math.floor(loads.length / 2)].toFixed(0)} ms`);
  await context.close();

  // The largest generated workspace that saves here: grow, then bisect.
  if (process.env.BENCH_GROW !== '0') {
    const fits = async (k) => {
      const f = path.join(workDir, `ws-${k}.json`);
      if (!fs.existsSync(f)) fs.writeFileSync(f, execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'big_workspace', '--', String(k)], { cwd: root, maxBuffer: 1 << 30 }));
      const c = await browser.newContext();
      const p = await c.newPage();
      await p.goto(base + '/');
      await p.waitForSelector('header.topbar');
      const saved = await importFile(p, f);
      await c.close();
      return saved;
    };
    let lo = 2000, hi = 3000;
    if (!(await fits(lo))) { console.log('  largest workspace that saves: under 2000 accounts'); }
    else {
      // The reader takes at most 5,000 accounts (MAX_LIST_ITEMS): a larger file is refused
      // at import, so the search stops there.
      const LIST_LIMIT = 5000;
      while (hi <= LIST_LIMIT && await fits(hi)) { lo = hi; hi = Math.min(Math.round(hi * 1.5), LIST_LIMIT + 1); }
      while (hi - lo > 100) { const mid = Math.round((lo + hi) / 2); if (await fits(mid)) lo = mid; else hi = mid; }
      globalThis.result.capacity_accounts = { at_least: lo, under: hi };
      console.log(`  largest workspace that saves in Chromium: ${lo} to ${hi} accounts (within 100)`);
    }
  }
  fs.writeFileSync(path.join(root, 'target/bench/storage.json'), JSON.stringify(globalThis.result, null, 2));
} finally {
  await browser.close();
  server.close();
}
