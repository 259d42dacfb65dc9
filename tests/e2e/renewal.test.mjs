// Renewals, expansion and save plans: the Renewal tab on a fresh account (status
// changes as tasks are ticked, validation at the field, own tasks, reload keeps it all),
// the next cycle after a passed renewal, the Renewals page and its .ics export parsed and
// checked against the milestones, an account turned red by importing a health check-in and
// its save plan, the Expansion tab, the portfolio column; a book of 800 accounts draws the
// Renewals page's lists 25 accounts at a time; screenshots, no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, newPage, open, shot, saved, stored, storeDocument, isoDaysFromToday, shotsDir } from './helpers.mjs';
import { generateWorkspace } from './workspace-gen.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// The pill's word without its mark (the mark is there for people who cannot tell colours).
const statusWord = async (page) => (await page.locator('.rstatus-card .rstatus-line .rstatus').innerText()).replace(/^[^A-Za-z]+/, '').trim();
const byName = (ws, name) => ws.accounts.find((a) => a.name === name);

async function accountUrl(page, name) {
  await open(page, env.base, '/');
  // The table's link (a passed renewal is also listed above the table, linking its tab).
  await page.getByRole('link', { name, exact: true }).last().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return page.url();
}

test('Renewal tab on a fresh account: late, tick and date a task, on track; terms and own tasks validated at the field; reload keeps it', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/accounts/new');
  await page.getByLabel('Name').fill('Harbor Freight Co');
  await page.getByLabel('ARR').fill('50000');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Harbor Freight Co' }).waitFor();
  const base = page.url();

  // No renewal date: a clear empty state pointing to the Overview tab.
  await page.getByRole('link', { name: 'Renewal', exact: true }).click();
  await page.getByRole('heading', { name: 'No renewal date yet' }).waitFor();
  await page.getByRole('link', { name: 'Set the renewal date on the Overview tab' }).click();
  await page.getByLabel('Renewal date').fill(isoDaysFromToday(75));
  await page.getByLabel('Renewal date').press('Tab');
  await saved(page);

  await page.getByRole('link', { name: 'Renewal', exact: true }).click();
  await page.locator('.rstatus-card').waitFor();
  // ARR 50,000: 90-day lead time, started by today-15 with nothing done: late.
  assert.equal(await statusWord(page), 'Late');
  assert.match(await page.locator('.rstatus-note').innerText(), /should have started by .* and nothing is done yet/);
  for (const m of ['t90', 't60', 't30', 't7']) assert.equal(await page.locator(`#ms-${m}`).count(), 1, m);
  assert.equal(await page.locator('#ms-t120').count(), 0, 'no T-120 at 50,000 ARR');
  assert.equal(await page.locator('#ms-t180').count(), 0);
  assert.equal(await page.locator('.renewal-chart svg circle').count(), 4);
  assert.match(await page.locator('#ms-t90').innerText(), /days late/);

  // Notice period: refused at the field, never saved.
  const notice = page.getByLabel('Notice period (days)');
  await notice.fill('sixty');
  await notice.press('Tab');
  await page.getByText('"sixty" is not a number of days').waitFor();
  assert.equal(await notice.getAttribute('aria-invalid'), 'true');
  await notice.fill('1000');
  await notice.press('Tab');
  await page.getByText(/more than two years/).waitFor();
  await saved(page);
  let acct = byName((await stored(page)).workspace, 'Harbor Freight Co');
  assert.ok(acct.renewal === undefined || acct.renewal.notice_days == null, 'refused notice period not stored');
  await notice.fill('45');
  await notice.press('Tab');
  await page.locator('.ms-notice').waitFor();
  assert.match(await page.locator('.ms-notice').innerText(), /in 30 days/);
  assert.equal(await notice.getAttribute('aria-invalid'), 'false');

  // Tick a task: started today, after the start-by date: still late, the note says why.
  await page.locator('#task-t90-qbr').check();
  await page.locator('#done-t90-qbr').waitFor();
  assert.equal(await page.locator('#done-t90-qbr').inputValue(), isoDaysFromToday(0));
  assert.match(await page.locator('.rstatus-note').innerText(), /Work started on .* later than the 90-day lead time/);
  assert.equal(await statusWord(page), 'Late');
  // A done date in the future is refused at the field.
  await page.locator('#done-t90-qbr').fill(isoDaysFromToday(2));
  await page.locator('#done-t90-qbr').dispatchEvent('change');
  await page.getByText(/is in the future: pick today or an earlier day/).waitFor();
  // Done 20 days ago, before the start-by date: on track.
  await page.locator('#done-t90-qbr').fill(isoDaysFromToday(-20));
  await page.locator('#done-t90-qbr').dispatchEvent('change');
  await page.locator('.rstatus-card .rstatus-on_track').waitFor();
  assert.equal(await statusWord(page), 'On track');
  assert.equal(await page.locator('#done-t90-qbr-err').innerText(), '');

  // Own tasks: empty refused at the field; add, edit, remove.
  const add = page.getByLabel('Add a task to T-60');
  await add.fill('   ');
  await page.locator('#ms-t60').getByRole('button', { name: 'Add' }).click();
  await page.locator('#ms-t60').getByText('Write what the task is.').waitFor();
  await add.fill('Book the legal review');
  await page.locator('#ms-t60').getByRole('button', { name: 'Add' }).click();
  await page.locator('#ms-t60').getByText('Book the legal review').waitFor();
  assert.equal(await add.inputValue(), '');
  await page.locator('#ms-t60 .task').filter({ hasText: 'Book the legal review' }).getByRole('button', { name: 'Edit' }).click();
  await page.locator('#edit-custom-1').fill('Book the legal review with Dana');
  await page.locator('#ms-t60').getByRole('button', { name: 'Save' }).click();
  await page.locator('#ms-t60').getByText('Book the legal review with Dana').waitFor();
  await page.locator('#task-custom-1').check();
  await page.locator('#done-custom-1').waitFor();

  // Early start adds T-180; auto-renew changes the notice wording.
  await page.getByLabel('Early start (T-180)').check();
  await page.locator('#ms-t180').waitFor();
  await page.getByLabel('Renews automatically').check();
  await page.locator('.ms-notice').getByText(/renews by itself unless notice is given/).waitFor();
  await page.getByLabel('Early start (T-180)').uncheck();
  await page.locator('#ms-t180').waitFor({ state: 'detached' });
  await saved(page);

  // Reload: everything is where it was.
  await page.reload();
  await page.locator('.rstatus-card').waitFor();
  assert.equal(page.url(), base + '/renewal');
  assert.equal(await statusWord(page), 'On track');
  assert.equal(await page.getByLabel('Notice period (days)').inputValue(), '45');
  assert.ok(await page.locator('#task-t90-qbr').isChecked());
  assert.equal(await page.locator('#done-t90-qbr').inputValue(), isoDaysFromToday(-20));
  assert.ok(await page.getByLabel('Renews automatically').isChecked());
  acct = byName((await stored(page)).workspace, 'Harbor Freight Co');
  assert.equal(acct.renewal.notice_days, 45);
  assert.equal(acct.renewal.auto_renew, true);
  assert.equal(acct.renewal.early_start, false);
  assert.deepEqual(acct.renewal.done, [{ milestone: 't90', task: 'qbr', done_on: isoDaysFromToday(-20) }]);
  assert.equal(acct.renewal.custom_tasks.length, 1);
  assert.equal(acct.renewal.custom_tasks[0].text, 'Book the legal review with Dana');

  // Remove the own task (asks first).
  await page.locator('#ms-t60 .task').filter({ hasText: 'Book the legal review' }).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Yes, remove' }).click();
  await page.locator('#task-custom-1').waitFor({ state: 'detached' });
  await saved(page);
  acct = byName((await stored(page)).workspace, 'Harbor Freight Co');
  assert.equal(acct.renewal.custom_tasks.length, 0);

  assert.deepEqual(errors, []);
  await context.close();
});

test('a passed renewal shows overdue and asks for its outcome; a next date not after it is refused; renewed flat starts the next cycle', async () => {
  const { page, errors, context } = await newPage(env);
  const url = await accountUrl(page, 'Cobalt Retail Group');
  await open(page, env.base, new URL(url).pathname + '/renewal');
  await page.locator('.rstatus-card').waitFor();
  assert.equal(await statusWord(page), 'Overdue');
  assert.match(await page.locator('.rstatus-note').innerText(), /has passed/);
  await page.getByRole('heading', { name: /has passed: what happened\?/ }).waitFor();
  const next = page.getByLabel('Next renewal date');
  await next.fill(isoDaysFromToday(-20));
  await page.getByRole('button', { name: 'Record the outcome' }).click();
  await page.getByText(/The next renewal date must be after this one/).waitFor();
  assert.equal(await next.getAttribute('aria-invalid'), 'true');
  await saved(page);
  let cobalt = byName((await stored(page)).workspace, 'Cobalt Retail Group');
  assert.equal(cobalt.renewal_date, isoDaysFromToday(-20));
  assert.ok(cobalt.renewal.done.length > 0);

  await next.fill(isoDaysFromToday(345));
  await page.getByRole('button', { name: 'Record the outcome' }).click();
  await page.getByText(/Renewed flat recorded/).waitFor();
  assert.equal(await statusWord(page), 'On track');
  await saved(page);
  cobalt = byName((await stored(page)).workspace, 'Cobalt Retail Group');
  assert.equal(cobalt.renewal_date, isoDaysFromToday(345));
  assert.equal(cobalt.contract_start, isoDaysFromToday(-20));
  assert.deepEqual(cobalt.arr_log.at(-1), { date: isoDaysFromToday(-20), kind: 'renewal', amount: 0, note: '' });
  assert.deepEqual(cobalt.renewal.done, []);
  assert.equal(cobalt.renewal.custom_tasks.length, 1, 'own tasks stay');
  assert.equal(cobalt.renewal.custom_tasks[0].done_on ?? null, null);
  assert.deepEqual(errors, []);
  await context.close();
});

// --- .ics helpers: expected events recomputed from the stored workspace -----------------

const MILESTONES = [['t180', 180], ['t120', 120], ['t90', 90], ['t60', 60], ['t30', 30], ['t7', 7]];
function shiftIso(iso, days) {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
const compact = (iso) => iso.replaceAll('-', '');
/** UIDs carry the workspace id (changed on purpose: they collided between workspaces). */
function expectedEvents(doc) {
  const ws = doc.workspace;
  const uid = (id, part) => `acct-${id}-${part}.${doc.workspace_id}@am-planner`;
  const out = new Map();
  for (const a of ws.accounts) {
    if (!a.renewal_date) continue;
    const r = a.renewal ?? {};
    for (const [key, days] of MILESTONES) {
      if (key === 't180' && !r.early_start) continue;
      if (key === 't120' && !(a.arr > 100000)) continue;
      out.set(uid(a.id, key), compact(shiftIso(a.renewal_date, -days)));
    }
    if (r.notice_days != null) out.set(uid(a.id, 'notice'), compact(shiftIso(a.renewal_date, -r.notice_days)));
    out.set(uid(a.id, 'renewal'), compact(a.renewal_date));
  }
  return out;
}

test('Renewals page: agenda with links to each Renewal tab, 12 months, overdue; the .ics export parses and matches every milestone', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await page.getByRole('link', { name: 'Renewals', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Renewals' }).waitFor();
  assert.equal(await page.locator('table.months tbody tr').count(), 12);
  const agenda = page.locator('.agenda-card');
  await agenda.getByText('Orbit Analytics').first().waitFor();
  assert.match(await agenda.innerText(), /Overdue \(\d+\)/);
  assert.match(await page.locator('.overdue-card').innerText(), /Cobalt Retail Group/);
  await shot(page, 'renewals-page');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download calendar (.ics)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), `renewals-${isoDaysFromToday(0)}.ics`);
  const file = path.join(shotsDir, download.suggestedFilename());
  await download.saveAs(file);
  const raw = fs.readFileSync(file, 'utf8');
  // RFC 5545: CRLF everywhere, physical lines of 75 octets at most, folded with a space.
  assert.ok(raw.endsWith('\r\n'));
  assert.ok(!raw.replaceAll('\r\n', '').includes('\n'), 'no bare LF');
  const physical = raw.split('\r\n').slice(0, -1);
  for (const l of physical) assert.ok(Buffer.byteLength(l, 'utf8') <= 75, `line too long: ${l}`);
  const lines = raw.replaceAll('\r\n ', '').split('\r\n').slice(0, -1);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.equal(lines.at(-1), 'END:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));

  const events = [];
  let cur = null;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') cur = {};
    else if (l === 'END:VEVENT') { events.push(cur); cur = null; }
    else if (cur) {
      const i = l.indexOf(':');
      cur[l.slice(0, i)] = l.slice(i + 1);
    }
  }
  assert.equal(events.length, (raw.match(/BEGIN:VEVENT/g) ?? []).length);
  await saved(page);
  const doc = await stored(page);
  assert.match(doc.workspace_id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  const expected = expectedEvents(doc);
  assert.equal(events.length, expected.size);
  for (const e of events) {
    assert.equal(e['DTSTART;VALUE=DATE'], expected.get(e.UID), e.UID);
    const start = e['DTSTART;VALUE=DATE'];
    const nextDay = compact(shiftIso(`${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6)}`, 1));
    assert.equal(e['DTEND;VALUE=DATE'], nextDay, `${e.UID} is one whole day`);
    assert.match(e.DTSTAMP, /^\d{8}T\d{6}Z$/);
    assert.ok(e.SUMMARY.length > 0);
  }
  // Northwind: early start and enterprise, so T-180 and T-120 are in the file.
  const nw = byName((await stored(page)).workspace, 'Northwind Logistics');
  assert.ok(events.some((e) => e.UID === `acct-${nw.id}-t180.${doc.workspace_id}@am-planner`));
  assert.ok(events.some((e) => e.UID === `acct-${nw.id}-t120.${doc.workspace_id}@am-planner`));
  // Another export after a reload gives the same UIDs (a calendar updates its events);
  // another browser's workspace, with the same demo accounts and ids, gives none of them.
  const uidsOf = async (p) => {
    const [d] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Download calendar (.ics)' }).click()]);
    const f = path.join(shotsDir, `again-${Date.now()}.ics`);
    await d.saveAs(f);
    return fs.readFileSync(f, 'utf8').replaceAll('\r\n ', '').split('\r\n').filter((l) => l.startsWith('UID:')).map((l) => l.slice(4));
  };
  await page.reload();
  await page.getByRole('button', { name: 'Download calendar (.ics)' }).waitFor();
  assert.deepEqual(await uidsOf(page), events.map((e) => e.UID));
  const other = await newPage(env);
  await open(other.page, env.base, '/renewals');
  const theirs = await uidsOf(other.page);
  assert.equal(theirs.length, events.length);
  assert.ok(theirs.every((u) => !expected.has(u)), 'no UID shared between two workspaces');
  assert.deepEqual(other.errors, []);
  await other.context.close();

  // An agenda link opens that account's Renewal tab.
  await agenda.getByRole('link', { name: 'Orbit Analytics' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Orbit Analytics' }).waitFor();
  assert.match(page.url(), /\/accounts\/\d+\/renewal$/);
  assert.equal(await statusWord(page), 'Critical');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Renewals page of a long book: each list and month draws 25 accounts, then 25 more a press', async () => {
  const { page, errors } = await newPage(env);
  await open(page, env.base, '/');
  await storeDocument(page, generateWorkspace({ accounts: 800, people: 1, checkins: 1 }));
  await open(page, env.base, '/renewals');
  await page.locator('#renewals-passed > li').first().waitFor();
  const passed = page.locator('#renewals-passed > li');
  // The "Renewals overdue" figure: the count, then its ARR in a span.
  const passedTotal = parseInt(await page.locator('.stat').nth(1).locator('dd').textContent(), 10);
  assert.ok(passedTotal > 50, `the book has many passed renewals (${passedTotal})`);
  assert.equal(await passed.count(), 25);
  const more = page.locator('#renewals-passed + .show-more');
  assert.equal(await more.locator('span').innerText(), `Showing 25 of ${passedTotal} accounts.`);
  await more.getByRole('button', { name: 'Show 25 more' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#renewals-passed > li').length === 50);
  await page.waitForFunction(() => document.activeElement === document.querySelector('#renewals-passed > li:nth-child(26) a'));
  // The agenda's overdue accounts: 25, then a press adds the next 25, the focus on the
  // first new one.
  const late = page.locator('#agenda-late > li');
  assert.equal(await late.count(), 25);
  const firstLate = await late.first().locator('a').innerText();
  await page.locator('#agenda-late + .show-more').getByRole('button', { name: 'Show 25 more' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#agenda-late > li').length === 50);
  await page.waitForFunction(() => document.activeElement === document.querySelector('#agenda-late > li:nth-child(26) a'));
  assert.equal(await late.first().locator('a').innerText(), firstLate);
  // A month with more than 25 renewals draws 25 and offers the rest; its ARR counts them all.
  const months = page.locator('ul.month-accounts');
  const sizes = await months.evaluateAll((uls) => uls.map((ul) => ul.children.length));
  assert.ok(sizes.every((n) => n <= 25), `no month draws more than 25 at first (${sizes})`);
  const full = sizes.indexOf(25);
  assert.ok(full >= 0, 'a month has at least 25 renewals');
  const id = await months.nth(full).getAttribute('id');
  const monthMore = page.locator(`#${id} + .show-more`);
  if (await monthMore.count()) {
    const firstOfMonth = await months.nth(full).locator('li').first().locator('a').innerText();
    await monthMore.getByRole('button').click();
    await page.waitForFunction((id) => document.getElementById(id).children.length > 25, id);
    await page.waitForFunction((id) => document.activeElement === document.querySelector(`#${id} > li:nth-child(26) a`), id);
    assert.equal(await months.nth(full).locator('li').first().locator('a').innerText(), firstOfMonth);
  }
  await shot(page, 'renewals-long');
  assert.deepEqual(errors, []);
});

test('an account turned red by an imported health check-in gets a save plan proposal; open it, tick a step, reload, close it', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/data');
  await saved(page);
  const doc = await stored(page);
  const tide = byName(doc.workspace, 'Tidewater Hospitality');
  tide.health = {
    snapshots: [{
      date: isoDaysFromToday(0), seat_usage_pct: 22, core_features: 0, nps: 3,
      ticket_trend: 'escalated', targets_met_pct: 15,
    }],
  };
  await page.getByLabel('Workspace file to import').setInputFiles({
    name: 'red.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)),
  });
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await saved(page);

  await accountUrl(page, 'Tidewater Hospitality');
  const notice = page.locator('.save-notice.propose');
  await notice.getByText('Health is red.').waitFor();
  await notice.getByRole('link', { name: 'Open a save plan' }).click();
  await page.getByRole('heading', { name: 'Health is red: open a save plan' }).waitFor();
  assert.match(await page.locator('.playbook').innerText(), /tell leadership \(ARR above 50,000\)/);
  assert.equal(await page.getByLabel('Save owner').inputValue(), 'Dana Whitfield');
  await page.getByLabel('Root cause', { exact: true }).selectOption('competitive_threat');
  await page.getByLabel('Save owner').fill('x'.repeat(130));
  await page.getByRole('button', { name: 'Open save plan' }).click();
  await page.getByText('Keep the owner under 120 characters.').waitFor();
  await page.getByLabel('Save owner').fill('Dana Whitfield');
  await page.getByRole('button', { name: 'Open save plan' }).click();
  await page.getByRole('heading', { name: 'Save plan', exact: true }).waitFor();

  const steps = page.locator('ol.steps > li');
  assert.equal(await steps.count(), 5, 'triage, leadership, outreach, root-cause meeting, first check-in');
  assert.match(await steps.nth(0).innerText(), /Triage[\s\S]*24 h[\s\S]*due tomorrow/);
  assert.match(await steps.nth(1).innerText(), /Tell leadership/);
  assert.match(await steps.nth(2).innerText(), /48 h/);
  assert.match(await steps.nth(3).innerText(), /1 week/);
  await page.locator('#step-triage').check();
  await page.locator('#step-done-triage').waitFor();
  await page.locator('#step-done-triage').fill(isoDaysFromToday(1));
  await page.locator('#step-done-triage').dispatchEvent('change');
  await page.getByText(/is in the future/).waitFor();
  await saved(page);

  await page.reload();
  await page.getByRole('heading', { name: 'Save plan', exact: true }).waitFor();
  assert.ok(await page.locator('#step-triage').isChecked());
  assert.equal(await page.getByLabel('Root cause', { exact: true }).inputValue(), 'competitive_threat');
  await shot(page, 'save-plan');
  let t = byName((await stored(page)).workspace, 'Tidewater Hospitality');
  assert.equal(t.save_plans.length, 1);
  assert.equal(t.save_plans[0].opened_on, isoDaysFromToday(0));
  assert.equal(t.save_plans[0].notify_leadership, true);
  assert.deepEqual(t.save_plans[0].done, [{ step: 'triage', done_on: isoDaysFromToday(0) }]);

  // The other tabs show the open plan above the tabs.
  await page.getByRole('link', { name: 'Overview', exact: true }).click();
  await page.locator('.save-notice.open').getByText(/Save plan open since/).waitFor();
  await page.locator('.save-notice.open').getByRole('link', { name: 'View the plan' }).click();

  // Close: outcome required at the field, then kept in the history.
  await page.getByRole('button', { name: 'Close the plan' }).click();
  await page.getByText('Pick how it ended.').waitFor();
  await page.getByLabel('Outcome').selectOption('lost');
  await page.getByLabel('Note').fill('Moved to a competitor for the new resorts.');
  await page.getByRole('button', { name: 'Close the plan' }).click();
  await page.locator('table.history tbody tr').first().waitFor();
  assert.match(await page.locator('table.history').innerText(), /Lost[\s\S]*Competitive threat[\s\S]*Moved to a competitor/);
  // Still red, so the proposal is back for a new plan.
  await page.getByRole('heading', { name: 'Health is red: open a save plan' }).waitFor();
  await saved(page);
  t = byName((await stored(page)).workspace, 'Tidewater Hospitality');
  assert.equal(t.save_plans[0].closed.outcome, 'lost');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Expansion tab: signals, readiness with the computed renewal item, ROI warning, opportunities validated at the field', async () => {
  const { page, errors, context } = await newPage(env);
  const url = await accountUrl(page, 'Northwind Logistics');
  await open(page, env.base, new URL(url).pathname + '/expansion');
  await page.getByRole('heading', { name: 'Ready to expand?' }).waitFor();
  await page.getByText(/being pursued before ROI is documented/).waitFor();
  assert.match(await page.locator('.computed').innerText(), /Renewal in 75 days/);
  assert.match(await page.locator('.ready-sum').innerText(), /2 of 5 met/);

  await page.getByRole('button', { name: 'Add opportunity' }).click();
  const form = page.getByRole('form', { name: 'New opportunity' });
  await form.getByLabel('Estimated ARR').fill('40k');
  await form.getByLabel('Estimated ARR').press('Tab');
  await form.getByText('"40k" is not an amount').waitFor();
  await form.getByRole('button', { name: 'Add opportunity' }).click();
  await form.getByText('Say in a few words what the opportunity is.').waitFor();
  assert.equal(await form.getByLabel('Description').getAttribute('aria-invalid'), 'true');
  await form.getByLabel('Type').selectOption('seat_expansion');
  await form.getByLabel('Description').fill('300 more driver seats for the Nordic fleet');
  await form.getByLabel('Estimated ARR').fill('60,000');
  await form.getByLabel('Target date').fill(isoDaysFromToday(120));
  await form.getByRole('button', { name: 'Add opportunity' }).click();
  await page.getByRole('heading', { name: '300 more driver seats for the Nordic fleet' }).waitFor();
  assert.match(await page.locator('.opp-totals').innerText(), /Open pipeline \$105,000/);

  await page.getByLabel('ROI achieved and written down').check();
  await page.getByText(/being pursued before ROI is documented/).waitFor({ state: 'detached' });
  await page.locator('.signals-card').getByText('ROI is documented').waitFor();
  await shot(page, 'expansion-tab');
  await saved(page);
  const nw = byName((await stored(page)).workspace, 'Northwind Logistics');
  assert.equal(nw.expansion.readiness.roi_documented, true);
  const added = nw.expansion.opportunities.find((o) => o.description.startsWith('300 more'));
  assert.equal(added.estimated_arr, 60000);
  assert.equal(added.type, 'seat_expansion');
  assert.equal(added.target_date, isoDaysFromToday(120));
  assert.deepEqual(errors, []);
  await context.close();
});

test('portfolio shows the next milestone with its status and sorts by it; Renewal tab screenshots at desktop and phone width', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await page.getByRole('button', { name: 'Next milestone' }).click();
  const first = page.locator('table.accounts tbody tr').first();
  assert.match(await first.locator('th').innerText(), /Orbit Analytics/);
  assert.equal(await first.locator('.next-ms').innerText(), 'T-90 Value review');
  // The renewal's status sits under its date, in the Renewal column.
  assert.match(await first.locator('.status-line').innerText(), /Critical/);
  assert.equal(await first.locator('td').nth(5).locator('.status-line').count(), 1, 'the status in the Renewal column');
  const passedRow = page.locator('table.accounts tbody tr').filter({ has: page.locator('.next-ms', { hasText: 'Renewal date passed' }) }).first();
  assert.match(await passedRow.locator('.status-line').innerText(), /Overdue/);

  const url = await accountUrl(page, 'Northwind Logistics');
  await open(page, env.base, new URL(url).pathname + '/renewal');
  await page.locator('.renewal-chart svg').waitFor();
  assert.equal(await statusWord(page), 'On track');
  assert.equal(await page.locator('.renewal-chart svg circle').count(), 6);
  await shot(page, 'renewal-tab');

  await page.setViewportSize({ width: 390, height: 860 });
  await page.reload();
  await page.locator('.renewal-chart svg').waitFor();
  await shot(page, 'renewal-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows horizontally by ${overflow}px at 390px`);
  for (const p of ['/renewals', new URL(url).pathname + '/expansion', new URL(url).pathname + '/save-plan']) {
    await open(page, env.base, p);
    await page.locator('main h1, main h2').first().waitFor();
    const o = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(o <= 0, `${p} overflows horizontally by ${o}px at 390px`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
