#!/usr/bin/env node
// The release bundle's size (figures, never pass/fail): index.html and each wasm, js and css
// file of dist/ (the build's module directory app-<hash>/ included) raw, gzip -9 and brotli
// 11, and the totals that matter:
//   - first page: what the portfolio loads before it is interactive: index.html (with the
//     loader, and since 2026-12-03 the stylesheet and theme.js written in) and the files it
//     names (main module, its JavaScript; in older builds the stylesheet and theme.js);
//   - each group of pages loaded on demand: its module and the shared chunks it needs (read
//     from the loader __wasm_split.js, docs/build.md), on top of the first page;
//   - all features: every file.
// Writes target/bench/bundle.json as well.
//
// Usage: node scripts/bench-bundle.mjs [dist-dir] (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { groupsOf } from './split-groups.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const walk = (d, base = '') => fs.readdirSync(path.join(dist, d), { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(d, e.name), `${base}${e.name}/`) : [`${base}${e.name}`]);
// The stylesheet of the pages loaded on demand: named in the page, asked for after the start
// or with the first such page (docs/build.md#styles-on-demand), not by the first page.
const laterStyles = html.match(/<meta name="am-planner-later-styles" content="\/([^"]+)"/)?.[1];
const files = walk('.').filter((f) => (/\.(wasm|js|css)$/.test(f) && f !== 'sw.js') || f === 'index.html').sort();
const size = (f) => {
  const bytes = fs.readFileSync(path.join(dist, f));
  return {
    file: f, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    first_page: f === 'index.html' || (html.includes(`/${f}`) && f !== laterStyles),
  };
};
const rows = files.map(size);
const sum = (xs, k) => xs.reduce((n, x) => n + x[k], 0);
const total = (xs) => ({ raw: sum(xs, 'raw'), gzip: sum(xs, 'gzip'), brotli: sum(xs, 'brotli') });

// The groups of lazy pages: `export const __wasm_split_load_<group>_<n> = ... "./split_...wasm"
// ..., [__chunk_a, __chunk_b])` and `const __chunk_a = ... "./chunk_a.wasm"` in the loader.
const groups = {};
const loaderFile = files.find((f) => f.endsWith('/__wasm_split.js'));
if (loaderFile) {
  const dir = path.dirname(loaderFile);
  for (const [g, names] of Object.entries(groupsOf(fs.readFileSync(path.join(dist, loaderFile), 'utf8')))) {
    groups[g] = names.map((n) => `${dir}/${n}`);
  }
}
const byFile = Object.fromEntries(rows.map((r) => [r.file, r]));
const firstPage = total(rows.filter((r) => r.first_page));
const result = {
  files: rows.map((r) => ({ ...r, file: r.file })),
  first_page: firstPage,
  on_demand: Object.fromEntries(Object.entries(groups).map(([g, fs]) => [g, { files: fs, ...total(fs.map((f) => byFile[f])) }])),
  all: total(rows),
  later_styles: laterStyles ? byFile[laterStyles] : null,
};
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const line = (label, t, note) => console.log(`${label.padEnd(48)} ${String(t.raw).padStart(10)} ${String(t.gzip).padStart(10)} ${String(t.brotli).padStart(10)}  ${note}`);
console.log(`${'file'.padEnd(48)} ${'bytes'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}  first page`);
for (const r of rows.filter((r) => r.first_page || !/\/(chunk|split)_/.test(r.file))) {
  line(r.file, r, r.first_page ? 'yes' : r.file === laterStyles ? 'on demand: the pages\' stylesheet, after the start' : 'on demand');
}
const lazyRows = rows.filter((r) => !r.first_page && /\/(chunk|split)_/.test(r.file));
if (lazyRows.length) line(`${lazyRows.length} modules loaded on demand`, total(lazyRows), 'on demand');
for (const [g, t] of Object.entries(result.on_demand)) line(`  ${g} (${t.files.length} files)`, t, `+ on first opening (${kb(t.gzip)} gzip)`);
line('first page (html + wasm + js + css)', firstPage, `(${kb(firstPage.gzip)} gzip, ${kb(firstPage.brotli)} brotli)`);
line('all features', result.all, `(${kb(result.all.gzip)} gzip, ${kb(result.all.brotli)} brotli)`);
fs.mkdirSync(path.join(root, 'target/bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'target/bench/bundle.json'), JSON.stringify(result, null, 2));
