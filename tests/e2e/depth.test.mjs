// Account depth (docs/account-depth.md): a white space grid filled by keyboard, open cells
// made opportunities, the portfolio's white space; a commitment that goes overdue and
// shows as a relationship risk (tab, Stakeholders panel, portfolio count); an escalation
// walked through the four steps of the loop with its flag; a save plan's two milestones,
// a logged check-in, and the plan closed as saved only once the account is green.
// Fixtures use dates relative to today; every flow checks for console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, open, shot, saved, stored, storeDocument, isoDaysFromToday } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const person = (id, name, unit) => ({
  id, name, title: '', business_unit: unit, roles: [], influence: 3, sentiment: 'neutral',
});

/** One account with two business units (from its people) and two products. */
function workspace(extra = {}) {
  return {
    format: 'am-planner-workspace',
    version: 3,
    workspace: {
      currency: 'EUR',
      accounts: [{
        id: 1,
        name: 'Acme Depth',
        products: ['Platform', 'Analytics'],
        arr: 80000,
        contract_start: isoDaysFromToday(-200),
        renewal_date: isoDaysFromToday(165),
        owner: 'Dana Reyes',
        stakeholders: { last_reviewed: null, people: [person(1, 'Ann Berg', 'Finance'), person(2, 'Olu Ade', 'Operations')] },
        ...extra,
      }],
    },
  };
}

async function start(doc, path) {
  const p = await newPage(env);
  await open(p.page, env.base, '/');
  await storeDocument(p.page, doc);
  await open(p.page, env.base, path);
  return p;
}

const cell = (page, r, c) => page.locator(`#ws-cell-${r}-${c}`);
const account = async (page) => {
  await saved(page);
  return (await stored(page)).workspace.accounts[0];
};

test('white space: fill the grid by keyboard, penetration per row, column and overall, open cells become opportunities', async () => {
  const { page, errors, context } = await start(workspace(), '/accounts/1/white-space');
  await page.getByRole('heading', { name: 'White space', exact: true }).waitFor();
  // Rows from the people's business units, columns from the products.
  const grid = page.getByRole('grid');
  assert.match(await grid.locator('thead').innerText(), /Platform[\s\S]*Analytics[\s\S]*Penetration/);
  assert.match(await grid.locator('tbody').innerText(), /Finance[\s\S]*Operations/);
  assert.equal(await page.locator('.ws-overall').innerText(), '–', 'nothing assessed: no penetration');

  // Keyboard only after the first click: O owned, arrows move, Enter cycles, W open, X not a fit.
  await cell(page, 0, 0).click();
  await page.keyboard.press('o');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('w');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('x');
  assert.equal(await cell(page, 0, 0).getAttribute('aria-label'), 'Finance × Platform: owned');
  assert.equal(await cell(page, 0, 1).getAttribute('aria-label'), 'Finance × Analytics: open');
  assert.equal(await cell(page, 1, 1).getAttribute('aria-label'), 'Operations × Analytics: open');
  assert.equal(await cell(page, 1, 0).getAttribute('aria-label'), 'Operations × Platform: not a fit');
  assert.equal(await cell(page, 1, 0).evaluate((el) => el === document.activeElement), true, 'focus follows the arrows');
  // Enter steps on from "not a fit" to "not assessed", then Space to open; X back.
  await page.keyboard.press('Enter');
  assert.equal(await cell(page, 1, 0).getAttribute('aria-label'), 'Operations × Platform: not assessed');
  await page.keyboard.press(' ');
  assert.equal(await cell(page, 1, 0).getAttribute('aria-label'), 'Operations × Platform: open');
  await page.keyboard.press('x');
  // Penetration: Finance 1 of 2 owned, Operations 0 of 1 (not a fit left out); overall 1 of 3.
  const rowPen = page.locator('tbody tr .ws-total');
  assert.equal(await rowPen.nth(0).innerText(), '50%');
  assert.equal(await rowPen.nth(1).innerText(), '0%');
  const colPen = page.locator('tfoot td.ws-total');
  assert.equal(await colPen.nth(0).innerText(), '100%', 'Platform: owned once, not a fit once');
  assert.equal(await colPen.nth(1).innerText(), '0%');
  assert.equal(await page.locator('.ws-overall').innerText(), '33%');

  // Owned ARR, refused when it is not a number, then saved.
  await cell(page, 0, 0).click();
  await page.getByLabel('ARR from this cell (optional)').fill('lots');
  await page.getByRole('button', { name: 'Save ARR' }).click();
  await page.getByText('"lots" is not a number').waitFor();
  await page.getByLabel('ARR from this cell (optional)').fill('24000');
  await page.getByRole('button', { name: 'Save ARR' }).click();
  await cell(page, 0, 0).getByText('€24,000').waitFor();

  // A row with no name is refused at its field; a column is added.
  await page.getByRole('button', { name: 'Add row' }).click();
  await page.getByText('Name the business unit or team.').waitFor();
  await page.getByLabel('Product or module').fill('Mobile app');
  await page.getByRole('button', { name: 'Add column' }).click();
  await cell(page, 0, 2).waitFor();
  await page.getByLabel('Product or module').fill('mobile  APP');
  await page.getByRole('button', { name: 'Add column' }).click();
  await page.getByText('"mobile APP" is already a column of the grid.').waitFor();

  // Open cells become opportunities in one step: Finance owns Platform (cross-sell),
  // Operations owns nothing (new business unit).
  await cell(page, 0, 1).click();
  await page.getByRole('button', { name: 'Make it an opportunity' }).click();
  await page.getByText('Opportunity added: Analytics for Finance (cross-sell).', { exact: false }).waitFor();
  assert.equal(await cell(page, 0, 1).getAttribute('aria-label'), 'Finance × Analytics: in pipeline');
  await page.getByLabel('Linked opportunity').waitFor();
  await cell(page, 1, 1).click();
  await page.getByRole('button', { name: 'Make it an opportunity' }).click();
  await page.getByText('Opportunity added: Analytics for Operations (new business unit).', { exact: false }).waitFor();
  await shot(page, 'depth-white-space');

  let a = await account(page);
  const cells = Object.fromEntries(a.white_space.cells.map((c) => [`${c.row}/${c.column}`, c]));
  assert.deepEqual(cells['Finance/Platform'], { row: 'Finance', column: 'Platform', state: 'owned', arr: 24000 });
  assert.equal(cells['Finance/Analytics'].state, 'pipeline');
  assert.equal(cells['Operations/Platform'].state, 'not_a_fit');
  assert.deepEqual(a.white_space.columns, ['Mobile app']);
  const opps = a.expansion.opportunities;
  assert.deepEqual(opps.map((o) => [o.type, o.description, o.owner, o.stage]), [
    ['cross_sell', 'Analytics for Finance', 'Dana Reyes', 'identified'],
    ['new_business_unit', 'Analytics for Operations', 'Dana Reyes', 'identified'],
  ]);
  assert.equal(cells['Finance/Analytics'].opportunity_id, opps[0].id);

  // Reload keeps it; the Expansion tab lists the new opportunities.
  await page.reload();
  await page.getByRole('grid').waitFor();
  assert.equal(await cell(page, 0, 1).getAttribute('aria-label'), 'Finance × Analytics: in pipeline');
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Expansion' }).click();
  await page.getByText('Analytics for Operations').first().waitFor();

  // The portfolio view.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'White space' }).click();
  await page.getByRole('heading', { level: 1, name: 'White space' }).waitFor();
  const row = page.locator('.ws-portfolio-table tbody tr').first();
  assert.match(await row.innerText(), /Acme Depth\s+33%\s+1\s+2\s+0\s+1\s+€24,000/);
  await shot(page, 'depth-white-space-portfolio');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a commitment recorded, then overdue: a relationship risk on the tab, the Stakeholders panel and the portfolio count; kept with evidence clears it', async () => {
  const { page, errors, context } = await start(workspace(), '/accounts/1/commitments');
  await page.getByRole('heading', { name: 'Record a commitment' }).waitFor();
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.getByText('Say what we promised.').waitFor();
  await page.getByText('Give the date we promised it by.').waitFor();
  await page.getByLabel('What we promised').fill('Send the security review');
  await page.getByLabel('To whom').selectOption({ label: 'Ann Berg' });
  await page.getByLabel('Our owner').fill('Dana Reyes');
  await page.getByLabel('Due').fill(isoDaysFromToday(0));
  await page.getByRole('button', { name: 'Record', exact: true }).click();
  await page.locator('table.cm-table tbody tr').first().waitFor();
  assert.match(await page.locator('table.cm-table').innerText(), /Send the security review\s+Ann Berg\s+Dana Reyes[\s\S]*due today[\s\S]*Open/);
  assert.equal(await page.locator('.cm-risks').count(), 0, 'due today is not overdue');

  // It goes overdue: the due date moves to yesterday.
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Due').fill(isoDaysFromToday(-1));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.cm-risks').waitFor();
  assert.match(await page.locator('.cm-risks').innerText(), /1 relationship risk from promises[\s\S]*Promise overdue by 1 day[\s\S]*Send the security review \(promised to Ann Berg\)/);
  await shot(page, 'depth-commitments-overdue');
  let a = await account(page);
  assert.deepEqual(a.commitments, [{
    id: 1, what: 'Send the security review', to_whom: 1, owner: 'Dana Reyes',
    due: isoDaysFromToday(-1), status: 'open', status_date: null, evidence: '',
  }]);

  // The Stakeholders tab's risk panel and the portfolio count.
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Stakeholders' }).click();
  const panel = page.locator('.risk-panel');
  await panel.getByText('Promise overdue by 1 day').waitFor();
  assert.match(await panel.innerText(), /promised to Ann Berg/);
  await open(page, env.base, '/');
  const risk = page.locator('tr', { hasText: 'Acme Depth' }).locator('.risk-count');
  const before = Number((await risk.innerText()).match(/\d+/)[0]);
  assert.ok(before >= 1);
  assert.match(await risk.getAttribute('title'), /Promise overdue by 1 day/);

  // Kept, with evidence: a date in the future is refused at its field; then the risk goes.
  await open(page, env.base, '/accounts/1/commitments');
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Status').selectOption('kept');
  await page.getByLabel('Kept on').fill(isoDaysFromToday(1));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText(/is after today/).waitFor();
  await page.getByLabel('Kept on').fill(isoDaysFromToday(0));
  await page.getByLabel('Evidence it was kept').fill('Review sent; their CISO signed off');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.cm-kept').waitFor();
  assert.equal(await page.locator('.cm-risks').count(), 0);
  a = await account(page);
  assert.equal(a.commitments[0].status, 'kept');
  assert.equal(a.commitments[0].evidence, 'Review sent; their CISO signed off');
  await open(page, env.base, '/');
  const after = Number((await page.locator('tr', { hasText: 'Acme Depth' }).locator('.risk-count').innerText()).match(/\d+/)[0]);
  assert.equal(after, before - 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an escalation walked through the four steps: owner and timeline needed, late update flagged, loop closed', async () => {
  const { page, errors, context } = await start(workspace(), '/accounts/1/escalations');
  await page.getByRole('heading', { name: 'Record an escalation' }).waitFor();
  await page.getByRole('button', { name: 'Record escalation' }).click();
  await page.getByText('Say what the issue is.').waitFor();
  await page.getByLabel(/^Issue/).fill('Exports fail above 10,000 rows');
  await page.getByLabel('Severity').first().selectOption('critical');
  await page.getByLabel('Escalated on').fill(isoDaysFromToday(-5));
  await page.getByRole('button', { name: 'Record escalation' }).click();
  const card = page.locator('article.es-card');
  await card.waitFor();
  assert.match(await card.innerText(), /Exports fail above 10,000 rows[\s\S]*Critical[\s\S]*Open/);

  // 1. Clarify.
  await card.getByLabel('1. Clarify the issue with the customer').check();
  await card.locator('.es-step.done').first().waitFor();
  // 2. Set an owner: refused without a name.
  await card.getByLabel('2. Set an owner').click();
  await card.getByText('Name the owner to mark this step done.').waitFor();
  assert.equal(await card.getByLabel('2. Set an owner').isChecked(), false);
  await card.getByLabel('Owner', { exact: true }).fill('Sam Okafor');
  await card.getByLabel('Owner', { exact: true }).press('Tab');
  await card.getByLabel('2. Set an owner').check();
  // 3. Tell the timeline: needs the next update; a date already past is flagged.
  await card.getByLabel('3. Tell the customer the timeline').click();
  await card.getByText('Give the date of the next update we told the customer.').waitFor();
  assert.equal(await card.getByLabel('3. Tell the customer the timeline').isChecked(), false);
  // A day before it was escalated is refused at the field.
  await card.getByLabel('Next customer update due').fill(isoDaysFromToday(-6));
  await card.getByLabel('Next customer update due').press('Tab');
  await card.getByText(/The next update \(.+\) cannot be before the escalation was opened/).waitFor();
  await card.getByLabel('Next customer update due').fill(isoDaysFromToday(-1));
  await card.getByLabel('Next customer update due').press('Tab');
  await card.getByText('Customer update late by 1 day').waitFor();
  await card.getByLabel('3. Tell the customer the timeline').check();
  await shot(page, 'depth-escalation-flagged');

  // Open escalations show next to the support signal on the Health tab.
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Health' }).click();
  await page.getByText(/1 escalation open: take it into account when you rate the ticket trend/).waitFor();
  // The Plan tab warns that the customer copy still names the past update's day.
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Plan', exact: true }).click();
  const note = page.locator('.plan-flags li', { hasText: 'Exports fail above 10,000 rows' });
  assert.match(await note.innerText(), /"Exports fail above 10,000 rows": the customer copy still says the next update comes on .+, 1 day ago\. Give the new date on the Escalations tab/);
  // A note longer than its line wraps beside its mark, never under it.
  const [markTop, textTop] = await note.evaluate((li) => {
    const walk = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
    let text = walk.nextNode();
    while (text && (text.parentElement.closest('.note-mark') || !text.textContent.trim())) text = walk.nextNode();
    const range = document.createRange();
    range.selectNodeContents(text);
    return [li.querySelector('.note-mark').getBoundingClientRect().top, range.getClientRects()[0].top];
  });
  assert.ok(Math.abs(markTop - textTop) < 8, `mark at ${markTop}, text from ${textTop}`);
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Escalations' }).click();
  await card.waitFor();

  // A new timeline clears the flag; 4. close the loop: resolved, then confirmed.
  await card.getByLabel('Next customer update due').fill(isoDaysFromToday(3));
  await card.getByLabel('Next customer update due').press('Tab');
  await page.waitForFunction(() => !document.querySelector('.es-flag'));
  await card.getByLabel(/4b\. Confirmed/).click();
  await card.getByText('Mark it resolved before it is confirmed with the customer.').waitFor();
  await card.getByLabel('4a. Resolved').check();
  await card.getByLabel(/4b\. Confirmed/).check();
  await card.locator('.es-state', { hasText: 'Closed' }).waitFor();
  await shot(page, 'depth-escalation-closed');
  const a = await account(page);
  const e = a.escalations[0];
  assert.equal(e.severity, 'critical');
  assert.equal(e.owner, 'Sam Okafor');
  for (const k of ['clarified_on', 'owner_set_on', 'timeline_told_on', 'resolved_on', 'confirmed_on']) {
    assert.equal(e[k], isoDaysFromToday(0), k);
  }
  assert.equal(e.next_update, isoDaysFromToday(3));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a save plan with two milestones and a logged check-in closes as saved only once the account is green', async () => {
  const red = {
    date: isoDaysFromToday(-10), seat_usage_pct: 22, core_features: 0, nps: 3,
    ticket_trend: 'escalated', targets_met_pct: 15,
  };
  const plan = {
    opened_on: isoDaysFromToday(-9), root_cause: 'product_gap', owner: 'Dana Reyes',
    notify_leadership: true, done: [], closed: null,
  };
  const { page, errors, context } = await start(
    workspace({ health: { snapshots: [red] }, save_plans: [plan] }), '/accounts/1/save-plan');
  await page.getByRole('heading', { name: 'Recovery plan' }).waitFor();

  // Two milestones; a blank target is refused at its field.
  await page.getByLabel('Milestone', { exact: true }).fill('Export fixed');
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.getByText('Say how it is measured.').waitFor();
  await page.getByLabel('Measured by').fill('No failed export for 2 weeks');
  await page.getByLabel('By', { exact: true }).fill(isoDaysFromToday(10));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.locator('.rc-milestone').first().waitFor();
  await page.getByLabel('Milestone', { exact: true }).fill('Sponsor back at the QBR');
  await page.getByLabel('Measured by').fill('Their COO attends');
  await page.getByLabel('By', { exact: true }).fill(isoDaysFromToday(20));
  await page.getByRole('button', { name: 'Add milestone' }).click();
  await page.locator('.rc-milestone').nth(1).waitFor();
  await page.locator('#rc-met-0').check();
  await page.locator('.rc-summary', { hasText: '1 of 2 milestones met' }).waitFor();

  // A weekly check-in, logged with the health of that day.
  await page.getByLabel('What came out of it').fill('Fix is in their test system');
  await page.getByRole('button', { name: 'Log check-in' }).click();
  await page.locator('table.rc-log tbody tr').first().waitFor();
  assert.match(await page.locator('table.rc-log').innerText(), /Fix is in their test system/);

  // Still red: "saved" is refused at the outcome; the plan stays open.
  await page.getByLabel('Outcome').selectOption('saved');
  await page.getByRole('button', { name: 'Close the plan' }).click();
  await page.getByText('A plan closes as saved only when the account is green again.', { exact: false }).waitFor();
  // The cursor goes to the refused field.
  await page.waitForFunction(() => document.activeElement?.id === 'close-outcome');
  await shot(page, 'depth-save-plan-open');

  // The account turns green (a health check-in today), then the plan closes as saved.
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Health' }).click();
  const form = page.locator('form.checkin-form');
  await form.getByLabel('Seats active weekly (%)').fill('95');
  await form.getByLabel('Core features in use').fill('5');
  await form.getByLabel("Main contact's NPS (0-10)").fill('9');
  await form.getByLabel('Ticket trend').selectOption('zero_open');
  await form.getByLabel('Success targets met (%)').fill('100');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await saved(page);
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Save plan' }).click();
  await page.getByText('Health is green again.').first().waitFor();
  await page.getByLabel('Outcome').selectOption('saved');
  await page.getByRole('button', { name: 'Close the plan' }).click();
  await page.locator('table.history tbody tr').first().waitFor();
  assert.match(await page.locator('table.history').innerText(), /Saved/);
  await shot(page, 'depth-save-plan-closed');

  const a = await account(page);
  const p = a.save_plans[0];
  assert.equal(p.closed.outcome, 'saved');
  assert.deepEqual(p.milestones.map((m) => [m.what, m.met_on]), [
    ['Export fixed', isoDaysFromToday(0)],
    ['Sponsor back at the QBR', null],
  ]);
  assert.equal(p.check_ins.length, 1);
  assert.equal(p.check_ins[0].note, 'Fix is in their test system');
  assert.equal(typeof p.check_ins[0].health, 'number');
  assert.ok(p.done.some((d) => d.step === 'check_in_1'), 'logging ticked the first weekly check-in');
  assert.deepEqual(errors, []);
  await context.close();
});
