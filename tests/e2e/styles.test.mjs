// The stylesheets (docs/build.md#styles-on-demand): what the frame, the portfolio and an
// account's head use is written into the page; the rules of the pages loaded on demand are
// one file of the build, asked for when such a page opens (or after the start), and the
// page is drawn once they apply.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, open, shot, goInApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const LATER = /\/app-[0-9a-f]+\/later-[0-9a-f]+\.css$/;

/** Every computed style (focus taken away first) of every element in `scope` ('body', or 'head' for an account's
 * head: what comes before its tabs, and the tabs), its properties sorted (custom properties
 * come in no fixed order), with its pseudo-elements' main ones. */
function stylesOf(page, scope) {
  return page.evaluate((scope) => {
    // Focus (moved to the heading after a navigation) is not the stylesheet's doing.
    document.activeElement?.blur();
    const tabs = document.querySelector('nav.tabs');
    const inScope = scope === 'body' ? () => true : (el) => {
      if (!tabs) return false;
      const pageEl = tabs.parentElement;
      if (el === pageEl || !pageEl.contains(el)) return false;
      return tabs.contains(el) || (Boolean(el.compareDocumentPosition(tabs) & Node.DOCUMENT_POSITION_FOLLOWING) && !el.contains(tabs));
    };
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
      if (!inScope(el)) continue;
      const cs = getComputedStyle(el);
      const names = [];
      for (let k = 0; k < cs.length; k++) names.push(cs[k]);
      names.sort();
      let s = '';
      for (const n of names) s += `${n}:${cs.getPropertyValue(n)};`;
      for (const pe of ['::before', '::after']) {
        const p = getComputedStyle(el, pe);
        s += `${pe}:${p.content} ${p.display} ${p.color} ${p.backgroundColor};`;
      }
      out.push({ el: `${el.tagName.toLowerCase()}.${(el.className?.baseVal ?? el.className) || ''}`, s });
    }
    return out;
  }, scope);
}

/** The first differences between two lists of styles, as text. */
function differences(a, b) {
  if (a.length !== b.length) return [`${a.length} elements, then ${b.length}`];
  const out = [];
  for (let i = 0; i < a.length && out.length < 5; i++) {
    if (a[i].s === b[i].s) continue;
    const pa = Object.fromEntries(a[i].s.split(';').map((d) => d.split(/:(.*)/s)));
    const pb = Object.fromEntries(b[i].s.split(';').map((d) => d.split(/:(.*)/s)));
    const props = Object.keys(pa).filter((p) => pa[p] !== pb[p]).slice(0, 3);
    out.push(`${a[i].el}: ${props.map((p) => `${p} ${pa[p]} -> ${pb[p]}`).join(', ')}`);
  }
  return out;
}

const laterApplied = (page) => page.waitForFunction(() => [...document.styleSheets].some((s) => /later-[0-9a-f]+\.css$/.test(s.href || '')));

for (const [width, scheme] of [[1280, 'light'], [412, 'dark']]) {
  test(`${width} px, ${scheme}: the portfolio and an account's head look the same before the pages' stylesheet arrives as after`, async () => {
    const { page, errors, context } = await newPage(env, { viewport: { width, height: 900 }, serviceWorkers: 'block' });
    await page.emulateMedia({ colorScheme: scheme });
    let release;
    const held = new Promise((r) => { release = r; });
    const asked = [];
    await page.route(LATER, async (route) => { asked.push(route.request().url()); await held; await route.continue(); });
    await open(page, env.base, '/');
    await page.locator('table.accounts').waitFor();
    // The week's link comes a frame after the rows.
    await page.locator('.week-link').waitFor();
    const portfolio = await stylesOf(page, 'body');
    // Account 5 of the demo has a churn flag, an open save plan and the mid-cycle question
    // in its head; its Overview (a page loaded on demand) waits for the stylesheet.
    await goInApp(page, '/accounts/5');
    await page.locator('nav.tabs').waitFor();
    await page.locator('.account-head .churn-flag').waitFor();
    await page.waitForTimeout(300);
    assert.ok(asked.length >= 1, 'opening a page loaded on demand asks for the stylesheet');
    assert.equal(await page.locator('nav.tabs ~ *').count(), 0, 'the Overview is not drawn before its rules apply');
    const head = await stylesOf(page, 'head');
    await shot(page, `styles-held-${width}`);

    release();
    await laterApplied(page);
    await page.locator('nav.tabs ~ *').first().waitFor({ state: 'attached' });
    assert.deepEqual(differences(head, await stylesOf(page, 'head')), [], 'the head did not change when the stylesheet came');
    await goInApp(page, '/');
    await page.locator('.week-link').waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(differences(portfolio, await stylesOf(page, 'body')), [], 'the portfolio did not change when the stylesheet came');
    assert.equal(new Set(asked).size, 1, 'one file');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the pages\' stylesheet is asked for after the start, once; an address other than the portfolio\'s preloads it', async () => {
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  const asked = [];
  page.on('request', (r) => { if (LATER.test(new URL(r.url()).pathname)) asked.push(r.url()); });
  await open(page, env.base, '/');
  await page.locator('table.accounts').waitFor();
  assert.deepEqual(asked, [], 'not before the portfolio is drawn');
  await laterApplied(page);
  assert.equal(asked.length, 1);
  await page.locator('nav.mainnav a', { hasText: 'Settings' }).click();
  await page.locator('main h1', { hasText: 'Settings' }).waitFor();
  assert.equal(asked.length, 1, 'asked for once');

  // Opened at an account's tab: the file is asked for from the page's head, before the
  // page's module (which the main module asks for once it runs).
  const { page: deep, context: deepContext } = await newPage(env, { serviceWorkers: 'block' });
  const order = [];
  deep.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (LATER.test(p)) order.push('styles');
    else if (/\/split_account_overview[^/]*\.wasm$/.test(p)) order.push('page module');
  });
  await open(deep, env.base, '/accounts/2/health');
  await deep.locator('.health-top').waitFor();
  assert.equal(order[0], 'styles', `asked for before the page's module: ${order}`);
  assert.equal(await deep.locator('.health-top').evaluate((e) => getComputedStyle(e).display), 'grid', 'the Health tab is drawn with its rules');
  assert.deepEqual(errors, []);
  await deepContext.close();
  await context.close();
});

test('a page whose stylesheet cannot be fetched says so, keeps the data, and opens on the next try', async () => {
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  await page.route(LATER, (route) => route.abort());
  await open(page, env.base, '/');
  await page.locator('table.accounts').waitFor();
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.locator('nav.mainnav a', { hasText: 'Settings' }).click();
  await page.locator('main h1', { hasText: 'This page could not be loaded' }).waitFor();
  assert.equal(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())), stored);
  await page.unroute(LATER);
  await page.locator('nav.mainnav a', { hasText: 'Portfolio' }).click();
  await page.locator('table.accounts').waitFor();
  await page.locator('nav.mainnav a', { hasText: 'Settings' }).click();
  await page.locator('main h1', { hasText: 'Settings' }).waitFor();
  await laterApplied(page);
  assert.deepEqual(errors.filter((e) => !/later-[0-9a-f]+\.css|Failed to fetch|ERR_FAILED/.test(e)), []);
  await context.close();
});
