// The last step of scripts/build.mjs, on the laid-out dist/ (each step depends on the one
// before, so they run in this order):
//   0. inline-head.mjs: the stylesheets joined and written into index.html, theme.js too (the
//      frame paints with no request of its own);
//   1. csp-hash.mjs: the hashes of the inline scripts (the loader, theme.js) and the inline
//      stylesheet into the Content Security Policy of index.html;
//   2. offline.mjs: the service worker with this build's id and file list (every wasm
//      module included, so every page opens offline);
//   3. precompress.mjs: a .gz and a .br beside each text or wasm file, for servers that
//      send them as they are (scripts/serve.mjs does).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
for (const step of ['inline-head.mjs', 'csp-hash.mjs', 'offline.mjs', 'precompress.mjs']) {
  const r = spawnSync(process.execPath, [path.join(here, step), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
