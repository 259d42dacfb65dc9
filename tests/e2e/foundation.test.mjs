// Foundation flows: demo on first open, create/edit/reload, validation at the field,
// delete with undo, export -> clear -> import gives the same workspace, broken files refused
// with the workspace unchanged, drag-and-drop import, no console errors, screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, newPage, open, shot, saved, stored, isoDaysFromToday, shotsDir, storedItems } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const rows = (page) => page.locator('table.accounts tbody tr');

test('first open shows the labelled demo workspace, and every page renders without console errors', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await assert.doesNotReject(page.getByText('Demo workspace.').waitFor());
  assert.equal(await rows(page).count(), 8);
  await shot(page, 'portfolio');
  // Sorting by ARR descending puts the largest account first.
  await page.getByRole('button', { name: 'ARR' }).click();
  await page.getByRole('button', { name: 'ARR' }).click();
  assert.match(await rows(page).first().innerText(), /Northwind Logistics/);

  await rows(page).first().getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: 'Northwind Logistics' }).waitFor();
  await shot(page, 'account');
  await open(page, env.base, '/accounts/new');
  await shot(page, 'account-new');
  await open(page, env.base, '/data');
  await shot(page, 'data');
  await open(page, env.base, '/no/such/page');
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  await shot(page, 'not-found');
  await open(page, env.base, '/accounts/9999');
  await page.getByRole('heading', { name: 'Page not found' }).waitFor();
  // Phone width: the table scrolls inside its frame, the page does not overflow.
  await page.setViewportSize({ width: 390, height: 800 });
  await open(page, env.base, '/');
  await shot(page, 'portfolio-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows horizontally by ${overflow}px at 390px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('create an account with field-level validation, edit it, reload: it is all there', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/accounts/new');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText('Give the account a name.').waitFor();

  // A name another account has is pointed out as it is typed, case and spaces aside.
  const taken = page.locator('#f-name-taken');
  await page.getByLabel('Name').fill('northwind   LOGISTICS');
  await taken.getByText('Another account is already called "Northwind Logistics": check it is not the same customer.').waitFor();
  assert.match(await page.getByLabel('Name').getAttribute('aria-describedby'), /f-name-taken/);
  await page.getByLabel('Name').fill('Acme Robotics');
  await page.waitForFunction(() => document.querySelector('#f-name-taken')?.textContent === '');
  await page.getByLabel('ARR').fill('-5');
  await page.getByLabel('ARR').press('Tab');
  await page.getByText('ARR cannot be negative.').waitFor();
  await page.getByLabel('ARR').fill('250,000');
  await page.getByLabel('Contract start').fill(isoDaysFromToday(0));
  await page.getByLabel('Renewal date').fill(isoDaysFromToday(-10));
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText(/is before the contract start/).waitFor();
  // The cursor goes to the refused field.
  await page.waitForFunction(() => document.activeElement?.id === 'f-renewaldate');
  await shot(page, 'account-new-errors');
  // Nothing was saved while a field was refused.
  assert.equal((await stored(page)).workspace.accounts.length, 8);

  await page.getByLabel('Renewal date').fill(isoDaysFromToday(200));
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor();
  const url = page.url();

  // Edit: a valid change saves; an invalid one shows a message and keeps the stored value.
  await page.getByLabel('Industry').fill('Manufacturing');
  await page.getByLabel('Industry').press('Tab');
  await page.getByLabel('Name').fill('   ');
  await page.getByLabel('Name').press('Tab');
  await page.getByText('Give the account a name.').waitFor();
  await saved(page);
  let acme = (await stored(page)).workspace.accounts.find((a) => a.name === 'Acme Robotics');
  assert.ok(acme, 'the stored name is still Acme Robotics');
  assert.equal(acme.industry, 'Manufacturing');
  assert.equal(acme.arr, 250000);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Acme Robotics' }).waitFor();
  assert.equal(await page.getByLabel('Industry').inputValue(), 'Manufacturing');
  // The ARR is shown, not typed over: it changes through the ARR history (Change ARR).
  assert.equal(await page.locator('form.account-form #f-arr').evaluate((el) => el.tagName), 'OUTPUT');
  assert.match(await page.locator('form.account-form #f-arr').innerText(), /250,000/);
  assert.equal(await page.locator('form.account-form').getByRole('textbox', { name: 'ARR' }).count(), 0);
  assert.equal(page.url(), url);

  await open(page, env.base, '/');
  assert.equal(await rows(page).count(), 9);
  assert.deepEqual(errors, []);
  await context.close();
});

test('delete an account, undo brings it back where it was', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await page.getByRole('link', { name: 'Orbit Analytics' }).click();
  await page.getByRole('button', { name: 'Delete account' }).click();
  await page.getByText('Deleted Orbit Analytics.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Orbit Analytics' }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Orbit Analytics' }).waitFor();
  await saved(page);
  assert.ok((await stored(page)).workspace.accounts.some((a) => a.name === 'Orbit Analytics'));
  assert.deepEqual(errors, []);
  await context.close();
});

async function exportFile(page) {
  await open(page, env.base, '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  const file = path.join(shotsDir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test('export, clear all, import the file: the workspace is identical', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await saved(page);
  const before = (await stored(page)).workspace;
  const file = await exportFile(page);
  assert.match(path.basename(file), /^account-planner-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.format, 'am-planner-workspace');
  // Version 2 (changed on purpose): the workspace id travels with the file.
  assert.equal(exported.version, 3);
  const id = (await stored(page)).workspace_id;
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.equal(exported.workspace_id, id);
  assert.deepEqual(exported.workspace, before);

  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await saved(page);
  assert.equal((await stored(page)).workspace.accounts.length, 0);
  assert.notEqual((await stored(page)).workspace_id, id, 'a cleared workspace is a new one');

  await page.getByLabel('Workspace file to import').setInputFiles(file);
  await page.getByText(`${before.accounts.length} accounts`).waitFor();
  await shot(page, 'data-import-preview');
  assert.equal((await stored(page)).workspace.accounts.length, 0, 'nothing changes before the user confirms');
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await page.getByText(`Imported ${before.accounts.length} accounts from ${path.basename(file)}.`).waitFor();
  await saved(page);
  assert.deepEqual((await stored(page)).workspace, before);
  assert.equal((await stored(page)).workspace_id, id, 'the imported file brings its workspace id');
  await open(page, env.base, '/');
  assert.equal(await rows(page).count(), before.accounts.length);
  assert.deepEqual(errors, []);
  await context.close();
});

test('broken files are refused with a message naming the problem; the workspace stays as it was', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/data');
  await saved(page);
  const before = await storedItems(page);
  const good = await stored(page);
  const bad = structuredClone(good);
  bad.workspace.accounts[1].renewal_date = '2026-02-30';
  const cases = [
    ['not-json.json', '{"format": "am-planner-workspace", ', /not valid JSON \(line 1, column \d+/],
    ['other.json', JSON.stringify({ hello: 'world' }), /not an Account Planner workspace/],
    ['newer.json', JSON.stringify({ ...good, version: 7 }), /format version 7, written by a newer version/],
    ['bad-date.json', JSON.stringify(bad), /workspace\.accounts\[1\]\.renewal_date/],
  ];
  for (const [name, text, expected] of cases) {
    await page.getByLabel('Workspace file to import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const message = page.locator('.import-result.refused');
    await message.getByText(`${name} was not imported.`).waitFor();
    assert.match(await message.innerText(), expected);
    if (name === 'bad-date.json') await shot(page, 'data-import-refused');
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.deepEqual(await storedItems(page), before);
  // Only the deliberate refusals; no error from the app itself.
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropping a file anywhere opens the import preview', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await saved(page);
  const text = JSON.stringify(await stored(page));
  const data = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('.drop-zone', 'dragover', { dataTransfer: data });
  await page.dispatchEvent('.drop-zone', 'drop', { dataTransfer: data });
  await page.getByRole('region', { name: 'Import preview' }).waitFor();
  assert.match(await page.locator('.import-result.preview').innerText(), /dropped\.json/);
  assert.match(page.url(), /\/data$/);
  assert.deepEqual(errors, []);
  await context.close();
});
