// The portfolio at 1,000 accounts: the table draws only the rows in view (aria-rowcount
// gives the whole count, aria-rowindex each drawn row's place), every row one height; a
// sort and a filter give the right rows; scrolled to the end, the last account opens; the
// keyboard focus stays on a row scrolled a little out of view; the columns keep their
// widths whichever rows are drawn (a filtered table of 100 rows or fewer is drawn whole,
// its columns as wide as their content). Screenshots of the top and
// the end of the table in both themes; no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, newPage, open, saved, shotsDir } from './helpers.mjs';
import { generateWorkspace, importWorkspace } from './workspace-gen.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const N = 1000;
const doc = generateWorkspace({ accounts: N, people: 2, checkins: 3 });
const accounts = doc.workspace.accounts;
// The table's name order: lower-cased names (the generated names are plain ASCII and unique).
const byName = (a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1);
const rows = (page) => page.locator('table.accounts tbody tr[aria-rowindex]');
const drawn = (page) => page.$$eval('table.accounts tbody tr[aria-rowindex]', (trs) => trs.map((tr) => ({
  index: Number(tr.getAttribute('aria-rowindex')),
  name: tr.querySelector('th a').textContent.trim(),
  height: tr.getBoundingClientRect().height,
})));
// The header cells' widths, and the drawn cells whose content is wider than the cell.
const columns = (page) => page.$$eval('table.accounts thead th', (ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width * 10) / 10));
const spilled = (page) => page.$$eval('table.accounts tbody tr[aria-rowindex] > *', (cells) => cells
  .filter((c) => c.scrollWidth > c.clientWidth + 1)
  .map((c) => `row ${c.parentElement.getAttribute('aria-rowindex')}: ${c.textContent.trim().slice(0, 40)}`));
// The drawn milestones cut short (wider or taller than their box), and how many of the
// longest ones ("T-120 Forecast and evidence", "T-7 Paperwork and new term") are drawn.
const milestones = (page) => page.$$eval('table.accounts tbody tr[aria-rowindex] .next-ms', (els) => ({
  cut: els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent.trim()),
  longest: els.filter((e) => /^(T-120|T-7) /.test(e.textContent.trim())).length,
}));
const rowCount = (page) => page.$eval('table.accounts', (t) => Number(t.getAttribute('aria-rowcount')));
const viewShot = (page, name) => page.screenshot({ path: path.join(shotsDir, `${name}.png`) });

test('portfolio at 1,000 accounts: rows in view drawn, sort and filter right, the last account opens from the end', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await importWorkspace(page, env.base, doc);
  await saved(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await rows(page).first().waitFor();
  assert.equal(await rowCount(page), N + 1, 'aria-rowcount: every account and the header');
  // The passed renewals' notice names the first five and counts the rest, with one link.
  const heading = await page.locator('#awaiting-h').innerText();
  const passed = Number(heading.match(/^(\d+) renewals? passed with no outcome$/)[1]);
  assert.ok(passed > 5, `the generated book has more than five passed renewals (${passed})`);
  assert.equal(await page.locator('.outcome-banner li').count(), 5);
  assert.equal(await page.locator('.outcome-more').innerText(),
    `And ${passed - 5} more: see every passed renewal on the Renewals page.`);
  // Counts of a thousand or more are grouped like amounts.
  assert.match(await page.locator('a.week-link').innerText(), /^This week: \d{1,3}(,\d{3})+ items to do, \d{1,3}(,\d{3})* overdue$/);
  let shown = await drawn(page);
  assert.ok(shown.length > 0 && shown.length < 60, `only the first rows are drawn (${shown.length})`);
  // The table's top scrolled to the top of the screen: a screenful of rows.
  await page.evaluate(() => document.querySelector('table.accounts tbody').scrollIntoView());
  await page.waitForFunction(() => document.querySelectorAll('table.accounts tbody tr[aria-rowindex]').length >= 10);
  shown = await drawn(page);
  assert.ok(shown.length >= 10 && shown.length < 60, `only the rows in view are drawn (${shown.length})`);
  const rem = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  for (const r of shown) assert.equal(r.height, 5.5 * rem, `row ${r.index} is one row height (${r.height}px)`);
  assert.deepEqual(shown.map((r) => r.index), shown.map((_, i) => i + 2), 'the first rows, in order');
  // The columns take fixed shares of the table: drawing other rows (scrolling, a filter)
  // never moves them, and every cell's content fits its column.
  const widths = await columns(page);
  assert.equal(widths.length, 10);
  assert.deepEqual(await spilled(page), [], 'no cell content wider than its column');

  // Sort by name: the first rows are the first names.
  await page.getByRole('button', { name: 'Account' }).click();
  const expected = [...accounts].sort(byName).map((a) => a.name);
  await page.waitForFunction((first) => document.querySelector('table.accounts tbody tr[aria-rowindex] th a')?.textContent.trim() === first, expected[0]);
  shown = await drawn(page);
  assert.deepEqual(shown.map((r) => r.name), expected.slice(0, shown.length));
  assert.deepEqual(await columns(page), widths, 'the columns have not moved with the sort');
  await page.evaluate(() => document.querySelector('.toolbar').scrollIntoView());
  await page.waitForTimeout(100);
  await viewShot(page, 'portfolio-1000-top-light');

  // The keyboard focus on a row link stays when the row scrolls a little out of view.
  const link = page.locator('table.accounts tbody tr[aria-rowindex="4"] th a');
  await link.focus();
  await page.evaluate(() => window.scrollBy(0, 2500));
  await page.waitForFunction(() => !document.querySelector('table.accounts tbody tr[aria-rowindex="3"]')
    || document.querySelector('table.accounts tbody tr[aria-rowindex="40"]'));
  assert.equal(await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')), '4',
    'the focused row is still drawn and focused');
  await page.evaluate(() => document.activeElement?.blur());

  // Scrolled to the end: the last rows, in order, and the last account opens.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const last = page.locator(`table.accounts tbody tr[aria-rowindex="${N + 1}"]`);
  await last.waitFor();
  shown = await drawn(page);
  assert.deepEqual(shown.map((r) => r.name), expected.slice(shown[0].index - 2, shown[0].index - 2 + shown.length));
  assert.ok(shown.length < 60, `still only the rows in view (${shown.length})`);
  assert.deepEqual(await columns(page), widths, 'the columns have not moved at the end of the table');
  assert.deepEqual(await spilled(page), [], 'no cell content wider than its column at the end');
  for (const r of shown) assert.equal(r.height, 5.5 * rem, `row ${r.index} at the end is one row height (${r.height}px)`);
  const ms = await milestones(page);
  assert.ok(ms.longest > 0, 'the rows at the end include one of the longest milestones');
  assert.deepEqual(ms.cut, [], 'no milestone cut short');
  await viewShot(page, 'portfolio-1000-end-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(100);
  await viewShot(page, 'portfolio-1000-end-dark');
  await last.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: expected[N - 1] }).waitFor();
  await page.goBack();
  await rows(page).first().waitFor();

  // A filter: the right accounts, in name order, and the count.
  const search = page.getByPlaceholder('Filter by name, industry or owner');
  await search.fill('summit');
  const matching = accounts
    .filter((a) => [a.name, a.industry, a.owner].some((t) => t.toLowerCase().includes('summit')))
    .sort(byName).map((a) => a.name);
  assert.ok(matching.length > 20, 'the case has a list to scroll');
  await page.waitForFunction((n) => Number(document.querySelector('table.accounts')?.getAttribute('aria-rowcount')) === n + 1
    || document.querySelectorAll('table.accounts tbody tr').length === n, matching.length);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(100);
  const names = (await drawn(page)).map((r) => r.name);
  assert.deepEqual(names, matching.slice(0, names.length));
  await page.evaluate(() => document.querySelector('.toolbar').scrollIntoView());
  await page.waitForTimeout(100);
  await viewShot(page, 'portfolio-1000-filtered-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.deepEqual(errors, []);
  await context.close();
});
