// A post-build step (scripts/post-build.mjs): puts the sha256 of every inline <script> (the
// module loader scripts/build.mjs writes, and theme.js written in by inline-head.mjs) into
// the Content Security Policy of index.html in place of 'sha256-LOADER', and of every inline
// <style> (the joined stylesheet) in place of 'sha256-STYLE'. The loader names the build's
// directory of wasm and JS files, so its hash changes with each build. Fails the build when
// a placeholder is missing or when there is nothing to hash for it.
//
//   node scripts/csp-hash.mjs [dist-dir | path/to/index.html]   (default: dist)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const arg = process.argv[2] || 'dist';
const file = fs.statSync(arg).isDirectory() ? path.join(arg, 'index.html') : arg;
let html = fs.readFileSync(file, 'utf8');
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const inline = (tag) => [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))]
  .filter((m) => !/\bsrc\s*=/.test(m[1]))
  .map((m) => sha256(m[2]));
for (const [tag, placeholder] of [['script', 'LOADER'], ['style', 'STYLE']]) {
  const meta = new RegExp(`(<meta\\s+http-equiv="Content-Security-Policy"\\s+content="[^"]*)'sha256-${placeholder}'`, 'i');
  if (!meta.test(html)) {
    console.error(`csp-hash: ${file} has no 'sha256-${placeholder}' in its Content-Security-Policy`);
    process.exit(1);
  }
  const hashes = inline(tag);
  if (hashes.length === 0) {
    console.error(`csp-hash: ${file} has no inline ${tag} to hash`);
    process.exit(1);
  }
  html = html.replace(meta, (_, head) => head + hashes.join(' '));
  console.log(`csp-hash: ${hashes.length} inline ${tag}(s) allowed by hash in ${path.basename(file)}`);
}
fs.writeFileSync(file, html);
