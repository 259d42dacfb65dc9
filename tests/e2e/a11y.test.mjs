// Accessibility (docs/accessibility.md): axe-core finds no WCAG 2.0/2.1 A or AA violation on
// any page, account tab, dialog or open form of the demo workspace, in the light and the
// dark theme; every page reflows at 320 px without page-wide horizontal scrolling; each
// navigation names the page in the tab title, announces it and moves focus; the skip link
// works; keyboard focus shows a ring of 3:1 against its background; the theme picked in
// Settings survives a reload. Screenshots in target/e2e/a11y-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, newPage, open, shot, root } from './helpers.mjs';

const axeSource = fs.readFileSync(path.join(root, 'tools/node_modules/axe-core/axe.min.js'), 'utf8');

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const PAGES = ['/', '/week', '/kpis', '/white-space', '/accounts/new', '/renewals', '/data', '/settings', '/practice',
  '/practice/questions', '/practice/mock', '/practice/drill', '/practice/reset', '/practice/review',
  '/no/such/page'];
const TABS = ['', '/health', '/stakeholders', '/plan', '/qbr', '/renewal', '/expansion', '/white-space', '/commitments', '/escalations', '/qualify', '/save-plan'];
/** Buttons that open a dialog or a form; the first of each is opened and checked. */
const OPENERS = /^(Add person|Add a goal|Add a metric|Add a risk|Add an action|Add opportunity|New QBR|Plan a QBR|Edit|Open a save plan|Record a check-in|Start the next cycle|Start the interview|Table|Org chart|Show the answer|Show answer)\b/;

/** Runs axe (injected through the debugging protocol: the page's policy refuses inline
 * scripts, and the check must not loosen it) and returns its violations as text lines. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary || '').split('\n').slice(1).join(' ').trim()}`),
    }));
  });
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n}`));
}

/** The app has drawn the page: a main heading is there and nothing is loading. */
async function settled(page) {
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => !document.querySelector('.pr-loading'));
  await page.waitForTimeout(150);
}

async function accountPaths(page) {
  await open(page, env.base, '/');
  return page.$$eval('table.accounts tbody th a', (as) => as.map((a) => new URL(a.href).pathname));
}

/** Three demo accounts that between them show every state of the tabs: the first row, the
 * first account at risk (it has a save plan) and the last row. */
async function sampleAccounts(page) {
  const all = await accountPaths(page);
  const red = await page.$$eval('table.accounts tbody tr', (rows) => rows
    .filter((r) => r.querySelector('.band-red')).map((r) => new URL(r.querySelector('th a').href).pathname));
  return [...new Set([all[0], red[0] ?? all[1], all[all.length - 1], all[1], all[2]])].slice(0, 3);
}

/** Visits every page and tab, opens each form, and collects axe's findings by place. */
async function auditAll(page, theme) {
  const found = [];
  let views = 0;
  const accounts = await sampleAccounts(page);
  assert.equal(accounts.length, 3, 'three demo accounts are checked');
  const places = [...PAGES, ...accounts.flatMap((a) => TABS.map((t) => a + t))];
  for (const place of places) {
    await open(page, env.base, place);
    await settled(page);
    views++;
    for (const v of await axe(page)) found.push(`${place}: ${v}`);
    if (process.env.A11Y_VERBOSE) console.log(place, found.length);
    // Each kind of form or dialog on the place, opened one at a time on a fresh page.
    const labels = [...new Set((await page.getByRole('button').allInnerTexts())
      .map((t) => t.trim()).filter((t) => OPENERS.test(t)))];
    for (const label of labels) {
      await open(page, env.base, place);
      await settled(page);
      const button = page.getByRole('button', { name: label, exact: true }).first();
      if (!(await button.isVisible()) || !(await button.isEnabled())) continue;
      await button.click();
      await page.waitForTimeout(200);
      views++;
      for (const v of await axe(page)) found.push(`${place} [${label}]: ${v}`);
    }
  }
  if (accounts[0]) {
    await open(page, env.base, accounts[0] + '/stakeholders');
    await settled(page);
    await shot(page, `a11y-${theme}-stakeholders`);
    await open(page, env.base, accounts[0] + '/health');
    await settled(page);
    await shot(page, `a11y-${theme}-health`);
  }
  return { found, views };
}

for (const theme of ['light', 'dark']) {
  test(`axe finds no WCAG A/AA violation on any page, tab, dialog or form (${theme} theme)`, async () => {
    const { page: p, errors, context: ctx } = await newPage(env);
    // The system's setting decides the theme when Settings leaves it to the system.
    await p.emulateMedia({ colorScheme: theme });
    await open(p, env.base, '/');
    const bg = await p.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    assert.equal(bg, theme === 'dark' ? 'rgb(17, 20, 24)' : 'rgb(245, 247, 250)', 'the page follows the system theme');
    await shot(p, `a11y-${theme}-portfolio`);
    const { found, views } = await auditAll(p, theme);
    console.log(`axe (${theme}): ${views} views checked, ${found.length} violations`);
    assert.deepEqual(found, [], `axe violations (${theme}):\n${found.join('\n')}`);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

/** The cells of the page's stacked tables (one card per row on a phone) whose `data-label`,
 * written before the value, is not their column's heading: a cell with text and no label,
 * or a label under another column. The button column (`row-actions`) has no label. */
function mislabelledCells(page) {
  return page.evaluate(() => {
    const found = [];
    const tables = [...document.querySelectorAll('table.stack')];
    for (const [t, table] of tables.entries()) {
      const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
      for (const [r, tr] of [...table.querySelectorAll('tbody tr, tfoot tr')].entries()) {
        for (const [c, cell] of [...tr.children].entries()) {
          if (cell.tagName !== 'TD' || cell.classList.contains('row-actions')) continue;
          const label = cell.getAttribute('data-label');
          const empty = cell.textContent.trim() === '' && !cell.querySelector('input, button, select');
          if (label === null ? !empty : label !== heads[c]) {
            found.push(`table ${t + 1} (${table.className}) row ${r + 1} cell ${c + 1}: label ${JSON.stringify(label)} under "${heads[c]}"`);
          }
        }
      }
    }
    return { tables: tables.length, found };
  });
}

test('every page and tab reflows at 320 px: no page-wide horizontal scrolling; stacked tables label each cell with its heading', async () => {
  const { page, errors, context } = await newPage(env, { viewport: { width: 320, height: 640 } });
  const accounts = await accountPaths(page);
  const wide = [];
  const labels = [];
  let stacked = 0;
  for (const place of [...PAGES, ...accounts.slice(0, 3).flatMap((a) => TABS.map((t) => a + t))]) {
    await open(page, env.base, place);
    await settled(page);
    const over = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
    if (over > 0) wide.push(`${place}: ${over}px wider than the window`);
    const cells = await mislabelledCells(page);
    stacked += cells.tables;
    labels.push(...cells.found.map((f) => `${place}: ${f}`));
  }
  await open(page, env.base, accounts[0] + '/health');
  await settled(page);
  await shot(page, 'a11y-320-health');
  assert.deepEqual(wide, []);
  assert.ok(stacked >= 5, `stacked tables seen: ${stacked}`);
  assert.deepEqual(labels, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone every account tab is in sight, the current one marked', async () => {
  const { page, errors, context } = await newPage(env, { viewport: { width: 375, height: 760 } });
  const [first] = await accountPaths(page);
  await open(page, env.base, first + '/qualify');
  await settled(page);
  const tabs = page.locator('nav.tabs a');
  assert.equal(await tabs.count(), TABS.length);
  for (let i = 0; i < TABS.length; i++) {
    const box = await tabs.nth(i).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 375, `tab ${i} is inside the screen`);
  }
  assert.equal(await page.locator('nav.tabs a[aria-current="page"]').innerText(), 'Qualification');
  await shot(page, 'a11y-375-tabs');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'a11y-375-tabs-dark');
  await open(page, env.base, '/');
  await settled(page);
  await shot(page, 'a11y-375-portfolio-dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('navigation names the page, announces it and moves focus; the skip link reaches main', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await page.waitForFunction(() => document.title === 'Portfolio · Account Planner');
  // Skip link: the first Tab stop, and it moves focus to main.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to content');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Renewals' }).click();
  await page.waitForFunction(() => document.title === 'Renewals · Account Planner');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.locator('#route-announcer').innerText(), 'Renewals');
  assert.equal(await page.locator('#route-announcer').getAttribute('aria-live'), 'polite');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  const link = page.locator('table.accounts tbody th a').first();
  const name = (await link.innerText()).trim();
  await link.click();
  await page.waitForFunction((n) => document.title === `${n} · Overview · Account Planner`, name);
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  // Between an account's tabs focus stays on the chosen tab.
  await page.getByRole('link', { name: 'Health', exact: true }).click();
  await page.waitForFunction((n) => document.title === `${n} · Health · Account Planner`, name);
  assert.equal(await page.locator('#route-announcer').innerText(), `${name} · Health`);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Health');

  // Every page of the main menu is titled and announced by its own name.
  const menu = page.getByRole('navigation', { name: 'Main' });
  const names = (await menu.getByRole('link').allInnerTexts()).map((t) => t.trim());
  assert.ok(names.length >= 8, `the main menu's pages (${names.join(', ')})`);
  for (const menuName of names) {
    await menu.getByRole('link', { name: menuName, exact: true }).click();
    await page.waitForFunction((n) => document.querySelector('#route-announcer')?.textContent === n, menuName, { timeout: 10000 })
      .catch(() => {});
    assert.equal(await page.locator('#route-announcer').innerText(), menuName, `${menuName} is announced by its name`);
    assert.equal(await page.title(), `${menuName} · Account Planner`, `${menuName}'s tab title`);
  }

  await open(page, env.base, '/practice/mock');
  await page.waitForFunction(() => document.title === 'Mock interview · Practice · Account Planner');
  await open(page, env.base, '/accounts/99999/health');
  await page.waitForFunction(() => document.title === 'Page not found · Account Planner');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Contrast ratio of two `rgb(...)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

for (const theme of ['light', 'dark']) {
  test(`keyboard focus shows a ring of 3:1 against its background (${theme})`, async () => {
    const { page, errors, context: ctx } = await newPage(env);
    await page.emulateMedia({ colorScheme: theme });
    const [first] = await accountPaths(page);
    const weak = [];
    let seen = 0;
    for (const place of ['/', '/data', '/settings', first + '/stakeholders', first + '/qualify']) {
      await open(page, env.base, place);
      await settled(page);
      for (let i = 0; i < 45; i++) {
        await page.keyboard.press('Tab');
        const ring = await page.evaluate(() => {
          let el = document.activeElement;
          if (!el || el === document.body) return null;
          // A visually hidden input shows its focus on the control around it.
          if (el.matches('input.visually-hidden, .rating input')) el = el.parentElement.closest('label') || el.nextElementSibling || el;
          const s = getComputedStyle(el);
          let bgEl = el.parentElement;
          let bg = 'rgba(0, 0, 0, 0)';
          while (bgEl) {
            bg = getComputedStyle(bgEl).backgroundColor;
            if (!/rgba\(.*, 0\)$/.test(bg) && bg !== 'transparent') break;
            bgEl = bgEl.parentElement;
          }
          if (!bgEl) bg = getComputedStyle(document.documentElement).backgroundColor;
          return { what: el.outerHTML.slice(0, 80), style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, bg };
        });
        if (!ring) continue;
        seen++;
        if (ring.style === 'none' || ring.width < 2 || contrast(ring.color, ring.bg) < 3) {
          weak.push(`${place}: ${ring.what} (${ring.style} ${ring.width}px ${ring.color} on ${ring.bg})`);
        }
      }
    }
    assert.ok(seen > 100, `focus moved through ${seen} controls`);
    assert.deepEqual(weak, []);
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}

test('the theme picked in Settings applies at once, survives a reload, and stays out of the workspace', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/settings');
  await page.getByLabel('Dark').check();
  const dark = 'rgb(17, 20, 24)';
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), dark);
  await page.reload();
  await page.waitForSelector('header.topbar');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), dark);
  assert.ok(await page.getByLabel('Dark').isChecked());
  await open(page, env.base, '/');
  await page.waitForSelector('.chart-box svg');
  await shot(page, 'a11y-dark-toggle-portfolio');
  // Charts take the theme's colours: their text is light on the dark card.
  const fill = await page.evaluate(() => getComputedStyle(document.querySelector('.chart-box svg text.cf-ink')).fill);
  assert.equal(fill, 'rgb(229, 231, 235)');
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('theme')));
  assert.deepEqual(stored, ['am-planner-theme']);
  await open(page, env.base, '/settings');
  await page.getByLabel('Same as the system').check();
  assert.equal(await page.evaluate(() => localStorage.getItem('am-planner-theme')), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in forced colours the current page and tab are marked by more than colour', async () => {
  const { page, errors, context } = await newPage(env);
  const [first] = await accountPaths(page);
  await page.emulateMedia({ forcedColors: 'active' });
  await open(page, env.base, first + '/health');
  await settled(page);
  const marks = await page.evaluate(() => {
    const deco = (sel) => getComputedStyle(document.querySelector(sel)).textDecorationLine;
    return {
      tab: deco('nav.tabs a[aria-current="page"]'),
      other: deco('nav.tabs a:not([aria-current])'),
    };
  });
  assert.equal(marks.tab, 'underline');
  assert.equal(marks.other, 'none');
  await open(page, env.base, '/renewals');
  await settled(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.mainnav a[aria-current="page"]')).textDecorationLine), 'underline');
  await shot(page, 'a11y-forced-colours-renewals');
  assert.deepEqual(errors, []);
  await context.close();
});
