// Writes what the first paint needs into index.html itself, so the frame it carries paints as
// soon as the page has arrived, with no request of its own (docs/build.md#the-first-paint):
//   - the stylesheets index.html names (one per feature in style/) are joined, in the order
//     index.html lists them, into one minified <style> element in place of the first link.
//     The cascade is the same: the files are concatenated as the browser would apply them.
//     Those marked `data-later` (the pages loaded on demand; they must come after all the
//     others) are joined the same way into a file of the build, `app-…/later-HASH.css`,
//     named in a <meta name="am-planner-later-styles">, which public/theme.js asks for when
//     the app needs it (docs/build.md#styles-on-demand);
//   - public/theme.js (the theme applied before the first paint, and what the frame shows)
//     is written in place of its <script src> tag;
//   - the template's comments (for whoever edits index.html) are left out of the built page.
// scripts/csp-hash.mjs then allows both by their hashes.
//
//   node scripts/inline-head.mjs [dir]   (default: dist)
import crypto from 'node:crypto';
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
const link = /<link rel="stylesheet" href="\/([^"]+\.css)"( data-later)?\s*\/?>\s*/g;
const found = [...html.matchAll(link)].map((m) => ({ name: m[1], later: Boolean(m[2]) }));
const names = found.map((f) => f.name);
if (found.filter((f) => !f.later).length === 0) fail(`${file} names no stylesheet for the page itself`);
if (found.some((f, i) => !f.later && found.slice(0, i).some((e) => e.later))) {
  fail('a stylesheet without data-later comes after one with it: the later file is applied after the page\'s own, so the cascade would change');
}
// Minified (esbuild, pinned in tools/): comments and spaces out; the rules, their order and
// the values as written (no syntax lowered), so the cascade is the same. The theme script
// keeps its names (the e2e tests read FONT_WARM from the page): spaces and comments only.
const esbuild = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '../tools/package.json'))('esbuild');
function joinedCss(list) {
  const joined = list.map((f) => `${fs.readFileSync(path.join(dir, f.name), 'utf8')}\n`).join('');
  if (/@import|@charset/.test(joined)) fail('a stylesheet uses @import or @charset, which only work at the top of a file');
  if (/url\(/.test(joined)) fail('a stylesheet names a file with url(): joined, its address would change');
  return esbuild.transformSync(joined, { loader: 'css', minify: true }).code.trim();
}
const css = joinedCss(found.filter((f) => !f.later));
const laterList = found.filter((f) => f.later);
let laterTag = '';
if (laterList.length > 0) {
  const apps = fs.readdirSync(dir).filter((d) => /^app-[0-9a-f]+$/.test(d));
  if (apps.length !== 1) fail(`expected one app-… folder in ${dir}, found ${apps.length}`);
  const laterCss = joinedCss(laterList);
  // Named by its content: the app folder is named by the code only.
  const laterName = `${apps[0]}/later-${crypto.createHash('sha256').update(laterCss).digest('hex').slice(0, 16)}.css`;
  fs.writeFileSync(path.join(dir, laterName), `${laterCss}\n`);
  laterTag = `<meta name="am-planner-later-styles" content="/${laterName}" />\n    `;
}
const themeTag = '<script src="/theme.js"></script>';
if (!html.includes(themeTag)) fail(`${file} lacks ${themeTag}`);
const theme = esbuild.transformSync(fs.readFileSync(path.join(dir, 'theme.js'), 'utf8'), {
  loader: 'js', minifyWhitespace: true, minifySyntax: true,
}).code.trim();
if (/<\/style/i.test(css) || /<\/script/i.test(theme)) fail('a closing tag inside the text to write into the page');
let first = true;
let firstLater = true;
const out = html
  .replace(link, (_, name, later) => {
    if (later) {
      if (!firstLater) return '';
      firstLater = false;
      return laterTag;
    }
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
console.log(`inline-head: ${names.length - laterList.length} stylesheets (${css.length} bytes) and theme.js (${theme.length} bytes) written into index.html`
  + (laterTag ? `, ${laterList.length} joined into the later file` : ''));
