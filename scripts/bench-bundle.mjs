#!/usr/bin/env node
// The release bundle's size (figures, never pass/fail): each wasm, js and css file of
// dist/ raw, gzip -9 and brotli 11, and two totals: what the first page loads before it is
// interactive (the files index.html names, and the wasm its loader fetches), and every
// feature together. Writes target/bench/bundle.json as well.
//
// Usage: node scripts/bench-bundle.mjs [dist-dir] (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] || path.join(root, 'dist'));
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = fs.readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f) && f !== 'sw.js').sort();
const size = (f) => {
  const bytes = fs.readFileSync(path.join(dist, f));
  return {
    file: f, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    first_page: html.includes(f) || html.includes(f.replace(/_bg\.wasm$/, '.js')),
  };
};
const rows = files.map(size);
const sum = (xs, k) => xs.reduce((n, x) => n + x[k], 0);
const total = (xs) => ({ raw: sum(xs, 'raw'), gzip: sum(xs, 'gzip'), brotli: sum(xs, 'brotli') });
const result = { files: rows, first_page: total(rows.filter((r) => r.first_page)), all: total(rows) };
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`${'file'.padEnd(44)} ${'bytes'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}  first page`);
for (const r of rows) console.log(`${r.file.padEnd(44)} ${String(r.raw).padStart(10)} ${String(r.gzip).padStart(10)} ${String(r.brotli).padStart(10)}  ${r.first_page ? 'yes' : 'on demand'}`);
for (const [label, t] of [['first page (wasm + js + css)', result.first_page], ['all features', result.all]]) {
  console.log(`${label.padEnd(44)} ${String(t.raw).padStart(10)} ${String(t.gzip).padStart(10)} ${String(t.brotli).padStart(10)}  (${kb(t.gzip)} gzip, ${kb(t.brotli)} brotli)`);
}
fs.mkdirSync(path.join(root, 'target/bench'), { recursive: true });
fs.writeFileSync(path.join(root, 'target/bench/bundle.json'), JSON.stringify(result, null, 2));
