// Import from a CRM (CSV): a generated Salesforce-style export of 50 accounts with bad rows;
// the preview (guessed columns and day order, errors at the cell), the report, the skipped
// rows download, one undo, a second import that updates by CRM id, the tiers on the
// portfolio, a .csv given to the workspace import going to the CSV flow, a JSON file given
// to the CSV card refused with the way out, a day-first semicolon file with a BOM, the
// mid-cycle choice, a refused choice of fields shown at the column that caused it.
// Screenshots, no console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, newPage, open, shot, saved, stored, download } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const pad = (n) => String(n).padStart(2, '0');
/** MM/DD/YYYY, `days` from today. */
const usDate = (days) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${pad(d.getMonth() + 1)}/${pad(d.getDate())}/${d.getFullYear()}`;
};
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** 50 accounts: ARR 10,000 x i, renewals 200 + 3i days out (one on the 13th of a month or
 * later, so the month-first order shows), three bad rows (4, 20, 37). */
function crmExport() {
  const head = ['Account ID', 'Account Name', 'Annual Revenue', 'Contract End Date', 'Account Owner', 'Industry', 'Billing City'];
  const rows = [];
  for (let i = 1; i <= 50; i++) {
    let arr = `$${(10000 * i).toLocaleString('en-US')}.00`;
    let renewal = usDate(200 + 3 * i);
    let name = `CRM Account ${pad(i)}, Inc.`;
    if (i === 4) arr = '12k';
    if (i === 20) renewal = '02/30/2027';
    if (i === 37) name = '';
    rows.push([`001X${pad(i)}`, name, arr, renewal, 'Dana Reyes', 'Software', 'Austin']);
  }
  return [head, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

async function clearWorkspace(page) {
  await open(page, env.base, '/data');
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await saved(page);
}

test('A 50-account CRM export: preview with errors at the cell, import, report, skipped rows file, undo, re-import updates by CRM id, tiers', async () => {
  const { page, errors } = await newPage(env);
  await clearWorkspace(page);
  const csv = crmExport();
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'salesforce-accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = page.getByRole('region', { name: 'CSV import preview' });
  await preview.waitFor();
  assert.match(await preview.innerText(), /salesforce-accounts\.csv: 50 rows, cells separated by commas\./);

  // Columns guessed from the header names; Billing City is not imported.
  const fieldOf = async (i) => page.locator(`#csv-col-${i}`).inputValue();
  assert.deepEqual(
    await Promise.all([0, 1, 2, 3, 4, 5, 6].map(fieldOf)),
    ['crm_id', 'name', 'arr', 'renewal_date', 'owner', 'industry', 'ignore'],
  );
  assert.equal(await page.locator('#csv-order').inputValue(), 'month_first');
  // Each date cell says how it is read.
  assert.equal(await page.locator('tr[data-row="2"] td').nth(4).innerText(), '06/25/2027\nread as 25 Jun 2027');

  // Row 5 (the 4th account) shows its error at the ARR cell; rows 21 and 38 are counted.
  const row5 = page.locator('tr[data-row="5"]');
  assert.equal(await row5.locator('.csv-will').innerText(), 'Skip');
  assert.match(await row5.locator('td.csv-cell-error').innerText(), /"12k" is not an amount/);
  assert.equal(await page.locator('tr[data-row="2"] .csv-will').innerText(), 'Add');
  assert.equal(await page.locator('.csv-summary').innerText(), '47 new accounts and 0 updates; 3 rows with errors will be skipped.');
  const listed = await page.locator('.csv-errors li').allInnerTexts();
  assert.equal(listed.length, 3);
  assert.match(listed[0], /^Row 5: Annual Revenue: "12k" is not an amount/);
  assert.match(listed[1], /^Row 21: Contract End Date: "02\/30\/2027" is not a date: February 2027 has 28 days\./);
  assert.match(listed[2], /^Row 38: Account Name: The account name is empty\./);
  await shot(page, 'csv-preview');

  // Nothing changed yet.
  await saved(page);
  assert.equal((await stored(page)).workspace.accounts.length, 0);

  // Choosing the day-first order turns the month-first dates into errors at their cells.
  await page.locator('#csv-order').selectOption('day_first');
  await page.waitForFunction(() => document.querySelector('.csv-summary')?.textContent.includes('with errors'));
  assert.notEqual(await page.locator('.csv-summary').innerText(), '47 new accounts and 0 updates; 3 rows with errors will be skipped.');
  await page.locator('#csv-order').selectOption('month_first');
  await page.waitForFunction(() => document.querySelector('.csv-summary')?.textContent.startsWith('47 new accounts'));

  await page.getByRole('button', { name: 'Import 47 accounts' }).click();
  const report = page.getByRole('status', { name: 'Import report' });
  await report.waitFor();
  assert.match(await report.innerText(), /47 accounts added/);
  assert.match(await report.innerText(), /0 accounts updated/);
  assert.match(await report.innerText(), /3 rows skipped \(download them below/);
  await shot(page, 'csv-report');

  // The skipped rows as a CSV with an Error column.
  const file = await download(page, () => page.getByRole('button', { name: 'Download the skipped rows' }).click());
  assert.match(file, /salesforce-accounts-skipped-rows\.csv$/);
  const lines = fs.readFileSync(file, 'utf8').trim().split(/\r\n/);
  assert.equal(lines.length, 4);
  assert.equal(lines[0], 'Account ID,Account Name,Annual Revenue,Contract End Date,Account Owner,Industry,Billing City,Error');
  assert.match(lines[1], /^001X04,"CRM Account 04, Inc\.",12k,.*,"Annual Revenue: ""12k"" is not an amount/);

  await saved(page);
  let ws = (await stored(page)).workspace;
  assert.equal(ws.accounts.length, 47);

  // One undo takes it all back.
  await page.getByRole('button', { name: 'Undo this import' }).click();
  await saved(page);
  assert.equal((await stored(page)).workspace.accounts.length, 0);

  // Import again, then a second export where one account changed: updated by its CRM id.
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'salesforce-accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Import 47 accounts' }).click();
  await report.waitFor();
  const renamed = 'Account ID,Account Name,Annual Revenue\r\n001X01,CRM Account 01 (renamed),"$999,000"\r\n';
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'update.csv', mimeType: 'text/csv', buffer: Buffer.from(renamed) });
  await page.locator('tr[data-row="2"] .csv-will').waitFor();
  assert.equal(await page.locator('tr[data-row="2"] .csv-will').innerText(), 'Update');
  await page.getByRole('button', { name: 'Import 1 account' }).click();
  await page.getByRole('status', { name: 'Import report' }).getByText('1 account updated').waitFor();
  await saved(page);
  ws = (await stored(page)).workspace;
  assert.equal(ws.accounts.length, 47);
  const first = ws.accounts.find((a) => a.name === 'CRM Account 01 (renamed)');
  assert.equal(first.arr, 999000);

  // Tiers on the portfolio: 47 accounts, ceil(15%) = 8 in Tier 1 (the renamed one first).
  await open(page, env.base, '/');
  await page.locator('table.accounts tbody tr').nth(46).waitFor();
  assert.equal(await page.locator('table.accounts tbody tr').count(), 47);
  const tier1 = await page.locator('table.accounts tbody tr', { hasText: 'T1' }).count();
  assert.equal(tier1, 8);
  await shot(page, 'csv-portfolio');

  // KPIs: the imported ARR arrived as new ARR today (no contract start in the file), so the
  // default period's New ARR is the book's ARR, not zero.
  await page.getByRole('link', { name: 'KPIs', exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: 'KPIs' }).waitFor();
  const newArr = await page.locator('[data-kpi="new-arr"] .kpi-figure').innerText();
  assert.doesNotMatch(newArr, /^\D*0$/, `New ARR after the import: ${newArr}`);
  assert.match(newArr, /\d{1,3}(,\d{3})+/);
  assert.deepEqual(errors, []);
});

test('A .csv given to the workspace import opens the CSV flow; a JSON file given to the CSV card says where it goes', async () => {
  const { page, errors } = await newPage(env);
  await open(page, env.base, '/data');
  await page.getByLabel('Workspace file to import').setInputFiles({ name: 'book.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,ARR\nSolo Co,5000\n') });
  await page.getByRole('region', { name: 'CSV import preview' }).waitFor();
  assert.equal(await page.getByText('not valid JSON').count(), 0);

  await page.getByLabel('CSV file to import').setInputFiles({ name: 'ws.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"am-planner-workspace"}') });
  await page.getByText('ws.json was not imported.').waitFor();
  await page.getByText('This file holds JSON, not a table: import it as a workspace file under Import above.').waitFor();
  assert.deepEqual(errors, []);
});

test('Dates that could be either order: the preview says so, and shows how each is read in the order chosen', async () => {
  const { page, errors } = await newPage(env);
  await clearWorkspace(page);
  const text = 'Name,Renewal date\nAmbi Co,03/01/2027\nBoth Ltd,11/12/2027\n';
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'ambiguous.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  const preview = page.getByRole('region', { name: 'CSV import preview' });
  await preview.waitFor();
  // The order's whole label shows, not cut by its box.
  const [need, box] = await page.locator('#csv-order').evaluate((s) => {
    const ctx = document.createElement('canvas').getContext('2d');
    ctx.font = getComputedStyle(s).font;
    const st = getComputedStyle(s);
    // The text's width, its padding and about 20 px for the arrow.
    return [ctx.measureText(s.selectedOptions[0].text).width + parseFloat(st.paddingLeft) + parseFloat(st.paddingRight) + 20, s.clientWidth];
  });
  assert.ok(need <= box, `the order's box is ${box} px for ${Math.round(need)} px of text`);
  assert.match(await preview.innerText(), /Every date in the file reads both ways; slashes usually mean month first, dots day first\. Check how the dates below are read\./);
  const cell = page.locator('tr[data-row="2"] td').nth(2);
  assert.equal(await cell.innerText(), '03/01/2027\nread as 1 Mar 2027');
  await page.locator('#csv-order').selectOption('day_first');
  await page.waitForFunction(() => document.querySelector('tr[data-row="2"]')?.textContent.includes('read as 3 Jan 2027'));
  assert.equal(await page.locator('tr[data-row="3"] td').nth(2).innerText(), '11/12/2027\nread as 11 Dec 2027');
  await shot(page, 'csv-ambiguous-dates');
  assert.deepEqual(errors, []);
});

test('A day-first semicolon export with a byte order mark, with renewals near: earlier steps marked done before', async () => {
  const { page, errors } = await newPage(env);
  await clearWorkspace(page);
  const d = (days) => {
    const x = new Date();
    x.setDate(x.getDate() + days);
    return `${pad(x.getDate())}.${pad(x.getMonth() + 1)}.${x.getFullYear()}`;
  };
  const text = `\u{feff}Record ID;Company name;ARR;Renewal date\r\n9001;Nahe GmbH;48.000,00 €;${d(40)}\r\n9002;Fern AG;52.500 €;${d(300)}\r\n`;
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'hubspot.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await page.getByRole('region', { name: 'CSV import preview' }).waitFor();
  assert.match(await page.getByRole('region', { name: 'CSV import preview' }).innerText(), /cells separated by semicolons/);
  assert.equal(await page.locator('#csv-col-1').inputValue(), 'name');
  assert.equal(await page.locator('#csv-order').inputValue(), 'day_first');
  assert.match(await page.locator('.csv-mid-cycle').innerText(), /^1 account renews soon enough/);
  assert.equal(await page.locator('#csv-done-before').isChecked(), true);
  await shot(page, 'csv-mid-cycle');
  await page.getByRole('button', { name: 'Import 2 accounts' }).click();
  await page.getByRole('status', { name: 'Import report' }).getByText('Earlier renewal steps marked done before on 1 account').waitFor();
  await saved(page);
  const ws = (await stored(page)).workspace;
  const near = ws.accounts.find((a) => a.name === 'Nahe GmbH');
  assert.equal(near.arr, 48000);
  // T-90 and T-60 (6 tasks) done, each on its due day.
  assert.equal(near.renewal.done.length, 6);
  await open(page, env.base, '/');
  await page.getByRole('link', { name: 'Nahe GmbH', exact: true }).click();
  await page.getByRole('link', { name: 'Renewal', exact: true }).click();
  await page.locator('.rstatus-card').waitFor();
  assert.match(await page.locator('.rstatus-card .rstatus').innerText(), /On track/);
  assert.deepEqual(errors, []);
});

test('A field chosen for two columns is refused at the column just changed; a file without a name column says so under the table', async () => {
  const { page, errors } = await newPage(env);
  await open(page, env.base, '/data');
  const csv = 'Account Name,ARR,Billing City\r\nSolo Co,5000,Austin\r\n';
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'book.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = page.getByRole('region', { name: 'CSV import preview' });
  await preview.waitFor();
  const city = page.locator('#csv-col-2');
  assert.equal(await city.inputValue(), 'ignore');
  assert.equal(await city.getAttribute('aria-invalid'), 'false');
  await preview.getByRole('button', { name: 'Import 1 account' }).waitFor();

  // The city column labelled by its header, given the name too: refused there, nothing to import.
  await page.getByLabel('Billing City').selectOption('name');
  await page.locator('#csv-col-2-err').getByText('Account name is chosen for 2 columns (Account Name, Billing City): keep it on one.').waitFor();
  assert.equal(await city.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#csv-col-0').getAttribute('aria-invalid'), 'false');
  assert.equal(await preview.getByRole('button', { name: /^Import/ }).count(), 0);
  await shot(page, 'csv-mapping-refused');

  // Set back: the message goes, the import is offered again.
  await page.getByLabel('Billing City').selectOption('ignore');
  await preview.getByRole('button', { name: 'Import 1 account' }).waitFor();
  assert.equal(await page.locator('#csv-col-2-err').innerText(), '');
  assert.equal(await city.getAttribute('aria-invalid'), 'false');

  // No column the planner reads as the name: the preview says so under the table.
  await page.getByLabel('CSV file to import').setInputFiles({ name: 'no-name.csv', mimeType: 'text/csv', buffer: Buffer.from('Region,ARR\r\nWest,5000\r\n') });
  await page.locator('.csv-mapping-error').getByText('Choose the column that holds the account name.').waitFor();
  await page.getByLabel('Region').selectOption('name');
  await preview.getByRole('button', { name: 'Import 1 account' }).waitFor();
  assert.equal(await page.locator('.csv-mapping-error').count(), 0);
  assert.deepEqual(errors, []);
});
