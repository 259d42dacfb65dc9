// Sharing: a link for the customer and a link for a colleague, opened in fresh browsers:
// the account read-only first, import only from the colleague's link, no internal text in
// the customer's view (markers planted in internal fields); a customer file is refused at
// import and can be viewed. The slips fixed with it: the mutual-action form starts fresh
// after each item, pushed items serve the goal picked at the push, a keyboard move on the
// grid waits for Enter (Escape or arrowing back changes nothing; Undo restores exactly).
// Screenshots of the read-only views at desktop and phone widths. No console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, newPage, open, shot, saved, stored, isoDaysFromToday, clipboardPage, download, storedItems, storeDocument } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const NORTHWIND = 1;
const PHONE = { width: 390, height: 844 };

/** Puts markers into Northwind's internal fields (and two customer-visible ones). */
async function plantMarkers(page) {
  await open(page, env.base, '/');
  await saved(page);
  const doc = await stored(page);
  {
    const a = doc.workspace.accounts.find((x) => x.name === 'Northwind Logistics');
    a.notes = 'INTERNAL-MARK-1 do not mention discount room';
    const p = a.stakeholders.people[0];
    p.personal_win = 'INTERNAL-MARK-2';
    p.key_risk = 'INTERNAL-MARK-3';
    p.notes = 'INTERNAL-MARK-4';
    a.planning.plan.risks[0].risk = 'INTERNAL-MARK-5';
    a.planning.plan.swot.strengths[0] = 'INTERNAL-MARK-6';
    a.planning.plan.overview = 'INTERNAL-MARK-7';
    a.planning.qbrs[0].notes = 'INTERNAL-MARK-8';
    a.expansion.opportunities[0].trigger = 'INTERNAL-MARK-9';
    a.planning.plan.goals[0].text = 'CUSTOMER-MARK-1 Cut late deliveries by 20% this year';
    a.planning.qbrs[0].roadmap = 'CUSTOMER-MARK-2 hub templates next quarter';
  }
  await storeDocument(page, doc);
}

async function copyLink(page, button) {
  await page.getByRole('button', { name: button }).click();
  await page.getByText(button.includes('colleague') ? /Link for a colleague copied/ : /Link for the customer copied/).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

test('a customer link and a colleague link: read-only first, import only from the colleague, nothing internal for the customer', async () => {
  const a = await clipboardPage(env);
  await plantMarkers(a.page);
  await open(a.page, env.base, `/accounts/${NORTHWIND}/plan`);
  await a.page.getByRole('button', { name: 'Share…' }).click();
  const box = a.page.getByRole('group', { name: 'Share this account' });
  await box.getByText(/The whole account, internal notes included/).waitFor();
  await box.getByText(/The customer copy only/).waitFor();
  const customerLink = await copyLink(a.page, 'Copy link for the customer');
  const colleagueLink = await copyLink(a.page, 'Copy link for a colleague');
  assert.ok(customerLink.startsWith(`${env.base}/#share=`));
  assert.ok(customerLink.length < colleagueLink.length, `${customerLink.length} < ${colleagueLink.length}`);
  console.log(`link lengths: customer ${customerLink.length}, colleague ${colleagueLink.length} characters`);
  assert.deepEqual(a.errors, []);
  await a.context.close();

  // The customer: the read-only customer copy, no import, no internal text anywhere in the page.
  for (const viewport of [undefined, PHONE]) {
    const c = await newPage(env, viewport ? { viewport } : {});
    await c.page.goto(customerLink);
    const view = c.page.locator('.sv-page');
    await view.getByRole('heading', { name: 'Northwind Logistics', level: 1 }).waitFor();
    await view.getByText('Customer copy', { exact: true }).waitFor();
    await view.getByText(/Read-only/).waitFor();
    assert.equal(await c.page.getByRole('button', { name: 'Import…' }).count(), 0, 'no import from a customer link');
    assert.equal(await c.page.getByRole('button', { name: 'Add as a new account' }).count(), 0);
    const tabs = await view.getByRole('tab').allInnerTexts();
    assert.deepEqual(tabs, ['Goals', 'Success metrics', 'Actions', 'QBRs']);
    await view.getByText('CUSTOMER-MARK-1 Cut late deliveries by 20% this year').waitFor();
    for (const tab of tabs) {
      await view.getByRole('tab', { name: tab }).click();
      await c.page.waitForFunction((t) => document.querySelector('.sv-tab[aria-selected="true"]')?.textContent === t, tab);
      const html = await c.page.content();
      assert.doesNotMatch(html, /INTERNAL-MARK/, `internal text on the ${tab} tab`);
      for (const word of ['Sentiment', 'Influence', 'Health', 'ARR', 'Tier']) {
        assert.ok(!(await view.innerText()).includes(word), `"${word}" on the customer's ${tab} tab`);
      }
      if (tab === 'QBRs') {
        await view.getByText('CUSTOMER-MARK-2 hub templates next quarter').waitFor();
        // Owners read as in the customer documents: their side by the account's name.
        await view.getByText('Tomasz Nowak (Northwind Logistics)').first().waitFor();
        assert.ok(!(await view.innerText()).includes('(customer)'));
      }
      if (tab === 'Success metrics') await view.getByText('On-time deliveries').waitFor();
    }
    await view.getByRole('tab', { name: 'Goals' }).click();
    await shot(c.page, viewport ? 'share-customer-phone' : 'share-customer');
    await view.getByRole('tab', { name: 'QBRs' }).click();
    await shot(c.page, viewport ? 'share-customer-qbr-phone' : 'share-customer-qbr');
    // Nothing was added: the fresh browser holds the demo only.
    await saved(c.page);
    assert.equal((await stored(c.page)).workspace.accounts.length, 8);
    await view.getByRole('button', { name: 'Close' }).click();
    await c.page.locator('.sv-page').waitFor({ state: 'detached' });
    assert.ok(!c.page.url().includes('#'));
    assert.deepEqual(c.errors, []);
    await c.context.close();
  }

  // A colleague: the whole account read-only with the warning, then Import… and add it.
  const b = await newPage(env);
  await b.page.goto(colleagueLink);
  const view = b.page.locator('.sv-page');
  await view.getByRole('heading', { name: 'Northwind Logistics', level: 1 }).waitFor();
  await view.getByText(/It includes internal notes/).waitFor();
  await view.getByText('INTERNAL-MARK-1 do not mention discount room').waitFor();
  await view.getByRole('tab', { name: 'People' }).click();
  await view.getByText('INTERNAL-MARK-2').waitFor();
  await shot(b.page, 'share-colleague');
  await view.getByRole('button', { name: 'Import…' }).click();
  await view.getByRole('button', { name: 'Add as a new account' }).click();
  await b.page.getByText('Added Northwind Logistics as a new account.').waitFor();
  await b.page.waitForURL(/\/accounts\/9\/plan$/);
  await saved(b.page);
  const added = (await stored(b.page)).workspace.accounts.find((x) => x.id === 9);
  assert.equal(added.notes, 'INTERNAL-MARK-1 do not mention discount room');
  assert.deepEqual(b.errors, []);
  await b.context.close();
});

test('a customer file is refused at import and can be viewed read-only', async () => {
  const a = await newPage(env);
  await open(a.page, env.base, `/accounts/${NORTHWIND}/plan`);
  await a.page.getByRole('button', { name: 'Share…' }).click();
  const file = await download(a.page, () => a.page.getByRole('button', { name: 'Export file for the customer' }).click());
  assert.match(path.basename(file), /^account-northwind-logistics-customer-copy-\d{4}-\d{2}-\d{2}\.json$/);
  await open(a.page, env.base, '/data');
  await saved(a.page);
  const before = await storedItems(a.page);
  await a.page.getByLabel('Account file to import').setInputFiles(file);
  const refused = a.page.locator('#import-account .import-result.refused');
  await refused.getByText(/It is the customer copy of Northwind Logistics/).waitFor();
  assert.deepEqual(await storedItems(a.page), before);
  await refused.getByRole('button', { name: 'View it read-only' }).click();
  const view = a.page.locator('.sv-page');
  await view.getByRole('heading', { name: 'Northwind Logistics', level: 1 }).waitFor();
  assert.equal(await a.page.getByRole('button', { name: 'Import…' }).count(), 0);
  await view.getByRole('button', { name: 'Close' }).click();
  await a.page.getByRole('heading', { name: 'Data' }).waitFor();
  assert.deepEqual(a.errors, []);
  await a.context.close();
});

test('mutual-action form starts fresh after each item; pushed items serve the goal picked', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${NORTHWIND}/qbr`);
  await page.getByText('Agenda must be sent by:').waitFor();
  await page.getByLabel('Action', { exact: true }).fill('Send the volumes per hub');
  await page.getByLabel('Owner', { exact: true }).fill('Dana Ruiz');
  await page.getByLabel('Side').selectOption('customer');
  await page.getByLabel('Due', { exact: true }).fill(isoDaysFromToday(20));
  await page.getByRole('button', { name: 'Add to the mutual plan' }).click();
  await page.locator('.qbr-editor table', { hasText: 'Send the volumes per hub' }).waitFor();
  // Nothing of the last item is left in the form.
  assert.equal(await page.getByLabel('Action', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('Owner', { exact: true }).inputValue(), '');
  assert.equal(await page.getByLabel('Side').inputValue(), 'us');
  assert.equal(await page.getByLabel('Due', { exact: true }).inputValue(), '');

  // Pushed to the goal picked (the first goal is shown picked until another is chosen).
  const pick = page.getByLabel('Pushed items serve');
  assert.match(await pick.locator('option:checked').innerText(), /^Goal 1: /);
  await pick.selectOption({ label: 'Goal 3: Open two new hubs without hiring more planners' });
  await page.getByRole('button', { name: /^Push \d+ to 90-day actions$/ }).click();
  await page.getByText(/added to the 90-day plan, serving Goal 3: Open two new hubs without hiring more planners\./).waitFor();

  // One more item pushed with no goal: flagged, and the flag says how to tie it.
  await page.getByLabel('Action', { exact: true }).fill('Book the hub visit');
  await page.getByLabel('Due', { exact: true }).fill(isoDaysFromToday(25));
  await page.getByRole('button', { name: 'Add to the mutual plan' }).click();
  await page.getByLabel('Pushed items serve').selectOption({ label: 'No goal yet (tie later)' });
  await page.getByRole('button', { name: 'Push 1 to 90-day actions' }).click();
  await page.getByText('1 action added to the 90-day plan, serving no goal yet: tie it to a goal with Edit in the 90-day actions.').waitFor();

  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  const tied = page.locator('.actions-table tbody tr', { hasText: 'Send the volumes per hub' });
  await tied.waitFor();
  assert.match(await tied.innerText(), /Goal 3/);
  assert.equal(await tied.getByText('Untied: serves no goal').count(), 0);
  const untied = page.locator('.actions-table tbody tr', { hasText: 'Book the hub visit' });
  await untied.getByText('Untied: serves no goal').waitFor();
  await page.getByText('"Book the hub visit" serves no customer goal: press Edit on it in the 90-day actions and pick the goal it serves, or remove it.').waitFor();
  await saved(page);
  const nw = (await stored(page)).workspace.accounts.find((x) => x.id === NORTHWIND);
  const goal3 = nw.planning.plan.goals[2].id;
  assert.equal(nw.planning.plan.actions.find((x) => x.text === 'Send the volumes per hub').goal, goal3);
  assert.equal(nw.planning.plan.actions.find((x) => x.text === 'Book the hub visit').goal ?? null, null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a keyboard move on the grid waits for Enter; Escape, arrowing back or leaving change nothing; Undo restores exactly', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${NORTHWIND}/stakeholders`);
  const person = async (name) => (await stored(page)).workspace.accounts
    .find((x) => x.id === NORTHWIND).stakeholders.people.find((p) => p.name === name);
  const dot = page.locator('.pg-dot', { hasText: 'Mei Lin' });
  await dot.waitFor();
  await saved(page);
  const start = await person('Mei Lin');
  const startQuadrant = await dot.getAttribute('data-quadrant');
  assert.equal(startQuadrant, 'protect_grow');
  const note = page.locator('.pg-pending-note');

  // Escape cancels.
  await dot.focus();
  await page.keyboard.press('ArrowDown');
  await note.getByText(/^Enter moves Mei Lin to Leverage \(influence 3, /).waitFor();
  await shot(page, 'grid-pending-move');
  await page.keyboard.press('Escape');
  await note.waitFor({ state: 'detached' });
  // Arrowing back to where she is cancels too.
  await page.keyboard.press('ArrowLeft');
  await note.getByText(/Enter moves Mei Lin to Mobilize/).waitFor();
  await page.keyboard.press('ArrowRight');
  await note.waitFor({ state: 'detached' });
  // Leaving the dot cancels.
  await page.keyboard.press('ArrowDown');
  await note.waitFor();
  await page.keyboard.press('Tab');
  await note.waitFor({ state: 'detached' });
  await page.waitForTimeout(600); // past the autosave delay: nothing to save
  assert.equal(await dot.getAttribute('data-quadrant'), startQuadrant);
  assert.deepEqual(await person('Mei Lin'), start, 'nothing changed');
  assert.equal(await page.getByRole('dialog').count(), 0);

  // Enter commits; Undo puts back the exact influence and sentiment (not just the quadrant).
  // (Moving her back with the arrows would make her a supporter, not the champion she is.)
  await dot.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.pg-dot')].find((d) => d.textContent.includes('Mei Lin'))?.dataset.quadrant === 'mobilize');
  assert.equal(await page.getByRole('dialog').count(), 0, 'Enter committed the move, it did not open the editor');
  await saved(page);
  const moved = await person('Mei Lin');
  assert.deepEqual([moved.influence, moved.sentiment], [start.influence, 'neutral']);
  await page.locator('.toast-host').getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => [...document.querySelectorAll('.pg-dot')].find((d) => d.textContent.includes('Mei Lin'))?.dataset.quadrant === 'protect_grow');
  await saved(page);
  const back = await person('Mei Lin');
  assert.deepEqual([back.influence, back.sentiment], [start.influence, start.sentiment]);
  assert.equal(start.sentiment, 'champion');
  assert.deepEqual(errors, []);
  await context.close();
});
