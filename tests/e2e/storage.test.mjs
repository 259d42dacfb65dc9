// Storage flows (docs/storage.md): two tabs editing in turn and at once (nothing lost, both
// converge, the stale one says so, a conflict asks), a newer app in another tab, blocked
// storage (in memory, export works), unreadable data kept and offered on the Data page,
// a full store (banner, last save intact), the panic screen (and on a first visit).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, newPage, open, shot, saved, stored, storedItems } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const rows = (page) => page.locator('table.accounts tbody tr');
const names = (doc) => doc.workspace.accounts.map((a) => a.name);

/** Fills the origin's storage to the last character (keys `filler.N`). */
async function fillStorage(page) {
  await page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size = size >> 1) {
      for (;;) {
        try { localStorage.setItem(`filler.${n++}`, 'x'.repeat(size)); } catch { break; }
      }
    }
  });
}

async function accountUrl(page, name) {
  await open(page, env.base, '/');
  return rows(page).filter({ hasText: name }).getByRole('link').first().getAttribute('href');
}

/** The page (of `pages`) where `selector` shows first. */
async function either(pages, selector, timeout = 3000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const p of pages) if (await p.locator(selector).count()) return p;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${selector} shows in neither page`);
}

async function setIndustry(page, url, value) {
  if (new URL(page.url()).pathname !== url) await open(page, env.base, url);
  await page.getByLabel('Industry').fill(value);
  await page.getByLabel('Industry').press('Tab');
}

test('two tabs edit in turn and at once: nothing is lost, both converge, the stale one says so', async () => {
  const { page: a, errors: errorsA, context } = await newPage(env);
  await open(a, env.base, '/');
  await saved(a);
  const b = await context.newPage();
  const errorsB = [];
  b.on('console', (m) => { if (m.type() === 'error') errorsB.push(m.text()); });
  b.on('pageerror', (e) => errorsB.push(String(e)));
  await open(b, env.base, '/');

  // A creates an account: B shows it within a second, and says why.
  await open(a, env.base, '/accounts/new');
  await a.getByLabel('Name').fill('Made in Tab A');
  await a.getByRole('button', { name: 'Create account' }).click();
  await a.getByRole('heading', { level: 1, name: 'Made in Tab A' }).waitFor();
  await saved(a);
  await rows(b).filter({ hasText: 'Made in Tab A' }).waitFor({ timeout: 1000 });
  await b.getByText('This tab now shows the changes saved in another tab.').waitFor();
  await shot(b, 'storage-tab-b-updated');

  // B changes a weight: A has it.
  await open(b, env.base, '/settings');
  await b.getByLabel('Product usage').fill('40');
  await b.getByLabel('Product usage').press('Tab');
  await saved(b);
  await a.waitForFunction(() => true);
  await open(a, env.base, '/settings');
  assert.equal(await a.getByLabel('Product usage').inputValue(), '40');
  assert.equal((await stored(a)).workspace.settings.health.weights.usage, 40);

  // Edits in both at once, on different accounts: both kept, both tabs converge.
  const harbor = await accountUrl(a, 'Helix Biotech');
  const orbit = await accountUrl(b, 'Orbit Analytics');
  await open(a, env.base, harbor);
  await open(b, env.base, orbit);
  await setIndustry(a, harbor, 'Edited in A');
  await setIndustry(b, orbit, 'Edited in B');
  // The tab that was behind says it took the other's changes in and kept its own.
  const stale = await either([a, b], 'text=your own unsaved changes were kept');
  await shot(stale, 'storage-merged');
  await saved(a);
  await saved(b);
  await a.waitForTimeout(1200);
  const docA = await stored(a);
  const industry = (doc, name) => doc.workspace.accounts.find((x) => x.name === name).industry;
  assert.equal(industry(docA, 'Helix Biotech'), 'Edited in A');
  assert.equal(industry(docA, 'Orbit Analytics'), 'Edited in B');
  assert.ok(names(docA).includes('Made in Tab A'));
  assert.equal(docA.workspace.settings.health.weights.usage, 40);
  // What each tab shows is what is stored.
  await open(a, env.base, orbit);
  assert.equal(await a.getByLabel('Industry').inputValue(), 'Edited in B');
  await open(b, env.base, harbor);
  assert.equal(await b.getByLabel('Industry').inputValue(), 'Edited in A');

  // The same account changed in both at once: the stale tab asks which to keep.
  await open(a, env.base, harbor);
  await open(b, env.base, harbor);
  await setIndustry(a, harbor, 'A wins?');
  await setIndustry(b, harbor, 'B wins?');
  const asked = await either([a, b], '#storage-conflict');
  const mine = asked === a ? 'A wins?' : 'B wins?';
  assert.match(await asked.locator('#storage-conflict').innerText(), /Another tab saved changes to Helix Biotech while you were changing it here/);
  await shot(asked, 'storage-conflict');
  await asked.getByRole('button', { name: "Keep this tab's version" }).click();
  await asked.getByText("Kept this tab's version").waitFor();
  await saved(asked);
  await a.waitForTimeout(1200);
  assert.equal(industry(await stored(a), 'Helix Biotech'), mine);
  const other = asked === a ? b : a;
  await open(other, env.base, harbor);
  assert.equal(await other.getByLabel('Industry').inputValue(), mine);

  // A newer version of the app saves in another tab: this one stops writing and asks to reload.
  await b.evaluate(() => {
    const m = JSON.parse(localStorage.getItem('am-planner.manifest'));
    m.app = '99.0.0';
    m.rev += 1;
    localStorage.setItem('am-planner.manifest', JSON.stringify(m));
  });
  await a.locator('#storage-newer').waitFor({ timeout: 1000 });
  assert.match(await a.locator('#storage-newer').innerText(), /Reload this page/);
  const before = await storedItems(a);
  await setIndustry(a, harbor, 'Must not be written');
  await a.waitForTimeout(800);
  assert.deepEqual(await storedItems(a), before, 'an older tab writes nothing');
  await shot(a, 'storage-newer');
  assert.deepEqual(errorsA, []);
  assert.deepEqual(errorsB, []);
  await context.close();
});

test('blocked storage: the app runs in memory, says so, and export still works', async () => {
  const { page, errors, context } = await newPage(env);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  await open(page, env.base, '/');
  await page.locator('#storage-blocked').waitFor();
  assert.match(await page.locator('#storage-blocked').innerText(), /everything stays in this tab only and is lost when you close it/);
  assert.match(await page.locator('.save-indicator').innerText(), /kept in this tab only/);
  assert.equal(await rows(page).count(), 8, 'the demo, in memory');
  await shot(page, 'storage-blocked');
  await open(page, env.base, '/accounts/new');
  await page.getByLabel('Name').fill('Only In Memory');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Only In Memory' }).waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(file.format, 'am-planner-workspace');
  assert.ok(names(file).includes('Only In Memory'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unreadable stored value is kept, offered on the Data page, and removed only when discarded', async () => {
  const { page, errors, context } = await newPage(env);
  const raw = '{"format": "am-planner-workspace", "version": 1, "workspace": {"currency": "EUR", "accounts": [{"id": 1, "name": ""}]}, "padding": "' + 'x'.repeat(2_700_000) + '"}';
  // A page of the same origin where the app does not run (with its own icon, so the
  // browser asks for no /favicon.ico, which the server answers with 404).
  await page.route(env.base + '/blank', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title><link rel="icon" href="data:,">' }));
  await page.goto(env.base + '/blank');
  await page.evaluate((v) => { localStorage.clear(); localStorage.setItem('am-planner.workspace', v); }, raw);
  await open(page, env.base, '/');
  await page.locator('#storage-unreadable-kept').waitFor();
  assert.match(await page.locator('#storage-unreadable-kept').innerText(), /could not be read/);
  await shot(page, 'storage-unreadable-banner');
  // Working on: a new account is saved, the unreadable value stays as it was.
  await open(page, env.base, '/accounts/new');
  await page.getByLabel('Name').fill('Fresh Start Ltd');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Fresh Start Ltd' }).waitFor();
  await saved(page);
  assert.deepEqual(names(await stored(page)), ['Fresh Start Ltd']);
  assert.equal(await page.evaluate(() => localStorage.getItem('am-planner.workspace').length), raw.length);
  // After a reload it is still offered on the Data page, and downloads as it was.
  await open(page, env.base, '/data');
  const card = page.locator('#unreadable');
  await card.waitFor();
  assert.match(await card.innerText(), /5\.4 MB/);
  await shot(page, 'storage-unreadable-data-page');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Download the unreadable data' }).click(),
  ]);
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), raw);
  await card.getByRole('button', { name: 'Discard it' }).click();
  await page.getByRole('button', { name: 'Yes, discard it' }).click();
  await page.getByText('The unreadable data was discarded.').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('am-planner.workspace')), null);
  assert.equal(await card.count(), 0);
  assert.deepEqual(names(await stored(page)), ['Fresh Start Ltd'], 'the workspace is untouched');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a full store: the banner says how much space is needed and what to do; the last save stays', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await saved(page);
  const url = await accountUrl(page, 'Helix Biotech');
  await open(page, env.base, url);
  const before = await storedItems(page);
  await fillStorage(page);
  await page.getByLabel('Notes').fill('A longer note that needs more room than there is left in storage.');
  await page.getByLabel('Notes').press('Tab');
  await page.locator('#storage-full').waitFor();
  const text = await page.locator('#storage-full').innerText();
  assert.match(text, /Your workspace needs about \d+ KB of storage/);
  assert.match(text, /Export your workspace/);
  assert.match(await page.locator('.save-indicator').innerText(), /storage is full/);
  await shot(page, 'storage-full');
  assert.deepEqual(await storedItems(page), before, 'the last good save is intact');
  // Room again: the next change saves, the banner goes.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await page.getByLabel('Notes').fill('Now it fits.');
  await page.getByLabel('Notes').press('Tab');
  await saved(page);
  assert.equal(await page.locator('#storage-full').count(), 0);
  assert.equal((await stored(page)).workspace.accounts.find((a) => a.name === 'Helix Biotech').notes, 'Now it fits.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('an import into a full store says it is in this tab only, and why; the last save stays', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/data');
  await saved(page);
  const doc = await stored(page);
  for (const a of doc.workspace.accounts) a.notes = `Imported notes for ${a.name}: ${'more words '.repeat(40)}`;
  const before = await storedItems(page);
  await fillStorage(page);
  await page.getByLabel('Workspace file to import').setInputFiles({ name: 'book.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  const toast = page.locator('.toast');
  await toast.getByText(/In this tab only/).waitFor();
  assert.match(await toast.innerText(), new RegExp(`Imported ${doc.workspace.accounts.length} accounts from book\\.json\\. In this tab only, not saved: the browser's storage is full\\.`));
  await page.locator('#storage-full').waitFor();
  // Said at once, never "Saving…" for a save that has already failed.
  assert.match(await page.locator('.save-indicator').innerText(), /Not saved: the browser's storage is full/);
  await shot(page, 'storage-import-full');
  assert.deepEqual(await storedItems(page), before, 'the last good save is intact');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panic on a first visit, before the code that reads a save was ever fetched, offers Reload and keeps the save', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await saved(page);
  const lastSave = await stored(page);
  // No reload since the first open: this page never read what is stored.
  await page.evaluate(() => { Date.prototype.getUTCHours = () => 99; });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Renewals' }).click();
  await page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
  const screen = page.locator('#panic-screen');
  await screen.waitFor();
  const text = await screen.innerText();
  assert.match(text, /The planner stopped because of an error/);
  assert.match(text, /Reload the page to open your last save again/);
  await shot(page, 'storage-panic-first-visit');
  assert.equal(await screen.getByRole('link', { name: 'Download your data' }).count(), 0);
  assert.equal(await screen.getByRole('link', { name: 'Reload' }).getAttribute('href'), env.base + '/renewals');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await stored(page), lastSave, 'the save is as it was');
  assert.ok(errors.length > 0 && errors.every((e) => /panicked|unreachable|RuntimeError/i.test(e)), errors.join('\n'));
  // The next load reads it.
  await open(page, env.base, '/');
  await rows(page).first().waitFor();
  assert.equal(await rows(page).count(), lastSave.workspace.accounts.length);
  await context.close();
});

test('a panic shows a message with Download your data and Reload, and nothing more is saved', async () => {
  const { page, errors, context } = await newPage(env);
  await page.clock.install();
  await open(page, env.base, '/');
  await saved(page);
  const url = await accountUrl(page, 'Helix Biotech');
  await open(page, env.base, url);
  const lastSave = await stored(page);
  // Timers stop: the edit below waits for its save when the panic comes.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  await page.getByLabel('Industry').fill('Typed just before the crash');
  await page.getByLabel('Industry').press('Tab');
  await page.locator('.save-indicator').getByText('Saving').waitFor();
  // A clock the app cannot read: the calendar export panics.
  await page.evaluate(() => { Date.prototype.getUTCHours = () => 99; });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Renewals' }).click();
  await page.getByRole('button', { name: 'Download calendar (.ics)' }).click();
  const screen = page.locator('#panic-screen');
  await screen.waitFor();
  assert.match(await screen.innerText(), /The planner stopped because of an error/);
  await shot(page, 'storage-panic');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    screen.getByRole('link', { name: 'Download your data' }).click(),
  ]);
  const file = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(file, lastSave, 'the download is the last save');
  // The pending save and a page hide write nothing from the broken state.
  await page.clock.runFor(2000);
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await stored(page), lastSave);
  assert.equal(await screen.getByRole('link', { name: 'Reload' }).getAttribute('href'), env.base + '/renewals');
  // The panic itself is logged; nothing else went wrong.
  assert.ok(errors.length > 0 && errors.every((e) => /panicked|unreachable|RuntimeError/i.test(e)), errors.join('\n'));
  await context.close();
});

test('text typed and not yet left is saved when the tab reloads or closes', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, '/');
  await saved(page);
  const url = await accountUrl(page, 'Helix Biotech');
  await open(page, env.base, url);
  // The cursor stays in Notes: no `change` yet, nothing saved yet.
  await page.getByLabel('Notes').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Call summary: the CFO agreed to three years.');
  await page.reload();
  await page.getByLabel('Notes').waitFor();
  assert.match(await page.getByLabel('Notes').inputValue(), /Call summary: the CFO agreed to three years\.$/);

  // Closed with the cursor in Name: the text is there in a new tab.
  await page.getByLabel('Name').fill('Helix Biotech Europe');
  await page.close();
  const again = await context.newPage();
  await open(again, env.base, url);
  assert.equal(await again.getByLabel('Name').inputValue(), 'Helix Biotech Europe');
  // Text that its field refuses is not taken, and the stored value stays.
  await again.getByLabel('Name').fill('   ');
  await again.reload();
  await again.getByRole('heading', { level: 1, name: 'Helix Biotech Europe' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** Two tabs of one browser on the account named `name`, the demo saved first. */
async function twoTabsOn(name) {
  const { page: a, errors, context } = await newPage(env);
  await open(a, env.base, '/');
  await saved(a);
  const url = await accountUrl(a, name);
  await open(a, env.base, url);
  const b = await context.newPage();
  await open(b, env.base, url);
  return { a, b, url, errors, context };
}

test('an open form shows what another tab saved, but for the box being typed in', async () => {
  const { a, b, url, errors, context } = await twoTabsOn('Fjord Energy');
  // A is typing its notes when B renames the account and changes its industry.
  await a.getByLabel('Notes').click();
  await a.keyboard.type('Typed in A');
  await b.getByLabel('Name').fill('Fjord Energy (B)');
  await b.getByLabel('Name').press('Tab');
  await setIndustry(b, url, 'Set in B');
  await saved(b);
  await a.getByRole('heading', { level: 1, name: 'Fjord Energy (B)' }).waitFor();
  await a.waitForFunction(() => document.querySelector('#f-industry')?.value === 'Set in B');
  assert.equal(await a.getByLabel('Name').inputValue(), 'Fjord Energy (B)');
  assert.match(await a.getByLabel('Notes').inputValue(), /Typed in A$/);
  // A's next change keeps B's: the industry is not written back from a stale box.
  await a.getByLabel('Notes').press('Tab');
  await saved(a);
  await a.waitForTimeout(1200);
  const fjord = (await stored(a)).workspace.accounts.find((x) => x.name === 'Fjord Energy (B)');
  assert.equal(fjord.industry, 'Set in B');
  assert.match(fjord.notes, /Typed in A$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('while a conflict waits for a choice, leaving the tab asks first', async () => {
  const { a, b, url, errors, context } = await twoTabsOn('Quarry & Vale Legal');
  await setIndustry(a, url, 'A wins?');
  await setIndustry(b, url, 'B wins?');
  const asked = await either([a, b], '#storage-conflict');
  const dialogs = [];
  asked.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
  await asked.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(dialogs, ['beforeunload']);
  assert.equal(asked.isClosed(), false, 'the tab stays when the user stays');
  // Once chosen, the tab goes without asking.
  await asked.getByRole('button', { name: "Keep this tab's version" }).click();
  await asked.getByText("Kept this tab's version").waitFor();
  await saved(asked);
  await asked.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(dialogs, ['beforeunload']);
  assert.equal(asked.isClosed(), true);
  assert.deepEqual(errors, []);
  await context.close();
});
