// Trunk's post_build hook (Trunk runs the hooks of one stage at the same time, so the steps
// that depend on each other are one hook, in this order):
//   1. csp-hash.mjs: the loader's hash into the Content Security Policy of index.html;
//   2. offline.mjs: the service worker with this build's id and file list;
//   3. precompress.mjs: a .gz and a .br beside each text or wasm file, for servers that
//      send them as they are (scripts/serve.mjs does).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const step of ['csp-hash.mjs', 'offline.mjs', 'precompress.mjs']) {
  const r = spawnSync(process.execPath, [path.join(here, step), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
