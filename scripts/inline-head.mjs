// Writes what the first paint needs into index.html itself, so the frame it carries paints as
// soon as the page has arrived, with no request of its own (docs/build.md#the-first-paint):
//   - the stylesheets index.html names (one per feature in style/) are joined, in the order
//     index.html lists them, into one minified <style> element in place of the first link.
//     The cascade is the same: the files are concatenated as the browser would apply them.
//   - public/theme.js (the theme applied before the first paint, and what the frame shows)
//     is written in place of its <script src> tag;
//   - the template's comments (for whoever edits index.html) are left out of the built page.
// scripts/csp-hash.mjs then allows both by their hashes.
//
//   node scripts/inline-head.mjs [dir]   (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const dir = process.argv[2] || 'dist';
const file = path.join(dir, 'index.html');
const html = fs.readFileSync(file, 'utf8').replace(/[ \t]*<!--[\s\S]*?-->\n?/g, '');
const fail = (why) => {
  console.error(`inline-head: ${why}`);
  process.exit(1);
};
const link = /<link rel="stylesheet" href="\/([^"]+\.css)"\s*\/?>\s*/g;
const names = [...html.matchAll(link)].map((m) => m[1]);
if (names.length === 0) fail(`${file} names no stylesheet`);
const joined = names.map((n) => `${fs.readFileSync(path.join(dir, n), 'utf8')}\n`).join('');
if (/@import|@charset/.test(joined)) fail('a stylesheet uses @import or @charset, which only work at the top of a file');
if (/url\(/.test(joined)) fail('a stylesheet names a file with url(): written into the page, its address would change');
// Minified (esbuild, pinned in tools/): comments and spaces out; the rules, their order and
// the values as written (no syntax lowered), so the cascade is the same. The theme script
// keeps its names (the e2e tests read FONT_WARM from the page): spaces and comments only.
const esbuild = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '../tools/package.json'))('esbuild');
const css = esbuild.transformSync(joined, { loader: 'css', minify: true }).code.trim();
const themeTag = '<script src="/theme.js"></script>';
if (!html.includes(themeTag)) fail(`${file} lacks ${themeTag}`);
const theme = esbuild.transformSync(fs.readFileSync(path.join(dir, 'theme.js'), 'utf8'), {
  loader: 'js', minifyWhitespace: true, minifySyntax: true,
}).code.trim();
if (/<\/style/i.test(css) || /<\/script/i.test(theme)) fail('a closing tag inside the text to write into the page');
let first = true;
const out = html
  .replace(link, () => {
    if (!first) return '';
    first = false;
    return `<style>${css}</style>\n    `;
  })
  .replace(themeTag, () => `<script>${theme}</script>`);
fs.writeFileSync(file, out);
for (const n of [...names, 'theme.js']) fs.rmSync(path.join(dir, n));
// The folders the joined files came from (dist/style/), once empty.
for (const d of new Set(names.map((n) => path.dirname(n)).filter((d) => d !== '.'))) {
  if (fs.readdirSync(path.join(dir, d)).length === 0) fs.rmdirSync(path.join(dir, d));
}
console.log(`inline-head: ${names.length} stylesheets (${css.length} bytes) and theme.js (${theme.length} bytes) written into index.html`);
