#!/usr/bin/env node
// The summary of `make bench`: reads what the steps wrote in target/bench/ (bundle.json,
// browser.json, storage.json, lighthouse.json), prints one table of the headline figures and
// writes them all to target/bench/results.json. Figures only, never pass/fail.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'target/bench');
const read = (f) => { try { return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch { return null; } };
const bundle = read('bundle.json');
const browser = read('browser.json');
const storage = read('storage.json');
const lighthouse = read('lighthouse.json');
const b = browser?.runs?.[0];
const kb = (n) => (n == null ? 'n/a' : `${(n / 1024).toFixed(0)} KB`);
const ms = (n) => (n == null ? 'n/a' : `${n.toFixed(n < 100 ? 1 : 0)} ms`);
const axe = browser?.axe_violations ? Object.values(browser.axe_violations).reduce((n, v) => n + v.length, 0) : null;
const lh = (form) => (lighthouse?.[form] ? `${lighthouse[form].performance} / ${lighthouse[form].accessibility} / ${lighthouse[form].best_practices} / ${lighthouse[form].seo}` : 'n/a');
const table = [
  ['bundle, first page (gzip / brotli)', `${kb(bundle?.first_page.gzip)} / ${kb(bundle?.first_page.brotli)}`],
  ['bundle, all features (gzip / brotli)', `${kb(bundle?.all.gzip)} / ${kb(bundle?.all.brotli)}`],
  ['first paint, 1,000 accounts', b ? `${ms(b.first_paint_ms.median)} vs plain page ${ms(b.vanilla_first_paint_ms.median)} (${b.first_paint_vs_vanilla.toFixed(2)}x)` : 'n/a'],
  ['edit to painted score (Health tab) p50 / p95', b ? `${ms(b.edit_to_paint_ms.p50)} / ${ms(b.edit_to_paint_ms.p95)}` : 'n/a'],
  ['  floor: a text change timed the same way', b?.text_change_to_paint_ms ? `${ms(b.text_change_to_paint_ms.p50)} / ${ms(b.text_change_to_paint_ms.p95)}` : 'n/a'],
  ['sort repaint, 1,000 accounts', b ? ms(b.sort_ms.median) : 'n/a'],
  ['filter keystroke, 1,000 accounts', b ? ms(b.filter_keystroke_ms.median) : 'n/a'],
  ['table paint (menu click), 1,000 accounts', b ? ms(b.table_paint_ms.median) : 'n/a'],
  [`import of ${b ? (b.file_bytes / 1e6).toFixed(1) : '?'} MB (version 1) vs JSON.parse`, b ? `${ms(b.import_ms.median)} vs ${ms(b.json_parse_ms.median)} (${b.import_vs_json_parse.toFixed(1)}x)` : 'n/a'],
  [`  as exported now (${b?.exported_file_bytes ? (b.exported_file_bytes / 1e6).toFixed(1) : '?'} MB)`, b?.import_exported_ms ? `${ms(b.import_exported_ms.median)} vs ${ms(b.json_parse_exported_ms.median)} (${b.import_exported_vs_json_parse.toFixed(1)}x)` : 'n/a'],
  ['storage per account (UTF-16 bytes)', storage ? `${storage.bytes_per_account} B` : 'n/a'],
  ['capacity (accounts that save in Chromium)', storage?.capacity_accounts ? `${storage.capacity_accounts.at_least} to ${storage.capacity_accounts.under}` : 'n/a'],
  ['Lighthouse mobile perf / a11y / best pr. / SEO', lh('mobile')],
  ['Lighthouse desktop perf / a11y / best pr. / SEO', lh('desktop')],
  ['axe-core violations (demo workspace, 9 pages)', axe == null ? 'n/a' : String(axe)],
];
console.log('\nSummary (target/bench/results.json)');
for (const [k, v] of table) console.log(`  ${k.padEnd(48)} ${v}`);
fs.writeFileSync(path.join(dir, 'results.json'), JSON.stringify({
  date: new Date().toISOString(), bundle, browser, storage, lighthouse,
}, null, 2));
