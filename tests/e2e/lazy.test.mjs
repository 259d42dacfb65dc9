// Pages loaded on demand (docs/build.md): the portfolio needs only the main module; the
// other pages' modules are fetched when one of them is first opened, and only once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, open, shot } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** The wasm modules other than the main one: `split_<group>_<n>.wasm` and `chunk_<n>.wasm`. */
const LAZY = /\/app-[0-9a-f]+\/(split_|chunk_)[^/]*\.wasm$/;
const MAIN = /\/app-[0-9a-f]+\/am-planner_bg\.wasm$/;

test('the portfolio loads no lazy module; opening Practice loads its own, and only once', async () => {
  // No service worker: it would fetch every file of the build into its cache.
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await open(page, env.base, '/');
  await page.locator('table.accounts').waitFor();
  assert.ok(requested.some((p) => MAIN.test(p)), 'the main module is loaded');
  assert.deepEqual(requested.filter((p) => LAZY.test(p)), [], 'no lazy module before a lazy page is opened');

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

  // An account tab opened from the portfolio, straight from its address too.
  await page.locator('nav.mainnav a', { hasText: 'Portfolio' }).click();
  await page.locator('table.accounts a').first().click();
  await page.locator('nav.tabs').waitFor();
  assert.ok(requested.some((p) => /split_account_pages\b/.test(p)), 'the account pages load on demand');
  await open(page, env.base, '/accounts/1/health');
  await page.locator('main h1').first().waitFor();
  await page.locator('nav.tabs').waitFor();
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
