// Offline use and updates (docs/offline.md): after one visit every page loads with no
// network; a new build is downloaded in the background, announced, and takes over only
// when the user reloads, files of one build together.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setup, newPage, open, shot, root } from './helpers.mjs';
import { startServer } from '../../scripts/serve.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// Every route: all but the portfolio are wasm modules loaded on first opening
// (docs/build.md), so each one proves its module came from the cache.
const ROUTES = ['/', '/accounts/new', '/accounts/1', '/accounts/1/health', '/accounts/1/stakeholders',
  '/accounts/1/renewal', '/accounts/1/expansion', '/accounts/1/save-plan', '/accounts/1/plan',
  '/accounts/1/qbr', '/accounts/1/qualify', '/accounts/1/white-space', '/accounts/1/commitments',
  '/accounts/1/escalations', '/week', '/renewals', '/white-space', '/kpis', '/settings', '/data',
  '/practice', '/practice/review', '/practice/questions', '/practice/mock', '/practice/drill',
  '/practice/reset'];

/** Waits until this page is controlled by the service worker (its first visit installs it). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
}

test('after one visit, a reload with no network opens every page, practice decks included', async () => {
  const { page, errors, context } = await newPage(env);
  const modules = [];
  // A module that fails to come from the cache (a request cut short by the next
  // navigation, such as the practice content's, is not a failure).
  page.on('requestfailed', (r) => { if (/\/app-[0-9a-f]+\//.test(r.url())) errors.push(`request failed: ${r.url()}`); });
  page.on('response', (r) => { if (/\/(split|chunk)_[^/]*\.wasm$/.test(r.url())) modules.push(r.status()); });
  await open(page, env.base, '/');
  await controlled(page);
  await context.setOffline(true);
  for (const route of ROUTES) {
    await open(page, env.base, route);
    await page.locator('main h1').first().waitFor();
    // The page's module is fetched before the next address is opened.
    await page.waitForLoadState('networkidle');
    const h1 = await page.locator('main h1').first().innerText();
    assert.notEqual(h1, 'Page not found', `${route} renders offline`);
  }
  assert.ok(modules.length > 0 && modules.every((s) => s === 200), `the pages' modules came from the cache: ${modules}`);
  await open(page, env.base, '/practice');
  await page.locator('li.pr-deck').first().waitFor();
  assert.ok(await page.locator('li.pr-deck').count() > 0, 'the practice decks come from the cache');
  await page.reload();
  await page.waitForSelector('table.accounts, header.topbar');
  await shot(page, 'offline-reload');
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first visit downloads each file of the build once: the worker takes what the page fetched from the HTTP cache', async () => {
  const server = await startServer(process.env.E2E_DIST || path.join(root, 'dist'), 0);
  const sent = new Map();
  server.prependListener('request', (req, res) => {
    const asked = new URL(req.url, 'http://x').pathname;
    if (req.method === 'GET') res.on('finish', () => sent.set(asked, (sent.get(asked) || 0) + 1));
  });
  try {
    const { page, errors, context } = await newPage(env);
    await open(page, `http://127.0.0.1:${server.address().port}`, '/');
    await controlled(page);
    const hashed = [...sent].filter(([p]) => /^\/app-[0-9a-f]+\//.test(p));
    assert.ok(hashed.some(([p]) => p.endsWith('_bg.wasm')), 'the main module was fetched');
    assert.ok(hashed.length > 20, `every module of the build was cached: ${hashed.length} files`);
    assert.deepEqual(hashed.filter(([, n]) => n > 1), [], 'no file of the build is sent twice');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    server.close();
  }
});

test('without the service worker, the same offline reload fails (the test can tell)', async () => {
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  await open(page, env.base, '/');
  await context.setOffline(true);
  await assert.rejects(page.reload());
  await context.setOffline(false);
  await context.close();
});

test('a new build waits until the user reloads, then takes over whole', async () => {
  // A copy of dist/ that can be changed into a "new build".
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'am-planner-update-'));
  fs.cpSync(process.env.E2E_DIST || path.join(root, 'dist'), dir, { recursive: true });
  const server = await startServer(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    const { page, errors, context } = await newPage(env);
    await open(page, base, '/');
    await controlled(page);
    const shells = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('am-planner-shell-')));
    const [oldShell] = await shells();
    assert.ok(oldShell, 'the first build is cached');
    const servedIndex = () => page.evaluate(async () => (await fetch('/index.html')).text());
    assert.doesNotMatch(await servedIndex(), /build-two/);

    // The new build: index.html changes, then the worker and compressed twins are written
    // again, as the post-build hook does.
    const index = path.join(dir, 'index.html');
    fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('<head>', '<head>\n    <meta name="x-build" content="build-two" />'));
    execFileSync(process.execPath, [path.join(root, 'scripts/offline.mjs'), dir]);
    execFileSync(process.execPath, [path.join(root, 'scripts/precompress.mjs'), dir]);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

    const notice = page.locator('.new-version');
    await notice.waitFor({ timeout: 60_000 });
    assert.match(await notice.innerText(), /A new version of the planner is ready/);
    await shot(page, 'new-version-notice');
    // Until the user reloads, the page and every request it makes stay on the old build.
    assert.doesNotMatch(await servedIndex(), /build-two/);
    assert.ok((await shells()).includes(oldShell));

    await Promise.all([
      page.waitForEvent('load', { timeout: 60_000 }),
      notice.getByRole('button', { name: 'Reload' }).click(),
    ]);
    await page.waitForSelector('header.topbar');
    assert.match(await servedIndex(), /build-two/);
    const now = await shells();
    assert.equal(now.length, 1, 'only the new build is kept');
    assert.notEqual(now[0], oldShell);
    assert.equal(await notice.count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
