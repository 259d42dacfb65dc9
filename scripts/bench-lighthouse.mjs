#!/usr/bin/env node
// Lighthouse scores of release builds (figures, never pass/fail): the first page on a fresh
// visit (the demo workspace), as a phone (Lighthouse's default: a slow 4G network and a 4x
// slower CPU, simulated) and as a desktop. Prints the four category scores and the main
// timings, and writes the first build's to target/bench/lighthouse.json (the others' to
// lighthouse-2.json and on).
//
// Each form is run LIGHTHOUSE_RUNS times (default 3) for each build: the scores move by
// several points from run to run on a loaded machine, so the run with the median
// performance score is the one reported, with the others beside it. Given more than one
// build (a baseline), the builds take turns, one run each, so that a busy spell of the
// machine falls on both rather than on whichever ran then.
//
// Usage: node scripts/bench-lighthouse.mjs [dist-dir...] (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'tools/node_modules/.bin/lighthouse');
if (!fs.existsSync(cli)) {
  console.log('lighthouse: not installed (tools/: npm ci), skipped');
  process.exit(0);
}
const dists = (process.argv.length > 2 ? process.argv.slice(2) : [path.join(root, 'dist')]).map((d) => path.resolve(d));
const outDir = path.join(root, 'target/bench');
fs.mkdirSync(outDir, { recursive: true });
const servers = [];
for (const dist of dists) servers.push(await startServer(dist, 0));
const results = dists.map(() => ({}));
try {
  const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS || 3));
  for (const form of ['mobile', 'desktop']) {
    const all = dists.map(() => []);
    for (let run = 0; run < runs; run++) {
      for (const [i, server] of servers.entries()) {
        const url = `http://127.0.0.1:${server.address().port}/`;
        const out = path.join(outDir, `lighthouse-${form}-${i + 1}-${run + 1}.json`);
        const args = [url, '--quiet', '--output=json', `--output-path=${out}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run'];
        if (form === 'desktop') args.push('--preset=desktop');
        try {
          // Asynchronous: the servers above run in this process and must keep answering.
          await promisify(execFile)(cli, args, {
            env: { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' },
            timeout: 240_000,
            maxBuffer: 64 << 20,
          });
        } catch (e) {
          console.log(`lighthouse ${form}: failed (${String(e.stderr || e.message).split('\n')[0]})`);
          continue;
        }
        const r = JSON.parse(fs.readFileSync(out, 'utf8'));
        const score = (c) => Math.round((r.categories[c]?.score ?? NaN) * 100);
        const ms = (a) => r.audits[a]?.numericValue;
        all[i].push({
          file: out,
          performance: score('performance'), accessibility: score('accessibility'),
          best_practices: score('best-practices'), seo: score('seo'),
          fcp_ms: ms('first-contentful-paint'), lcp_ms: ms('largest-contentful-paint'),
          tbt_ms: ms('total-blocking-time'), cls: ms('cumulative-layout-shift'), si_ms: ms('speed-index'),
          failed_audits: Object.values(r.audits)
            .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
            .map((a) => a.id),
        });
      }
    }
    for (const [i, list] of all.entries()) {
      if (list.length === 0) continue;
      // The run with the median performance score, and every run's score, blocking time and
      // largest paint (in the order they ran).
      const sorted = [...list].sort((a, b) => a.performance - b.performance);
      const { file, ...median } = sorted[(sorted.length - 1) >> 1];
      results[i][form] = {
        ...median,
        performance_runs: list.map((r) => r.performance),
        tbt_runs_ms: list.map((r) => Math.round(r.tbt_ms)),
        lcp_runs_ms: list.map((r) => Math.round(r.lcp_ms)),
      };
      fs.copyFileSync(file, path.join(outDir, `lighthouse-${form}${i ? `-${i + 1}` : ''}.json`));
    }
  }
} finally {
  for (const server of servers) server.close();
}
console.log(`${'Lighthouse'.padEnd(12)} ${['perf', 'a11y', 'best pr.', 'SEO', 'FCP s', 'LCP s', 'TBT ms', 'CLS'].map((h) => h.padStart(9)).join('')}`);
for (const [i, dist] of dists.entries()) {
  if (dists.length > 1) console.log(`${path.relative(process.cwd(), dist) || dist}${i === 0 ? '' : ' (baseline)'}:`);
  for (const [form, r] of Object.entries(results[i])) {
    console.log(`${form.padEnd(12)} ${[r.performance, r.accessibility, r.best_practices, r.seo,
      (r.fcp_ms / 1000).toFixed(1), (r.lcp_ms / 1000).toFixed(1), Math.round(r.tbt_ms), r.cls.toFixed(3)]
      .map((v) => String(v).padStart(9)).join('')}`);
    if (r.performance_runs.length > 1) {
      console.log(`  ${form} over ${r.performance_runs.length} runs (the median run is shown): performance ${r.performance_runs.join(', ')}; TBT ${r.tbt_runs_ms.join(', ')} ms; LCP ${r.lcp_runs_ms.map((v) => (v / 1000).toFixed(1)).join(', ')} s`);
    }
    if (r.failed_audits.length) console.log(`  ${form} audits not passed: ${r.failed_audits.join(', ')}`);
  }
}
for (const [i, r] of results.entries()) {
  fs.writeFileSync(path.join(outDir, `lighthouse${i ? `-${i + 1}` : ''}.json`), JSON.stringify(r, null, 2));
}
