// Health score flows: signals entered through the form give the worked example of docs/domain.md with its
// breakdown; refused values are shown at their field and never saved; back-filled check-ins
// draw the trend chart and raise "declining"; edit and delete of a check-in; the what-if
// preview saves nothing; a weight change in Settings rescores the portfolio; portfolio
// filters and charts; screenshots at desktop and phone width; no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, open, shot, saved, stored, isoDaysFromToday } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const rows = (page) => page.locator('table.accounts tbody tr');
const circles = (page) => page.locator('svg.chart-health-trend circle');

/** Creates an account through the form and opens its Health tab; returns its id. */
async function freshAccountHealth(page, name) {
  await open(page, env.base, '/accounts/new');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('ARR').fill('90000');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const id = Number(page.url().match(/accounts\/(\d+)/)[1]);
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Health' }).click();
  await page.getByRole('heading', { name: 'Record a check-in' }).waitFor();
  assert.match(page.url(), new RegExp(`/accounts/${id}/health$`));
  return id;
}

/** Fills the check-in form (empty string = unknown) and saves it. */
async function checkIn(page, { date, usage = '', features = '', nps = '', tickets = '', roi = '' }) {
  const form = page.locator('form.checkin-form');
  if (date) await form.getByLabel('As of').fill(date);
  await form.getByLabel('Seats active weekly (%)').fill(usage);
  await form.getByLabel('Core features in use').fill(features);
  await form.getByLabel("Main contact's NPS (0-10)").fill(nps);
  await form.getByLabel('Ticket trend').selectOption(tickets);
  await form.getByLabel('Success targets met (%)').fill(roi);
  await form.getByRole('button', { name: 'Save check-in' }).click();
}

async function storedAccount(page, id) {
  await saved(page);
  return (await stored(page)).workspace.accounts.find((a) => a.id === id);
}

const snapshotsOf = (account) => account.health?.snapshots ?? [];
const scoreCard = (page) => page.locator('section.health-score');

test('signals through the form give 67.5, Needs attention, with ROI dragging; bad values are refused at the field', async () => {
  const { page, errors, context } = await newPage(env);
  const id = await freshAccountHealth(page, 'Example Health Co');
  await scoreCard(page).getByText('No check-in yet.').waitFor();
  const form = page.locator('form.checkin-form');
  assert.equal(await form.getByLabel('As of').inputValue(), isoDaysFromToday(0), 'as of defaults to today');
  // Every input has its help text.
  await form.getByText('Above 80 is green, 50 to 80 yellow, under 50 red.').waitFor();

  // Refused values: a message at each field, nothing saved.
  await form.getByLabel('Seats active weekly (%)').fill('130');
  await form.getByLabel('Seats active weekly (%)').press('Tab');
  assert.match(await page.locator('#checkin-usage-err').innerText(), /can't be above 100% \(you typed 130\)/);
  assert.equal(await form.getByLabel('Seats active weekly (%)').getAttribute('aria-invalid'), 'true');
  await form.getByLabel("Main contact's NPS (0-10)").fill('11');
  await form.getByLabel('Core features in use').fill('-1');
  await form.getByLabel('As of').fill(isoDaysFromToday(3));
  await form.getByRole('button', { name: 'Save check-in' }).click();
  assert.match(await page.locator('#checkin-relationship-err').innerText(), /0 to 10 \(you typed 11\)/);
  assert.match(await page.locator('#checkin-adoption-err').innerText(), /can't be negative/);
  assert.match(await page.locator('#checkin-date-err').innerText(), /in the future/);
  // The cursor goes to the first refused field (once the messages are drawn: a frame).
  await page.waitForFunction(() => document.activeElement?.id === 'checkin-date');
  await shot(page, 'health-form-errors');
  assert.equal(snapshotsOf(await storedAccount(page, id)).length, 0, 'nothing saved while a field is refused');

  // The worked example of docs/domain.md#health: usage 85 (G), 2 features (Y), NPS 9 (G), steady (Y), ROI 65 (R) = 67.5.
  await checkIn(page, { date: isoDaysFromToday(0), usage: '85', features: '2', nps: '9', tickets: 'stable', roi: '65' });
  await page.getByText(/Check-in saved for .*: 67\.5 \(Needs attention\)\./).waitFor();
  assert.equal(await page.locator('#checkin-usage-err').innerText(), '');
  assert.equal(await scoreCard(page).locator('.score-big').innerText(), '67.5');
  const band = scoreCard(page).locator('.band');
  assert.equal((await band.innerText()).trim(), 'Needs attention');
  assert.match(await band.getAttribute('class'), /band-yellow/);
  await scoreCard(page).getByText('Yellow band: 50 to 75.').waitFor();

  // The breakdown: category, value, rating, weight, earned, lost.
  const table = page.locator('table.breakdown');
  const line = async (name) => (await table.locator('tbody tr', { hasText: name }).locator('th, td').allInnerTexts()).map((t) => t.trim());
  assert.deepEqual(await line('Product usage'), ['Product usage', '85%', 'Good', '30', '30', '0']);
  assert.deepEqual(await line('Feature adoption'), ['Feature adoption', '2 features', 'Fair', '20', '10', '10']);
  assert.deepEqual(await line('Relationship'), ['Relationship', 'NPS 9', 'Good', '20', '20', '0']);
  assert.deepEqual(await line('Support tickets'), ['Support tickets', 'Steady', 'Fair', '15', '7.5', '7.5']);
  const roi = await line('ROI / success targets');
  assert.match(roi[0], /^ROI \/ success targets\s*costs most$/i, 'the dragging category is marked in its row');
  assert.deepEqual(roi.slice(1), ['65% of targets', 'Poor', '15', '0', '15']);
  assert.deepEqual((await table.locator('tfoot td').allInnerTexts()).slice(2), ['100', '67.5', '32.5']);
  await page.getByText('ROI / success targets is dragging the score down most: it costs 15 points.').waitFor();

  let account = await storedAccount(page, id);
  assert.deepEqual(snapshotsOf(account), [{
    date: isoDaysFromToday(0), seat_usage_pct: 85, core_features: 2, nps: 9, ticket_trend: 'stable', targets_met_pct: 65,
  }]);

  // A second save the same day replaces that day's check-in, and says so.
  await page.locator('form.checkin-form').getByLabel('As of').fill(isoDaysFromToday(0));
  await page.getByText('There is already a check-in on this day: saving replaces it.').waitFor();
  await checkIn(page, { usage: '85', features: '2', nps: '', tickets: 'stable', roi: '65' });
  await page.getByText(/Replaced the check-in of .*One check-in a day/).waitFor();
  // NPS unknown: scored over the other four, marked incomplete, never read as red.
  assert.equal(await scoreCard(page).locator('.score-big').innerText(), '59.4');
  await scoreCard(page).getByText('Incomplete: 1 signal unknown').waitFor();
  assert.deepEqual(await line('Relationship'), ['Relationship', 'Unknown', 'Unknown', '20', '—', '—']);
  // The rows changed in place follow their line: the unknown one muted, the one costing
  // most marked; the day's history entry shows the new score.
  assert.equal(await table.locator('tbody tr.unknown').count(), 1);
  assert.match(await table.locator('tbody tr.unknown th').innerText(), /^Relationship/);
  assert.match(await table.locator('tbody tr.dragging th').innerText(), /^ROI \/ success targets/);
  assert.deepEqual(await table.locator('tfoot td').allInnerTexts().then((t) => t.slice(2)), ['100', '59.4', '40.6']);
  const today = page.locator(`.history-item[data-date="${isoDaysFromToday(0)}"]`);
  assert.equal(await page.locator('.history-item').count(), 1);
  assert.equal(await today.locator('.score-cell').innerText(), '59.4');
  await today.locator('.sig-list li.unknown', { hasText: 'NPS' }).waitFor();
  account = await storedAccount(page, id);
  assert.equal(snapshotsOf(account).length, 1);
  assert.equal(snapshotsOf(account)[0].nps, undefined);

  // All unknown is refused at the form.
  await checkIn(page, {});
  await page.getByText('Fill in at least one signal').waitFor();
  assert.equal(snapshotsOf(await storedAccount(page, id)).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('three back-filled check-ins falling 35 points draw three dots and raise "declining"; edit, delete, reload', async () => {
  const { page, errors, context } = await newPage(env);
  const id = await freshAccountHealth(page, 'Sliding Co');
  // 85, then 67.5, then 50: down 35 points in 60 days.
  await checkIn(page, { date: isoDaysFromToday(-60), usage: '60', features: '3', nps: '9', tickets: 'decreasing', roi: '95' });
  await page.locator('.toast-host').getByText(/: 85 \(Healthy\)\./).waitFor();
  await checkIn(page, { date: isoDaysFromToday(-30), usage: '85', features: '2', nps: '9', tickets: 'stable', roi: '65' });
  await page.locator('.toast-host').getByText(/: 67\.5 \(Needs attention\)\./).waitFor();
  await checkIn(page, { date: isoDaysFromToday(0), usage: '60', features: '2', nps: '7', tickets: 'stable', roi: '80' });
  await page.locator('.toast-host').getByText(/: 50 \(Needs attention\)\./).waitFor();

  await circles(page).nth(2).waitFor();
  assert.equal(await circles(page).count(), 3, 'one dot per check-in');
  assert.equal(await scoreCard(page).locator('.score-big').innerText(), '50');
  await scoreCard(page).locator('.flag-declining').waitFor();
  await scoreCard(page).getByText(/Down 35 points since .* \(85 to 50\)\./).waitFor();
  assert.match(await scoreCard(page).locator('.trend').innerText(), /↓ -17\.5/);
  const history = page.locator('ol.history-list > li');
  assert.equal(await history.count(), 3);
  assert.match(await history.first().innerText(), /50/, 'newest first');
  await shot(page, 'health-backfilled');

  // Edit the middle check-in: ROI 65 -> 95 makes it 82.5.
  const middle = page.locator(`.history-item[data-date="${isoDaysFromToday(-30)}"]`);
  await middle.getByRole('button', { name: /^Edit the check-in/ }).click();
  const edit = page.locator('form.edit-form');
  await edit.getByLabel('Success targets met (%)').fill('9 5');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#edit-roi-err').getByText('is not a number').waitFor();
  await edit.getByLabel('As of').fill(isoDaysFromToday(0));
  await edit.getByLabel('Success targets met (%)').fill('95');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await page.locator('#edit-date-err').getByText('There is already a check-in on').waitFor();
  await edit.getByLabel('As of').fill(isoDaysFromToday(-31));
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await page.getByText(/Moved the check-in of .* to /).waitFor();
  const moved = page.locator(`.history-item[data-date="${isoDaysFromToday(-31)}"]`);
  assert.match(await moved.locator('.history-score').innerText(), /82\.5/);
  let account = await storedAccount(page, id);
  assert.deepEqual(snapshotsOf(account).map((s) => s.date), [isoDaysFromToday(-60), isoDaysFromToday(-31), isoDaysFromToday(0)]);
  assert.equal(snapshotsOf(account)[1].targets_met_pct, 95);

  // Delete asks first; "Keep" backs out.
  await moved.getByRole('button', { name: /^Delete the check-in/ }).click();
  await moved.getByRole('button', { name: 'Keep' }).click();
  assert.equal(await history.count(), 3);
  await moved.getByRole('button', { name: /^Delete the check-in/ }).click();
  await moved.getByRole('button', { name: 'Delete check-in' }).click();
  await page.getByText(/Deleted the check-in of/).waitFor();
  assert.equal(await history.count(), 2);
  // The chart follows an edit one frame after the score and the list.
  await page.waitForFunction(() => document.querySelectorAll('svg.chart-health-trend circle').length === 2);
  assert.equal(await circles(page).count(), 2);

  // Reload: all of it is still there.
  await saved(page);
  await page.reload();
  await page.getByRole('heading', { name: 'Record a check-in' }).waitFor();
  assert.equal(await history.count(), 2);
  assert.equal(await circles(page).count(), 2);
  assert.equal(await scoreCard(page).locator('.score-big').innerText(), '50');
  await scoreCard(page).locator('.flag-declining').waitFor();
  account = await storedAccount(page, id);
  assert.equal(snapshotsOf(account).length, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('what-if previews a score without saving; reset goes back to the latest check-in', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await page.getByRole('link', { name: 'Northwind Logistics' }).click();
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Health' }).click();
  const whatif = page.locator('section#whatif');
  const result = whatif.locator('.whatif-result');
  await result.getByText('Same as the latest check-in.').waitFor();
  assert.equal(await result.locator('.score-big').innerText(), '52.5');
  await saved(page);
  const before = await stored(page);

  await whatif.getByLabel('Seats active weekly (%)').fill('90');
  await result.getByText('+15 points against the latest check-in (52.5).').waitFor();
  assert.equal(await result.locator('.score-big').innerText(), '67.5');
  await whatif.getByLabel('Ticket trend').selectOption('zero_open');
  assert.equal(await result.locator('.score-big').innerText(), '82.5');
  assert.equal((await result.locator('.band').innerText()).trim(), 'Healthy');
  await whatif.getByLabel("Main contact's NPS (0-10)").fill('12');
  await whatif.getByText('NPS answers run from 0 to 10 (you typed 12).').waitFor();
  await result.getByText('Fix the marked field to see the score.').waitFor();
  // The real score and storage are untouched.
  assert.equal(await scoreCard(page).locator('.score-big').innerText(), '52.5');
  assert.deepEqual(await stored(page), before);
  assert.equal(await page.locator('.save-indicator').innerText(), 'Saved in this browser');

  await whatif.getByRole('button', { name: 'Reset to latest check-in' }).click();
  assert.equal(await result.locator('.score-big').innerText(), '52.5');
  assert.equal(await whatif.getByLabel('Seats active weekly (%)').inputValue(), '71');
  assert.equal(await whatif.getByRole('button', { name: 'Reset to latest check-in' }).isDisabled(), true);

  // Left as it was, the preview follows a new check-in, drawn once: it never shows the
  // old values against the new check-in on the way (every text it held is recorded).
  await result.evaluate((el) => {
    window.__whatifTexts = [];
    const note = (n) => { if (n.nodeType === Node.TEXT_NODE) window.__whatifTexts.push(n.data); else if (n.textContent) window.__whatifTexts.push(n.textContent); };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'characterData') window.__whatifTexts.push(r.oldValue, r.target.data);
        r.addedNodes.forEach(note);
        r.removedNodes.forEach(note);
      }
    }).observe(el, { subtree: true, childList: true, characterData: true, characterDataOldValue: true });
  });
  const form = page.locator('form.checkin-form');
  await form.getByLabel('Seats active weekly (%)').fill('90');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await scoreCard(page).locator('.score-big').getByText('67.5').waitFor();
  await result.getByText('Same as the latest check-in.').waitFor();
  assert.equal(await result.locator('.score-big').innerText(), '67.5');
  assert.equal(await whatif.getByLabel('Seats active weekly (%)').inputValue(), '90');
  const texts = await page.evaluate(() => window.__whatifTexts);
  assert.ok(texts.length > 0, 'the preview changed');
  assert.deepEqual(texts.filter((t) => /against the latest/.test(t ?? '')), [], 'no stale comparison was drawn');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a weight change in Settings rescores the portfolio at once and is logged; reset asks first', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  const northwind = () => rows(page).filter({ hasText: 'Northwind Logistics' }).locator('td.health-cell');
  assert.equal(await northwind().getAttribute('data-score'), '52.5');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('heading', { name: 'Health score weights' }).waitFor();
  const usage = page.getByLabel('Product usage');
  assert.equal(await usage.inputValue(), '30');
  await page.getByText('These are the default weights').waitFor();

  // Refused at the field, and nothing changes.
  await usage.fill('-5');
  await usage.press('Tab');
  await page.locator('#weight-usage-err').getByText("can't be negative").waitFor();
  assert.equal(await usage.getAttribute('aria-invalid'), 'true');
  await saved(page);
  assert.equal((await stored(page)).workspace.settings.health.weights.usage, 30);
  for (const label of ['Product usage', 'Feature adoption', 'Relationship', 'Support tickets', 'ROI / success targets']) {
    await page.getByLabel(label).fill('0');
  }
  await page.getByLabel('ROI / success targets').press('Tab');
  await page.locator('#weight-roi-err').getByText('At least one weight must be above 0').waitFor();
  // Each valid field applied as it was left; the all-zero one was not.
  await saved(page);
  assert.equal((await stored(page)).workspace.settings.health.weights.roi, 15);

  // Usage 60, the others back: shares shown out of 100, applied at once.
  for (const [label, v] of [['Feature adoption', '20'], ['Relationship', '20'], ['Support tickets', '15'], ['ROI / success targets', '15'], ['Product usage', '60']]) {
    await page.getByLabel(label).fill(v);
    await page.getByLabel(label).press('Tab');
  }
  await page.locator('#weight-usage-share').getByText('46.2 of 100').waitFor();
  assert.equal(await page.locator('#weight-roi-err').innerText(), '');
  await page.getByText('Weights saved.').first().waitFor();
  const log = page.locator('table.weight-log tbody tr');
  assert.equal(await log.count(), 2, "today's change and the demo's earlier one");
  assert.match(await log.first().innerText(), /30 → 60/);
  await shot(page, 'settings');
  await saved(page);
  const settings = (await stored(page)).workspace.settings.health;
  assert.equal(settings.weights.usage, 60);
  assert.equal(settings.weight_changes.at(-1).date, isoDaysFromToday(0));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await rows(page).first().waitFor();
  // Usage (yellow) now counts 60 of 130: 6750 / 130 = 51.9.
  assert.equal(await northwind().getAttribute('data-score'), '51.9');
  assert.match(await northwind().innerText(), /51\.9\s*Needs attention/);

  // Reset asks, then brings the defaults back (logged the same day: one entry, removed).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await page.getByText('Reset the weights to 30 / 20 / 20 / 15 / 15?').waitFor();
  await page.getByRole('button', { name: 'Reset weights' }).click();
  await page.getByText('These are the default weights').waitFor();
  assert.equal(await usage.inputValue(), '30');
  assert.equal(await log.count(), 1, 'a day that ends where it started leaves no entry');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  await rows(page).first().waitFor();
  assert.equal(await northwind().getAttribute('data-score'), '52.5');
  assert.deepEqual(errors, []);
  await context.close();
});

test('portfolio: health columns, sort by score, band and flag filters, the two charts; phone widths', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await page.locator('svg.chart-health-mix').waitFor();
  await page.locator('svg.chart-score-distribution').waitFor();
  assert.equal(await rows(page).count(), 8);
  const names = async () => (await rows(page).locator('th a').allInnerTexts()).map((t) => t.trim());

  await page.getByRole('button', { name: 'Health' }).click();
  const ascending = await names();
  assert.equal(ascending[0], 'Cobalt Retail Group', 'lowest score first');
  assert.equal(ascending.at(-1), 'Orbit Analytics', 'no score sorts last');
  await page.getByRole('button', { name: 'Health' }).click();
  assert.equal((await names()).at(-1), 'Orbit Analytics', 'no score sorts last either way');

  const health = page.getByLabel('Health', { exact: true });
  await health.selectOption('red');
  assert.deepEqual((await names()).sort(), ['Brightpath Learning', 'Cobalt Retail Group']);
  await health.selectOption('none');
  assert.deepEqual(await names(), ['Orbit Analytics']);
  await health.selectOption('');
  await page.getByLabel('Declining only').check();
  assert.deepEqual((await names()).sort(), ['Brightpath Learning', 'Northwind Logistics']);
  assert.equal(await rows(page).locator('.flag-declining').count(), 2);
  await page.getByLabel('Declining only').uncheck();
  await page.getByLabel('Stale only').check();
  assert.deepEqual(await names(), ['Fjord Energy']);
  await health.selectOption('red');
  await page.getByText('No account matches the filters.').waitFor();
  await health.selectOption('');
  await page.getByLabel('Stale only').uncheck();
  assert.equal(await rows(page).count(), 8);

  // Trend and band words in the cells.
  const northwind = rows(page).filter({ hasText: 'Northwind Logistics' });
  assert.match(await northwind.locator('td.trend-cell').innerText(), /↓ -7\.5/);
  assert.match(await northwind.locator('td.health-cell').innerText(), /52\.5\s*Needs attention/);
  assert.match(await rows(page).filter({ hasText: 'Quarry & Vale Legal' }).locator('td.health-cell').innerText(), /incomplete/);
  await shot(page, 'portfolio-charts');

  // Phone: charts stacked, nothing overflows the page.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.waitForTimeout(150);
  const box = async (sel) => page.locator(sel).boundingBox();
  const mix = await box('svg.chart-health-mix');
  const dist = await box('svg.chart-score-distribution');
  assert.ok(dist.y > mix.y + mix.height - 1, 'stacked on a phone');
  assert.ok(mix.width <= 390, 'the chart fits the phone');
  await shot(page, 'portfolio-charts-phone');
  let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `portfolio overflows by ${overflow}px`);

  for (const [path, name] of [['/accounts/1/health', 'health-tab-phone'], ['/settings', 'settings-phone']]) {
    await open(page, env.base, path);
    await page.locator('h2').first().waitFor();
    if (path.endsWith('health')) {
      await circles(page).first().waitFor();
      // The trend chart is drawn at the phone's width, not shrunk from a desktop drawing.
      const vb = await page.locator('svg.chart-health-trend').getAttribute('viewBox');
      assert.ok(Number(vb.split(' ')[2]) < 400, `phone drawing width ${vb}`);
      // The score's breakdown is one card per category: every figure in sight, with its name.
      const wrap = page.locator('table.breakdown').locator('xpath=..');
      assert.ok(await wrap.evaluate((w) => w.scrollWidth <= w.clientWidth), 'the breakdown does not scroll sideways');
      const lost = page.locator('table.breakdown tbody tr').first().locator('td').last();
      assert.equal(await lost.getAttribute('data-label'), 'Points lost');
      assert.ok((await lost.boundingBox()).x < 390 / 2, 'a card: the figure starts on the left, under the name');
    }
    await shot(page, name);
    overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} overflows by ${overflow}px at 390px`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Health tab of a demo account: score, flags, breakdown, chart with the weight-change marker', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/accounts/1/health');
  await circles(page).first().waitFor();
  assert.equal(await circles(page).count(), 5);
  const svg = await page.locator('svg.chart-health-trend').evaluate((el) => el.outerHTML);
  assert.match(svg, /weights changed/);
  const vb = await page.locator('svg.chart-health-trend').getAttribute('viewBox');
  const width = Number(vb.split(' ')[2]);
  const boxWidth = (await page.locator('svg.chart-health-trend').boundingBox()).width;
  assert.ok(Math.abs(width - boxWidth) <= 2, `drawn at its box width (${width} vs ${boxWidth})`);
  await scoreCard(page).locator('.flag-declining').waitFor();
  await page.getByText('Product usage is dragging the score down most').waitFor();
  await shot(page, 'health-tab');

  // Keyboard: the tab's first input can be reached and shows focus.
  await page.locator('#checkin-usage').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'checkin-adoption');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'checkin-support');

  // Stale and incomplete accounts say so in words.
  await open(page, env.base, '/accounts/4/health');
  await scoreCard(page).getByText(/No check-in for 38 days/).waitFor();
  await open(page, env.base, '/accounts/6/health');
  await scoreCard(page).getByText('Incomplete: 2 signals unknown').waitFor();
  await open(page, env.base, '/accounts/8/health');
  await scoreCard(page).getByText('No check-in yet.').waitFor();
  await page.getByText('The chart starts with the first check-in.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
