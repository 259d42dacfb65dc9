// Practice: review ten cards with the keyboard (a failed card comes back), reload keeps the
// due counts, export and import carry the review state, a 3-question mock interview, a
// drill answered wrong and right with its explanation, a drill replayed from its URL, the
// question bank filter; screenshots at phone (375 px) and desktop widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, newPage, open, shot, saved, stored, shotsDir } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const deck = (page, id) => page.locator(`li.pr-deck[data-deck="${id}"]`);
async function counts(page, id) {
  const d = deck(page, id);
  return [await d.getByTestId('pr-due').innerText(), await d.getByTestId('pr-new').innerText()];
}
async function openPractice(page, p = '/practice') {
  await open(page, env.base, p);
  await page.locator('.pr-page').waitFor();
  await page.waitForFunction(() => !document.querySelector('.pr-loading'));
}

async function reviewTen(page) {
  await openPractice(page, '/practice/review?deck=vocabulary');
  const front = page.getByTestId('pr-front');
  await front.waitFor();
  assert.match(await page.locator('.pr-progress').innerText(), /10 cards left/);
  const first = await front.innerText();
  // Space shows the answer; the buttons show the wait each grade gives.
  await page.keyboard.press('Space');
  await page.getByTestId('pr-back').waitFor();
  assert.match(await page.locator('[data-grade="again"]').innerText(), /1 min/);
  assert.match(await page.locator('[data-grade="good"]').innerText(), /10 min/);
  assert.match(await page.locator('[data-grade="easy"]').innerText(), /15 days/);
  await shot(page, 'practice-review');
  await page.keyboard.press('1'); // Again: it must come back in this session
  for (let i = 0; i < 9; i++) {
    await page.getByTestId('pr-back').waitFor({ state: 'detached' });
    assert.notEqual(await front.innerText(), first);
    await page.keyboard.press('Space');
    await page.getByTestId('pr-back').waitFor();
    await page.keyboard.press('4');
  }
  // The failed card comes back before the session ends; Good moves it on by days.
  await page.getByTestId('pr-back').waitFor({ state: 'detached' });
  assert.equal(await front.innerText(), first);
  assert.match(await page.locator('.pr-progress').innerText(), /1 card left · 10 done/);
  await page.keyboard.press('Space');
  await page.getByTestId('pr-back').waitFor();
  await page.keyboard.press('3');
  await page.getByTestId('pr-done').waitFor();
  assert.match(await page.getByTestId('pr-done').innerText(), /11 reviews done, 1 graded Again/);
  await saved(page);
}

test('review ten cards with the keyboard; reload keeps the due counts and the state is stored', async () => {
  const { page, errors, context } = await newPage(env);
  await openPractice(page);
  assert.deepEqual(await counts(page, 'vocabulary'), ['0 due', '10 new']);
  await shot(page, 'practice-home-desktop');
  await reviewTen(page);
  await openPractice(page);
  const after = await counts(page, 'vocabulary');
  assert.deepEqual(after, ['0 due', '0 new'], "today's ten new cards are used");
  assert.deepEqual(await counts(page, 'kpis'), ['0 due', '0 new'], 'the cap is for all decks');
  // Nothing to study: it says when the next card comes back, not just "tomorrow".
  assert.match(await page.getByTestId('pr-all-due').innerText(),
    /^Nothing to review right now\. Today's new cards are done; more come tomorrow\. The next card comes back (tomorrow at \d\d:\d\d|on \d+ \w+ \d{4})\. Meanwhile, try a drill or a mock interview\.$/);
  await page.reload();
  await page.waitForFunction(() => !document.querySelector('.pr-loading'));
  await deck(page, 'vocabulary').waitFor();
  assert.deepEqual(await counts(page, 'vocabulary'), after);
  const doc = await stored(page);
  assert.equal(doc.version, 3);
  assert.equal(doc.practice.reviews.length, 11);
  assert.equal(doc.practice.cards.length, 10);
  // Charts are drawn, with no inline style attribute.
  const svg = await page.locator('.pr-chart svg').first().evaluate((e) => e.outerHTML);
  assert.doesNotMatch(svg, /style=/);
  await shot(page, 'practice-home-after');
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, 'practice-home-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, 'the page does not scroll sideways on a phone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('export and import carry the review state', async () => {
  const { page, errors, context } = await newPage(env);
  await reviewTen(page);
  await open(page, env.base, '/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export workspace' }).click(),
  ]);
  const file = path.join(shotsDir, 'practice-export.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(exported.practice.reviews.length, 11);
  // Clearing the accounts keeps the practice.
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.getByRole('button', { name: 'Yes, clear everything' }).click();
  await saved(page);
  assert.deepEqual((await stored(page)).practice, exported.practice);
  // A fresh browser starts with nothing practised; importing the file brings it all.
  const fresh = await newPage(env);
  await openPractice(fresh.page);
  assert.deepEqual(await counts(fresh.page, 'vocabulary'), ['0 due', '10 new']);
  await open(fresh.page, env.base, '/data');
  await fresh.page.getByLabel('Workspace file to import').setInputFiles(file);
  await fresh.page.getByRole('button', { name: 'Replace my workspace' }).click();
  await saved(fresh.page);
  assert.deepEqual((await stored(fresh.page)).practice, exported.practice);
  await openPractice(fresh.page);
  assert.deepEqual(await counts(fresh.page, 'vocabulary'), ['0 due', '0 new']);
  // Reset on the Practice page, after a confirmation.
  await fresh.page.getByRole('button', { name: 'Reset practice progress' }).click();
  await fresh.page.getByRole('button', { name: 'Yes, reset my practice' }).click();
  await saved(fresh.page);
  assert.equal((await stored(fresh.page)).practice, undefined);
  assert.deepEqual(await counts(fresh.page, 'vocabulary'), ['0 due', '10 new']);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 3-question mock interview: countdown, pause, skip, self-check, attempt kept', async () => {
  const { page, errors, context } = await newPage(env);
  await openPractice(page, '/practice/mock');
  await page.getByLabel('Questions').selectOption('3');
  await page.getByLabel('Time per question').selectOption('60');
  await page.getByRole('button', { name: 'Start the interview' }).click();
  const countdown = page.getByTestId('pr-countdown');
  await countdown.waitFor();
  assert.match(await page.getByTestId('pr-mock-question').innerText(), /Question 1 of 3/);
  await page.waitForFunction(() => /0 min 5\d s|5\d s/.test(document.querySelector('[data-testid=pr-countdown]').textContent));
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByText('(paused)').waitFor();
  const paused = await countdown.innerText();
  await page.waitForTimeout(1500);
  assert.equal(await countdown.innerText(), paused, 'a paused countdown stands still');
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByLabel('Notes or a written answer (not saved)').fill('Start from their goals, then map the people.');
  await shot(page, 'practice-mock-question');
  await page.getByRole('button', { name: 'Done: check my answer' }).click();
  const points = page.locator('.pr-point input');
  const n1 = await points.count();
  assert.ok(n1 >= 3);
  await points.nth(0).check();
  await points.nth(1).check();
  await shot(page, 'practice-mock-check');
  await page.getByRole('button', { name: 'Next question' }).click();
  assert.match(await page.getByTestId('pr-mock-question').innerText(), /Question 2 of 3/);
  await page.getByRole('button', { name: 'Skip' }).click();
  assert.match(await page.getByTestId('pr-mock-question').innerText(), /Question 3 of 3/);
  await page.getByRole('button', { name: 'Done: check my answer' }).click();
  const n3 = await points.count();
  for (let i = 0; i < n3; i++) await points.nth(i).check();
  await page.getByRole('button', { name: 'Finish' }).click();
  const done = page.getByTestId('pr-mock-done');
  await done.waitFor();
  assert.match(await done.innerText(), /3 questions in .*1 skipped/);
  await saved(page);
  const mocks = (await stored(page)).practice.mocks;
  assert.equal(mocks.length, 1);
  assert.equal(mocks[0].questions, 3);
  assert.equal(mocks[0].skipped, 1);
  assert.equal(mocks[0].points_hit, 2 + n3);
  assert.ok(mocks[0].seconds >= 1, "time spent answering is counted");
  assert.match(await page.locator('.pr-mock .pr-chart').innerText(), /%/);
  await shot(page, 'practice-mock-done');
  assert.deepEqual(errors, []);
  await context.close();
});

async function answer(page, choose) {
  const parts = page.locator('fieldset.pr-part');
  for (let i = 0; i < await parts.count(); i++) {
    const labels = parts.nth(i).locator('label.pr-choice');
    const texts = await labels.allInnerTexts();
    await labels.nth(choose(i, texts)).locator('input').check();
  }
  await page.getByRole('button', { name: 'Check' }).click();
  await page.getByTestId('pr-explain').waitFor();
  const verdicts = await page.getByTestId('pr-verdict').allInnerTexts();
  return verdicts;
}

test('a drill answered wrong, then right from its replay URL, explained each time; scores per kind', async () => {
  const { page, errors, context } = await newPage(env);
  const url = '/practice/drill?kind=renewal&seed=4242';
  await openPractice(page, url);
  const facts = await page.locator('.pr-facts').innerText();
  assert.match(facts, /Renewal date/);
  // First try: the first choice everywhere.
  let chosen = [];
  let verdicts = await answer(page, (i, texts) => { chosen[i] = texts[0]; return 0; });
  const right = verdicts.map((v, i) => (v === 'Right.' ? chosen[i] : v.replace('Not quite. The answer: ', '')));
  assert.ok((await page.getByTestId('pr-explain').innerText()).includes('Lead time'));
  await shot(page, 'practice-drill-explained');
  const firstAllRight = verdicts.every((v) => v === 'Right.');
  // Replay the same drill from its address: the same situation.
  await openPractice(page, url);
  assert.equal(await page.locator('.pr-facts').innerText(), facts);
  if (firstAllRight) {
    // The first try happened to be right: now answer wrong on purpose.
    verdicts = await answer(page, (i, texts) => (texts[0] === right[i] ? 1 : 0));
    assert.ok(verdicts.some((v) => v.startsWith('Not quite. The answer: ')));
  } else {
    verdicts = await answer(page, (i, texts) => texts.indexOf(right[i]));
    assert.deepEqual(verdicts, ['Right.', 'Right.']);
  }
  assert.match(await page.getByTestId('pr-explain').innerText(), /Renewal timeline so far: 1 of 2 right/);
  await saved(page);
  const drills = (await stored(page)).practice.drills;
  assert.deepEqual(drills, [{ kind: 'renewal', right: 1, tried: 2 }]);
  // A drill link without a seed gets one, so the address replays it.
  await openPractice(page, '/practice/drill?kind=health');
  await page.waitForURL(/kind=health&seed=\d+/);
  await page.locator('.pr-facts').waitFor();
  // A broken link says what is wrong.
  await openPractice(page, '/practice/drill?kind=weather');
  await page.getByText('There is no drill kind "weather"').waitFor();
  await openPractice(page, '/practice');
  assert.match(await page.getByTestId('pr-score-renewal').innerText(), /1 of 2 right/);
  await page.setViewportSize({ width: 375, height: 800 });
  await openPractice(page, url);
  await shot(page, 'practice-drill-phone');
  assert.deepEqual(errors, []);
  await context.close();
});

test('question bank filters by kind; confidence reset; phone screenshots', async () => {
  const { page, errors, context } = await newPage(env, { viewport: { width: 375, height: 800 } });
  await openPractice(page, '/practice/questions');
  const all = Number((await page.getByTestId('pr-question-count').innerText()).match(/\d+/)[0]);
  assert.ok(all >= 40, `${all} questions`);
  await page.getByRole('button', { name: /^Account scenario/ }).click();
  await page.waitForURL(/kind=scenario/);
  const shown = await page.locator('li.pr-question').count();
  assert.ok(shown >= 5 && shown < all);
  assert.equal(await page.locator('li.pr-question:not([data-kind="scenario"])').count(), 0);
  await page.locator('li.pr-question summary').first().click();
  await page.getByText('A strong answer covers').first().waitFor();
  await shot(page, 'practice-questions-phone');
  await openPractice(page, '/practice/reset');
  await page.getByText('Two minutes before you go in').waitFor();
  await shot(page, 'practice-reset-phone');
  await openPractice(page, '/practice/review?deck=kpis');
  await page.keyboard.press('Space');
  await page.getByTestId('pr-back').waitFor();
  await shot(page, 'practice-review-phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the decks open without a connection once they were fetched on an earlier visit', async () => {
  // The app's own copy of the content, without the service worker (which caches it too:
  // tests/e2e/offline.test.mjs).
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  await openPractice(page);
  const online = await counts(page, 'vocabulary');
  // A later visit: the app is open, then the connection drops for the content before
  // Practice is opened. (Only the content: without a service worker the Practice page's
  // own code, loaded on demand, needs the network too; docs/build.md.)
  const offlineContent = (p) => p.route(/\/practice\/[^/]*\.json$/, (r) => r.abort('internetdisconnected'));
  const later = await context.newPage();
  await open(later, env.base, '/');
  await page.close();
  await offlineContent(later);
  await later.locator('nav.mainnav a[href="/practice"]').click();
  await later.locator('.pr-page').waitFor();
  await later.waitForFunction(() => !document.querySelector('.pr-loading'));
  assert.deepEqual(await counts(later, 'vocabulary'), online);
  // Without the kept copy the same path fails: a fresh context has none.
  const fresh = await newPage(env, { serviceWorkers: 'block' });
  await open(fresh.page, env.base, '/');
  await offlineContent(fresh.page);
  await fresh.page.locator('nav.mainnav a[href="/practice"]').click();
  await fresh.page.waitForFunction(() => !document.querySelector('.pr-loading'));
  assert.equal(await fresh.page.locator('li.pr-deck').count(), 0);
  await fresh.context.close();
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});
