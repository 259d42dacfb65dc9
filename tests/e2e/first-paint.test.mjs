// The frame index.html paints while the app's code loads (docs/build.md#the-first-paint):
// it looks like the app's own first paint, on a phone and on a desktop, so the app takes
// its place with nothing moving; it shows the demo note only on a first visit and the
// portfolio's heading only on the portfolio; it is gone once the app runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, setupWithScrollBars, newPage, open, shot, goInApp } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

/** Counts every drawing of a chart box in `window.__chartDraws` (the SVG is written as
 * its inner HTML). */
async function countChartDraws(page) {
  await page.addInitScript(() => {
    const set = Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML').set;
    window.__chartDraws = 0;
    Object.defineProperty(Element.prototype, 'innerHTML', {
      ...Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML'),
      set(v) {
        if (this.classList?.contains('chart-box')) window.__chartDraws += 1;
        set.call(this, v);
      },
    });
  });
}

/** Holds the main module's download until `release()` is called: the page shows the frame
 * of index.html meanwhile. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/am-planner_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return () => release();
}

/** Records, in each page the tab loads, the portfolio's parts in the order they first
 * appear (`window.__parts`, one entry per batch of changes) and, when its head appears,
 * whether the table came with it and whether the section was busy (`window.__drawings`). */
function recordParts(page) {
  return page.addInitScript(() => {
    const parts = { head: '.page-head h1', figures: '.stat-row', charts: '.chart-pair', filters: '.toolbar', table: 'table.accounts tbody tr' };
    window.__parts = [];
    window.__drawings = [];
    const seen = new Set();
    // The app's, not the frame's (index.html's frame has a heading row too).
    const find = (sel) => [...document.querySelectorAll(sel)].find((e) => !e.closest('#app-shell'));
    new MutationObserver(() => {
      const batch = Object.entries(parts).filter(([name, sel]) => !seen.has(name) && find(sel)).map(([name]) => name);
      if (batch.length === 0) return;
      for (const name of batch) seen.add(name);
      window.__parts.push(batch);
      if (batch.includes('head')) {
        const section = find('main .page');
        window.__drawings.push({ tableWithHead: batch.includes('table'), busy: section?.getAttribute('aria-busy') ?? null });
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

/** Where the parts of the first screen are, and what they say. */
function parts(page, topbar) {
  return page.evaluate((topbar) => {
    const box = (sel) => {
      const e = document.querySelector(sel);
      if (!e || e.getClientRects().length === 0) return null;
      const r = e.getBoundingClientRect();
      return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height), text: e.innerText.trim() };
    };
    return {
      topbar: box(topbar), nav: box(`${topbar} nav.mainnav`), banner: box('.banner-demo'),
      heading: box('.page-head h1'), head: box('.page-head'),
    };
  }, topbar);
}

/** What moved in the page's layout shifts (the class of each moved element) and its
 * largest-contentful-paint entries so far. */
function paintRecord(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const out = { moved: [], lcp: [] };
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) {
        for (const s of e.sources) {
          const r = (x) => [x.x, x.y, x.width, x.height].map(Math.round).join(',');
          out.moved.push({ cls: String(s.node?.className?.baseVal ?? s.node?.className ?? '(gone)'), at: Math.round(e.startTime), from: r(s.previousRect), to: r(s.currentRect) });
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) out.lcp.push(e.startTime); })
      .observe({ type: 'largest-contentful-paint', buffered: true });
    requestAnimationFrame(() => setTimeout(() => resolve(out), 0));
  }));
}

for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 860 }]) {
  test(`first visit at ${viewport.width} px: the frame shows the demo note and heading where the app draws them, and nothing moves`, async () => {
    const { page, errors, context } = await newPage(env, { viewport });
    const release = await holdWasm(page);
    await page.goto(env.base + '/');
    await page.locator('#app-shell .banner-demo').waitFor();
    const frame = await parts(page, 'header.shell-topbar');
    await shot(page, `first-paint-frame-${viewport.width}`);
    const releasedAt = await page.evaluate(() => performance.now());
    release();
    await page.locator('table.accounts tbody tr').first().waitFor();
    const app = await parts(page, 'header.topbar');
    await shot(page, `first-paint-app-${viewport.width}`);
    // The same places and the same words (the app's week link gets its count later).
    // (The top bar's save indicator says nothing until the app runs: its place only.)
    for (const key of ['topbar', 'nav', 'banner', 'heading']) {
      assert.ok(frame[key] && app[key], `${key} is shown by both`);
      const [f, a] = key === 'topbar' ? [{ ...frame[key], text: '' }, { ...app[key], text: '' }] : [frame[key], app[key]];
      assert.deepEqual(f, a, `${key}: frame ${JSON.stringify(frame[key])} vs app ${JSON.stringify(app[key])}`);
    }
    assert.equal(frame.head.y, app.head.y);
    const record = await paintRecord(page);
    // Nothing the frame painted, nor the app's copy of it, moves when the app takes its
    // place. (On a desktop the toolbar below the charts moves once the charts know
    // their width: not the frame's doing.)
    // Whole class names only: the renewal card's `outcome-banner` is not the demo banner.
    const framed = new Set(['topbar', 'mainnav', 'banner', 'page-head', 'app-shell']);
    // (Where each moved and when, in the message: a failure seen once could not be repeated.)
    assert.deepEqual(record.moved.map((m) => m.cls).filter((c) => c.split(/\s+/).some((n) => framed.has(n))), [],
      `moved (class at ms: x,y,w,h before -> after): ${record.moved.map((m) => `${m.cls} at ${m.at}: ${m.from} -> ${m.to}`).join('; ')}`);
    // The largest paint is the frame's demo note: nothing the app draws later is larger.
    assert.ok(record.lcp.length > 0 && record.lcp.at(-1) < releasedAt,
      `largest paint ${record.lcp.at(-1)} before the app's code was let through at ${releasedAt}`);
    // The frame is gone: one top bar, one main region, one heading of level 1.
    assert.equal(await page.locator('#app-shell').count(), 0);
    assert.equal(await page.locator('main').count(), 1);
    assert.equal(await page.locator('h1').count(), 1);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the portfolio\'s first drawing in a page comes in parts, each below the last, marked busy meanwhile; a later drawing is whole at once', async () => {
  const { page, errors, context } = await newPage(env, { viewport: { width: 1280, height: 860 } });
  await recordParts(page);
  await open(page, env.base, '/');
  const first = await page.evaluate(() => ({ parts: window.__parts, drawings: window.__drawings }));
  assert.deepEqual(first.parts, [['head'], ['figures'], ['charts'], ['filters'], ['table']], 'first drawing: the parts, in turn');
  assert.deepEqual(first.drawings, [{ tableWithHead: false, busy: 'true' }]);
  // Nothing drawn moves as the parts come, nor the save indicator as its words change.
  const record = await paintRecord(page);
  assert.deepEqual(record.moved, [], `moved: ${JSON.stringify(record.moved)}`);
  // Another page, then the portfolio again: drawn whole, not busy.
  await goInApp(page, '/renewals');
  await page.locator('main h1', { hasText: 'Renewals' }).waitFor();
  // In the task of the navigation: the app's updates run as microtasks, so a thousand
  // turns of the microtask queue let them all run, and no other task can come between.
  const again = await page.evaluate(async () => {
    history.pushState(null, '', '/');
    dispatchEvent(new PopStateEvent('popstate'));
    for (let i = 0; i < 1000; i++) await null;
    return {
      head: !!document.querySelector('.page-head h1'), figures: !!document.querySelector('.stat-row'),
      charts: !!document.querySelector('.chart-pair'),
      filters: !!document.querySelector('.toolbar'), rows: document.querySelectorAll('table.accounts tbody tr').length,
      busy: document.querySelector('main .page').getAttribute('aria-busy'),
    };
  });
  assert.deepEqual(again, { head: true, figures: true, charts: true, filters: true, rows: 8, busy: null }, 'later drawing: whole in one task');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a visit the service worker serves (the code compiled before) draws the portfolio whole at once, not in parts', async () => {
  const { page, errors, context } = await newPage(env, { viewport: { width: 1280, height: 860 } });
  await recordParts(page);
  await open(page, env.base, '/');
  assert.equal((await page.evaluate(() => window.__parts)).length, 5, 'a first visit: in parts');
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
  await page.reload();
  await page.waitForFunction(() => document.querySelector('table.accounts tbody tr'));
  assert.deepEqual(await page.evaluate(() => window.__parts), [['head', 'figures', 'charts', 'filters', 'table']], 'served by the worker: at once');
  assert.equal(await page.locator('main .page[aria-busy]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with scroll bars that take room, nothing moves as the portfolio\'s parts come and make the page scroll, and the charts are drawn once', async () => {
  const classic = await setupWithScrollBars();
  try {
    const { page, errors, context } = await newPage(classic, { viewport: { width: 1350, height: 940 } });
    await countChartDraws(page);
    await page.goto(classic.base + '/');
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]') && document.querySelector('table.accounts tbody tr'));
    await page.waitForTimeout(500);
    const record = await paintRecord(page);
    assert.deepEqual(record.moved, [], `moved: ${JSON.stringify(record.moved)}`);
    const { draws, boxes, scrolls } = await page.evaluate(() => ({
      draws: window.__chartDraws, boxes: document.querySelectorAll('.chart-box').length,
      scrolls: document.documentElement.scrollHeight > innerHeight,
    }));
    assert.ok(scrolls, 'the portfolio is taller than the window');
    assert.equal(draws, boxes, `${draws} drawings for ${boxes} charts`);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await classic.close();
  }
});

test('the frame paints with no request but the page: its stylesheet and theme script are written into it', async () => {
  const { page, errors, context } = await newPage(env, { viewport: { width: 412, height: 823 } });
  // Every request but the page itself is held until the frame has been painted.
  const held = [];
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() === 'document') return route.continue();
    held.push(new URL(route.request().url()).pathname);
    await gate;
    return route.continue();
  });
  await page.goto(env.base + '/', { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 10_000 });
  const frame = await page.evaluate(() => ({
    sheets: [...document.styleSheets].map((s) => s.href ?? 'in the page'),
    scripts: [...document.head.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
    // theme.js ran: the frame shows the portfolio's heading and, nothing being stored, the demo note.
    classes: document.documentElement.className,
    demo: document.querySelector('.app-shell .shell-demo').checkVisibility(),
    // The stylesheet applies: the save indicator's place is held by invisible text.
    hold: getComputedStyle(document.querySelector('.shell-hold')).visibility,
  }));
  assert.deepEqual(frame.sheets, ['in the page']);
  assert.deepEqual(frame.scripts, []);
  assert.equal(frame.classes, 'shell-portfolio shell-demo');
  assert.equal(frame.demo, true);
  assert.equal(frame.hold, 'hidden');
  assert.ok(held.some((p) => p.endsWith('_bg.wasm')), `the main module was asked for before the paint: ${held.join(', ')}`);
  release();
  await page.waitForSelector('header.topbar');
  assert.deepEqual(errors, []);
  await context.close();
});

/** Puts `window.__fontKey(computedStyle)` in the page: a font as `style weight size[
 * numbers]`, the one key both the warmed lines and the text in use are compared by. */
function defineFontKey(page) {
  return page.addInitScript(() => {
    window.__fontKey = (cs) => `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize}${cs.fontVariantNumeric === 'normal' ? '' : ` ${cs.fontVariantNumeric}`}`;
  });
}

// The weights, sizes and symbols the portfolio's text uses (keyed by `window.__fontKey`).
function fontsInUse(page, root) {
  return page.evaluate((root) => {
    const key = window.__fontKey;
    const fonts = new Set();
    const symbols = new Set();
    const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      if (!text || !n.parentElement.checkVisibility()) continue;
      fonts.add(key(getComputedStyle(n.parentElement)));
      for (const c of text) if (c.codePointAt(0) > 127) symbols.add(c);
    }
    return { fonts: [...fonts].sort(), symbols: [...symbols].join('') };
  }, root);
}

test('while the code downloads, the font system is started off screen with what the portfolio uses, a few lines a task, and it is gone once the app runs', async () => {
  const { page, errors, context } = await newPage(env, { viewport: { width: 412, height: 823 } });
  await defineFontKey(page);
  // Each warmed line, as laid out, recorded as it comes.
  await page.addInitScript(() => {
    window.__warmed = [];
    let batch = 0;
    new MutationObserver((records) => {
      batch += 1;
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.parentElement?.classList.contains('font-warm')) {
            const cs = getComputedStyle(n);
            window.__warmed.push({ key: window.__fontKey(cs), text: n.textContent, batch, hidden: cs.visibility === 'hidden' && n.getBoundingClientRect().right < 0 });
          }
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const release = await holdWasm(page);
  await page.goto(env.base + '/');
  await page.locator('#app-shell .banner-demo').waitFor();
  await page.waitForFunction(() => window.__warmed.length === window.FONT_WARM.length && !document.querySelector('.font-warm'));
  const warmed = await page.evaluate(() => ({ lines: window.__warmed }));
  assert.ok(warmed.lines.every((l) => l.hidden), 'laid out off screen, hidden');
  // A few lines in each task (each laid out in a frame of its own), never all at once.
  const perBatch = [...warmed.lines.reduce((m, l) => m.set(l.batch, (m.get(l.batch) || 0) + 1), new Map()).values()];
  assert.ok(perBatch.length > 1 && Math.max(...perBatch) <= 2, `lines per task: ${perBatch}`);
  release();
  await page.locator('table.accounts tbody tr').first().waitFor();
  await page.locator('.chart-box svg').first().waitFor();
  const used = await fontsInUse(page, 'body');
  const keys = new Set(warmed.lines.map((l) => l.key));
  assert.deepEqual(used.fonts.filter((f) => !keys.has(f)), [], `the portfolio uses fonts not warmed (add them to FONT_WARM in public/theme.js)`);
  const text = warmed.lines[0].text;
  assert.deepEqual([...used.symbols].filter((c) => !text.includes(c)), [], 'symbols not warmed (add them to FONT_WARM_TEXT)');
  assert.equal(await page.locator('.font-warm').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a later visit shows no demo note in the frame, and another page no portfolio heading', async () => {
  // No service worker: its fetches would pass by the hold on the main module.
  const { page, errors, context } = await newPage(env, { serviceWorkers: 'block' });
  await open(page, env.base, '/');
  // The first visit stores the demo (after its first paint).
  await page.waitForFunction(() => localStorage.getItem('am-planner.manifest') !== null);
  const release = await holdWasm(page);
  await page.goto(env.base + '/');
  await page.locator('#app-shell .page-head h1').waitFor();
  assert.equal(await page.locator('#app-shell .banner-demo').isVisible(), false);
  await page.goto(env.base + '/data');
  await page.locator('#app-shell header.shell-topbar').waitFor();
  assert.equal(await page.locator('#app-shell .page-head h1').isVisible(), false);
  assert.equal(await page.locator('#app-shell .banner-demo').isVisible(), false);
  release();
  await page.getByRole('heading', { level: 1, name: 'Data' }).waitFor();
  assert.equal(await page.locator('#app-shell').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

for (const width of [390, 412, 768, 1280, 1920]) {
  test(`first visit at ${width} px: each portfolio chart is drawn once, at the width it is shown`, async () => {
    const { page, errors, context } = await newPage(env, { viewport: { width, height: 844 } });
    await countChartDraws(page);
    await page.goto(env.base + '/');
    await page.locator('.chart-box svg').first().waitFor();
    await page.waitForTimeout(500);
    const { boxes, draws, widths } = await page.evaluate(() => ({
      boxes: document.querySelectorAll('.chart-box').length,
      draws: window.__chartDraws,
      widths: [...document.querySelectorAll('.chart-box')].map((b) => [b.clientWidth, b.querySelector('svg')?.viewBox.baseVal.width]),
    }));
    assert.ok(boxes >= 2, `charts on the portfolio: ${boxes}`);
    for (const [shown, drawn] of widths) assert.equal(drawn, shown, `drawn for ${drawn} px, shown at ${shown} px`);
    assert.equal(draws, boxes, `${draws} drawings for ${boxes} charts`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('at 1280 px, every other chart is drawn once at its width too: KPIs, an account\'s health trend and renewal timeline, Practice\'s progress, the portfolio again', async () => {
  const { page, errors, context } = await newPage(env, { viewport: { width: 1280, height: 860 } });
  await countChartDraws(page);
  await page.goto(env.base + '/');
  await page.locator('.chart-box svg').first().waitFor();
  // Each page opened from the one before, in the app, so the widths seen on the portfolio
  // are remembered: a box in another place must not start from them. The page left is
  // not drawn again while the next one's code comes (its width does not change), and the
  // portfolio, opened again, draws each chart once.
  const pages = [['/kpis', '.kpi-page .chart-box'], ['/accounts/1/health', '.trend-chart'],
    ['/accounts/1/renewal', '.renewal-chart'], ['/practice', '.pr-charts .chart-box'],
    ['/practice/mock', '.pr-mock .chart-box'], ['/', '.chart-pair .chart-box']];
  for (const [path, box] of pages) {
    await page.waitForTimeout(300);
    await page.evaluate(() => { window.__chartDraws = 0; });
    await goInApp(page, path);
    await page.locator(`${box} svg`).first().waitFor();
    await page.waitForTimeout(500);
    const { draws, widths } = await page.evaluate((sel) => ({
      draws: window.__chartDraws,
      widths: [...document.querySelectorAll(sel)].map((b) => [b.clientWidth, b.querySelector('svg').viewBox.baseVal.width]),
    }), box);
    for (const [shown, drawn] of widths) assert.equal(drawn, shown, `${path}: drawn for ${drawn} px, shown at ${shown} px`);
    assert.equal(draws, widths.length, `${path}: ${draws} drawings for ${widths.length} charts`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
