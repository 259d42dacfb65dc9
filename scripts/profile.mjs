#!/usr/bin/env node
// Where the time goes, for the one who changes the code (figures, never pass/fail). `make
// profile` builds a dist with the functions' names kept (BUILD_NAMES=1) and runs `start`
// and `import` on it; the other commands compare builds side by side, one visit of each in
// turn. CPU profiles are written to target/prof/*.cpuprofile (DevTools opens them).
//
//   node scripts/profile.mjs start DIST        a first visit to "/" (the demo) at 412 px,
//                                              CPU 4x slower: time by function
//   node scripts/profile.mjs stored DIST       a returning visit to "/" with the 1,000-account
//                                              workspace stored: time by function
//   node scripts/profile.mjs stored-ab DIST... returning visits with 1,000 accounts stored,
//                                              builds in turn: page load to the painted
//                                              table, and the reading within it (SLOW=1:
//                                              a slow 4G line)
//   node scripts/profile.mjs import DIST       the 1,000-account file chosen on the Data
//                                              page: time by function (FILE=path: that
//                                              file instead)
//   node scripts/profile.mjs visit DIST...     first visits with the browser's throttling
//                                              (slow 4G, CPU 4x): first paint, app ready,
//                                              the page's, the stylesheet's (when not in
//                                              the page) and the main module's arrival
//   node scripts/profile.mjs tasks DIST...     the same first visits, builds in turn: each
//                                              long task (50 ms or more) with its script,
//                                              style, layout and paint, and the blocking time
//   node scripts/profile.mjs compiled DIST     a first visit of a build with names: what each
//                                              long task compiles, by crate with the time
//                                              its compiling took (TOP=n: the n costliest
//                                              functions; ALL=1: the app's own functions
//                                              by name; ALL=<crate>: that crate's)
//   node scripts/profile.mjs import-ab DIST... the import, 4 in each fresh page: the first,
//                                              the median and the fastest, beside JSON.parse
//   node scripts/profile.mjs edit DIST         check-ins saved on the Health tab of the
//                                              1,000-account workspace: time by function
//   node scripts/profile.mjs edit-ab DIST...   the same edits to painted score, builds in
//                                              turn: p50, p95 and the slowest
//   node scripts/profile.mjs leak DIST         pages visited and left, RUNS times each: the
//                                              live DOM nodes and window listeners after each
//   node scripts/profile.mjs pages DIST...     a page's first opening on a phone, builds in
//                                              turn: a first visit (no service worker,
//                                              slow 4G, CPU 4x), a click from the portfolio
//                                              until the page is painted, for an account
//                                              and four other pages; and the first account
//                                              opened on a returning visit (the worker in
//                                              charge, CPU 4x)
//   node scripts/profile.mjs selectors DIST    10 check-ins saved on the Health tab (or, with
//                                              ON=portfolio, 10 filter keystrokes at 1,000
//                                              accounts): the style's time by CSS selector
//
// RUNS sets the visits or pages per build (default 5).
import fs from 'node:fs';
import path from 'node:path';
import { setup, newPage, root, liveNodes, windowListeners, goInApp } from '../tests/e2e/helpers.mjs';
import { editToPaint, generateWorkspace, importWorkspace, openDataPageForImport, timeFileImport } from '../tests/e2e/workspace-gen.mjs';

const [command, ...dists] = process.argv.slice(2);
const RUNS = Number(process.env.RUNS || 5);
const outDir = path.join(root, 'target/prof');
fs.mkdirSync(outDir, { recursive: true });
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];

async function withDist(dist, f) {
  process.env.E2E_DIST = path.resolve(dist);
  const env = await setup();
  try {
    return await f(env);
  } finally {
    await env.close();
  }
}

/** Self and total (inclusive) time by function of CDP profiles, per profile. */
function byFunction(profiles) {
  const self = new Map();
  const total = new Map();
  const name = (n) => (n.callFrame.functionName || '(anonymous)').replace(/::h[0-9a-f]{16}/g, '').slice(0, 110);
  for (const p of profiles) {
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of p.nodes) for (const c of n.children || []) parent.set(c, n.id);
    p.samples.forEach((id, i) => {
      const ms = (p.timeDeltas[i] || 0) / 1000 / profiles.length;
      const own = name(nodes.get(id));
      self.set(own, (self.get(own) || 0) + ms);
      const seen = new Set();
      for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const k = name(nodes.get(cur));
        if (!seen.has(k)) {
          seen.add(k);
          total.set(k, (total.get(k) || 0) + ms);
        }
      }
    });
  }
  const top = (m, n) => [...m].filter(([f]) => !/^\((idle|root|program)\)$/.test(f))
    .sort((a, b) => b[1] - a[1]).slice(0, n).map(([f, ms]) => `${ms.toFixed(1).padStart(8)}  ${f}`).join('\n');
  console.log(`self time, ms per run\n${top(self, 30)}\n\ntotal time, ms per run\n${top(total, 50)}`);
}

async function profiled(context, page, f) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const value = await f(cdp);
  const { profile } = await cdp.send('Profiler.stop');
  return { value, profile };
}

/** A fresh page on the Data page, ready for a file to be chosen. */
async function dataPage(env) {
  const { page, context } = await newPage(env);
  await openDataPageForImport(page, env.base);
  return { page, context };
}

/** A page with the 1,000-account workspace imported and saved (`doc`, else generated). */
async function bigWorkspacePage(env, options = {}, doc = generateWorkspace({ accounts: 1000, people: 8, checkins: 52 })) {
  const { page, context } = await newPage(env, options);
  await page.goto(env.base + '/');
  await page.waitForSelector('header.topbar');
  await importWorkspace(page, env.base, doc);
  await page.waitForFunction(() => document.querySelector('.save-indicator')?.textContent.includes('Saved'), null, { timeout: 120000 });
  return { page, context };
}

/** A page on the Health tab of account 1 of the 1,000-account workspace. */
async function healthPage(env) {
  const { page, context } = await bigWorkspacePage(env);
  await page.goto(env.base + '/accounts/1/health');
  await page.waitForSelector('#checkin-relationship');
  await page.waitForTimeout(1000);
  return { page, context };
}

const bigFile = () => JSON.stringify(generateWorkspace({ accounts: 1000, people: 8, checkins: 52 }));

/** The browser's own throttling of a slow phone: slow 4G (150 ms round trip, 1.6 Mbit/s
 * down) and a CPU 4x slower. */
async function slowPhone(context, page) {
  const cdp = await slowNetwork(context, page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** A page for a first visit on a phone (412 px, slow 4G, CPU 4x) that sets `window.__readyAt`
 * once the app is ready: the frame after the app's top bar took the place of index.html's. */
async function firstVisitPage(env) {
  const { page, context } = await newPage(env, { viewport: { width: 412, height: 823 } });
  await slowPhone(context, page);
  await page.addInitScript(() => {
    const watch = new MutationObserver(() => {
      if (!window.__ready && document.querySelector('header.topbar')) {
        window.__ready = true;
        requestAnimationFrame(() => setTimeout(() => { window.__readyAt = performance.now(); }));
      }
    });
    document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }));
  });
  return { page, context };
}

/** Slow 4G alone (150 ms round trip, 1.6 Mbit/s down); gives the CDP session. */
async function slowNetwork(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  return cdp;
}

/** The tasks of 50 ms or more on the page's main thread of a trace, in ms from the
 * navigation's start, each with its time in script, style, layout and paint (and with
 * `indices`, the index of each wasm function compiled in it). */
function longTasks(events, indices = false) {
  const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL);
  const main = nav ? { pid: nav.pid, tid: nav.tid } : null;
  const on = (e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X';
  const runs = events.filter((e) => on(e) && e.name === 'RunTask' && e.ts >= nav.ts && e.dur >= 50_000);
  const kinds = {
    script: ['FunctionCall', 'EvaluateScript', 'v8.evaluateModule', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EventDispatch', 'v8.compile', 'v8.wasm.compileLazy'],
    style: ['UpdateLayoutTree', 'RecalculateStyles'],
    layout: ['Layout'],
    paint: ['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'Commit', 'PaintImage'],
    // Within script: the browser compiling wasm functions on their first call.
    compile: ['wasm.CompileLazy'],
  };
  return runs.map((t) => {
    const inside = events.filter((e) => on(e) && e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur);
    const sum = (names) => {
      // Only the outermost of nested events of these names counts.
      const picked = inside.filter((e) => names.includes(e.name)).sort((a, b) => a.ts - b.ts);
      let end = -1;
      let total = 0;
      for (const e of picked) {
        if (e.ts >= end) {
          total += e.dur;
          end = e.ts + e.dur;
        }
      }
      return total / 1000;
    };
    const compiled = inside.filter((e) => e.name === 'wasm.CompileLazy');
    return {
      at: (t.ts - nav.ts) / 1000, dur: t.dur / 1000, script: sum(kinds.script), compile: sum(kinds.compile), compiled: compiled.length,
      style: sum(kinds.style), layout: sum(kinds.layout), paint: sum(kinds.paint),
      // Each with its body's size (the compilation inside it says), which tells the main
      // module's functions from a split module's of the same index.
      ...(indices ? {
        functions: compiled.map((e) => {
          const base = inside.find((b) => b.name === 'wasm.CompileBaseline' && b.ts >= e.ts && b.ts <= e.ts + e.dur);
          return { index: e.args?.func_index, size: base?.args?.bodySize, ms: e.dur / 1000 };
        }),
      } : {}),
    };
  });
}

/** The main module of a dist (the one the page's loader fetches). */
function mainModule(dist) {
  const dir = fs.readdirSync(dist).find((d) => d.startsWith('app-'));
  return path.join(dist, dir, fs.readdirSync(path.join(dist, dir)).find((f) => f.endsWith('_bg.wasm')));
}

/** The function names of a wasm module (its `name` section) and the sizes of their bodies,
 * by function index. */
function functionNames(file) {
  const b = fs.readFileSync(file);
  let at = 8;
  const leb = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const byte = b[at++];
      v += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return v;
    }
  };
  const text = () => {
    const n = leb();
    const t = b.toString('utf8', at, at + n);
    at += n;
    return t;
  };
  const names = new Map();
  const sizes = new Map();
  let imported = 0;
  while (at < b.length) {
    const id = b[at++];
    const size = leb();
    const end = at + size;
    if (id === 2) {
      // Imports: the functions among them come first in the index space.
      for (let n = leb(); n > 0; n--) {
        text();
        text();
        const kind = b[at++];
        const limits = () => {
          const flags = b[at++];
          leb();
          if (flags & 1) leb();
        };
        if (kind === 0) {
          leb();
          imported += 1;
        } else if (kind === 1) {
          at += 1;
          limits();
        } else if (kind === 2) {
          limits();
        } else if (kind === 3) {
          at += 2;
        } else {
          at += 1;
          leb();
        }
      }
    } else if (id === 10) {
      for (let n = leb(), i = 0; i < n; i++) {
        const body = leb();
        sizes.set(imported + i, body);
        at += body;
      }
    } else if (id === 0 && text() === 'name') {
      while (at < end) {
        const sub = b[at++];
        const subEnd = leb() + at;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const i = leb();
            names.set(i, text());
          }
        }
        at = subEnd;
      }
    }
    at = end;
  }
  return { names, sizes };
}

/** The crate a function's name starts in: `tachys` for `tachys::view::...` and for
 * `<tachys::html::X as Y>::z`; for a generic type (`<T as tachys::X>::y`), the trait's. */
function crateOf(name) {
  if (name.startsWith('(')) return name;
  // `<T as tachys::...>`, `<() as ...>`, `<(A,B) as ...>`: the trait's crate.
  const generic = /^<(?:[A-Z][A-Za-z0-9]*|\(.*?\)|\*(?:mut|const) [A-Z]) as ([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
  if (generic) return generic[1];
  const m = /^[<&\s]*(?:dyn\s+|mut\s+)*([A-Za-z_][A-Za-z0-9_]*)/.exec(name);
  return m ? m[1] : '(other)';
}

/** Keeps the first of `profiles` as target/prof/NAME.cpuprofile and prints them by function. */
function report(name, profiles) {
  fs.writeFileSync(path.join(outDir, `${name}.cpuprofile`), JSON.stringify(profiles[0]));
  byFunction(profiles);
}

/** Runs `click` (an expression in the page) and gives the ms until `done` (an expression
 * that may use `before`, the page's h1 at the click) holds after a frame. */
async function clickToPaint(page, click, done) {
  return page.evaluate(`(async () => {
    const before = document.querySelector('main h1');
    const t0 = performance.now();
    ${click};
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (${done}) return performance.now() - t0;
    }
  })()`);
}

/** What `pages` opens: a click in the page, and when it is painted. */
const OPENINGS = {
  account: ["document.querySelector('table.accounts tbody th a').click()", "document.querySelector('main .danger-zone')"],
  ...Object.fromEntries(['Renewals', 'KPIs', 'White space', 'This week'].map((label) => [label, [
    `[...document.querySelectorAll('nav.mainnav a')].find((a) => a.textContent.trim() === ${JSON.stringify(label)}).click()`,
    "document.querySelector('main h1') && document.querySelector('main h1') !== before",
  ]])),
};

const commands = {
  async start([dist]) {
    const profiles = await withDist(dist, async (env) => {
      const out = [];
      for (let r = 0; r < RUNS; r++) {
        const { page, context } = await newPage(env, { viewport: { width: 412, height: 823 } });
        const { profile } = await profiled(context, page, async (cdp) => {
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          await page.goto(env.base + '/');
          await page.waitForSelector('header.topbar');
          await page.waitForTimeout(1500);
        });
        out.push(profile);
        await context.close();
      }
      return out;
    });
    report('start', profiles);
  },

  async stored([dist]) {
    // A returning visit: the 1,000-account workspace stored, the page loaded until the
    // table's rows are painted (no service worker, full speed), RUNS times in one page.
    const profiles = await withDist(dist, async (env) => {
      const { page, context } = await bigWorkspacePage(env, { serviceWorkers: 'block' });
      const out = [];
      for (let r = 0; r < RUNS; r++) {
        const { value, profile } = await profiled(context, page, async () => {
          await page.goto(env.base + '/');
          await page.waitForFunction(() => document.querySelectorAll('table.accounts tbody tr[aria-rowindex]').length > 0, null, { timeout: 120000 });
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
          return page.evaluate(() => performance.getEntriesByName('am-planner:load')[0]?.duration);
        });
        console.log(`visit ${r + 1}: reading the stored workspace ${value?.toFixed(0)} ms`);
        out.push(profile);
      }
      await context.close();
      return out;
    });
    report('stored', profiles);
  },

  async 'stored-ab'(dists) {
    // Returning visits, builds in turn: the 1,000-account workspace stored, page load until
    // the table's rows are painted (no service worker, full speed; SLOW=1: a slow 4G line),
    // and the part of it spent reading the stored workspace (`am-planner:load`).
    const doc = generateWorkspace({ accounts: 1000, people: 8, checkins: 52 });
    const open = [];
    try {
      for (const dist of dists) {
        process.env.E2E_DIST = path.resolve(dist);
        const env = await setup();
        const b = { dist, env, painted: [], load: [] };
        open.push(b);
        const { page, context } = await bigWorkspacePage(env, { serviceWorkers: 'block' }, doc);
        Object.assign(b, { page, context });
        await page.addInitScript(() => {
          if (location.pathname !== '/') return;
          const shown = () => document.querySelector('table.accounts tbody tr[aria-rowindex]') !== null;
          const tick = () => { if (shown()) window.__painted = performance.now(); else requestAnimationFrame(() => setTimeout(tick, 0)); };
          requestAnimationFrame(() => setTimeout(tick, 0));
        });
        if (process.env.SLOW) {
          const cdp = await slowNetwork(context, page);
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        }
      }
      for (let r = 0; r < RUNS; r++) {
        for (const b of open) {
          await b.page.goto(b.env.base + '/');
          await b.page.waitForFunction(() => window.__painted !== undefined, null, { timeout: 120000 });
          const [painted, load] = await b.page.evaluate(() => [window.__painted, performance.getEntriesByName('am-planner:load')[0]?.duration ?? NaN]);
          b.painted.push(painted);
          b.load.push(load);
        }
      }
      for (const b of open) {
        console.log(`${b.dist}: painted, median ${median(b.painted).toFixed(0)} ms (${b.painted.map((t) => t.toFixed(0)).join(' ')}); reading the stored workspace, median ${median(b.load).toFixed(0)} ms`);
      }
    } finally {
      for (const b of open) { await b.context?.close(); await b.env.close(); }
    }
  },

  async import([dist]) {
    // FILE=path profiles that file instead (a workspace as the app exports it, say).
    const text = process.env.FILE ? fs.readFileSync(process.env.FILE, 'utf8') : bigFile();
    const profiles = await withDist(dist, async (env) => {
      const out = [];
      for (let r = 0; r < RUNS; r++) {
        const { page, context } = await dataPage(env);
        const { value, profile } = await profiled(context, page, () => timeFileImport(page, text));
        console.log(`page ${r + 1}: import ${value.imported.toFixed(0)} ms, JSON.parse ${value.parsed.toFixed(0)} ms`);
        out.push(profile);
        await context.close();
      }
      return out;
    });
    report('import', profiles);
  },

  async edit([dist]) {
    const profiles = await withDist(dist, async (env) => {
      const out = [];
      for (let r = 0; r < RUNS; r++) {
        const { page, context } = await healthPage(env);
        const { value, profile } = await profiled(context, page, async () => {
          const t = [];
          for (let i = 0; i < 20; i++) t.push(await editToPaint(page, i));
          return t;
        });
        console.log(`page ${r + 1}: edit to paint, median ${median(value).toFixed(1)} ms`);
        out.push(profile);
        await context.close();
      }
      return out;
    });
    report('edit', profiles);
  },

  async 'edit-ab'(list) {
    const open = [];
    for (const dist of list) {
      process.env.E2E_DIST = path.resolve(dist);
      const env = await setup();
      open.push({ dist, env, ...(await healthPage(env)), times: [] });
    }
    for (let r = 0; r < RUNS; r++) {
      for (const o of open) for (let i = 0; i < 20; i++) o.times.push(await editToPaint(o.page, i));
    }
    const at = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(p * xs.length) - 1)];
    console.log(`check-ins saved on the Health tab, 1,000 accounts, ${RUNS} rounds of 20 in turn: edit to painted score (ms)`);
    console.log(''.padEnd(30) + ['p50', 'p95', 'slowest'].map((k) => k.padStart(10)).join(''));
    for (const o of open) {
      console.log(o.dist.slice(-30).padEnd(30) + [0.5, 0.95, 1].map((p) => at(o.times, p).toFixed(1).padStart(10)).join(''));
      await o.env.close();
    }
  },

  async pages(list) {
    const names = [...Object.keys(OPENINGS), 'account (worker)'];
    const out = list.map(() => Object.fromEntries(names.map((k) => [k, []])));
    for (let r = 0; r < RUNS; r++) {
      for (const [name, [click, done]] of Object.entries(OPENINGS)) {
        for (const [i, dist] of list.entries()) {
          await withDist(dist, async (env) => {
            const { page, context } = await newPage(env, { viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
            await page.goto(env.base + '/');
            await page.waitForSelector('table.accounts tbody tr');
            await page.waitForTimeout(1500);
            await slowPhone(context, page);
            out[i][name].push(await clickToPaint(page, click, done));
            await context.close();
          });
        }
      }
      for (const [i, dist] of list.entries()) {
        await withDist(dist, async (env) => {
          const { page, context } = await newPage(env, { viewport: { width: 412, height: 823 } });
          await page.goto(env.base + '/');
          await page.waitForSelector('table.accounts tbody tr');
          await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60000 });
          await page.reload();
          await page.waitForSelector('table.accounts tbody tr');
          await page.waitForTimeout(2000);
          const cdp = await context.newCDPSession(page);
          await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
          out[i]['account (worker)'].push(await clickToPaint(page, ...OPENINGS.account));
          await context.close();
        });
      }
    }
    console.log(`first opening of a page, click until painted, 412 px, CPU 4x (ms, medians of ${RUNS}, builds in turn)`);
    console.log('first visit, slow 4G, no service worker'.padEnd(30) + names.map((k) => k.padStart(18)).join(''));
    for (const [i, dist] of list.entries()) {
      console.log(dist.slice(-30).padEnd(30) + names.map((k) => median(out[i][k]).toFixed(0).padStart(18)).join(''));
    }
  },

  async visit(list) {
    const keys = ['paint', 'ready', 'page', 'stylesheet', 'module'];
    const out = list.map(() => Object.fromEntries(keys.map((k) => [k, []])));
    for (let r = 0; r < RUNS; r++) {
      for (const [i, dist] of list.entries()) {
        await withDist(dist, async (env) => {
          const { page, context } = await firstVisitPage(env);
          await page.goto(env.base + '/');
          await page.waitForFunction(() => window.__readyAt, null, { timeout: 60_000 });
          const m = await page.evaluate(() => {
            const res = performance.getEntriesByType('resource');
            return {
              paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
              ready: window.__readyAt,
              page: performance.getEntriesByType('navigation')[0]?.responseEnd,
              stylesheet: res.find((e) => e.name.endsWith('.css'))?.responseEnd,
              module: res.find((e) => e.name.endsWith('_bg.wasm'))?.responseEnd,
            };
          });
          for (const k of keys) out[i][k].push(m[k]);
          await context.close();
        });
      }
    }
    console.log(`first visit, slow 4G and CPU 4x, 412 px; medians of ${RUNS} (ms)`);
    console.log(''.padEnd(30) + keys.map((k) => k.padStart(12)).join(''));
    // A stylesheet inlined in the page has no request of its own: shown as '-'.
    const shown = (a) => (a.some((x) => x == null) ? '-' : median(a).toFixed(0));
    list.forEach((d, i) => console.log(d.slice(-30).padEnd(30) + keys.map((k) => shown(out[i][k]).padStart(12)).join('')));
  },

  // The long tasks of a first visit (what Lighthouse's total blocking time adds up): each
  // task of 50 ms or more on the page's main thread until two seconds after the app is
  // ready (so the first save is in), with what the task spent on script, style, layout and
  // paint (and within script, the wasm functions compiled on their first call); and the
  // blocking time, the sum of each task's time over 50 ms.
  async tasks(list) {
    const out = list.map(() => ({ blocking: [], runs: [] }));
    for (let r = 0; r < RUNS; r++) {
      for (const [i, dist] of list.entries()) {
        await withDist(dist, async (env) => {
          const { page, context } = await firstVisitPage(env);
          await env.browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'] });
          await page.goto(env.base + '/');
          await page.waitForFunction(() => window.__readyAt, null, { timeout: 60_000 });
          await page.waitForTimeout(2000);
          const events = JSON.parse((await env.browser.stopTracing()).toString()).traceEvents;
          const tasks = longTasks(events);
          out[i].runs.push(tasks);
          out[i].blocking.push(tasks.reduce((a, t) => a + Math.max(0, t.dur - 50), 0));
          await context.close();
        });
      }
    }
    console.log(`first visit, slow 4G and CPU 4x, 412 px: long tasks (ms from the navigation's start)`);
    list.forEach((d, i) => {
      console.log(`${d}: blocking time median ${median(out[i].blocking).toFixed(0)} ms (${out[i].blocking.map((b) => b.toFixed(0)).join(', ')})`);
      out[i].runs.forEach((tasks, r) => console.log(`  run ${r + 1}: ` + tasks.map((t) =>
        `@${t.at.toFixed(0)} ${t.dur.toFixed(0)} (script ${t.script.toFixed(0)}${t.compiled ? ` of which compiling ${t.compiled} wasm functions ${t.compile.toFixed(0)}` : ''}, style ${t.style.toFixed(0)}, layout ${t.layout.toFixed(0)}, paint ${t.paint.toFixed(0)})`).join('; ')));
    });
  },

  // What each long task of a first visit compiles (a build with names: BUILD_NAMES=1): the
  // wasm functions compiled on their first call, counted by crate (the first segment of the
  // function's name), and with ALL=1 every function of the app's own code by name (ALL=<crate>:
  // that crate's). Only the
  // main module's functions are named (the split modules are not loaded on a first visit
  // to the portfolio).
  async compiled([dist]) {
    const { names, sizes } = functionNames(mainModule(dist));
    // ALL=1: the app's own functions by name; ALL=<crate>: that crate's.
    const listed = process.env.ALL === '1' ? 'am_planner' : process.env.ALL;
    if (names.size === 0) console.log(`${dist}: no function names (build it with BUILD_NAMES=1)`);
    for (let r = 0; r < RUNS; r++) {
      await withDist(dist, async (env) => {
        const { page, context } = await firstVisitPage(env);
        await env.browser.startTracing(page, { categories: ['devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'] });
        await page.goto(env.base + '/');
        await page.waitForFunction(() => window.__readyAt, null, { timeout: 60_000 });
        await page.waitForTimeout(2000);
        const events = JSON.parse((await env.browser.stopTracing()).toString()).traceEvents;
        console.log(`run ${r + 1}:`);
        for (const t of longTasks(events, true)) {
          if (t.functions.length === 0) continue;
          const byCrate = new Map();
          const own = [];
          const each = [];
          for (const { index, size, ms } of t.functions) {
            // A function of a module loaded later (the writer's, at the first save) has an
            // index of its own module: told apart by its size.
            const name = size === sizes.get(index) ? names.get(index) ?? `(function ${index})` : '(a split module)';
            const crate = crateOf(name);
            const c = byCrate.get(crate) || { n: 0, ms: 0 };
            byCrate.set(crate, { n: c.n + 1, ms: c.ms + ms });
            each.push({ name, size, ms });
            if (crate === listed) own.push(name);
          }
          const total = each.reduce((a, f) => a + f.ms, 0);
          const top = [...byCrate].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10).map(([c, { n, ms }]) => `${c} ${n} (${ms.toFixed(0)} ms)`).join(', ');
          console.log(`  @${t.at.toFixed(0)} ${t.dur.toFixed(0)} ms, ${t.functions.length} functions compiled in ${total.toFixed(0)} ms: ${top}`);
          // The costliest compilations: a function's cost grows with its size.
          for (const f of each.sort((a, b) => b.ms - a.ms).slice(0, Number(process.env.TOP || 0))) {
            console.log(`      ${f.ms.toFixed(1)} ms, ${f.size} bytes: ${f.name.replace(/::h[0-9a-f]{16}$/, '')}`);
          }
          for (const n of own.sort()) console.log(`      ${n}`);
        }
        await context.close();
      });
    }
  },

  async 'import-ab'(list) {
    const text = bigFile();
    const out = list.map(() => ({ first: [], all: [], parse: [] }));
    for (let r = 0; r < RUNS; r++) {
      for (const [i, dist] of list.entries()) {
        await withDist(dist, async (env) => {
          const { page, context } = await dataPage(env);
          for (let k = 0; k < 4; k++) {
            const t = await timeFileImport(page, text);
            if (k === 0) out[i].first.push(t.imported);
            out[i].all.push(t.imported);
            out[i].parse.push(t.parsed);
          }
          await context.close();
        });
      }
    }
    console.log(`import of the 1,000-account file (${(text.length / 1e6).toFixed(1)} MB), ${RUNS} fresh pages, 4 imports each (ms)`);
    console.log(''.padEnd(30) + ['first', 'median', 'fastest', 'JSON.parse'].map((k) => k.padStart(12)).join(''));
    list.forEach((d, i) => console.log(d.slice(-30).padEnd(30) + [median(out[i].first), median(out[i].all), Math.min(...out[i].all), median(out[i].parse)]
      .map((v) => v.toFixed(0).padStart(12)).join('')));
  },

  // Chrome's selector statistics (a trace category; it slows matching, so compare the
  // selectors with each other, not with other figures).
  async selectors([dist]) {
    await withDist(dist, async (env) => {
      const onPortfolio = process.env.ON === 'portfolio';
      const { page, context } = await healthPage(env);
      if (onPortfolio) {
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio', exact: true }).click();
        await page.waitForSelector('table.accounts tbody tr[aria-rowindex]');
        await page.waitForTimeout(1000);
      }
      await env.browser.startTracing(page, { categories: ['disabled-by-default-blink.debug', 'devtools.timeline'] });
      for (let i = 0; i < 10; i++) {
        if (!onPortfolio) await editToPaint(page, i);
        else {
          await page.evaluate((text) => {
            const input = document.querySelector('input[type=search]');
            input.value = text;
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }, i % 2 ? '' : '7');
          await page.waitForTimeout(200);
        }
      }
      const events = JSON.parse((await env.browser.stopTracing()).toString()).traceEvents;
      const bySelector = new Map();
      for (const e of events.filter((x) => x.name === 'SelectorStats')) {
        for (const t of e.args.selector_stats.selector_timings) {
          const a = bySelector.get(t.selector) || { us: 0, attempts: 0, matches: 0 };
          a.us += t['elapsed (us)'];
          a.attempts += t.match_attempts;
          a.matches += t.match_count;
          bySelector.set(t.selector, a);
        }
      }
      const all = [...bySelector.values()].reduce((x, a) => x + a.us, 0);
      console.log(`${onPortfolio ? '10 filter keystrokes' : '10 check-ins saved'}: all selectors ${(all / 1000).toFixed(2)} ms (traced)`);
      for (const [sel, a] of [...bySelector].sort((x, y) => y[1].us - x[1].us).slice(0, 15)) {
        console.log(`${(a.us / 1000).toFixed(2).padStart(8)} ms ${String(a.attempts).padStart(6)} tried ${String(a.matches).padStart(6)} matched  ${sel.slice(0, 100)}`);
      }
      await context.close();
    });
  },

  // What a left page leaves behind: after each visit, the live DOM nodes (after a garbage
  // collection) and the window's scroll and resize listeners, on the demo workspace. A page
  // that goes when it is left brings the count back to where it was.
  async leak([dist]) {
    await withDist(dist, async (env) => {
      // Each page with the main navigation's link to it, or null: reached by an in-app
      // address change (PAGES, comma-separated paths, replaces the list).
      const nav = { '/': 'Portfolio', '/renewals': 'Renewals', '/week': 'This week', '/white-space': 'White space', '/practice': 'Practice', '/data': 'Data', '/settings': 'Settings' };
      const pages = (process.env.PAGES || '/,/accounts/1,/renewals,/week').split(',').map((p) => [p, nav[p] || null]);
      const { page, context } = await newPage(env);
      await page.goto(env.base + '/kpis');
      await page.waitForSelector('header.topbar');
      await page.waitForTimeout(1000);
      const cdp = await context.newCDPSession(page);
      const count = async () => {
        const { scroll, resize } = await windowListeners(cdp);
        return `nodes ${await liveNodes(cdp)}, window scroll ${scroll}, resize ${resize}`;
      };
      console.log(`KPIs (start): ${await count()}`);
      for (const [href, link] of pages) {
        for (let r = 0; r < RUNS; r++) {
          if (link) await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
          else await goInApp(page, href);
          await page.waitForTimeout(700);
          await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'KPIs' }).click();
          await page.waitForTimeout(700);
          console.log(`${href} then KPIs, visit ${r + 1}: ${await count()}`);
        }
      }
      await context.close();
    });
  },
};

if (!commands[command] || dists.length === 0) {
  console.error('usage: node scripts/profile.mjs start|import|visit|tasks|compiled|import-ab|edit|edit-ab|pages|leak|selectors DIST [DIST...]');
  process.exit(2);
}
await commands[command](dists);
process.exit(0);
