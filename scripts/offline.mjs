// Writes the service worker of a build (template: public/sw.js) into the build directory:
// the build's id (a hash of every file's name and bytes) and the list of its files. A new
// build gives a new sw.js, which the browser takes for a new version.
//
//   node scripts/offline.mjs [dir]   (default: dist)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = process.argv[2] || 'dist';
const skip = (f) => f === 'sw.js' || f.endsWith('.gz') || f.endsWith('.br');

function walk(d, base = '') {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(d, e.name), `${base}${e.name}/`) : [`${base}${e.name}`]);
}

const files = walk(dir).filter((f) => !skip(f)).sort();
const hash = crypto.createHash('sha256');
for (const f of files) hash.update(f).update('\0').update(fs.readFileSync(path.join(dir, f)));
const build = hash.digest('hex').slice(0, 16);
const template = fs.readFileSync(path.join(root, 'public/sw.js'), 'utf8');
if (!template.includes("'__BUILD__'") || !template.includes('__FILES__')) {
  console.error('offline: public/sw.js lacks the __BUILD__ or __FILES__ placeholder');
  process.exit(1);
}
const list = JSON.stringify(files.map((f) => `/${f}`), null, 2);
fs.writeFileSync(path.join(dir, 'sw.js'),
  template.replace("'__BUILD__'", JSON.stringify(build)).replace('__FILES__', list));
console.log(`offline: service worker for build ${build}, ${files.length} files`);
