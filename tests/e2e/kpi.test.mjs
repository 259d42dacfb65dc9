// KPIs: a passed renewal asks for its outcome on the portfolio and the account; recording
// "renewed with uplift" moves NRR and the renewal rate on the KPI page, GRR stays at 100%;
// the ARR history shows the changes; screenshots; no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, open, shot, saved, stored, storeDocument, isoDaysFromToday } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const acct = (id, name, arr, start, renewal) => ({
  id, name, arr, contract_start: start, renewal_date: renewal,
  arr_log: [{ date: start, kind: 'new', amount: arr, note: '' }],
});

async function setPeriod(page, from, to) {
  await page.getByLabel('Period', { exact: true }).selectOption('custom');
  for (const [label, value] of [['First day', from], ['Last day', to]]) {
    const input = page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.dispatchEvent('change');
  }
}

const figure = (page, id) => page.locator(`[data-kpi="${id}"] .kpi-figure`).innerText();

test('record the outcome of a passed renewal and see NRR, GRR and the renewal rate change', async () => {
  const { page, errors } = await newPage(env);
  const due = isoDaysFromToday(-1);
  const start = isoDaysFromToday(-400);
  await open(page, env.base, '/');
  await storeDocument(page, {
    format: 'am-planner-workspace', version: 3,
    workspace: { currency: 'EUR', accounts: [
      acct(1, 'Passed Renewal Co', 100000, start, due),
      acct(2, 'Steady Co', 50000, start, isoDaysFromToday(200)),
    ] },
  });
  await open(page, env.base, '/');
  // The portfolio asks for the outcome.
  await page.getByRole('heading', { name: '1 renewal passed with no outcome' }).waitFor();
  await shot(page, 'kpi-portfolio-awaiting');

  // KPIs before: nothing decided yet, the due renewal listed apart.
  await page.getByRole('link', { name: 'KPIs', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'KPIs' }).waitFor();
  await setPeriod(page, isoDaysFromToday(-31), isoDaysFromToday(0));
  await page.locator('[data-kpi="nrr"]').waitFor();
  assert.equal(await figure(page, 'nrr'), '100%');
  assert.equal(await figure(page, 'grr'), '100%');
  assert.equal(await figure(page, 'renewal-rate'), '—');
  assert.match(await page.locator('[data-kpi="renewal-rate"]').innerText(), /1 renewal due in the period with no outcome yet/);
  assert.match(await page.locator('.kpi-due').innerText(), /Passed Renewal Co[\s\S]*Outcome to record/);
  await shot(page, 'kpi-before');

  // The account's Renewal tab: the outcome form; a downsell above the ARR is refused at the field.
  await page.locator('.kpi-due').getByRole('link', { name: 'Passed Renewal Co' }).click();
  await page.getByRole('heading', { name: /has passed: what happened\?/ }).waitFor();
  await page.getByLabel('Renewed with downsell').check();
  await page.getByLabel('New ARR').fill('150000');
  await page.getByRole('button', { name: 'Record the outcome' }).click();
  await page.getByText('A downsell means a new ARR above 0 and below 100,000').waitFor();
  let ws = await stored(page);
  assert.equal(ws.workspace.accounts[0].arr_log.length, 1, 'a refused outcome changes nothing');

  await page.getByLabel('Renewed with uplift').check();
  await page.getByLabel('New ARR').fill('120,000');
  await page.getByRole('button', { name: 'Record the outcome' }).click();
  await page.getByText(/Renewed with uplift recorded\. Next renewal on/).waitFor();
  await saved(page);
  ws = await stored(page);
  const a = ws.workspace.accounts[0];
  assert.equal(a.arr, 120000);
  assert.deepEqual(a.arr_log.slice(1).map((e) => [e.date, e.kind, e.amount]), [[due, 'renewal', 0], [due, 'expansion', 20000]]);
  assert.equal(a.contract_start, due);
  assert.ok(a.renewal_date > due);

  // The Overview lists the history.
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  const history = page.locator('.arr-history');
  await history.waitFor();
  assert.match(await history.innerText(), /Expansion\s+\+€20,000/);
  await shot(page, 'kpi-arr-history');

  // KPIs after: NRR (150,000 + 20,000) / 150,000 = 113.3%, GRR 100%, renewal rate 100%.
  await open(page, env.base, '/kpis');
  await setPeriod(page, isoDaysFromToday(-31), isoDaysFromToday(0));
  await page.waitForFunction(() => document.querySelector('[data-kpi="nrr"] .kpi-figure')?.textContent === '113.3%');
  assert.equal(await figure(page, 'grr'), '100%');
  assert.equal(await figure(page, 'renewal-rate'), '100%');
  await page.locator('[data-kpi="nrr"] summary').click();
  await page.locator('[data-kpi="nrr"] .kpi-behind li').first().waitFor();
  assert.match(await page.locator('[data-kpi="nrr"] .kpi-behind').innerText(), /Passed Renewal Co: expansion €20,000/);
  assert.equal(await page.locator('.chart-card svg').count(), 1);
  await shot(page, 'kpi-after');

  // The address keeps the period: a bookmark or Back brings the same custom days.
  const [from, to] = [isoDaysFromToday(-31), isoDaysFromToday(0)];
  // The address is written at most every 400 ms (components::url_state): wait for the days.
  await page.waitForFunction(([f, t]) => {
    const p = new URL(location.href).searchParams;
    return p.get('period') === 'custom' && p.get('from') === f && p.get('to') === t;
  }, [from, to]);
  const bookmark = page.url();
  await page.getByRole('link', { name: 'Portfolio', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-kpi="nrr"] .kpi-figure')?.textContent === '113.3%');
  assert.equal(await page.getByLabel('Period', { exact: true }).inputValue(), 'custom');
  assert.equal(await page.getByLabel('First day', { exact: true }).inputValue(), from);
  assert.doesNotMatch(await page.locator('.kpi-period-label').innerText(), /\d{4}-\d\d-\d\d/, 'custom days read once, in words');
  await open(page, env.base, '/kpis?period=last-year');
  assert.equal(await page.getByLabel('Period', { exact: true }).inputValue(), 'last-year');
  assert.match(await page.locator('.kpi-period-label').innerText(), new RegExp(`^${new Date().getFullYear() - 1}: `));
  await page.goto(bookmark);
  await page.waitForFunction(() => document.querySelector('[data-kpi="nrr"] .kpi-figure')?.textContent === '113.3%');

  // The portfolio no longer asks.
  await open(page, env.base, '/');
  assert.equal(await page.getByRole('heading', { name: /passed with no outcome/ }).count(), 0);
  assert.deepEqual(errors, []);
});

test('what is behind NRR: the largest starting accounts first, the rest folded behind "Show N more"', async () => {
  const { page, errors } = await newPage(env);
  const start = isoDaysFromToday(-400);
  // 14 accounts in workspace order, their ARR scrambled: 1,000 x (7 i mod 15), all distinct.
  const accounts = Array.from({ length: 14 }, (_, i) => acct(i + 1, `Account ${i + 1}`, 1000 * ((7 * (i + 1)) % 15), start, isoDaysFromToday(200)));
  await open(page, env.base, '/');
  await storeDocument(page, { format: 'am-planner-workspace', version: 3, workspace: { currency: 'EUR', accounts } });
  await open(page, env.base, '/kpis');
  await setPeriod(page, isoDaysFromToday(-31), isoDaysFromToday(0));
  const nrr = page.locator('[data-kpi="nrr"]');
  // A folded section draws its body when first opened (components::disclosure): none yet.
  await page.locator('[data-kpi="new-arr"] .kpi-figure').waitFor();
  assert.equal(await page.locator('main details li').count(), 0, 'nothing folded is drawn before it is opened');
  await nrr.locator('summary', { hasText: 'What is behind it' }).click();
  const largest = [...accounts].sort((a, b) => b.arr - a.arr).map((a) => `${a.name}: €${a.arr.toLocaleString('en')}`);
  const first = nrr.locator('.kpi-behind > ul.kpi-lines').first();
  await first.locator('li').nth(9).waitFor();
  assert.deepEqual(await first.locator('li').allInnerTexts(), largest.slice(0, 10));
  const more = nrr.locator('details.kpi-more');
  assert.equal(await more.locator('summary').innerText(), 'Show 4 more');
  assert.equal(await more.locator('li').count(), 0, 'the rest is folded, and not drawn yet');
  // By keyboard, as a summary is pressed.
  await more.locator('summary').focus();
  await page.keyboard.press('Enter');
  await more.locator('li').nth(3).waitFor();
  assert.deepEqual(await more.locator('li').allInnerTexts(), largest.slice(10));
  assert.equal(await more.evaluate((d) => d.open), true);
  // Folded again and opened again: the same lines, drawn once.
  await more.locator('summary').click();
  await more.locator('summary').click();
  assert.deepEqual(await more.locator('li').allInnerTexts(), largest.slice(10));
  await shot(page, 'kpi-behind-folded');
  assert.deepEqual(errors, []);
});

test('pipeline coverage without an expansion target says why on its face; with one, the figure', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/kpis');
  const tile = page.locator('[data-kpi="coverage"]');
  await tile.waitFor();
  assert.equal(await tile.locator('.kpi-figure').innerText(), '—');
  assert.match(await tile.innerText(), /No expansion target yet: set one in Settings to see the coverage\./);
  await open(page, env.base, '/settings');
  await page.getByLabel('Expansion target for a year').fill('1.234,56');
  await page.getByLabel('Expansion target for a year').press('Tab');
  await page.getByText('Write the target as digits, such as 250000.').waitFor();
  await page.getByLabel('Expansion target for a year').fill('400,000');
  await page.getByLabel('Expansion target for a year').press('Tab');
  await saved(page);
  await open(page, env.base, '/kpis');
  await tile.waitFor();
  assert.match(await tile.locator('.kpi-figure').innerText(), /^\d+(\.\d)?×$/);
  assert.doesNotMatch(await tile.innerText(), /No expansion target yet/);
  assert.deepEqual(errors, []);
  await context.close();
});
