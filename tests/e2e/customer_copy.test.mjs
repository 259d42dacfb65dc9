// The customer copy (docs/audience.md): fill internal notes, risks, sentiments and health
// on an account through the UI, then hand the plan and a QBR out as the customer copy
// (Markdown copied and downloaded, the preview, print emulation) and check that no
// internal marker leaves; the internal version says so. Then print every account tab and
// the Renewals page: readable, names as text, labelled internal. Screenshots in target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, newPage, open, shot, saved, clipboardPage, download } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const NORTHWIND = 1;

// Internal texts typed through the UI: none of them may reach a customer copy.
const INTERNAL = {
  accountNotes: 'INTERNAL-01 renewal leverage notes',
  personNotes: 'INTERNAL-02 hates long decks',
  personWin: 'INTERNAL-03 wants a promotion',
  personRisk: 'INTERNAL-04 fears lock-in',
  risk: 'INTERNAL-05 budget freeze in Q1',
  mitigation: 'INTERNAL-06 offer a two-year price lock',
  overview: 'INTERNAL-07 our read of the account',
  qbrNotes: 'INTERNAL-08 push the warehouse pilot',
};
// Words of our own vocabulary that must not leave either.
const INTERNAL_WORDS = ['Health:', 'Needs attention', 'Tier ', 'Blocker', 'Detractor', 'sentiment',
  'Influence', 'SWOT', 'Mitigation', 'No goal yet', 'Preparation', 'Helena Brandt'];

const NEW_PERSON = { name: 'Nora Quill', title: 'Head of Fleet' };
const ROADMAP = 'Fleet telematics integration in the spring release.';

/** Downloads what `trigger` starts and returns its text. */
async function downloadText(page, trigger) {
  return fs.readFileSync(await download(page, trigger), 'utf8');
}

function assertCustomerOnly(text, what) {
  for (const marker of Object.values(INTERNAL)) {
    assert.ok(!text.includes(marker), `${what}: "${marker}" leaked`);
  }
  assert.ok(!text.includes('INTERNAL-'), `${what}: an internal marker leaked`);
  for (const word of INTERNAL_WORDS) {
    assert.ok(!text.includes(word), `${what}: "${word}" is internal`);
  }
}

/** The text the printed page shows (print media emulated by the caller). */
const printedText = (page) => page.evaluate(() => document.body.innerText);

async function fillInternals(page) {
  // Account notes (Overview tab).
  await open(page, env.base, `/accounts/${NORTHWIND}`);
  await page.locator('#f-notes').fill(INTERNAL.accountNotes);
  await page.locator('#f-notes').press('Tab');
  await saved(page);

  // A health check-in with a middling score.
  await page.getByRole('link', { name: 'Health', exact: true }).click();
  const form = page.locator('form', { has: page.getByRole('button', { name: 'Save check-in' }) });
  await form.getByLabel('Seats active weekly (%)').fill('60');
  await form.getByLabel('Core features in use').fill('1');
  await form.getByLabel("Main contact's NPS (0-10)").fill('6');
  await form.getByLabel('Ticket trend').selectOption('increasing');
  await form.getByLabel('Success targets met (%)').fill('65');
  await form.getByRole('button', { name: 'Save check-in' }).click();
  await saved(page);

  // A new person: a blocker and detractor, with notes, personal win and key risk.
  await page.getByRole('link', { name: 'Stakeholders', exact: true }).click();
  await page.locator('.people-head').getByRole('button', { name: 'Add person' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a person' });
  await dialog.getByLabel('Name', { exact: true }).fill(NEW_PERSON.name);
  await dialog.getByLabel('Title').fill(NEW_PERSON.title);
  await dialog.getByRole('checkbox', { name: /^Blocker/ }).check();
  await dialog.getByLabel('Influence (1-5)').selectOption('5');
  await dialog.getByLabel('Sentiment').selectOption('detractor');
  await dialog.getByLabel('Personal win').fill(INTERNAL.personWin);
  await dialog.getByLabel('Key risk').fill(INTERNAL.personRisk);
  await dialog.getByLabel('Notes').fill(INTERNAL.personNotes);
  await dialog.getByRole('button', { name: 'Add person' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.pg-dot', { hasText: NEW_PERSON.name }).waitFor();

  // The plan: our overview and a risk with its mitigation.
  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  await page.getByLabel('Where the account stands').fill(INTERNAL.overview);
  await page.getByLabel('Where the account stands').press('Tab');
  await page.getByRole('button', { name: 'Add a risk' }).click();
  await page.getByLabel('Risk', { exact: true }).fill(INTERNAL.risk);
  await page.locator('#risk-mitigation').fill(INTERNAL.mitigation);
  await page.getByRole('button', { name: 'Save risk' }).click();
  await page.getByText(INTERNAL.mitigation).first().waitFor();
  await saved(page);
}

test('the customer copy of a QBR and of the plan holds no internal fact: Markdown, preview, print', async () => {
  const { page, errors, context } = await clipboardPage(env);
  await fillInternals(page);

  // The QBR: invite the new person, write the roadmap and our notes, refill both texts.
  await page.getByRole('link', { name: 'QBR', exact: true }).click();
  const editor = page.locator('.qbr-editor');
  await editor.getByRole('checkbox', { name: new RegExp(NEW_PERSON.name) }).check();
  await page.getByLabel('Roadmap and opportunities').fill(ROADMAP);
  await page.getByLabel('Roadmap and opportunities').press('Tab');
  await page.getByLabel("Your notes (not in the customer's copy)").fill(INTERNAL.qbrNotes);
  await page.getByLabel("Your notes (not in the customer's copy)").press('Tab');
  for (const label of ['Refill from success metrics', 'Refill from open items']) {
    await page.getByRole('button', { name: label }).click();
    await page.getByRole('button', { name: 'Yes, refill' }).click();
  }
  await saved(page);
  const value = await page.getByLabel('Value delivered against the targets').inputValue();
  const challenges = await page.getByLabel('Challenges and open issues').inputValue();
  assert.match(value, /On-time deliveries: 92.5% against a target of 95% \(not met yet\)/);
  assert.ok(challenges.length > 0, 'challenges refilled');
  for (const text of [value, challenges]) {
    assert.doesNotMatch(text, /Health|score|Needs attention|What we do/, 'refills use customer facts only');
    assert.ok(!text.includes(INTERNAL.mitigation) && !text.includes(INTERNAL.risk));
  }

  // Markdown, copied: the customer copy is picked first.
  const out = page.locator('.doc-out');
  await out.getByRole('button', { name: 'Copy Markdown' }).click();
  await page.getByText('The customer copy of the QBR is copied as Markdown.').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^# Quarterly business review: Northwind Logistics\n\n_Prepared for Northwind Logistics._/);
  assert.ok(copied.includes(`${NEW_PERSON.name} (${NEW_PERSON.title})`), 'invited: name and title');
  assert.ok(copied.includes(ROADMAP));
  assert.ok(copied.includes('On-time deliveries: 92.5% against a target of 95%'));
  assertCustomerOnly(copied, 'QBR Markdown (copied)');
  // Downloaded: the same text.
  const downloaded = await downloadText(page, () => out.getByRole('button', { name: 'Download .md' }).click());
  assert.equal(downloaded, copied);
  // The preview says what it is and shows the same document.
  await out.getByRole('button', { name: 'Preview' }).click();
  await out.getByText('Preview of the customer copy: exactly what is copied, downloaded and printed.').waitFor();
  const preview = await out.locator('.doc').innerText();
  assert.ok(preview.includes(ROADMAP) && preview.includes('Prepared for Northwind Logistics.'));
  assertCustomerOnly(preview, 'QBR preview');
  // Print: the document alone, every written section, invited people only, no checklist.
  await page.emulateMedia({ media: 'print' });
  const printed = await printedText(page);
  assert.match(printed, /Quarterly business review: Northwind Logistics/);
  for (const section of ['Agenda', 'Value delivered', 'Challenges and open issues', 'Roadmap and opportunities']) {
    assert.ok(printed.includes(section), `${section} prints`);
  }
  assert.ok(printed.includes(ROADMAP) && printed.includes('92.5%'), 'the text of the sections prints');
  assert.ok(printed.includes(NEW_PERSON.name));
  assertCustomerOnly(printed, 'QBR print');
  assert.ok(!printed.includes('Usage numbers and ROI pulled'), 'no prep checklist');
  await shot(page, 'customer-qbr-print');
  await page.emulateMedia({ media: 'screen' });

  // The internal version is labelled internal and holds our notes.
  await out.getByLabel(/^Internal/).check();
  await out.getByText('Preview of the internal version').waitFor();
  const internal = await out.locator('.doc').innerText();
  assert.match(internal, /^Quarterly business review \(internal\): Northwind Logistics/);
  assert.ok(internal.includes('Internal: not for the customer.'));
  assert.ok(internal.includes(INTERNAL.qbrNotes));

  // The plan.
  await page.getByRole('link', { name: 'Plan', exact: true }).click();
  const planOut = page.locator('.doc-out');
  await planOut.getByRole('button', { name: 'Copy Markdown' }).click();
  await page.getByText('The customer copy of the plan is copied as Markdown.').waitFor();
  const planMd = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(planMd, /^# Account plan: Northwind Logistics\n\n_Prepared for Northwind Logistics._/);
  assert.match(planMd, /^## Your strategic goals$/m);
  assert.match(planMd, /^## Success metrics$/m);
  assertCustomerOnly(planMd, 'plan Markdown');
  const planFile = await downloadText(page, () => planOut.getByRole('button', { name: 'Download .md' }).click());
  assert.equal(planFile, planMd);
  await page.emulateMedia({ media: 'print' });
  const planPrinted = await printedText(page);
  assert.match(planPrinted, /Account plan: Northwind Logistics/);
  assert.ok(planPrinted.includes('Your strategic goals'));
  assertCustomerOnly(planPrinted, 'plan print');
  await shot(page, 'customer-plan-print');
  await page.emulateMedia({ media: 'screen' });
  await planOut.getByLabel(/^Internal/).check();
  await page.emulateMedia({ media: 'print' });
  const planInternal = await printedText(page);
  assert.match(planInternal, /Account plan \(internal\): Northwind Logistics/);
  assert.ok(planInternal.includes(INTERNAL.mitigation), 'the internal print holds our risks');
  await shot(page, 'internal-plan-print');
  await page.emulateMedia({ media: 'screen' });

  assert.deepEqual(errors, []);
  await context.close();
});

test('every account tab and the Renewals page print readably, as internal pages', async () => {
  const { page, errors, context } = await newPage(env);
  const tabs = ['', 'health', 'stakeholders', 'renewal', 'expansion', 'qualify', 'save-plan'];
  for (const tab of tabs) {
    await open(page, env.base, `/accounts/${NORTHWIND}${tab ? `/${tab}` : ''}`);
    await page.locator('.account-head h1').waitFor();
    await page.waitForTimeout(300);
    await page.emulateMedia({ media: 'print' });
    const text = await printedText(page);
    assert.ok(text.includes('Internal: not for the customer.'), `${tab || 'overview'} says it is internal`);
    assert.ok(text.includes('Northwind Logistics'), `${tab || 'overview'} names the account`);
    // No action button prints; values kept in fields print as plain text.
    const controls = await page.evaluate(() => [...document.querySelectorAll('.btn, .item-form')]
      .filter((el) => el.getClientRects().length > 0).length);
    assert.equal(controls, 0, `${tab || 'overview'}: no button or add form prints`);
    const framed = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).borderTopStyle !== 'none'
        && getComputedStyle(el).borderTopWidth !== '0px').length);
    assert.equal(framed, 0, `${tab || 'overview'}: fields print as text, without a frame`);
    if (tab === 'stakeholders') {
      // People print as names: on the grid and in the risk list.
      const names = await page.locator('.pg-dot .pg-name').evaluateAll((els) =>
        els.filter((e) => e.getClientRects().length > 0).map((e) => e.textContent.trim()));
      assert.ok(names.includes('Tomas Okafor') && names.includes('Mei Lin'), `grid names print: ${names}`);
      const pills = await page.locator('.person-pill').evaluateAll((els) =>
        els.filter((e) => e.getClientRects().length > 0).map((e) => e.textContent.trim()));
      assert.ok(pills.length > 0 && pills.every((n) => n.length > 0), `risk list names print: ${pills}`);
    }
    await shot(page, `print-tab-${tab || 'overview'}`);
    await page.emulateMedia({ media: 'screen' });
  }
  // An open save plan (Brightpath Learning in the demo) prints its steps.
  await open(page, env.base, '/');
  await page.getByRole('link', { name: 'Brightpath Learning' }).first().click();
  await page.locator('.account-head h1').waitFor();
  await open(page, env.base, `${new URL(page.url()).pathname}/save-plan`);
  await page.locator('.account-head h1').waitFor();
  await page.waitForTimeout(300);
  await page.emulateMedia({ media: 'print' });
  const saveText = await printedText(page);
  assert.ok(saveText.includes('Internal: not for the customer.'));
  assert.ok(saveText.includes('Brightpath Learning'));
  await shot(page, 'print-tab-save-plan-open');
  await page.emulateMedia({ media: 'screen' });

  await open(page, env.base, '/renewals');
  await page.locator('.renewals-page h1').waitFor();
  await page.waitForTimeout(300);
  await page.emulateMedia({ media: 'print' });
  const text = await printedText(page);
  assert.ok(text.includes('Internal: not for the customer.'));
  assert.ok(text.includes('Renewals'));
  await shot(page, 'print-renewals');
  assert.deepEqual(errors, []);
  await context.close();
});
