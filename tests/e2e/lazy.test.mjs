// Pages loaded on demand (docs/build.md): the portfolio needs only the main module; the
// other pages' modules are fetched when one of them is first opened, and only once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, newPage, open, shot, saved, stored, storedItems, storeDocument, root, goInApp } from './helpers.mjs';
import { groupsOf } from '../../scripts/split-groups.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The wasm modules other than the main one: `split_<group>_<n>.wasm` and `chunk_<n>.wasm`. */
const LAZY = /\/app-[0-9a-f]+\/(split_|chunk_)[^/]*\.wasm$/;
const MAIN = /\/app-[0-9a-f]+\/am-planner_bg\.wasm$/;

/** The files of a group of lazy modules in the build under test (from its loader). */
function groupFiles(name) {
  const dist = process.env.E2E_DIST || path.join(root, 'dist');
  const [app] = fs.readdirSync(dist).filter((f) => /^app-[0-9a-f]+$/.test(f));
  const files = groupsOf(fs.readFileSync(path.join(dist, app, '__wasm_split.js'), 'utf8'))[name];
  assert.ok(files?.length, `the build has a ${name} group`);
  return files;
}

test('the portfolio loads no lazy module but the writer; opening Practice loads its own, and only once', async () => {
  // No service worker: it would fetch every file of the build into its cache.
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await open(page, env.base, '/');
  await page.locator('table.accounts').waitFor();
  await saved(page);
  assert.ok(requested.some((p) => MAIN.test(p)), 'the main module is loaded');
  // The writer's code, fetched at every start: the first save needs it.
  const writers = groupFiles('writers');
  assert.deepEqual([...new Set(requested.filter((p) => LAZY.test(p)).map((p) => p.split('/').pop()))].sort(), [...writers].sort(),
    'no lazy module but the writer\'s before a lazy page is opened');

  await page.locator('nav.mainnav a', { hasText: 'Practice' }).click();
  await page.locator('main h1', { hasText: 'Interview practice' }).waitFor();
  const practice = requested.filter((p) => LAZY.test(p));
  assert.ok(practice.some((p) => /split_practice_pages\b/.test(p)), `Practice's module is loaded: ${practice}`);
  assert.ok(practice.every((p) => !/split_(account|data|settings|kpis|week|renewals|white_space)_/.test(p)),
    `no other page's module is loaded: ${practice}`);
  await shot(page, 'lazy-practice');

  // Back to the portfolio and to Practice again: nothing is fetched a second time.
  const before = requested.length;
  await page.locator('nav.mainnav a', { hasText: 'Portfolio' }).click();
  await page.locator('table.accounts').waitFor();
  await page.locator('nav.mainnav a', { hasText: 'Practice' }).click();
  await page.locator('main h1', { hasText: 'Interview practice' }).waitFor();
  assert.deepEqual(requested.slice(before).filter((p) => LAZY.test(p)), [], 'a module is fetched once');

  // An account opened from the portfolio: its Overview's group only; a tab of another
  // group brings that group.
  await page.locator('nav.mainnav a', { hasText: 'Portfolio' }).click();
  const beforeAccount = requested.length;
  await page.locator('table.accounts a').first().click();
  await page.locator('nav.tabs').waitFor();
  await page.locator('main .danger-zone').waitFor();
  const account = requested.slice(beforeAccount).filter((p) => LAZY.test(p));
  assert.ok(account.some((p) => /split_account_overview\b/.test(p)), `the Overview's group loads on demand: ${account}`);
  assert.ok(account.every((p) => !/split_account_(stakeholders|commercial|plans)\b/.test(p)),
    `no other tab's group is loaded with the Overview: ${account}`);
  await page.locator('nav.tabs a', { hasText: 'Renewal' }).click();
  await page.locator('main .renewal-tab').waitFor();
  assert.ok(requested.some((p) => /split_account_commercial\b/.test(p)), 'the Renewal tab brings its group');
  // Straight from an address too.
  await open(page, env.base, '/accounts/1/health');
  await page.locator('main h1').first().waitFor();
  await page.locator('nav.tabs').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a visit served by the service worker readies the Overview of an account before an account is opened; a first visit does not', async () => {
  const { page, errors, context } = await newPage(env);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await open(page, env.base, '/');
  await page.locator('table.accounts').waitFor();
  await page.waitForTimeout(3000);
  // First visit: no worker served the page, so nothing is downloaded ahead.
  assert.ok(!requested.some((p) => /split_account_overview\b/.test(p)), 'a first visit downloads no account module ahead');
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
  await page.reload();
  requested.length = 0;
  await page.locator('table.accounts').waitFor();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /split_account_overview/.test(e.name)), null, { timeout: 10_000 });
  assert.ok(requested.some((p) => /split_account_overview\b/.test(p)), 'the Overview\'s group comes from the worker ahead of a click');
  assert.ok(!requested.some((p) => /split_(account_(stakeholders|commercial|plans)|practice|data|settings|kpis|week|renewals|white_space)_/.test(p)), `no other group: ${requested.filter((p) => /split_/.test(p))}`);
  // The account opens from the module made ready.
  await page.locator('table.accounts tbody th a').first().click();
  await page.locator('main .danger-zone').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a page whose module cannot be fetched says so, keeps the data, and loads on the next try', async () => {
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  await open(page, env.base, '/');
  await page.locator('table.accounts').waitFor();
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  // The connection drops for the Settings module.
  await page.route(/\/split_settings_page[^/]*\.wasm$/, (route) => route.abort());
  await page.locator('nav.mainnav a', { hasText: 'Settings' }).click();
  await page.locator('main h1', { hasText: 'This page could not be loaded' }).waitFor();
  assert.match(await page.locator('main .routed').innerText(), /Your data is safe in this browser/);
  assert.equal(await page.locator('#panic-screen').count(), 0, 'no error screen: the planner goes on');
  await shot(page, 'lazy-not-loaded');
  // The planner still works: the portfolio opens, nothing stored changed.
  await page.locator('nav.mainnav a', { hasText: 'Portfolio' }).click();
  await page.locator('table.accounts').waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), stored);
  // Back online: the next opening fetches the module again.
  await page.unroute(/\/split_settings_page[^/]*\.wasm$/);
  await page.locator('nav.mainnav a', { hasText: 'Settings' }).click();
  await page.locator('main h1', { hasText: 'Settings' }).waitFor();
  // The failed fetch is logged by the loader (and by the browser); nothing else is.
  assert.deepEqual(errors.filter((e) => !/split_settings_page|Failed to fetch|ERR_FAILED/.test(e)), []);
  await context.close();
});

test('the server: a missing file of a build is a 404, an address of the app is the page', async () => {
  const status = async (p) => {
    const r = await fetch(env.base + p);
    return [r.status, r.headers.get('content-type')];
  };
  const [app] = fs.readdirSync(process.env.E2E_DIST || path.join(root, 'dist')).filter((f) => /^app-[0-9a-f]+$/.test(f));
  // What an old page asks for once the site holds another build.
  assert.deepEqual(await status('/app-0123456789abcdef/chunk_12.wasm'), [404, null]);
  assert.deepEqual(await status(`/${app}/gone.wasm`), [404, null]);
  assert.deepEqual(await status('/gone.js'), [404, null]);
  assert.deepEqual(await status(`/${app}/am-planner_bg.wasm`), [200, 'application/wasm']);
  for (const p of ['/', '/accounts/3', '/accounts/3/health', '/practice/review']) {
    assert.deepEqual(await status(p), [200, 'text/html; charset=utf-8'], p);
  }
});

// The code that only a share link, an imported file or a workspace saved by an earlier
// version needs is fetched on demand too (`lazy_fn!`, docs/build.md).
const fixture = (name) => fs.readFileSync(path.join(root, 'tests/fixtures', name), 'utf8');
const SHARE_LINK = fixture('share-link-v1.txt').trim();
const V1_FILE = fixture('workspace-v1-example.json');
const module = (name) => new RegExp(`/split_${name}[^/]*\\.wasm$`);
const snapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

/** Drops a file named `name` holding `text` on the page, as a user dragging it in. */
async function drop(page, name, text) {
  const data = await page.evaluateHandle(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    return dt;
  }, [name, text]);
  await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: data });
}

test('a share link, a dropped older file and a workspace saved by an earlier version each fetch their code and work', async () => {
  // A share link opened on a fresh visit.
  {
    const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(SHARE_LINK.replace('https://planner.example', env.base));
    await page.locator('.sv-page h1').waitFor();
    assert.ok(requested.some((p) => module('share_link').test(p)), 'the share module is fetched');
    assert.ok(!requested.some((p) => module('(file_import|readers)').test(p)), 'nothing else is');
    await shot(page, 'lazy-share-link');
    assert.deepEqual(errors, []);
    await context.close();
  }
  // A version 1 file dropped on a fresh page load: read, previewed, imported.
  {
    const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await open(page, env.base, '/');
    await page.locator('table.accounts').waitFor();
    await drop(page, 'old-plan.json', V1_FILE);
    await page.getByRole('region', { name: 'Import preview' }).waitFor();
    assert.match(await page.locator('.import-result.preview').innerText(), /old-plan\.json[\s\S]*2 accounts/);
    assert.ok(requested.some((p) => module('file_import').test(p)), 'the file readers are fetched');
    await page.getByRole('button', { name: 'Replace my workspace' }).click();
    await page.getByText('Imported 2 accounts from old-plan.json.').waitFor();
    await saved(page);
    const doc = await stored(page);
    assert.equal(doc.version, 3);
    assert.deepEqual(doc.workspace.accounts.map((a) => a.name), ['Lindqvist Freight AB', 'Marlow Dental Group']);
    assert.deepEqual(errors, []);
    await context.close();
  }
  // A workspace saved by an earlier version (version 1 under the old single key): the
  // planner fetches the documents' reader, then starts with it and saves it anew.
  {
    const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
    await open(page, env.base, '/');
    await saved(page);
    await storeDocument(page, JSON.parse(V1_FILE));
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.reload();
    await page.locator('table.accounts').getByText('Marlow Dental Group').waitFor();
    assert.ok(requested.some((p) => module('readers').test(p)), 'the documents\' reader is fetched');
    await saved(page);
    const doc = await stored(page);
    assert.equal(doc.version, 3);
    assert.equal(doc.workspace.accounts.length, 2);
    // Saved in the current form: the next start reads it with the same reader.
    const again = [];
    page.on('request', (r) => again.push(new URL(r.url()).pathname));
    await page.reload();
    await page.locator('table.accounts').getByText('Marlow Dental Group').waitFor();
    assert.ok(again.some((p) => module('readers').test(p)), 'a stored workspace is read by the fetched reader');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the Data page fetches the file readers once it is shown, before a file is chosen', async () => {
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await open(page, env.base, '/');
  await page.locator('table.accounts').waitFor();
  assert.ok(!requested.some((p) => module('file_import').test(p)), 'the portfolio does not fetch them');
  const readers = page.waitForRequest((r) => module('file_import').test(new URL(r.url()).pathname), { timeout: 10_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await page.locator('h1', { hasText: 'Data' }).waitFor();
  await readers;
  // Fetched and ready: a file picked now is read with no further request.
  const before = requested.length;
  await page.locator('input[aria-label="Workspace file to import"]').setInputFiles({ name: 'old-plan.json', mimeType: 'application/json', buffer: Buffer.from(V1_FILE) });
  await page.getByRole('region', { name: 'Import preview' }).waitFor();
  assert.ok(!requested.slice(before).some((p) => /\.wasm$/.test(p)), 'no module is fetched when the file is chosen');
  assert.deepEqual(errors, []);
  await context.close();
});

test('when that code cannot be fetched: a clear message, nothing stored changes', async () => {
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  await open(page, env.base, '/');
  await saved(page);
  // (The documents' reader is blocked only below: every start with a workspace stored needs it.)
  await page.route(/\/split_(share_link|file_import)[^/]*\.wasm$/, (route) => route.abort());

  // A share link.
  let before = await snapshot(page);
  await page.goto(SHARE_LINK.replace('https://planner.example', env.base));
  await page.locator('.share-refused').waitFor();
  assert.match(await page.locator('.share-refused').innerText(), /did not load[\s\S]*Your workspace is unchanged/);
  await shot(page, 'lazy-share-not-loaded');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await page.locator('table.accounts').waitFor();
  assert.equal(await snapshot(page), before);

  // A dropped file.
  await drop(page, 'old-plan.json', V1_FILE);
  await page.locator('.import-result.refused').waitFor();
  assert.match(await page.locator('.import-result.refused').innerText(), /old-plan\.json was not imported[\s\S]*did not load/);
  await shot(page, 'lazy-import-not-loaded');
  assert.equal(await snapshot(page), before);

  // A stored workspace (here one saved by an earlier version) and no reader: the planner
  // does not start, and keeps it.
  await page.route(/\/split_readers[^/]*\.wasm$/, (route) => route.abort());
  await storeDocument(page, JSON.parse(V1_FILE));
  before = await snapshot(page);
  await page.reload();
  await page.locator('main h1', { hasText: 'The planner could not start' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Nothing was changed/);
  await shot(page, 'lazy-reader-not-loaded');
  assert.equal(await snapshot(page), before);
  // Online again: it starts with the stored workspace (the drop above left the Data page).
  await page.unroute(/\/split_(share_link|file_import)[^/]*\.wasm$/);
  await page.unroute(/\/split_readers[^/]*\.wasm$/);
  await open(page, env.base, '/');
  await page.locator('table.accounts').getByText('Marlow Dental Group').waitFor();
  assert.deepEqual(errors.filter((e) => !/split_|Failed to fetch|ERR_FAILED/.test(e)), []);
  await context.close();
});

test('a record of unreadable data alone is read with the stored reader: without it the planner does not start, and the record and the data it keeps stay', async () => {
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  await open(page, env.base, '/');
  await page.locator('table.accounts').waitFor();
  // Only a record of data that could not be read, and the part it keeps.
  await page.evaluate(() => {
    localStorage.clear();
    localStorage.setItem('am-planner.part.kept', '{"not": "a part of ours"');
    localStorage.setItem('am-planner.unreadable', JSON.stringify({
      error: 'a part could not be read', found_at: '2026-01-05T10:00:00Z', keys: ['am-planner.part.kept'],
    }));
  });
  const before = await snapshot(page);
  await page.route(/\/split_readers[^/]*\.wasm$/, (route) => route.abort());
  await page.reload();
  await page.locator('main h1', { hasText: 'The planner could not start' }).waitFor();
  assert.equal(await snapshot(page), before, 'nothing changed');
  // Online again: the planner starts (the demo, nothing else being stored), says data is
  // kept, and its first save leaves the kept part as it was.
  await page.unroute(/\/split_readers[^/]*\.wasm$/);
  await page.reload();
  await page.locator('table.accounts').waitFor();
  await saved(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('am-planner.part.kept')), '{"not": "a part of ours"');
  assert.ok(await page.evaluate(() => localStorage.getItem('am-planner.unreadable')), 'the record stays');
  assert.deepEqual(errors.filter((e) => !/split_|Failed to fetch|ERR_FAILED/.test(e)), []);
  await context.close();
});

test('a first visit reads nothing stored, so it starts without the documents\' reader; another tab\'s save brings it, and the change comes in', async () => {
  const { page: a, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  const requested = [];
  a.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await open(a, env.base, '/');
  await a.locator('table.accounts').waitFor();
  await saved(a);
  assert.ok(!requested.some((p) => module('readers').test(p)), 'a first visit does not fetch the reader');
  // A second tab starts with the stored demo: it reads it, so it fetches the reader.
  const b = await context.newPage();
  const requestedB = [];
  b.on('request', (r) => requestedB.push(new URL(r.url()).pathname));
  await open(b, env.base, '/accounts/new');
  assert.ok(requestedB.some((p) => module('readers').test(p)), 'a start with a stored workspace fetches the reader');
  // Asked for by theme.js beside the main module (preloads), and fetched once.
  assert.equal(await b.locator('link[rel="preload"][href*="/split_readers"]').count(), 1, 'the reader is preloaded');
  assert.equal(requestedB.filter((p) => module('readers').test(p)).length, 1, 'and fetched once');
  assert.equal(await a.locator('link[rel="preload"][href*="/split_readers"]').count(), 0, 'a first visit preloads no reader');
  await b.getByLabel('Name').fill('Made in the second tab');
  await b.getByRole('button', { name: 'Create account' }).click();
  await b.getByRole('heading', { level: 1, name: 'Made in the second tab' }).waitFor();
  await saved(b);
  // The first tab fetches the reader, then takes the change in.
  await a.locator('table.accounts tbody tr', { hasText: 'Made in the second tab' }).waitFor({ timeout: 5000 });
  await a.getByText('This tab now shows the changes saved in another tab.').waitFor();
  assert.ok(requested.some((p) => module('readers').test(p)), 'the first tab fetched the reader to read it');
  // And its own next edit (no reload) is saved over the new state, keeping that account.
  await a.locator('nav.mainnav a', { hasText: 'Settings' }).click();
  await a.locator('main h1', { hasText: 'Settings' }).waitFor();
  await a.getByLabel('Product usage').fill('35');
  await a.getByLabel('Product usage').press('Tab');
  await saved(a);
  const doc = await stored(a);
  assert.equal(doc.workspace.settings.health.weights.usage, 35);
  assert.ok(doc.workspace.accounts.some((x) => x.name === 'Made in the second tab'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a first visit saves once the writer\'s code is here; when it cannot come, the banner says so, leaving asks first, and the connection\'s return saves', async () => {
  // The writer held back: the demo is shown and nothing is stored until it comes.
  {
    const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
    let release;
    const held = new Promise((r) => { release = r; });
    await page.route(module('writers'), async (route) => { await held; await route.continue(); });
    await open(page, env.base, '/');
    await page.locator('table.accounts').waitFor();
    await page.waitForTimeout(600);
    assert.equal(await page.locator('.save-indicator').innerText(), 'Saving…');
    assert.deepEqual(await storedItems(page), {}, 'nothing stored before the writer is here');
    release();
    await saved(page);
    assert.equal((await stored(page)).workspace.demo, true, 'the demo is stored once it came');
    assert.deepEqual(errors, []);
    await context.close();
  }
  // The writer cannot be fetched (the connection dropped after the main module came).
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  await page.route(module('writers'), (route) => route.abort());
  await open(page, env.base, '/');
  await page.locator('table.accounts').waitFor();
  await page.locator('#storage-writer-not-loaded').waitFor();
  assert.match(await page.locator('#storage-writer-not-loaded').innerText(), /Not saved[\s\S]*did not load[\s\S]*Keep this tab open/);
  assert.deepEqual(await storedItems(page), {});
  // A change is made: still not saved, and said so.
  await goInApp(page, '/accounts/new');
  await page.getByLabel('Name').fill('Made while offline');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Made while offline' }).waitFor();
  await page.waitForTimeout(800);
  await page.locator('#storage-writer-not-loaded').waitFor();
  await shot(page, 'lazy-writer-not-loaded');
  assert.deepEqual(await storedItems(page), {}, 'nothing half-written');
  // Leaving now would lose the change: the browser asks first.
  const asked = new Promise((resolve) => page.once('dialog', async (d) => { resolve(d.type()); await d.dismiss(); }));
  await page.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
  assert.ok(!page.isClosed(), 'the tab stays when the person stays');
  // The connection is back: the change is saved, and the banner goes.
  await page.unroute(module('writers'));
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await saved(page);
  assert.equal(await page.locator('#storage-writer-not-loaded').count(), 0);
  assert.ok((await stored(page)).workspace.accounts.some((a) => a.name === 'Made while offline'), 'the change is stored');
  assert.deepEqual(errors.filter((e) => !/split_|Failed to fetch|ERR_FAILED/.test(e)), []);
  await context.close();
});
