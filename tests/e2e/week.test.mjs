// This week: a workspace whose dates are relative to today makes one item of each kind due;
// the page lists them (overdue first), each link lands on its tab and section, a snooze
// hides an item across a reload and "Show again" brings it back; the portfolio links here;
// an account created with its renewal near asks about the earlier steps; a long week (300
// generated accounts) draws its lists 25 items at a time. Screenshots, no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, open, shot, saved, stored, storeDocument, isoDaysFromToday as day } from './helpers.mjs';
import { generateWorkspace } from './workspace-gen.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const emptyPlanning = (extra = {}) => ({ plan: null, qbrs: [], qualifications: [], ...extra });
let nextId = 1;
const account = (name, fields = {}) => ({
  id: nextId++, name, industry: '', segment: null, size: null, primary_use_case: '', products: [],
  arr: 40000, contract_start: null, renewal_date: null, owner: 'Sam Okafor', tier: 3, notes: '',
  ...fields,
});
const person = (id, name, extra) => ({
  id, name, title: '', business_unit: '', roles: [], influence: 3, sentiment: 'neutral',
  personal_win: '', key_risk: '', frequency: null, last_contact: null, owner: '', reports_to: null,
  left_company: false, notes: '', ...extra,
});
const plan = (lastUpdated) => ({
  last_updated: lastUpdated, overview: 'Steady account.', goals: [], metrics: [], risks: [],
  swot: { strengths: [], weaknesses: [], opportunities: [], threats: [] }, opportunity_ids: [], actions: [],
});

function fixture() {
  nextId = 1;
  const accounts = [
    account('Passed Renewal Co', { renewal_date: day(-3) }),
    account('Task Due Co', { renewal_date: day(95), arr: 50000, owner: 'Lina Park' }),
    account('Red Co', { health: { snapshots: [{ date: day(-2), seat_usage_pct: 20, core_features: 0, nps: 2 }] } }),
    account('Contact Co', { stakeholders: { last_reviewed: day(-5), people: [person(1, 'Helena Brandt', { frequency: 'weekly', last_contact: day(-10) })] } }),
    account('QBR Co', {
      planning: emptyPlanning({
        qbrs: [{ id: 1, date: day(7), start: '10:00', attendees: [], prep_done: [], value_delivered: '', challenges: '', roadmap: '', notes: '', mutual_actions: [] }],
      }),
    }),
    account('Plan Co', { planning: emptyPlanning({ plan: plan(day(-100)) }) }),
    account('Cadence Co', {
      tier: 2, contract_start: day(-60),
      stakeholders: { last_reviewed: day(-5), people: [person(1, 'Omar Diaz', { last_contact: day(-40) })] },
    }),
    account('Stale Co', { health: { snapshots: [{ date: day(-20), seat_usage_pct: 95, core_features: 5, nps: 9, ticket_trend: 'decreasing', targets_met_pct: 95 }] } }),
    account('Quiet Co', { renewal_date: day(300) }),
  ];
  for (const a of accounts) if (a.planning && a.planning.plan === null) delete a.planning.plan;
  return { format: 'am-planner-workspace', version: 2, workspace: { currency: 'USD', demo: false, accounts } };
}

// kind -> [account, link path and fragment, element that must be there]
const EXPECTED = [
  ['renewal_passed', 'Passed Renewal Co', '/renewal#outcome-h', '#outcome-h'],
  ['renewal_task', 'Task Due Co', '/renewal#task-t90-qbr', '#task-t90-qbr'],
  ['red_no_save_plan', 'Red Co', '/save-plan#propose-h', '#propose-h'],
  ['contact', 'Contact Co', '/stakeholders#risk-head', '#risk-head'],
  ['qbr_agenda', 'QBR Co', '/qbr#prep-agenda_sent', '#prep-agenda_sent'],
  ['stale_plan', 'Plan Co', '/plan#plan-title', '#plan-title'],
  ['touch', 'Cadence Co', '/stakeholders#risk-head', '#risk-head'],
  ['stale_health', 'Stale Co', '/health#checkin-h', '#checkin-h'],
];

test('This week lists what the workspace makes due, overdue first; every link lands on its section; snooze survives a reload', async () => {
  const { page, errors } = await newPage(env);
  await open(page, env.base, '/');
  await storeDocument(page, fixture());
  await open(page, env.base, '/');

  // The portfolio links to the week with its count; the nav lists it first.
  const link = page.locator('a.week-link');
  await link.waitFor();
  assert.match(await link.innerText(), /^This week: 10 items to do, \d+ overdue$/);
  assert.equal(await page.locator('nav.mainnav a').first().innerText(), 'This week');
  await link.click();
  await page.getByRole('heading', { level: 1, name: 'This week' }).waitFor();

  const kinds = await page.locator('.week-item').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.equal(kinds.length, 10, kinds.join(' '));
  for (const [kind] of EXPECTED) assert.ok(kinds.includes(kind), `${kind} listed`);
  assert.equal(kinds.filter((k) => k === 'renewal_task').length, 3);
  assert.equal(await page.locator('.week-item', { hasText: 'Quiet Co' }).count(), 0);
  // Overdue first: the overdue list holds the passed renewal, red health, the contact, the
  // old plan, the call and stale health; the T-90 tasks are due this week.
  const overdue = await page.locator('#week-overdue .week-item').evaluateAll((els) => els.map((e) => e.dataset.kind));
  for (const k of ['renewal_passed', 'red_no_save_plan', 'contact', 'stale_plan', 'touch', 'stale_health']) assert.ok(overdue.includes(k), k);
  const due = await page.locator('#week-due .week-item').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(due.filter((k) => k === 'renewal_task').length, 3);
  assert.match(await page.locator('.week-item[data-kind="renewal_task"]').first().innerText(), /T-90: Run the renewal QBR/);
  await shot(page, 'week');

  // Each link lands on the account's tab, at the section where the work is done.
  for (const [kind, name, suffix, target] of EXPECTED) {
    await open(page, env.base, '/week');
    const item = page.locator(`.week-item[data-kind="${kind}"]`).first();
    assert.match(await item.innerText(), new RegExp(name));
    await item.locator('a.week-go').click();
    await page.waitForURL((u) => u.pathname.endsWith(suffix.split('#')[0]) && u.hash === `#${suffix.split('#')[1]}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.locator(target).waitFor();
    await page.waitForFunction((sel) => {
      const r = document.querySelector(sel).getBoundingClientRect();
      return r.top >= -2 && r.top < window.innerHeight;
    }, target, { timeout: 5000 }).catch(async () => {
      const top = await page.evaluate((sel) => document.querySelector(sel).getBoundingClientRect().top, target);
      throw new Error(`${kind}: ${target} is not in view after the link (top ${top})`);
    });
  }
  await shot(page, 'week-landed-stale-health');

  // Snooze the old plan for a week: gone from the list, listed as snoozed, kept on reload.
  await open(page, env.base, '/week');
  const planItem = page.locator('.week-list .week-item[data-kind="stale_plan"]');
  await planItem.getByRole('button', { name: 'Snooze…' }).click();
  await planItem.getByRole('button', { name: 'For a week' }).click();
  await page.locator('#week-overdue .week-item[data-kind="stale_plan"]').waitFor({ state: 'detached' });
  await page.getByText('1 item snoozed').waitFor();
  await saved(page);
  const doc = await stored(page);
  assert.equal((doc.workspace.snoozes ?? []).length, 1, 'the snooze is stored');
  await page.reload();
  await page.getByText('1 item snoozed').waitFor();
  assert.equal(await page.locator('#week-overdue .week-item[data-kind="stale_plan"]').count(), 0);
  await page.getByText('1 item snoozed').click();
  await page.getByRole('button', { name: 'Show again' }).click();
  await page.locator('#week-overdue .week-item[data-kind="stale_plan"]').waitFor();
  assert.deepEqual(errors, []);
});

test('Each item names its owner; the owner filter narrows the week, kept in the address across a reload', async () => {
  const { page, errors } = await newPage(env);
  await open(page, env.base, '/');
  await storeDocument(page, fixture());
  await open(page, env.base, '/week');
  await page.locator('.week-item').first().waitFor();
  assert.equal(await page.locator('.week-item').count(), 10);
  assert.match(await page.locator('.week-item[data-kind="renewal_task"]').first().innerText(), /Owner: Lina Park/);
  assert.match(await page.locator('.week-item[data-kind="stale_plan"]').innerText(), /Owner: Sam Okafor/);

  await page.getByLabel('Owner').selectOption('Lina Park');
  await page.waitForURL((u) => u.searchParams.get('owner') === 'Lina Park');
  await page.getByText('3 items for Lina Park.').waitFor();
  const kinds = await page.locator('.week-item').evaluateAll((els) => els.map((e) => e.dataset.kind));
  assert.deepEqual(kinds, ['renewal_task', 'renewal_task', 'renewal_task']);
  await shot(page, 'week-owner-filter');

  // A link typed in lower case finds the same person and shows the name as written.
  await open(page, env.base, '/week?owner=lina%20park');
  await page.getByText('3 items for Lina Park.').waitFor();
  await page.reload();
  await page.getByText('3 items for Lina Park.').waitFor();
  // Someone with nothing due: a plain sentence, not an empty page.
  await open(page, env.base, '/week?owner=Nobody%20Here');
  await page.getByText('Nothing Nobody Here owns is due or overdue this week.').waitFor();
  await page.getByLabel('Owner').selectOption('');
  await page.waitForURL((u) => !u.searchParams.has('owner'));
  await page.locator('.week-item').nth(9).waitFor();
  assert.equal(await page.locator('.week-item').count(), 10);
  assert.deepEqual(errors, []);
});

test('A long week draws 25 items a list, then 25 more a press, the focus on the first new one', async () => {
  const { page, errors } = await newPage(env);
  await open(page, env.base, '/');
  await storeDocument(page, generateWorkspace({ accounts: 300, people: 2, checkins: 3 }));
  await open(page, env.base, '/week');
  const overdue = page.locator('#week-overdue > li');
  await overdue.first().waitFor();
  const total = Number((await page.locator('h2.week-head-overdue').innerText()).match(/\(([\d,]+)\)/)[1].replaceAll(',', ''));
  const totalText = total.toLocaleString('en-US');
  assert.ok(total > 60, `the generated book has a long overdue list (${total})`);
  assert.equal(await overdue.count(), 25, 'the first 25 overdue items');
  const more = page.locator('#week-overdue + .show-more');
  assert.equal(await more.locator('span').innerText(), `Showing 25 of ${totalText} overdue items.`);
  // The lede still counts every item.
  assert.match(await page.locator('.lede').innerText(), new RegExp(`${totalText} items overdue`));
  await more.getByRole('button', { name: 'Show 25 more' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#week-overdue > li').length === 50);
  await page.waitForFunction(() => document.activeElement?.closest('li') === document.querySelector('#week-overdue > li:nth-child(26)'));
  assert.equal(await page.evaluate(() => document.activeElement.className), 'week-account', 'the focus is on the first new item\'s account link');
  assert.equal(await more.locator('span').innerText(), `Showing 50 of ${totalText} overdue items.`);
  // Keyboard: Enter on the button draws the next part.
  await more.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#week-overdue > li').length === 75);
  // Another owner starts the lists at their first items again.
  const owner = await page.locator('#week-overdue > li .week-owner').first().innerText();
  await page.getByLabel('Owner').selectOption(owner.replace('Owner: ', ''));
  await page.waitForFunction(() => document.querySelectorAll('#week-overdue > li').length <= 25);
  await shot(page, 'week-long');
  assert.deepEqual(errors, []);
});

test('An account created with its renewal 45 days out asks about the earlier steps; marking them puts the renewal on track', async () => {
  const { page, errors } = await newPage(env);
  await open(page, env.base, '/accounts/new');
  await page.getByLabel('Name').fill('Midway Logistics');
  await page.getByLabel('ARR').fill('50000');
  await page.getByLabel('Renewal date').fill(day(45));
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Midway Logistics' }).waitFor();
  const ask = page.getByRole('region', { name: 'Renewal steps before today' });
  await ask.waitFor();
  assert.match(await ask.innerText(), /6 steps of this renewal fall before today, so the renewal reads as late/);
  assert.match(await page.locator('#touch-line').innerText(), /^Cadence: /);
  await shot(page, 'week-mid-cycle-ask');
  await page.getByRole('button', { name: 'Mark 6 earlier steps done' }).click();
  await ask.waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Renewal', exact: true }).click();
  await page.locator('.rstatus-card').waitFor();
  assert.match(await page.locator('.rstatus-card .rstatus').innerText(), /On track/);
  // Each done on its own due day: T-90 45 days ago, T-60 15 days ago.
  assert.equal(await page.locator('#done-t90-qbr').inputValue(), day(-45));
  assert.equal(await page.locator('#done-t60-proposal').inputValue(), day(-15));
  assert.equal(await page.locator('#task-t30-follow_up').isChecked(), false);
  // The day done can be set on any ticked task.
  await page.locator('#done-t60-proposal').fill(day(-20));
  await page.locator('#done-t60-proposal').press('Tab');
  await saved(page);
  const a = (await stored(page)).workspace.accounts.find((x) => x.name === 'Midway Logistics');
  assert.equal(a.renewal.done.find((d) => d.task === 'proposal').done_on, day(-20));
  await shot(page, 'week-mid-cycle-done');
  assert.deepEqual(errors, []);
});
