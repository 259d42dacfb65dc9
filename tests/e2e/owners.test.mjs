// Owners on every task (docs/account-depth.md#owners): a renewal task and a save-plan step
// get an owner from the workspace's names, a too-long name is refused at its input, both
// persist over a reload; the Renewals page filtered by that owner keeps the filter in its
// address (Back and a bookmark bring it back); the portfolio's owner filter finds the
// account through the task; export and re-import keep the owners. Dates relative to today;
// every flow checks for console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, newPage, open, shot, saved, stored, storeDocument, isoDaysFromToday, shotsDir } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const base = (id, name, owner, renewalIn, extra = {}) => ({
  id, name, owner, arr: 60000,
  contract_start: isoDaysFromToday(-300),
  renewal_date: isoDaysFromToday(renewalIn),
  ...extra,
});

/** Three accounts: Acme (Dana's, with an open save plan), Beta (Sam's), Gamma (Priya's:
 * her name is in the workspace, so it is suggested). */
function workspace() {
  return {
    format: 'am-planner-workspace',
    version: 3,
    workspace: {
      currency: 'EUR',
      accounts: [
        base(1, 'Acme Owners', 'Dana Reyes', 100, {
          save_plans: [{
            opened_on: isoDaysFromToday(-3), root_cause: 'product_gap', owner: 'Dana Reyes',
            notify_leadership: true, done: [], closed: null,
          }],
        }),
        base(2, 'Beta Other', 'Sam Okafor', 60, {
          renewal: { owners: [{ milestone: 't60', task: 'proposal', owner: 'Sam Okafor' }] },
        }),
        base(3, 'Gamma Priya', 'Priya Raman', 200),
      ],
    },
  };
}

const months = (page) => page.locator('.months-card');

test('owners on a renewal task and a save-plan step; the Renewals page and the portfolio filter by owner; export and import keep them', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await storeDocument(page, workspace());
  await open(page, env.base, '/accounts/1/renewal');

  // The T-90 QBR task's owner, from the names suggested.
  const qbrOwner = page.locator('#owner-t90-qbr');
  await qbrOwner.waitFor();
  assert.equal(await qbrOwner.getAttribute('list'), 'owner-names');
  const suggested = await page.locator('#owner-names option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(suggested, ['Dana Reyes', 'Priya Raman', 'Sam Okafor']);
  await qbrOwner.fill('  Priya Raman ');
  await qbrOwner.press('Tab');
  await saved(page);
  let acme = (await stored(page)).workspace.accounts[0];
  assert.deepEqual(acme.renewal.owners, [{ milestone: 't90', task: 'qbr', owner: 'Priya Raman' }]);
  assert.equal(await qbrOwner.inputValue(), 'Priya Raman', 'the box shows the name as stored (trimmed)');

  // Too long: the message at the input, nothing stored.
  const legal = page.locator('#owner-t60-legal');
  await legal.fill('x'.repeat(121));
  await legal.press('Tab');
  await page.locator('#owner-t60-legal-err').getByText('Keep the owner under 120 characters.').waitFor();
  assert.equal(await legal.getAttribute('aria-invalid'), 'true');
  await page.locator('#ms-t60').scrollIntoViewIfNeeded();
  await shot(page, 'renewal-task-owners');
  acme = (await stored(page)).workspace.accounts[0];
  assert.equal(acme.renewal.owners.length, 1, 'a refused owner changes nothing');

  // A save-plan step: without an owner it is the save owner's (the placeholder says so).
  await open(page, env.base, '/accounts/1/save-plan');
  const outreach = page.locator('#step-owner-executive-outreach');
  await outreach.waitFor();
  assert.equal(await outreach.getAttribute('placeholder'), 'Dana Reyes (save owner)');
  assert.equal(await outreach.getAttribute('list'), 'owner-names');
  await outreach.fill('Priya Raman');
  await outreach.press('Tab');
  await saved(page);
  acme = (await stored(page)).workspace.accounts[0];
  assert.deepEqual(acme.save_plans[0].step_owners, [{ step: 'executive_outreach', owner: 'Priya Raman' }]);
  await shot(page, 'save-plan-step-owners');

  // Both persist over a reload.
  await page.reload();
  await page.locator('#step-owner-executive-outreach').waitFor();
  assert.equal(await page.locator('#step-owner-executive-outreach').inputValue(), 'Priya Raman');
  await open(page, env.base, '/accounts/1/renewal');
  await page.locator('#owner-t90-qbr').waitFor();
  assert.equal(await page.locator('#owner-t90-qbr').inputValue(), 'Priya Raman');

  // The Renewals page, filtered by Priya: her own account and Acme, where she owns the QBR
  // task (listed under it); not Beta. The address keeps the filter.
  await open(page, env.base, '/renewals');
  await months(page).getByRole('link', { name: 'Beta Other' }).waitFor();
  await page.getByLabel('Owner', { exact: true }).selectOption('Priya Raman');
  await page.waitForURL((u) => u.pathname === '/renewals' && u.searchParams.get('owner') === 'Priya Raman');
  await page.getByText('2 renewals for Priya Raman.').waitFor();
  assert.equal(await months(page).getByRole('link', { name: 'Beta Other' }).count(), 0);
  await months(page).getByRole('link', { name: 'Gamma Priya' }).waitFor();
  const acmeRow = months(page).locator('li', { has: page.getByRole('link', { name: 'Acme Owners' }) });
  assert.match(await acmeRow.locator('.owner-tasks').innerText(), /T-90: Run the renewal QBR/);
  await shot(page, 'renewals-filtered-by-owner');

  // Back restores the filter (after opening an account from the list); so does a bookmark.
  await acmeRow.getByRole('link', { name: 'Acme Owners' }).click();
  await page.waitForURL((u) => u.pathname === '/accounts/1/renewal');
  await page.goBack();
  await page.waitForURL((u) => u.pathname === '/renewals' && u.searchParams.get('owner') === 'Priya Raman');
  await page.getByText('2 renewals for Priya Raman.').waitFor();
  assert.equal(await page.getByLabel('Owner', { exact: true }).inputValue(), 'Priya Raman');
  assert.equal(await months(page).getByRole('link', { name: 'Beta Other' }).count(), 0);
  await open(page, env.base, '/renewals?owner=sam%20okafor');
  await page.getByText('1 renewal for Sam Okafor.').waitFor();
  assert.equal(await page.getByLabel('Owner', { exact: true }).inputValue(), 'Sam Okafor', "the address's spelling is the workspace's");
  await months(page).getByRole('link', { name: 'Beta Other' }).waitFor();
  assert.equal(await months(page).getByRole('link', { name: 'Gamma Priya' }).count(), 0);
  // All owners again: a plain address.
  await page.getByLabel('Owner', { exact: true }).selectOption('');
  await page.waitForURL((u) => u.pathname === '/renewals' && u.search === '');

  // The portfolio: Priya's filter finds her account and Acme (through the task).
  await open(page, env.base, '/');
  await page.locator('#owner-filter').selectOption('Priya Raman');
  await page.waitForURL((u) => u.searchParams.get('owner') === 'Priya Raman');
  const rows = page.locator('table.accounts tbody tr');
  await page.waitForFunction(() => document.querySelectorAll('table.accounts tbody tr').length === 2);
  const names = await rows.locator('a').evaluateAll((as) => as.map((a) => a.textContent.trim()).filter(Boolean));
  assert.ok(names.includes('Acme Owners') && names.includes('Gamma Priya') && !names.includes('Beta Other'), names.join(', '));

  // Export, clear, import: the owners come back.
  await open(page, env.base, '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  const file = path.join(shotsDir, `owners-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  const ex = exported.workspace.accounts[0];
  assert.deepEqual(ex.renewal.owners, [{ milestone: 't90', task: 'qbr', owner: 'Priya Raman' }]);
  assert.deepEqual(ex.save_plans[0].step_owners, [{ step: 'executive_outreach', owner: 'Priya Raman' }]);
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await saved(page);
  assert.equal((await stored(page)).workspace.accounts.length, 0);
  await page.getByLabel('Workspace file to import').setInputFiles(file);
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await page.getByText('Imported 3 accounts', { exact: false }).waitFor();
  await saved(page);
  const back = (await stored(page)).workspace.accounts[0];
  assert.deepEqual(back.renewal.owners, ex.renewal.owners);
  assert.deepEqual(back.save_plans[0].step_owners, ex.save_plans[0].step_owners);
  await open(page, env.base, '/accounts/1/renewal');
  await page.locator('#owner-t90-qbr').waitFor();
  assert.equal(await page.locator('#owner-t90-qbr').inputValue(), 'Priya Raman');

  assert.deepEqual(errors, []);
  await context.close();
});
