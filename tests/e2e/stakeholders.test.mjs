// Stakeholder power grid: add people through the UI and see them in the right
// quadrants, drag one across with the mouse, move one with the keyboard, mark the only
// champion as left and see the risks change, reload, sort the table, the org chart, the
// portfolio column and filter, and imports refusing a bad reports-to. No console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, open, shot, saved, stored, isoDaysFromToday, storedItems } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const dot = (page, name) => page.locator('.pg-dot', { hasText: name });
const quadrantOf = (page, name) => dot(page, name).getAttribute('data-quadrant');

/** Opens the editor with "Add person", fills it, saves, and waits for the dot. */
async function addPerson(page, p) {
  await page.locator('.people-head').getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.waitFor();
  await dialog.getByLabel('Name', { exact: true }).fill(p.name);
  await dialog.getByLabel('Title').fill(p.title);
  for (const role of p.roles) await dialog.getByRole('checkbox', { name: new RegExp(`^${role}`) }).check();
  await dialog.getByLabel('Influence (1-5)').selectOption(String(p.influence));
  await dialog.getByLabel('Sentiment').selectOption(p.sentiment);
  if (p.reportsTo) await dialog.getByLabel('Reports to').selectOption({ label: p.reportsTo });
  if (p.owner) await dialog.getByLabel('Our relationship owner').fill(p.owner);
  if (p.frequency) await dialog.getByLabel('Engagement frequency').selectOption(p.frequency);
  if (p.lastContact !== undefined) await dialog.getByLabel('Last contact').fill(p.lastContact);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await dialog.waitFor({ state: 'detached' });
  await dot(page, p.name).waitFor();
}

/** Closes the undo notice (so it does not cover a screenshot). */
async function closeNotice(page) {
  const close = page.locator('.toast-host').getByRole('button', { name: 'Close' });
  if (await close.count()) await close.click();
}

async function accountInStore(page, name) {
  return (await stored(page)).workspace.accounts.find((a) => a.name === name);
}

test('five people on a fresh account: quadrants, drag, keyboard, champion leaves, reload, table, org chart', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/accounts/new');
  await page.getByLabel('Name').fill('Acme Robotics');
  await page.getByLabel('ARR').fill('90000');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor();
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Stakeholders' }).click();
  await page.getByText('Nobody mapped yet.').waitFor();
  assert.match(page.url(), /\/accounts\/\d+\/stakeholders$/);

  // Validation at the field: no name, and a last contact in the future; nothing is saved.
  await page.locator('.people-head').getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Last contact').fill(isoDaysFromToday(3));
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await dialog.getByText('Give the person a name.').waitFor();
  await dialog.getByText(/is in the future; the last contact is a day that already happened/).waitFor();
  assert.equal(await dialog.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');
  assert.equal(await dialog.getByLabel('Last contact').getAttribute('aria-invalid'), 'true');
  await page.waitForFunction(() => document.activeElement?.id === 'p-name');
  await shot(page, 'stakeholders-form-errors');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  // Something was typed: the dialog asks before throwing it away, and the focus stays in
  // the dialog (on the safe answer), then goes back to Cancel on "Keep editing".
  await page.waitForFunction(() => document.activeElement?.textContent === 'Keep editing');
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Cancel'
    && !!document.activeElement.closest('.person-dialog'));
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.locator('.pg-dot').count(), 0);

  const five = [
    { name: 'Eve Stone', title: 'COO', roles: ['Executive sponsor'], influence: 5, sentiment: 'supporter', owner: 'Sam Lee', frequency: 'monthly', lastContact: isoDaysFromToday(-10), quadrant: 'protect_grow' },
    { name: 'Ana Ruiz', title: 'Head of Ops', roles: ['Champion', 'End user'], influence: 4, sentiment: 'champion', reportsTo: 'Eve Stone, COO', owner: 'Kim Ng', quadrant: 'protect_grow' },
    { name: 'Ben Cho', title: 'CFO', roles: ['Economic buyer'], influence: 4, sentiment: 'neutral', quadrant: 'mobilize' },
    { name: 'Cara Diaz', title: 'Analyst', roles: ['End user'], influence: 2, sentiment: 'supporter', reportsTo: 'Ana Ruiz, Head of Ops', quadrant: 'leverage' },
    { name: 'Dev Patel', title: 'IT Lead', roles: ['Blocker'], influence: 2, sentiment: 'detractor', quadrant: 'monitor' },
  ];
  for (const p of five) {
    await addPerson(page, p);
    assert.equal(await quadrantOf(page, p.name), p.quadrant, `${p.name} sits in ${p.quadrant}`);
  }
  for (const p of five) assert.equal(await quadrantOf(page, p.name), p.quadrant, `${p.name} is still in ${p.quadrant}`);
  assert.equal(await page.locator('.pg-dot').count(), 5);
  // Dots never overlap.
  const boxes = await page.locator('.pg-dot').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
      assert.ok(apart, `dots ${i} and ${j} overlap`);
    }
  }
  const risks = page.locator('.risk-list [data-risk]');
  const riskKinds = async () => risks.evaluateAll((els) => els.map((e) => e.dataset.risk));
  assert.ok(!(await riskKinds()).includes('champion_gone'));
  assert.ok(!(await riskKinds()).includes('no_executive_sponsor'));
  assert.equal(await page.locator('.churn-banner').count(), 0);

  // Drag Ben (Mobilize) across to Protect & Grow with the mouse.
  const from = await dot(page, 'Ben Cho').boundingBox();
  const target = await page.locator('.pg-q.q-protect_grow').boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width * 0.3, target.y + target.height * 0.6, { steps: 12 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector('.pg-dot[data-person="3"]')?.dataset.quadrant === 'protect_grow');
  assert.equal(await quadrantOf(page, 'Ben Cho'), 'protect_grow');
  await page.locator('.toast-host').getByText('Moved Ben Cho to Protect & Grow (influence 4, supporter).').waitFor();
  assert.equal(await page.getByRole('dialog').count(), 0, 'a drag does not open the editor');

  // Move Dev (Monitor) up one quadrant with the keyboard: the arrow proposes, Enter commits
  // (changed on purpose: one arrow key used to rewrite his influence at once).
  await dot(page, 'Dev Patel').focus();
  await page.keyboard.press('ArrowUp');
  await page.locator('.pg-pending-note').getByText('Enter moves Dev Patel to Mobilize (influence 4, detractor). Escape leaves them in Monitor.').waitFor();
  assert.equal(await quadrantOf(page, 'Dev Patel'), 'monitor', 'nothing changes before Enter');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.pg-dot')].find((d) => d.textContent.includes('Dev Patel'))?.dataset.quadrant === 'mobilize');
  await page.getByRole('status').filter({ hasText: 'Moved Dev Patel to Mobilize (influence 4, detractor).' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Dev Patel', 'focus stays on the moved dot');
  // At the edge nothing moves; the user is told why.
  await page.keyboard.press('ArrowUp');
  await page.getByRole('status').filter({ hasText: 'Dev Patel is already in the top row' }).waitFor();
  // Undo puts him back where he was.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => [...document.querySelectorAll('.pg-dot')].find((d) => d.textContent.includes('Dev Patel'))?.dataset.quadrant === 'protect_grow');
  assert.equal(await quadrantOf(page, 'Dev Patel'), 'protect_grow');
  await page.locator('.toast-host').getByRole('button', { name: 'Undo' }).click();
  assert.equal(await quadrantOf(page, 'Dev Patel'), 'mobilize');
  await saved(page);
  let acme = await accountInStore(page, 'Acme Robotics');
  const byName = (n) => acme.stakeholders.people.find((p) => p.name === n);
  assert.deepEqual([byName('Ben Cho').influence, byName('Ben Cho').sentiment], [4, 'supporter']);
  assert.deepEqual([byName('Dev Patel').influence, byName('Dev Patel').sentiment], [4, 'detractor']);
  assert.equal(byName('Cara Diaz').reports_to, byName('Ana Ruiz').id);

  // The only champion leaves: champion gone, high churn risk, on the tab and in the header.
  await dot(page, 'Ana Ruiz').click();
  const edit = page.getByRole('dialog', { name: 'Edit Ana Ruiz' });
  await edit.getByRole('checkbox', { name: /Left the company/ }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'detached' });
  await page.locator('.churn-banner').getByText('High churn risk: our champion is gone').waitFor();
  assert.ok((await riskKinds()).includes('champion_gone'));
  assert.match(await page.locator('[data-risk="champion_gone"]').innerText(), /Ana Ruiz left the company and nobody else champions us there/);
  await page.locator('.churn-flag').getByText('High churn risk').waitFor();
  assert.equal(await dot(page, 'Ana Ruiz').count(), 0, 'people who left are not on the grid');
  await page.locator('.pg-left').getByText('Ana Ruiz').waitFor();
  await closeNotice(page);
  await shot(page, 'stakeholders-grid');

  // Remove someone, then undo: they come back with their reports-to link.
  await dot(page, 'Cara Diaz').click();
  await page.getByRole('dialog', { name: 'Edit Cara Diaz' }).getByRole('button', { name: 'Remove from map' }).click();
  await page.locator('.toast-host').getByText('Removed Cara Diaz from the map.').waitFor();
  assert.equal(await dot(page, 'Cara Diaz').count(), 0);
  await page.locator('.toast-host').getByRole('button', { name: 'Undo' }).click();
  await dot(page, 'Cara Diaz').waitFor();

  // Mark the map reviewed.
  await page.getByRole('button', { name: 'Mark map reviewed' }).click();
  await page.locator('.review-status').getByText(/Last reviewed .* \(today\)\./).waitFor();
  await saved(page);

  // Reload: everything is still there.
  await page.reload();
  await page.locator('.churn-banner').waitFor();
  assert.equal(await quadrantOf(page, 'Ben Cho'), 'protect_grow');
  assert.equal(await quadrantOf(page, 'Dev Patel'), 'mobilize');
  assert.equal(await quadrantOf(page, 'Cara Diaz'), 'leverage');
  await page.locator('.pg-left').getByText('Ana Ruiz').waitFor();
  await page.locator('.review-status').getByText(/\(today\)/).waitFor();
  acme = await accountInStore(page, 'Acme Robotics');
  assert.equal(acme.stakeholders.people.length, 5);
  assert.equal(acme.stakeholders.last_reviewed, isoDaysFromToday(0));

  // The table, sorted by influence both ways, and by name.
  await page.getByRole('button', { name: 'Table', exact: true }).click();
  const names = () => page.locator('table.people-table tbody th').evaluateAll((els) => els.map((e) => e.querySelector('button').textContent));
  assert.deepEqual(await names(), ['Ana Ruiz', 'Ben Cho', 'Cara Diaz', 'Dev Patel', 'Eve Stone']);
  await page.getByRole('button', { name: 'Influence' }).click();
  assert.deepEqual(await names(), ['Cara Diaz', 'Ana Ruiz', 'Ben Cho', 'Dev Patel', 'Eve Stone']);
  await page.getByRole('button', { name: 'Influence' }).click();
  assert.deepEqual(await names(), ['Eve Stone', 'Ana Ruiz', 'Ben Cho', 'Dev Patel', 'Cara Diaz']);
  assert.equal(await page.getByRole('columnheader', { name: /Influence/ }).getAttribute('aria-sort'), 'descending');
  await page.getByRole('button', { name: 'Quadrant' }).click();
  assert.deepEqual((await names()).slice(0, 2), ['Dev Patel', 'Ana Ruiz']);
  const ana = page.locator('table.people-table tbody tr', { hasText: 'Ana Ruiz' });
  assert.match(await ana.innerText(), /Left the company/);
  const eve = page.locator('table.people-table tbody tr', { hasText: 'Eve Stone' });
  assert.match(await eve.innerText(), /10 days ago/);
  assert.match(await eve.innerText(), /On track/);

  // The org chart: Eve at the top, Ana under her, Cara under Ana.
  await page.getByRole('button', { name: 'Org chart', exact: true }).click();
  const under = (child) => page.locator('.org-node', { has: page.locator('.org-name', { hasText: child }) }).last()
    .evaluate((li) => li.parentElement.closest('.org-node')?.querySelector('.org-name')?.textContent ?? null);
  assert.equal(await under('Ana Ruiz'), 'Eve Stone');
  assert.equal(await under('Cara Diaz'), 'Ana Ruiz');
  assert.equal(await under('Eve Stone'), null);
  assert.equal(await under('Ben Cho'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('demo account: grid, table, org chart and phone screenshots; keyboard edit opens the dialog', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await page.getByRole('link', { name: 'Northwind Logistics' }).click();
  await page.getByRole('navigation', { name: 'Account sections' }).getByRole('link', { name: 'Stakeholders' }).click();
  await dot(page, 'Mei Lin').waitFor();
  assert.equal(await quadrantOf(page, 'Mei Lin'), 'protect_grow');
  assert.equal(await quadrantOf(page, 'Rafael Soto'), 'mobilize');
  await page.locator('[data-risk="influential_blocker"]').waitFor();
  await shot(page, 'stakeholders-grid-demo');
  // Enter on a focused dot opens the editor; Escape closes it and focus goes back.
  await dot(page, 'Mei Lin').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit Mei Lin' });
  await dialog.waitFor();
  assert.equal(await dialog.getByLabel('Reports to').inputValue(), '1');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Mei Lin');

  await page.getByRole('button', { name: 'Table', exact: true }).click();
  await page.getByRole('button', { name: 'Cadence' }).click();
  assert.match(await page.locator('table.people-table tbody tr').first().innerText(), /Helena Brandt[\s\S]*Overdue/);
  await shot(page, 'stakeholders-table');
  await page.getByRole('button', { name: 'Org chart', exact: true }).click();
  await page.locator('.org-tree').waitFor();
  await shot(page, 'stakeholders-org');

  await page.setViewportSize({ width: 390, height: 800 });
  await page.getByRole('button', { name: 'Power grid', exact: true }).click();
  await dot(page, 'Mei Lin').waitFor();
  await shot(page, 'stakeholders-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows horizontally by ${overflow}px at 390px`);
  // The editor takes the whole phone screen and its buttons are reachable.
  await dot(page, 'Mei Lin').click();
  await dialog.waitFor();
  const box = await dialog.boundingBox();
  // The page's width: the window's less the room kept for a scroll bar (none on a phone,
  // whose bars lie over the page; this browser keeps it, as a desktop's does).
  const pageWidth = await page.evaluate(() => document.body.getBoundingClientRect().width);
  assert.ok(box.width <= 390 && box.width >= pageWidth - 10, `dialog width ${box.width}, page ${pageWidth}`);
  await dialog.getByRole('button', { name: 'Save' }).waitFor({ state: 'visible' });
  await page.screenshot({ path: 'target/e2e/stakeholders-phone-edit.png' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('portfolio: relationship-risk count per account and the single-threaded filter', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  const rows = page.locator('table.accounts tbody tr');
  assert.equal(await rows.count(), 8);
  await page.getByRole('columnheader', { name: 'Risks', exact: true }).waitFor();
  const brightpath = rows.filter({ hasText: 'Brightpath Learning' }).locator('.risk-count');
  assert.match(await brightpath.getAttribute('title'), /Our champion is gone/);
  assert.match(await brightpath.innerText(), /^3/);
  assert.match(await rows.filter({ hasText: 'Helix Biotech' }).locator('.risk-count').innerText(), /^0/);

  await page.getByLabel('Single-threaded only').check();
  const names = await rows.locator('th a').allInnerTexts();
  assert.deepEqual(names.sort(), ['Brightpath Learning', 'Orbit Analytics', 'Quarry & Vale Legal']);
  await shot(page, 'portfolio-single-threaded');
  // The filter works with the text filter too.
  await page.getByPlaceholder('Filter by name, industry or owner').fill('orbit');
  assert.deepEqual(await rows.locator('th a').allInnerTexts(), ['Orbit Analytics']);
  await page.getByLabel('Single-threaded only').uncheck();
  await page.getByPlaceholder('Filter by name, industry or owner').fill('');
  assert.equal(await rows.count(), 8);
  assert.deepEqual(errors, []);
  await context.close();
});

test('import refuses a reports-to that names nobody, or a loop, with the path of the value', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/data');
  await saved(page);
  const before = await storedItems(page);
  const good = await stored(page);
  const missing = structuredClone(good);
  missing.workspace.accounts[0].stakeholders.people[2].reports_to = 99;
  const loop = structuredClone(good);
  const people = loop.workspace.accounts[0].stakeholders.people;
  people[0].reports_to = people[2].id; // Tomas -> Mei, while Mei -> Tomas
  const cases = [
    ['missing-manager.json', missing, /workspace\.accounts\[0\]\.stakeholders\.people\[2\]\.reports_to: reports to id 99, but no person on this account has that id/],
    ['loop.json', loop, /workspace\.accounts\[0\]\.stakeholders\.people\[0\]\.reports_to: reports_to goes round in a loop \(Tomas Okafor → Mei Lin → Tomas Okafor\)/],
  ];
  for (const [name, doc, expected] of cases) {
    await page.getByLabel('Workspace file to import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const message = page.locator('.import-result.refused');
    await message.getByText(`${name} was not imported.`).waitFor();
    assert.match(await message.innerText(), expected);
    if (name === 'loop.json') await shot(page, 'stakeholders-import-refused');
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.deepEqual(await storedItems(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});
