// One generator of large workspaces, shared by the e2e flows and scripts/bench-portfolio.mjs:
// a version 1 workspace file (the import format, docs/file-format.md) with `accounts`
// accounts, `people` stakeholders and `checkins` weekly health check-ins each. Dates are
// relative to `today`; the same arguments always give the same file (a seeded generator).

const pad = (n) => String(n).padStart(2, '0');
const iso = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const plusDays = (today, days) => {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate());
  d.setDate(d.getDate() + days);
  return d;
};

/** A small seeded generator (mulberry32): the same seed, the same workspace. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['Northwind', 'Cobalt', 'Fjord', 'Orbit', 'Quarry', 'Brightpath', 'Harbor', 'Juniper',
  'Lumen', 'Meridian', 'Pinecrest', 'Redwood', 'Summit', 'Tidewater', 'Vantage', 'Willow'];
const KINDS = ['Logistics', 'Retail Group', 'Energy', 'Analytics', 'Legal', 'Learning', 'Foods', 'Health'];
const INDUSTRIES = ['Transport & logistics', 'Retail', 'Energy', 'Software', 'Legal services',
  'Education', 'Food & beverage', 'Healthcare'];
export const OWNERS = ['Sam Okafor', 'Priya Nair', 'Lena Brandt', 'Tomás Ruiz', 'Aiko Tanaka',
  'Jonas Berg', 'Maya Cohen', 'Owen Price'];
const SEGMENTS = ['enterprise', 'mid_market', 'smb'];
const ROLES = ['champion', 'economic_buyer', 'executive_sponsor', 'end_user', 'influencer',
  'technical_evaluator', 'blocker', 'end_user'];
const SENTIMENTS = ['champion', 'supporter', 'neutral', 'detractor', 'strong_detractor'];
const TRENDS = ['decreasing', 'zero_open', 'stable', 'increasing', 'escalated'];

/**
 * The workspace file as an object. Account `i` (from 1) is named "<Word> <Kind> <i>", so
 * names are unique and a search for a number finds few accounts.
 */
export function generateWorkspace({ accounts = 1000, people = 8, checkins = 52, today = new Date(), seed = 7 } = {}) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const list = [];
  for (let i = 1; i <= accounts; i++) {
    const noRenewal = i % 17 === 0;
    const lastCheckin = Math.floor(r() * 40); // days ago: some accounts go stale
    const base = 30 + r() * 60;
    const drift = (r() - 0.5) * 2;
    const snapshots = [];
    for (let k = checkins - 1; k >= 0; k--) {
      const level = Math.max(0, Math.min(100, base + drift * (checkins - k) * 0.5 + (r() - 0.5) * 10));
      snapshots.push({
        date: iso(plusDays(today, -(lastCheckin + 7 * k))),
        seat_usage_pct: Math.round(level),
        core_features: Math.floor(r() * 7),
        nps: Math.min(10, Math.floor(level / 10)),
        ticket_trend: pick(TRENDS),
        targets_met_pct: Math.round(Math.max(0, Math.min(100, level + (r() - 0.5) * 20))),
      });
    }
    const owner = i % 23 === 0 ? '' : OWNERS[i % OWNERS.length];
    const map = [];
    for (let p = 1; p <= people; p++) {
      map.push({
        id: p,
        name: `Person ${p} of ${i}`,
        // Every 5th account has nobody but one contact engaged: single-threaded.
        roles: i % 5 === 0 && p > 1 ? [] : [ROLES[(p - 1) % ROLES.length]],
        influence: 1 + ((p + i) % 5),
        sentiment: i % 5 === 0 && p > 1 ? 'neutral' : pick(SENTIMENTS),
        frequency: 'monthly',
        last_contact: iso(plusDays(today, -Math.floor(r() * 90))),
        owner: p === 1 ? owner : '',
        reports_to: p === 1 ? null : 1,
      });
    }
    list.push({
      id: i,
      name: `${WORDS[i % WORDS.length]} ${KINDS[Math.floor(i / WORDS.length) % KINDS.length]} ${i}`,
      industry: INDUSTRIES[i % INDUSTRIES.length],
      segment: SEGMENTS[i % SEGMENTS.length],
      arr: 5000 + Math.round(r() * 495) * 1000,
      renewal_date: noRenewal ? null : iso(plusDays(today, Math.floor(r() * 460) - 60)),
      owner,
      health: { snapshots },
      stakeholders: { people: map },
    });
  }
  return {
    format: 'am-planner-workspace',
    version: 1,
    exported_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    workspace: { currency: 'EUR', demo: false, accounts: list },
  };
}

/**
 * Imports a workspace through the app's own Data page (pick the file, confirm the
 * preview), then waits for the confirmation toast. `page` is on the app already.
 */
export async function importWorkspace(page, base, doc, name = 'generated.json') {
  await page.goto(base + '/data');
  await page.waitForSelector('header.topbar');
  await page.getByLabel('Workspace file to import').setInputFiles({
    name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)),
  });
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  // Grouped ("1,000") since 2026-12-02; a baseline build of make bench may be older.
  const n = doc.workspace.accounts.length;
  await page.getByText(new RegExp(`Imported (${n.toLocaleString('en-US')}|${n}) accounts`)).waitFor({ timeout: 120_000 });
}

/**
 * Opens the Data page and waits a second before a file is chosen, as a person picking it in
 * the file dialog would (the page fetches the file readers meanwhile). Figures only.
 */
export async function openDataPageForImport(page, base) {
  await page.goto(base + '/data');
  await page.waitForSelector('header.topbar');
  await page.waitForTimeout(1000);
}

/**
 * Chooses `text` as the workspace file on the open Data page (a preview already shown is
 * cancelled first) and times it in the page: ms until the import preview is shown, and ms
 * of `JSON.parse` of the same text right after (the median of three), for comparison.
 * Figures only (make bench, scripts/profile.mjs).
 */
export function timeFileImport(page, text) {
  return page.evaluate(async (text) => {
    for (const b of document.querySelectorAll('button')) if (b.textContent.trim() === 'Cancel') b.click();
    await new Promise((r) => setTimeout(r, 100));
    const input = document.querySelector('input[aria-label="Workspace file to import"]');
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'generated.json', { type: 'application/json' }));
    const t0 = performance.now();
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    const shown = () => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Replace my workspace');
    for (let i = 0; i < 100000 && !shown(); i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    const imported = performance.now() - t0;
    // JSON.parse three times, the median: one parse alone moved from 14 to 52 ms.
    const parses = [0, 1, 2].map(() => {
      const p0 = performance.now();
      JSON.parse(text);
      return performance.now() - p0;
    }).sort((a, b) => a - b);
    return { imported, parsed: parses[1] };
  }, text);
}

/** How long a page is left before an edit is timed: the last one's work after its paint
 * (the chart drawn again) is over, as it is before a person's next save. */
const REST_MS = 100;

/**
 * Saves one check-in on the open Health tab (the main contact's NPS set to 10 when `i` is
 * even, 0 when odd, so each save moves the score), from a page at rest, and times it in the
 * page: ms until the frame that shows the new score has been painted. Figures only (make
 * bench, scripts/profile.mjs).
 */
export async function editToPaint(page, i) {
  await page.waitForTimeout(REST_MS);
  return page.evaluate(async (value) => {
    const before = document.querySelector('.health-score .score-big')?.textContent;
    const t0 = performance.now();
    const input = document.querySelector('#checkin-relationship');
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector('form.checkin-form').requestSubmit();
    for (let k = 0; k < 2000; k++) {
      // A task queued from requestAnimationFrame runs after that frame is painted.
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const now = document.querySelector('.health-score .score-big')?.textContent;
      if (now !== undefined && now !== before) return performance.now() - t0;
    }
    return NaN;
  }, i % 2 ? '0' : '10');
}

/**
 * The floor of [editToPaint] on the same page: one text node changed (after the page's
 * breadcrumb), from a page at rest, timed the same way. It is the wait for the next frame
 * and that frame's drawing, with no work of the app's. Figures only (make bench).
 */
export async function textChangeToPaint(page, i) {
  await page.waitForTimeout(REST_MS);
  return page.evaluate(async (i) => {
    const t0 = performance.now();
    let el = document.getElementById('bench-floor');
    if (!el) {
      el = document.createElement('span');
      el.id = 'bench-floor';
      document.querySelector('.crumbs').append(el);
    }
    el.textContent = ` ${i}`;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, i);
}
