// Focus placed on purpose after inline confirmations and list changes (docs/accessibility.md):
// asking puts the cursor on Cancel, Cancel puts it back on the button that asked, a removal
// puts it on the next item (the previous one at the end, the Add button when none is left),
// a move keeps it on the moved item; never on <body>. And the one toast: its time stands
// still while it is hovered. No console errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, newPage, open, shot, saved } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const NORTHWIND = 1;

/** What has the focus, by its accessible name; "BODY" when nothing does. Waits a frame. */
async function focused(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return 'BODY';
    return a.getAttribute('aria-label') || (a.labels && a.labels[0] ? a.labels[0].textContent.trim() : a.textContent.trim());
  });
}

test('inline confirmations and the item editor put the focus somewhere on purpose, never on the page', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${NORTHWIND}/plan`);
  const risks = page.locator('.risks-table');
  await risks.waitFor();
  const row = (text) => risks.locator('tbody tr', { hasText: text });
  const first = 'New CFO is reviewing every software contract';
  const second = 'Only the COO speaks up for us at board level';
  const third = 'ERP export failed at month-end close';

  // Asking: the cursor is on Cancel; Cancel: back on Remove, nothing removed.
  await row(second).getByRole('button', { name: 'Remove' }).click();
  assert.equal(await focused(page), 'Cancel');
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), 'Remove');
  assert.equal(await row(second).count(), 1);

  // A move keeps the focus on the item moved.
  await row(first).getByRole('button', { name: `Move risk ${first} down` }).click();
  assert.equal(await focused(page), `Move risk ${first} down`);
  assert.match(await risks.locator('tbody tr').nth(1).innerText(), /New CFO/);
  // Moved to the end: its Down is disabled, so the focus goes to its Up.
  await page.keyboard.press('Enter');
  assert.equal(await focused(page), `Move risk ${first} up`);
  assert.match(await risks.locator('tbody tr').nth(2).innerText(), /New CFO/);

  // Removed: the next item's Edit has the focus; at the end, the previous one's.
  await row(second).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  assert.equal(await row(second).count(), 0);
  assert.equal(await focused(page), `Edit risk ${third}`);
  await row(first).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  assert.equal(await focused(page), `Edit risk ${third}`);
  // The last one gone: the Add button.
  await row(third).getByRole('button', { name: 'Remove' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  assert.equal(await focused(page), 'Add a risk');
  await page.getByText('No risks listed.').waitFor();

  // A form opened and cancelled: back on the button that opened it.
  await page.getByRole('button', { name: 'Edit goal 2' }).click();
  assert.equal(await focused(page), "Goal, in the customer's words");
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await focused(page), 'Edit goal 2');
  await shot(page, 'focus-after-removal');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Yes pressed before the next frame (a double click on a slow phone) removes the item and stops nothing', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${NORTHWIND}/plan`);
  const risks = page.locator('.risks-table');
  await risks.waitFor();
  const second = 'Only the COO speaks up for us at board level';
  const third = 'ERP export failed at month-end close';
  // Remove, then Yes as soon as it is drawn: both in one task, before any frame (the
  // question's own "cursor on Cancel" comes at the next frame, after the answer).
  const answered = await page.evaluate(async (text) => {
    const row = [...document.querySelectorAll('.risks-table tbody tr')].find((r) => r.textContent.includes(text));
    [...row.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Remove').click();
    for (let i = 0; i < 200; i++) {
      const yes = [...row.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Yes, remove it');
      if (yes) { yes.click(); return true; }
      await Promise.resolve();
    }
    return false;
  }, second);
  assert.equal(answered, true, 'the question was drawn within the task');
  assert.equal(await focused(page), `Edit risk ${third}`);
  assert.equal(await risks.locator('tbody tr', { hasText: second }).count(), 0);
  assert.equal(await page.locator('body.panicked').count(), 0, 'the planner did not stop');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with late frames, a tab clicked or a filter typed in before the new page\'s heading took the focus keeps it', async () => {
  // Frames 300 ms late: the heading's focus, waiting a frame at a time for the page's
  // code, comes after the user's click on one of its tabs.
  const { page, errors, context } = await newPage(env, { frameDelayMs: 300 });
  await open(page, env.base, '/');
  await page.locator('table.accounts tbody th a').first().click();
  const health = page.getByRole('link', { name: 'Health', exact: true });
  await health.focus();
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Health');
  // Typing into the portfolio's filter as soon as it shows: every key lands in the box
  // (the heading took the focus between keys, and "13" then Backspace left "13" or "").
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
  const search = page.getByPlaceholder('Filter by name, industry or owner');
  await search.pressSequentially('13');
  await search.press('Backspace');
  await page.waitForTimeout(1500);
  assert.equal(await search.inputValue(), '1');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the toast stays while hovered, goes once the pointer leaves; its Undo works after leaving the page', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${NORTHWIND}/stakeholders`);
  await page.locator('.pg-dot').first().waitFor();
  await page.getByRole('button', { name: 'Mark map reviewed' }).click();
  const toast = page.locator('.toast-host .toast');
  await toast.getByText(/^Map marked reviewed today/).waitFor();
  await toast.hover();
  await page.waitForTimeout(9000);
  assert.equal(await toast.count(), 1, 'a hovered toast stays past its 8 seconds');
  await page.mouse.move(5, 5);
  await toast.waitFor({ state: 'detached', timeout: 12000 });

  // An account deleted, then Undo on the portfolio (the account page is gone by then).
  await open(page, env.base, `/accounts/${NORTHWIND}`);
  await page.getByRole('button', { name: 'Delete account' }).click();
  await toast.getByText(/^Deleted /).waitFor();
  await toast.getByRole('button', { name: 'Undo' }).click();
  await toast.getByText(/^Restored /).waitFor();
  await page.locator('tr', { hasText: 'Northwind Logistics' }).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

/** Where the focus is: "BODY", or the element's tag, name and whether it is inside `main`. */
async function focusPlace(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const a = document.activeElement;
    if (!a || a === document.body) return { where: 'BODY' };
    return { where: a.closest('main') ? 'main' : 'outside main', tag: a.tagName, name: (a.getAttribute('aria-label') || a.textContent).trim().slice(0, 60) };
  });
}

test('a removal on any tab leaves the focus near where the item was, never on the page; Escape backs out of the question', async () => {
  const { page, errors, context } = await newPage(env);
  await open(page, env.base, `/accounts/${NORTHWIND}/renewal`);
  // A task of one's own, so the renewal has something to remove.
  const add = page.locator('form.add-task').first();
  await add.getByRole('textbox').fill('Send the reference customer list');
  await add.getByRole('button', { name: 'Add' }).click();
  await page.getByText('Send the reference customer list').waitFor();

  const cases = [
    ['renewal', page.locator('li.task', { hasText: 'Send the reference customer list' }).getByRole('button', { name: 'Remove' })],
    ['commitments', page.locator('main').getByRole('button', { name: 'Remove', exact: true }).first()],
    ['escalations', page.locator('main').getByRole('button', { name: 'Remove', exact: true }).first()],
    ['expansion', page.locator('main').getByRole('button', { name: 'Remove', exact: true }).first()],
    ['white-space', page.locator('main').getByRole('button', { name: /^Remove / }).first()],
    ['qbr', page.locator('main').getByRole('button', { name: 'Delete this QBR' }).first()],
  ];
  for (const [tab, opener] of cases) {
    if (tab !== 'renewal') await open(page, env.base, `/accounts/${NORTHWIND}/${tab}`);
    await opener.waitFor();
    const label = (await opener.innerText()).trim();
    // Escape: the question goes, the cursor is back on the button that asked.
    await opener.click();
    assert.equal(await focused(page), 'Cancel', `${tab}: asking`);
    await page.keyboard.press('Escape');
    assert.equal(await focused(page), label, `${tab}: after Escape`);
    await page.keyboard.press('Enter');
    assert.equal(await focused(page), 'Cancel', `${tab}: asking again`);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    const place = await focusPlace(page);
    assert.notEqual(place.where, 'BODY', `${tab}: after the removal`);
    assert.equal(place.where, 'main', `${tab}: after the removal, in the page (${JSON.stringify(place)})`);
  }
  await saved(page);
  assert.deepEqual(errors, []);
  await context.close();
});
