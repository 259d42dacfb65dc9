// A post-build step (scripts/post-build.mjs): puts the sha256 of every inline <script> (the
// module loader scripts/build.mjs writes) into the Content Security Policy of index.html,
// in place of 'sha256-LOADER'. The loader names the build's directory of wasm and JS
// files, so its hash changes with each build. Fails the build when the placeholder is
// missing or when there is no inline script to hash.
//
//   node scripts/csp-hash.mjs [dist-dir | path/to/index.html]   (default: dist)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PLACEHOLDER = "'sha256-LOADER'";
const arg = process.argv[2] || 'dist';
const file = fs.statSync(arg).isDirectory() ? path.join(arg, 'index.html') : arg;
const html = fs.readFileSync(file, 'utf8');
const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*)'sha256-LOADER'/i;
if (!meta.test(html)) {
  console.error(`csp-hash: ${file} has no ${PLACEHOLDER} in its Content-Security-Policy`);
  process.exit(1);
}
const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
  if (/\bsrc\s*=/.test(m[1])) continue;
  const digest = crypto.createHash('sha256').update(m[2], 'utf8').digest('base64');
  hashes.push(`'sha256-${digest}'`);
}
if (hashes.length === 0) {
  console.error(`csp-hash: ${file} has no inline script to hash`);
  process.exit(1);
}
fs.writeFileSync(file, html.replace(meta, (_, head) => head + hashes.join(' ')));
console.log(`csp-hash: ${hashes.length} inline script(s) allowed by hash in ${path.basename(file)}`);
