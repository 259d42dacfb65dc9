// Shared set-up for the end-to-end tests: the release dist/ served on 127.0.0.1, Debian's
// Chromium driven by playwright-core, console errors collected, screenshots in target/e2e/.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
const require = createRequire(path.join(root, 'tools/package.json'));
const { chromium } = require('playwright-core');

export const shotsDir = path.join(root, 'target/e2e');
fs.mkdirSync(shotsDir, { recursive: true });

/** `setup()`, with scroll bars that take room from the page, as a desktop's classic ones do
 * (Playwright hides them by default). */
export function setupWithScrollBars() {
  return setup({ ignoreDefaultArgs: ['--hide-scrollbars'] });
}

export async function setup(launch = {}) {
  const dist = process.env.E2E_DIST || path.join(root, 'dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/ is missing: run `make build`');
  const server = await startServer(dist, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    ...launch,
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base, browser,
    async close() { await browser.close(); server.close(); },
  };
}

/** A fresh context and page; every console error, page error and Content Security Policy
 * violation is recorded in `errors`, so a flow that trips the policy fails. */
export async function newPage(env, { viewport = { width: 1280, height: 860 }, acceptDownloads = true, serviceWorkers = 'allow', frameDelayMs = Number(process.env.E2E_FRAME_DELAY_MS || 0) } = {}) {
  const context = await env.browser.newContext({ viewport, acceptDownloads, serviceWorkers });
  const page = await context.newPage();
  // E2E_CPU_SLOWDOWN=4 runs every page four times slower, as a loaded CI machine may:
  // a way to find a test that leans on timing.
  const slowdown = Number(process.env.E2E_CPU_SLOWDOWN || 0);
  if (slowdown > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  }
  // `frameDelayMs` (or E2E_FRAME_DELAY_MS=200 for every page) holds each animation-frame
  // callback that long, as a busy machine's late frames do: what the app does a frame
  // later then comes after the user's next action, and a test that leans on its timing
  // shows.
  const frameDelay = frameDelayMs;
  if (frameDelay > 0) {
    await page.addInitScript((ms) => {
      const raf = window.requestAnimationFrame.bind(window);
      window.requestAnimationFrame = (cb) => raf(() => setTimeout(() => cb(performance.now()), ms));
    }, frameDelay);
  }
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.exposeFunction('__cspViolation', (v) => errors.push(`CSP violation: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'}`
        + ` (${e.sourceFile || 'page'}:${e.lineNumber}) ${e.sample || ''}`);
    });
  });
  return { context, page, errors };
}

/** Opens a path and waits until the app has rendered: the portfolio's first drawing in a
 * page comes in parts, the page marked `aria-busy` until the last. */
export async function open(page, base, p = '/') {
  await page.goto(base + p);
  await page.waitForSelector('header.topbar');
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
}

/** A full-page screenshot. Rows the stylesheet lets the browser skip while far from the
 * screen (`content-visibility: auto`, the Health tab's check-ins) are drawn for it, as they
 * are for someone who scrolls to them; without that they show as blank space. */
export async function shot(page, name) {
  const skipped = await page.evaluate(() => {
    const els = [...document.querySelectorAll('body *')].filter((e) => getComputedStyle(e).contentVisibility === 'auto');
    for (const e of els) e.style.contentVisibility = 'visible';
    window.__shotSkipped = els;
    return els.length;
  });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage: true });
  if (skipped) await page.evaluate(() => { for (const e of window.__shotSkipped) e.style.contentVisibility = ''; });
  await page.evaluate(() => { delete window.__shotSkipped; });
}

/** Waits for autosave to reach storage (the indicator says so). */
export async function saved(page) {
  await page.waitForFunction(() => document.querySelector('.save-indicator')?.textContent.includes('Saved'));
}

/** Every localStorage item of the planner (`am-planner.*`), as { key: value }. */
export async function storedItems(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('am-planner.')).map((k) => [k, localStorage.getItem(k)])));
}

/** Unpacks a stored part: two characters of length, then 15 bits per character from
 * U+0020 (docs/storage.md). An independent reader of the documented form. */
export function unpackPart(text) {
  const codes = Array.from(text, (c) => {
    const v = c.codePointAt(0) - 0x20;
    if (v < 0 || v > 0x7fff) throw new Error(`character U+${c.codePointAt(0).toString(16)} is out of range`);
    return v;
  });
  const len = codes[0] * 0x8000 + codes[1];
  const out = Buffer.alloc(len);
  let acc = 0, bits = 0, j = 0;
  for (let i = 2; i < codes.length; i++) {
    acc = (acc << 15) | codes[i];
    bits += 15;
    while (bits >= 8 && j < len) { bits -= 8; out[j++] = (acc >> bits) & 0xff; acc &= (1 << bits) - 1; }
  }
  if (j !== len) throw new Error('a part is shorter than its length says');
  return JSON.parse(zlib.inflateSync(out).toString('utf8'));
}

/** The workspace document from stored items: the manifest lists the parts in order; the
 * rest part is the document without `workspace.accounts`. Null when nothing is stored. */
export function decodeStored(items) {
  const text = items['am-planner.manifest'];
  if (text == null) return null;
  const manifest = JSON.parse(text);
  const part = (hash) => {
    const value = items[`am-planner.part.${hash}`];
    if (value == null) throw new Error(`part ${hash} is missing`);
    return unpackPart(value);
  };
  const doc = part(manifest.rest);
  doc.workspace.accounts = manifest.accounts.map(([, hash]) => part(hash));
  return doc;
}

/** Replaces what is stored with `doc` (a workspace document), through the documented
 * migration of the old single-key form: the planner's keys are removed and the document is
 * put under `am-planner.workspace`; the next page load reads it and saves it in the stored
 * form. Reload (or `open`) after calling this. A save the page still has to make is waited
 * for first, so it cannot write over the document. */
export async function storeDocument(page, doc) {
  // A save still to come (a first open stores its demo once the page is painted) would
  // write over the document: wait for it.
  await page.waitForFunction(() => !document.querySelector('.save-indicator .pending'));
  await page.evaluate((text) => {
    for (const k of Object.keys(localStorage)) if (k.startsWith('am-planner.')) localStorage.removeItem(k);
    localStorage.setItem('am-planner.workspace', text);
  }, JSON.stringify(doc));
}

/** Reads the stored workspace document (the same document an export writes). */
export async function stored(page) {
  return decodeStored(await storedItems(page));
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

/** Goes to `path` the way a link inside the app does (the router follows the address; no
 * page load). */
export async function goInApp(page, path) {
  await page.evaluate((p) => { history.pushState(null, '', p); dispatchEvent(new PopStateEvent('popstate')); }, path);
}

/** What a page leaves behind, read through a CDP session on it: the live DOM nodes after a
 * garbage collection, and the window's listeners of each of `types`. */
export async function liveNodes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Memory.getDOMCounters')).nodes;
}

export async function windowListeners(cdp, types = ['scroll', 'resize']) {
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
  return Object.fromEntries(types.map((t) => [t, listeners.filter((l) => l.type === t).length]));
}
