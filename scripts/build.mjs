// `make build`: the release bundle in dist/, with the pages other than the portfolio cut
// into wasm modules loaded when first opened (docs/build.md). In turn:
//   1. cargo: the app's wasm, release, with the `split` feature and the relocations the
//      splitter reads (`--emit-relocs`, passed to this crate's link step only, so the
//      dependencies stay built);
//   2. tools/split (am-split): the main module, one module per group of lazy pages and the
//      chunks they share, and `__wasm_split.js`, the loader of those modules;
//   3. wasm-bindgen 0.2.130 (`--target web`) on the main module, its glue minified;
//   4. wasm-opt -Oz (binaryen 132) on the main module and every other module;
//   5. the modules and their JavaScript into dist/app-<hash>/ (a hash of all of them, so a
//      page never mixes the files of two builds), public/ and the stylesheets beside them,
//      and index.html with the loader; then scripts/post-build.mjs (one stylesheet, the
//      loader's hash in the Content Security Policy, the service worker, .gz/.br twins).
//
//   node scripts/build.mjs [dist-dir]   (default: dist)
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupsOf } from './split-groups.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(root, process.argv[2] || 'dist');
const work = path.join(root, 'target/split');
const NAME = 'am-planner';
const WASM = path.join(root, `target/wasm32-unknown-unknown/release/${NAME}.wasm`);
const SPLIT_TOOL = path.join(root, 'tools/split/target/release/am-split');

function run(cmd, args, opts = {}) {
  const shown = [cmd, ...args].map((a) => path.relative(root, a) && a.startsWith(root) ? path.relative(root, a) : a);
  console.log(`build: ${shown.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) fail(`${cmd} could not start: ${r.error.message} (scripts/ensure-tools.sh build installs it)`);
  if (r.status !== 0) fail(`${cmd} failed (exit ${r.status})`);
}

/** The wasm target's `rustflags` in .cargo/config.toml (a list of strings). */
function configRustflags() {
  const text = fs.readFileSync(path.join(root, '.cargo/config.toml'), 'utf8');
  const section = text.split(/^\[/m).find((t) => t.startsWith('target.wasm32-unknown-unknown]'));
  const list = section && /^rustflags\s*=\s*(\[[^\]]*\])/m.exec(section);
  if (!list) fail('no rustflags for wasm32-unknown-unknown in .cargo/config.toml');
  return JSON.parse(list[1]);
}

function fail(message) {
  console.error(`build: ${message}`);
  process.exit(1);
}

// 1. The app's wasm. The file names the code carries (a panic's place) are written from the
// crates' and this project's roots, not this machine's directories: neither a home
// directory nor the project's place is shipped. The flags of .cargo/config.toml come first
// (an environment's flags replace the file's).
const registry = path.join(process.env.CARGO_HOME || path.join(os.homedir(), '.cargo'), 'registry/src');
const sources = fs.existsSync(registry) ? fs.readdirSync(registry).map((d) => path.join(registry, d)) : [];
const rustflags = [...configRustflags(), ...sources.map((d) => `--remap-path-prefix=${d}=crates`), `--remap-path-prefix=${root}=.`];
run('cargo', ['rustc', '--release', '--target', 'wasm32-unknown-unknown', '--bin', NAME,
  '--features', 'split', '--', '-C', 'link-args=--emit-relocs'],
{ env: { ...process.env, CARGO_ENCODED_RUSTFLAGS: rustflags.join('\x1f') } });

// 2. Split it (the tool builds once, then cargo finds it up to date).
run('cargo', ['build', '--release', '--quiet', '--manifest-path', 'tools/split/Cargo.toml']);
fs.rmSync(work, { recursive: true, force: true });
const modules = path.join(work, 'modules');
run(SPLIT_TOOL, [WASM, modules, `./${NAME}.js`]);

// 3. wasm-bindgen on the main module. The lld exports stay: the other modules reach the
// main module's functions, memory and table through them.
const pkg = path.join(work, 'pkg');
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript',
  '--out-name', NAME, '--out-dir', pkg, path.join(modules, 'main.wasm')]);
for (const f of fs.readdirSync(modules)) {
  if (f !== 'main.wasm' && /\.(wasm|js)$/.test(f)) fs.copyFileSync(path.join(modules, f), path.join(pkg, f));
}
if (!fs.existsSync(path.join(pkg, '__wasm_split.js'))) fail('the splitter wrote no __wasm_split.js');
// wasm-bindgen's glue minified (esbuild, pinned in tools/): comments and spaces out, local
// names shortened; its exports and the names the module imports are kept (docs/build.md,
// "Minified text"). The splitter's loader stays as written: the build and the bundle's
// figures read its file names from it.
if (process.env.BUILD_NAMES !== '1') {
  const glue = path.join(pkg, `${NAME}.js`);
  const esbuild = createRequire(path.join(root, 'tools/package.json'))('esbuild');
  fs.writeFileSync(glue, esbuild.transformSync(fs.readFileSync(glue, 'utf8'), { format: 'esm', minify: true }).code);
}

// 4. wasm-opt on every module. BUILD_NAMES=1 keeps the functions' names, for profiles
// (`make profile`); a release never has them.
const names = process.env.BUILD_NAMES === '1' ? ['-g'] : ['--strip-debug'];
const wasmFiles = fs.readdirSync(pkg).filter((f) => f.endsWith('.wasm')).sort();
for (const f of wasmFiles) {
  const file = path.join(pkg, f);
  run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types',
    '--enable-multivalue', ...names, '--strip-producers', file, '-o', file],
  { stdio: ['ignore', 'ignore', 'inherit'] });
}

// 5. Lay out dist/.
const hash = crypto.createHash('sha256');
for (const f of fs.readdirSync(pkg).sort()) hash.update(f).update('\0').update(fs.readFileSync(path.join(pkg, f)));
const appDir = `app-${hash.digest('hex').slice(0, 16)}`;
fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(path.join(dist, appDir), { recursive: true });
for (const f of fs.readdirSync(pkg)) fs.copyFileSync(path.join(pkg, f), path.join(dist, appDir, f));
fs.cpSync(path.join(root, 'public'), dist, { recursive: true, filter: (src) => path.basename(src) !== 'sw.js' });
fs.cpSync(path.join(root, 'style'), path.join(dist, 'style'), { recursive: true });

const template = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
const marker = '<!-- app: scripts/build.mjs puts the loader here -->';
if (!template.includes(marker)) fail(`index.html lacks the line ${marker}`);
const js = `/${appDir}/${NAME}.js`;
const wasm = `/${appDir}/${NAME}_bg.wasm`;
// The reader of stored workspaces is a group of its own (docs/build.md): a start with a
// workspace stored needs it before its first drawing, so theme.js asks for its files beside
// the main module then, and for the writer's (fetched at every start, needed by the first
// save). Their names are written here, relative to their directory (so the page does not
// name them as first-page files).
const split = groupsOf(fs.readFileSync(path.join(pkg, '__wasm_split.js'), 'utf8'));
if (!split.readers?.length) fail('the loader names no readers group');
if (!split.writers?.length) fail('the loader names no writers group');
const storedStart = [...new Set([...split.readers, ...split.writers])];
const loader = [
  `<meta name="am-planner-stored-start" data-dir="/${appDir}/" content="${storedStart.join(' ')}" />`,
  `<script type="module">import init from '${js}'; init({ module_or_path: '${wasm}' });</script>`,
  `<link rel="modulepreload" href="${js}" />`,
  `<link rel="modulepreload" href="/${appDir}/__wasm_split.js" />`,
  `<link rel="preload" href="${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" fetchpriority="high" />`,
].join('\n    ');
fs.writeFileSync(path.join(dist, 'index.html'), template.replace(marker, loader));
console.log(`build: ${wasmFiles.length} wasm modules in ${path.relative(root, dist)}/${appDir}`);

run(process.execPath, [path.join(root, 'scripts/post-build.mjs'), dist]);
