// A static server for dist/ with the fallback a single-page app needs: an address of the
// app that is not a file gets index.html, so /accounts/3 works on reload; a missing file
// (a name with an extension, or anything under a build's `app-<hash>/`) gets 404. A file
// with a precompressed twin (name.br, name.gz, written by scripts/precompress.mjs) is sent
// as that twin, with Content-Encoding, when the browser accepts it. No dependencies.
// Usage: node scripts/serve.mjs <dir> [port]   (port 0 = any free port)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.webmanifest': 'application/manifest+json',
};

/** The paths of files whose names hold the hash of their content (as `public/sw.js`). */
const HASHED = /^\/app-[0-9a-f]+(\/|\.css$)/;

export function startServer(dir, port = 0) {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      // A build's file that is not there (an old page asking for a module of a build
      // since replaced) must fail as such, not arrive as a page.
      if (HASHED.test(url.pathname) || path.extname(url.pathname) !== '') { res.writeHead(404); res.end(); return; }
      file = index;
    }
    if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
    const headers = {
      'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      // A name holding its content's hash (app-<hash>/..., app-<hash>.css) never changes
      // content: kept for a year without asking again. Anything else is asked again each
      // time (docs/offline.md).
      'Cache-Control': HASHED.test(url.pathname) && file !== index ? 'public, max-age=31536000, immutable' : 'no-cache',
      'Vary': 'Accept-Encoding',
    };
    const accepts = String(req.headers['accept-encoding'] || '');
    let body = file;
    for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (new RegExp(`\\b${enc}\\b`).test(accepts) && fs.existsSync(file + ext)) {
        body = file + ext;
        headers['Content-Encoding'] = enc;
        break;
      }
    }
    headers['Content-Length'] = fs.statSync(body).size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') { res.end(); return; }
    fs.createReadStream(body).pipe(res);
  });
  return new Promise((resolve, reject) => {
    const tryListen = (p, attemptsLeft) => {
      server.once('error', (e) => {
        if (e.code === 'EADDRINUSE' && p !== 0 && attemptsLeft > 0) tryListen(p + 1, attemptsLeft - 1);
        else reject(e);
      });
      server.listen(p, '127.0.0.1', () => resolve(server));
    };
    tryListen(port, 20);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.argv[3] ?? 8080);
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`No ${dir}/index.html: run \`make build\` first.`);
    process.exit(1);
  }
  const server = await startServer(dir, port);
  console.log(`Account Planner is served at http://127.0.0.1:${server.address().port}/  (Ctrl+C to stop)`);
}
