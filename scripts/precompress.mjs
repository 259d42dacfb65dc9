// Writes name.gz (gzip -9) and name.br (brotli, best) beside each compressible file of a
// build, so a static server can send them as they are with Content-Encoding instead of
// compressing on every request (scripts/serve.mjs does). Only where it saves bytes.
//
//   node scripts/precompress.mjs [dir]   (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dir = process.argv[2] || 'dist';
const COMPRESSIBLE = /\.(wasm|js|css|html|json|svg|webmanifest|txt)$/;

function walk(d) {
  return fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
}

let raw = 0; let gz = 0; let br = 0;
for (const f of walk(dir).filter((f) => COMPRESSIBLE.test(f))) {
  const bytes = fs.readFileSync(f);
  const g = zlib.gzipSync(bytes, { level: 9 });
  const b = zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
    },
  });
  if (g.length < bytes.length) fs.writeFileSync(`${f}.gz`, g);
  if (b.length < bytes.length) fs.writeFileSync(`${f}.br`, b);
  raw += bytes.length; gz += Math.min(g.length, bytes.length); br += Math.min(b.length, bytes.length);
}
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
console.log(`precompress: ${kb(raw)} -> gzip ${kb(gz)}, brotli ${kb(br)}`);
