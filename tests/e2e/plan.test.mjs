// Issue 6 flows: fill an account plan through the UI with field-level validation, build a
// QBR (date, attendees, the agenda-by date, mutual actions pushed to the plan), Markdown
// copy and download, print emulation, qualification and ROI, one account exported and
// imported into a fresh workspace (as new, and as a replacement after the side-by-side
// preview), share links (open, import, tampered, too long). No console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { setup, newPage, open, shot, saved, stored, isoDaysFromToday, clipboardPage as clipboardPageOf, download, storedItems } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const NORTHWIND = 1;
const QUARRY = 6;
const ORBIT = 8;

const storedAccount = async (page, name) =>
  (await stored(page)).workspace.accounts.find((a) => a.name === name);

const clipboardPage = () => clipboardPageOf(env);

/** `date` minus 5 business days, as the QBR shows it: "Tuesday 8 December 2026". */
function agendaDue(iso) {
  const d = new Date(`${iso}T12:00:00`);
  let left = 5;
  while (left > 0) {
    d.setDate(d.getDate() - 1);
    if (d.getDay() !== 0 && d.getDay() !== 6) left -= 1;
  }
  const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
    'September', 'October', 'November', 'December'];
  return `${days[d.getDay()]} ${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()}`;
}

test('fill a plan through the UI: bad values are refused at the field, good ones saved and flagged', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${QUARRY}`);
  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  await page.getByText('Not started yet').waitFor();
  await page.getByText('No plan yet: start with the customer\'s top goals.').waitFor();
  // Expansion data lives elsewhere; with none, the plan says so and what to do.
  await page.getByText('No opportunities yet.').waitFor();

  // A goal: required text.
  await page.getByRole('button', { name: 'Add a goal' }).click();
  await page.getByRole('button', { name: 'Save goal' }).click();
  await page.getByText('Write the goal.').waitFor();
  assert.equal(await page.getByLabel('Goal, in the customer\'s words').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Goal, in the customer\'s words').fill('Open the two new resorts on the same system');
  await page.getByLabel('Source', { exact: true }).fill('COO at the spring review');
  await page.getByLabel('How we help').fill('Resort templates for housekeeping and maintenance.');
  await page.getByRole('button', { name: 'Save goal' }).click();
  await page.locator('.goal-text', { hasText: 'Open the two new resorts' }).waitFor();

  // A metric: the target must be a number.
  await page.getByRole('button', { name: 'Add a metric' }).click();
  await page.getByLabel('Metric', { exact: true }).fill('Requests closed within a day');
  await page.getByLabel('Unit', { exact: true }).fill('%');
  await page.getByLabel('Target', { exact: true }).fill('eighty');
  await page.getByRole('button', { name: 'Save metric' }).click();
  await page.getByText('"eighty" is not a number: type digits only, e.g. 80 or 2.5.').waitFor();
  await page.getByLabel('Target', { exact: true }).fill('80');
  await page.getByLabel('Current', { exact: true }).fill('86%');
  await page.getByRole('button', { name: 'Save metric' }).click();
  const metricRow = page.locator('.metrics-table tbody tr', { hasText: 'Requests closed within a day' });
  await metricRow.waitFor();
  assert.match(await metricRow.innerText(), /at least 80%\s+86%\s+✓ Met/);

  // An action tied to the goal, and one past due that serves no goal.
  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('Action', { exact: true }).fill('Walk the resort managers through the templates');
  await page.getByRole('button', { name: 'Save action' }).click();
  await page.getByText('Pick a due date.').waitFor();
  await page.getByLabel('Due date').fill(isoDaysFromToday(14));
  await page.getByLabel('Serves goal').selectOption({ label: 'Goal 1: Open the two new resorts on the same system' });
  await page.getByRole('button', { name: 'Save action' }).click();
  const tied = page.locator('.actions-table tbody tr', { hasText: 'Walk the resort managers' });
  await tied.waitFor();
  assert.match(await tied.innerText(), /Goal 1/);
  assert.doesNotMatch(await tied.innerText(), /Untied|Overdue/);

  await page.getByRole('button', { name: 'Add an action' }).click();
  await page.getByLabel('Action', { exact: true }).fill('Chase the signed order form');
  await page.getByLabel('Due date').fill(isoDaysFromToday(-3));
  await page.getByRole('button', { name: 'Save action' }).click();
  const untied = page.locator('.actions-table tbody tr', { hasText: 'Chase the signed order form' });
  await untied.getByText('Overdue by 3 days').waitFor();
  await untied.getByText('Untied: serves no goal').waitFor();
  await page.getByText('"Chase the signed order form" serves no customer goal: press Edit on it in the 90-day actions and pick the goal it serves, or remove it.').waitFor();

  // SWOT: one entry per line, saved when the box is left.
  await page.getByLabel('Strengths').fill('Housekeeping loves the mobile app\n\n  Fast support answers  ');
  await page.getByLabel('Weaknesses').click();
  await page.getByText(/^Last updated .*\(today\)$/).waitFor();

  await saved(page);
  const plan = (await storedAccount(page, 'Quarry & Vale Legal')).planning.plan;
  assert.equal(plan.goals.length, 1);
  assert.equal(plan.goals[0].source, 'COO at the spring review');
  assert.deepEqual(plan.metrics[0], { name: 'Requests closed within a day', unit: '%', target: 80, current: 86, rule: 'at_least' });
  assert.equal(plan.actions.length, 2);
  assert.equal(plan.actions[0].goal, plan.goals[0].id);
  assert.equal(plan.actions[1].goal ?? null, null);
  assert.deepEqual(plan.swot.strengths, ['Housekeeping loves the mobile app', 'Fast support answers']);
  assert.equal(plan.last_updated, isoDaysFromToday(0));

  // Ticking an action done strikes it and keeps the date.
  await page.getByRole('checkbox', { name: 'Done: Walk the resort managers through the templates' }).check();
  await saved(page);
  const done = (await storedAccount(page, 'Quarry & Vale Legal')).planning.plan.actions[0];
  assert.deepEqual(done.done_on, isoDaysFromToday(0));

  // The Markdown download holds what was typed: the internal version holds everything
  // (changed on purpose: the whole plan is the internal version; the customer copy, picked
  // first, is checked below and in customer_copy.test.mjs).
  const out = page.locator('.doc-out');
  await out.getByLabel(/^Internal/).check();
  const file = await download(page, () => out.getByRole('button', { name: 'Download .md' }).click());
  assert.match(path.basename(file), /^account-plan-internal-quarry-vale-legal-\d{4}-\d{2}-\d{2}\.md$/);
  const md = fs.readFileSync(file, 'utf8');
  assert.match(md, /^# Account plan \(internal\): Quarry & Vale Legal$/m);
  assert.match(md, /^### Goal 1: Open the two new resorts on the same system$/m);
  assert.match(md, /^- \*\*Source:\*\* COO at the spring review$/m);
  assert.match(md, /^\| Requests closed within a day \| at least 80% \| 86% \| Met \|$/m);
  assert.match(md, /^\| Walk the resort managers through the templates \| Goal 1 \| Dana Whitfield \| .* \| Done .* \|$/m);
  assert.match(md, /^\| Chase the signed order form \| No goal yet \| .* \| Overdue by 3 days \|$/m);
  assert.match(md, /^- Housekeeping loves the mobile app$/m);
  // The customer copy: goals and metrics, none of our SWOT, flags or unshared actions.
  await out.getByLabel(/^Customer copy/).check();
  const cfile = await download(page, () => out.getByRole('button', { name: 'Download .md' }).click());
  assert.match(path.basename(cfile), /^account-plan-quarry-vale-legal-\d{4}-\d{2}-\d{2}\.md$/);
  const cmd = fs.readFileSync(cfile, 'utf8');
  assert.match(cmd, /^# Account plan: Quarry & Vale Legal$/m);
  assert.match(cmd, /^### Goal 1: Open the two new resorts on the same system$/m);
  assert.match(cmd, /^\| Requests closed within a day \| at least 80% \| 86% \| Met \|$/m);
  for (const internal of ['Housekeeping loves the mobile app', 'No goal yet', 'Overdue', 'Chase the signed order form', 'Tier']) {
    assert.ok(!cmd.includes(internal), `${internal} is not in the customer copy`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('Copy Markdown puts the plan on the clipboard; when the browser refuses, the text is shown selected', async () => {
  {
    const { page, errors, context } = await clipboardPage();
    await open(page, env.base, `/accounts/${NORTHWIND}/plan`);
    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    await page.getByText('The customer copy of the plan is copied as Markdown.').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    // Changed on purpose: the customer copy is picked first; the 90-day plan is internal.
    assert.match(text, /^# Account plan: Northwind Logistics/);
    assert.match(text, /## Your strategic goals/);
    assert.doesNotMatch(text, /## 90-day action plan/);
    assert.deepEqual(errors, []);
    await context.close();
  }
  {
    const { page, errors, context } = await newPage(env);
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await open(page, env.base, `/accounts/${NORTHWIND}/plan`);
    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    const area = page.locator('#plan-doc');
    await area.waitFor();
    assert.match(await area.inputValue(), /^# Account plan: Northwind Logistics/);
    await page.waitForFunction(() => document.activeElement?.id === 'plan-doc');
    assert.ok(await page.evaluate(() => {
      const t = document.getElementById('plan-doc');
      return t.selectionStart === 0 && t.selectionEnd === t.value.length;
    }), 'the whole text is selected');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('build a QBR: date and time, attendees with the sponsor warning, agenda-by date, mutual actions into the plan', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${NORTHWIND}/qbr`);
  // The demo QBR about three weeks out is shown first.
  await page.getByText('Agenda must be sent by:').waitFor();
  await page.getByRole('button', { name: 'Plan a QBR' }).click();
  await page.getByRole('button', { name: 'Create QBR' }).click();
  await page.getByText('Pick the meeting date.').waitFor();
  const date = isoDaysFromToday(40);
  await page.getByLabel('Meeting date').first().fill(date);
  await page.getByLabel('Start time').first().fill('23:30');
  await page.getByRole('button', { name: 'Create QBR' }).click();
  await page.getByText('Start by 23:00 so the hour ends by midnight.').waitFor();
  await page.getByLabel('Start time').first().fill('09:30');
  await page.getByRole('button', { name: 'Create QBR' }).click();
  await page.getByText('QBR planned.').waitFor();

  const editor = page.locator('.qbr-editor');
  await editor.getByText(agendaDue(date)).waitFor();
  const agenda = await editor.locator('.agenda-table tbody tr').allInnerTexts();
  assert.equal(agenda.length, 7);
  assert.match(agenda[0], /^09:30-09:35\s+Welcome and agenda/);
  assert.match(agenda[1], /^09:35-09:45\s+Your business/);
  assert.match(agenda[6], /^10:28-10:30\s+Wrap-up/);
  // Value delivered and challenges come pre-filled from customer-visible facts (changed on
  // purpose: challenges were our open risks and mitigations; now metrics not met).
  assert.match(await page.getByLabel('Value delivered against the targets').inputValue(), /On-time deliveries: 92.5% against a target of 95% \(not met yet\)/);
  const challenges = await page.getByLabel('Challenges and open issues').inputValue();
  assert.match(challenges, /On-time deliveries: 92.5% against a target of 95% \(not met yet\)/);
  assert.doesNotMatch(challenges, /New CFO is reviewing every software contract/);

  await editor.getByText('Nobody from the customer is invited yet.').waitFor();
  await editor.getByText(/The executive sponsor is not attending/).waitFor();
  await editor.getByRole('checkbox', { name: /Mei Lin/ }).check();
  await editor.getByText(/The executive sponsor is not attending/).waitFor();
  await editor.getByRole('checkbox', { name: /Tomas Okafor/ }).check();
  await assert.doesNotReject(editor.getByText(/The executive sponsor is not attending/).waitFor({ state: 'detached' }));
  await editor.getByRole('checkbox', { name: 'Health trend for the quarter looked at' }).check();
  await editor.getByText('Preparation · 1 of 7 done').waitFor();

  // Mutual action plan -> 90-day actions.
  await page.getByLabel('Action', { exact: true }).fill('Send the hub opening plan');
  await page.getByLabel('Owner', { exact: true }).fill('Tomasz Nowak');
  await page.getByLabel('Side').selectOption('customer');
  await page.getByLabel('Due', { exact: true }).fill(isoDaysFromToday(55));
  await page.getByRole('button', { name: 'Add to the mutual plan' }).click();
  await editor.locator('table', { hasText: 'Send the hub opening plan' }).waitFor();
  await shot(page, 'qbr');
  // Pushed items serve the goal picked next to the button (changed on purpose: they used
  // to arrive untied and flagged).
  await page.getByLabel('Pushed items serve').selectOption({ label: 'Goal 2: Bring fleet cost per route down 8%' });
  await page.getByRole('button', { name: 'Push 1 to 90-day actions' }).click();
  await page.getByText('1 action added to the 90-day plan, serving Goal 2: Bring fleet cost per route down 8%.').waitFor();
  await editor.getByText('✓ In the plan').waitFor();

  // The QBR as Markdown (the customer copy, picked first): when, who (names and titles,
  // no roles: changed on purpose), the agenda with clock times, the mutual plan.
  const file = await download(page, () => page.locator('.doc-out').getByRole('button', { name: 'Download .md' }).click());
  assert.equal(path.basename(file), `qbr-northwind-logistics-${date}.md`);
  const md = fs.readFileSync(file, 'utf8');
  assert.match(md, /^# Quarterly business review: Northwind Logistics$/m);
  assert.match(md, /^- \*\*Invited:\*\* Mei Lin \(Head of Dispatch\); Tomas Okafor \(Chief Operating Officer\)$/m);
  assert.match(md, /^\| 09:30-09:35 \| Welcome and agenda \|$/m);
  assert.match(md, /^\| Send the hub opening plan \| Tomasz Nowak \(Northwind Logistics\) \| .* \|$/m);
  assert.doesNotMatch(md, /executive sponsor/i, 'roles stay out');
  assert.doesNotMatch(md, /Ask the sponsor to bring the CFO/, 'private notes stay out');

  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  const pushed = page.locator('.actions-table tbody tr', { hasText: 'Send the hub opening plan' });
  await pushed.waitFor();
  assert.match(await pushed.innerText(), /Tomasz Nowak \(customer\)/);
  assert.match(await pushed.innerText(), /Goal 2/);
  assert.equal(await pushed.getByText('Untied: serves no goal').count(), 0);
  await saved(page);
  const nw = await storedAccount(page, 'Northwind Logistics');
  const qbr = nw.planning.qbrs.find((q) => q.date === date);
  assert.equal(qbr.start, '09:30');
  assert.equal(qbr.attendees.length, 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Plan tab prints as a clean one-account document, and fits a phone', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${NORTHWIND}/plan`);
  await page.locator('.goal-text').first().waitFor();
  await shot(page, 'plan-tab');
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['.topbar', '.tabs', '.crumbs', '.plan-tools', '.plan-flags', '.account-head', '.goal-list']) {
    assert.equal(await page.locator(sel).isVisible(), false, `${sel} is hidden in print`);
  }
  const visible = await page.evaluate(() => [...document.querySelectorAll('button, input, select, textarea')]
    .filter((el) => el.getClientRects().length > 0).length);
  assert.equal(visible, 0, 'no control shows in print');
  // Changed on purpose: the print is the picked document (the customer copy first), not
  // the editing page: their goals show, our overview and SWOT do not.
  await page.locator('.doc h3', { hasText: 'Your strategic goals' }).waitFor();
  assert.equal(await page.getByText('The new CFO is reviewing every software contract').first().isVisible(), false);
  assert.equal(await page.getByText('Two new hubs opening in 2027').first().isVisible(), false);
  const colours = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    const a = document.querySelector('.crumbs a') || document.querySelector('main a');
    return [s.backgroundColor, s.color, a ? getComputedStyle(a).textDecorationLine : 'none'];
  });
  assert.deepEqual(colours, ['rgb(255, 255, 255)', 'rgb(0, 0, 0)', 'none']);
  await shot(page, 'plan-print');
  await page.emulateMedia({ media: 'screen' });

  await page.setViewportSize({ width: 390, height: 800 });
  await page.reload();
  await page.locator('.goal-text').first().waitFor();
  await shot(page, 'plan-phone');
  for (const p of [`/accounts/${NORTHWIND}/plan`, `/accounts/${NORTHWIND}/qbr`, `/accounts/${NORTHWIND}/qualify`, '/data']) {
    await open(page, env.base, p);
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${p} overflows horizontally by ${overflow}px at 390px`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('qualification: rate MEDDIC and BANT, see total and weakest; ROI refuses bad input and says when it never pays back', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${NORTHWIND}/qualify`);
  const meddic = page.locator('.scorecard', { hasText: 'MEDDIC' });
  await meddic.getByText('12 / 18').waitFor();
  await meddic.getByText('Economic buyer (rated 1: weak)').waitFor();
  await meddic.getByRole('radiogroup', { name: 'Economic buyer rating' }).getByText('Strong').click();
  await meddic.getByText('14 / 18').waitFor();
  await meddic.getByText('Decision process (rated 1: weak)').waitFor();
  await meddic.getByRole('radiogroup', { name: 'Economic buyer rating' }).getByText('Strong').focus();

  await page.getByLabel('Investment').fill('-5');
  await page.getByLabel('Investment').press('Tab');
  await page.getByText('The investment must be above zero: what does the customer pay or spend?').waitFor();
  await page.getByLabel('Investment').fill('40,000');
  await page.getByLabel('Annual benefit').fill('lots');
  await page.getByLabel('Annual benefit').press('Tab');
  await page.getByText('"lots" is not an amount: type digits only, e.g. 120000.').waitFor();
  await page.getByLabel('Annual benefit').fill('0');
  await page.getByLabel('Annual benefit').press('Tab');
  await page.getByText('Never pays back: the annual benefit must be above zero.').waitFor();
  await page.getByLabel('Annual benefit').fill('120000');
  await page.getByLabel('Annual benefit').press('Tab');
  const result = page.locator('.roi-result');
  await result.getByText('200%').waitFor();
  await result.getByText('4 months').waitFor();
  await saved(page);
  const q = (await storedAccount(page, 'Northwind Logistics')).planning.qualifications[0];
  assert.deepEqual(q.business_case, { investment: 40000, annual_benefit: 120000 });

  // An account with no opportunities says what to do.
  await open(page, env.base, `/accounts/${QUARRY}/qualify`);
  await page.getByText('No opportunities yet.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('export one account and import it into a fresh workspace: as a new account, then replacing after a preview', async () => {
  const a = await newPage(env);
  await open(a.page, env.base, `/accounts/${NORTHWIND}/plan`);
  await a.page.getByLabel('Where the account stands').fill('Marker: exported from the first browser.');
  await a.page.getByLabel('Where the account stands').press('Tab');
  await saved(a.page);
  // Sharing asks who it is for (changed on purpose: one "Export this account" before).
  await a.page.getByRole('button', { name: 'Share…' }).click();
  const file = await download(a.page, () => a.page.getByRole('button', { name: 'Export file for a colleague' }).click());
  assert.match(path.basename(file), /^account-northwind-logistics-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.format, 'am-planner-account');
  assert.equal(exported.kind, 'colleague');
  assert.equal(exported.account.name, 'Northwind Logistics');
  assert.deepEqual(a.errors, []);
  await a.context.close();

  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/data');
  await saved(page);
  const before = await storedItems(page);
  // A whole-workspace file is refused at this control; nothing changes.
  await page.getByLabel('Account file to import').setInputFiles({ name: 'ws.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(await stored(page))) });
  const refused = page.locator('#import-account .import-result.refused');
  await refused.getByText('This is a whole workspace file, not a single account').waitFor();
  assert.deepEqual(await storedItems(page), before);
  await refused.getByRole('button', { name: 'Dismiss' }).click();

  await page.getByLabel('Account file to import').setInputFiles(file);
  const preview = page.getByRole('region', { name: 'Shared account preview' });
  await preview.getByRole('heading', { name: 'Northwind Logistics' }).waitFor();
  await preview.getByText('Cut late deliveries by 20% this year').waitFor();
  await preview.getByText('An account named Northwind Logistics is already in this workspace').waitFor();
  await page.getByRole('button', { name: 'Add as a new account' }).click();
  await page.getByText('Added Northwind Logistics as a new account.').waitFor();
  await page.locator('.print-text', { hasText: 'Marker: exported from the first browser.' }).waitFor({ state: 'attached' });
  assert.match(page.url(), /\/accounts\/9\/plan$/);
  await saved(page);
  let accounts = (await stored(page)).workspace.accounts;
  assert.equal(accounts.length, 9);
  assert.equal(accounts.filter((x) => x.name === 'Northwind Logistics').length, 2);

  // Replace the original after the side-by-side view of what changes.
  await open(page, env.base, '/data');
  await page.getByLabel('Account file to import').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace an existing account…' }).click();
  await page.getByLabel('Account to replace').selectOption({ label: 'Northwind Logistics' });
  const diffRow = page.locator('.diff-table tbody tr', { hasText: 'planning › plan › overview' });
  await diffRow.waitFor();
  assert.match(await diffRow.locator('.after').innerText(), /Marker: exported from the first browser\./);
  assert.match(await diffRow.locator('.before').innerText(), /Dispatch in all three regional hubs/);
  await page.getByRole('button', { name: 'Replace this account' }).click();
  await page.getByRole('button', { name: 'Yes, replace it' }).click();
  await page.getByText('Replaced Northwind Logistics with the imported copy.').waitFor();
  assert.match(page.url(), new RegExp(`/accounts/${NORTHWIND}/plan$`));
  await saved(page);
  accounts = (await stored(page)).workspace.accounts;
  assert.equal(accounts.length, 9);
  assert.equal(accounts.find((x) => x.id === NORTHWIND).planning.plan.overview, 'Marker: exported from the first browser.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('share links: open one in a new browser and import it; a tampered link says so; a huge plan is refused with a hint', async () => {
  const a = await clipboardPage();
  await open(a.page, env.base, `/accounts/${NORTHWIND}/plan`);
  await a.page.getByRole('button', { name: 'Share…' }).click();
  await a.page.getByRole('button', { name: 'Copy link for a colleague' }).click();
  await a.page.getByText(/Link for a colleague copied\. It holds the whole account, internal notes included/).waitFor();
  const link = await a.page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.startsWith(`${env.base}/#share=`), link.slice(0, 60));

  // Too long for a link: the message suggests the file.
  await open(a.page, env.base, `/accounts/${ORBIT}/plan`);
  // Text that does not compress: 170 lines of random letters.
  const noise = Array.from({ length: 170 }, () =>
    [...randomBytes(290)].map((b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36]).join(''));
  await a.page.getByLabel('Threats').fill(noise.join('\n'));
  await a.page.getByLabel('Strengths').click();
  await saved(a.page);
  await a.page.getByRole('button', { name: 'Share…' }).click();
  await a.page.getByRole('button', { name: 'Copy link for a colleague' }).click();
  await a.page.getByText(/This plan is too big for a link \(\d+ characters; .*\)\. Share it as a file instead\./).waitFor();
  assert.deepEqual(a.errors, []);
  await a.context.close();

  // A fresh browser opens the link on any route: the account read-only first (changed on
  // purpose: an import preview before), then Import… and add as new.
  const { page, errors, context } = await newPage(env);
  await page.goto(link.replace(`${env.base}/`, `${env.base}/data`));
  const panel = page.locator('.sv-page');
  await panel.getByRole('heading', { name: 'Northwind Logistics', level: 1 }).waitFor();
  await panel.getByText(/Shared by a colleague/).waitFor();
  assert.match(await panel.locator('.figures').innerText(), /People\s+6/);
  await panel.getByRole('tab', { name: 'Plan', exact: true }).click();
  await panel.getByText('Cut late deliveries by 20% this year').waitFor();
  await panel.getByRole('button', { name: 'Import…' }).click();
  await shot(page, 'share-preview');
  await panel.getByRole('button', { name: 'Add as a new account' }).click();
  await page.getByText('Added Northwind Logistics as a new account.').waitFor();
  assert.equal(await panel.count(), 0);
  assert.ok(!page.url().includes('#'), `the fragment is cleared: ${page.url()}`);
  await saved(page);
  assert.equal((await stored(page)).workspace.accounts.length, 9);
  assert.deepEqual(errors, []);
  await context.close();

  // Opened on the page of the account it replaces: the tab shows the imported copy after.
  const c = await newPage(env);
  await open(c.page, env.base, `/accounts/${NORTHWIND}/plan`);
  await c.page.getByLabel('Where the account stands').fill('Local words that the shared copy replaces.');
  await c.page.getByLabel('Where the account stands').press('Tab');
  await saved(c.page);
  await c.page.goto(link.replace(`${env.base}/`, `${env.base}/accounts/${NORTHWIND}/plan`));
  await c.page.locator('.sv-page').getByRole('button', { name: 'Import…' }).click();
  await c.page.locator('.sv-page').getByRole('button', { name: 'Replace an existing account…' }).click();
  await c.page.locator('.diff-table', { hasText: 'Local words that the shared copy replaces.' }).waitFor();
  await c.page.getByRole('button', { name: 'Replace this account' }).click();
  await c.page.getByRole('button', { name: 'Yes, replace it' }).click();
  await c.page.getByText('Replaced Northwind Logistics with the imported copy.').waitFor();
  await c.page.waitForURL(new RegExp(`/accounts/${NORTHWIND}/plan$`));
  await c.page.waitForFunction(() => document.getElementById('plan-overview-text')?.value.startsWith('Dispatch in all three regional hubs'));
  assert.deepEqual(c.errors, []);
  await c.context.close();

  // Tampered: one character of the payload changed.
  const b = await newPage(env);
  const i = link.indexOf('#share=') + 7 + 40;
  const swapped = link[i] === 'A' ? 'B' : 'A';
  await b.page.goto(link.slice(0, i) + swapped + link.slice(i + 1));
  const refused = b.page.locator('.share-panel.share-refused');
  await refused.getByRole('heading', { name: 'This share link could not be opened' }).waitFor();
  assert.match(await refused.innerText(), /This share link is damaged|does not hold an account/);
  await b.page.waitForTimeout(500);
  assert.equal((await stored(b.page)).workspace.accounts.length, 8, 'the workspace is unchanged');
  await refused.getByRole('button', { name: 'Dismiss' }).click();
  assert.ok(!b.page.url().includes('#'));
  assert.deepEqual(b.errors, []);
  await b.context.close();
});
