// Shared set-up for the end-to-end tests: the release dist/ served on 127.0.0.1, Debian's
// Chromium driven by playwright-core, console errors collected, screenshots in target/e2e/.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'tools/package.json'));
const { chromium } = require('playwright-core');

export const shotsDir = path.join(root, 'target/e2e');
fs.mkdirSync(shotsDir, { recursive: true });

export async function setup() {
  const dist = process.env.E2E_DIST || path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run `make build`');
  const server = await startServer(dist, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base, browser,
    async close() { await browser.close(); server.close(); },
  };
}

/** A fresh context and page; every console error and page error is recorded in `errors`. */
export async function newPage(env, { viewport = { width: 1280, height: 860 }, acceptDownloads = true } = {}) {
  const context = await env.browser.newContext({ viewport, acceptDownloads });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** Opens a path and waits until the app has rendered. */
export async function open(page, base, p = '/') {
  await page.goto(base + p);
  await page.waitForSelector('header.topbar');
}

export async function shot(page, name) {
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
}

/** Waits for autosave to reach storage (the indicator says so). */
export async function saved(page) {
  await page.waitForFunction(() => document.querySelector('.save-indicator')?.textContent.includes('Saved'));
}

/** Reads the stored workspace document. */
export async function stored(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('am-planner.workspace')));
}

export function isoDaysFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A fresh page whose clipboard works (the permission Chromium asks for is granted). */
export async function clipboardPage(env) {
  const p = await newPage(env);
  await p.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
  return p;
}

/** Runs `trigger`, saves the download it starts into target/e2e/ and returns the path. */
export async function download(page, trigger) {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const file = path.join(shotsDir, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}
