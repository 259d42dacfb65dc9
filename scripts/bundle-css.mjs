// Joins the stylesheets index.html names (one per feature, each a render-blocking request) into
// one minified file, in the order index.html lists them, so the first paint waits for one
// request instead of twenty. The cascade is the same: the files are concatenated as the browser
// would apply them. The joined file is named by its hash and carries its own integrity.
//
//   node scripts/bundle-css.mjs [dir]   (default: dist)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] || 'dist';
const file = path.join(dir, 'index.html');
const html = fs.readFileSync(file, 'utf8');
const link = /<link rel="stylesheet" href="\/([^"]+\.css)"(?: integrity="[^"]*")?\s*\/?>\s*/g;
const names = [...html.matchAll(link)].map((m) => m[1]);
if (names.length < 2) {
  console.log(`bundle-css: ${names.length} stylesheet(s), nothing to join`);
  process.exit(0);
}
const joined = names.map((n) => `/* ${n.replace(/-[0-9a-f]+\.css$/, '.css')} */\n${fs.readFileSync(path.join(dir, n), 'utf8')}\n`).join('');
if (/@import|@charset/.test(joined)) {
  console.error('bundle-css: a stylesheet uses @import or @charset, which only work at the top of a file');
  process.exit(1);
}
// Minified (esbuild, pinned in tools/): comments and spaces out; the rules, their order and
// the values as written (no syntax lowered), so the cascade is the same.
const esbuild = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '../tools/package.json'))('esbuild');
const css = esbuild.transformSync(joined, { loader: 'css', minify: true }).code;
const name = `app-${crypto.createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`;
const integrity = `sha384-${crypto.createHash('sha384').update(css).digest('base64')}`;
fs.writeFileSync(path.join(dir, name), css);
let first = true;
const out = html.replace(link, () => {
  if (!first) return '';
  first = false;
  return `<link rel="stylesheet" href="/${name}" integrity="${integrity}"/>\n`;
});
fs.writeFileSync(file, out);
for (const n of names) fs.rmSync(path.join(dir, n));
// The folders the joined files came from (dist/style/), once empty.
for (const d of new Set(names.map((n) => path.dirname(n)).filter((d) => d !== '.'))) {
  if (fs.readdirSync(path.join(dir, d)).length === 0) fs.rmdirSync(path.join(dir, d));
}
console.log(`bundle-css: ${names.length} stylesheets joined into ${name} (${css.length} bytes)`);
