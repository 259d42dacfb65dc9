// The plain JavaScript baseline (see vanilla.html): fetches the workspace file named by
// ?data= (default ws.json), works out each row, and draws the table with DOM calls.
'use strict';
const DAY = 86400000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TREND = { decreasing: 100, zero_open: 100, stable: 70, increasing: 35, escalated: 0 };
const WEIGHTS = { seat: 25, features: 20, nps: 20, tickets: 15, targets: 20 };
const SEGMENTS = { enterprise: 'Enterprise', mid_market: 'Mid-market', smb: 'SMB' };
const today = new Date(); today.setHours(0, 0, 0, 0);
const day = (s) => { const [y, m, d] = s.split('-').map(Number); return new Date(y, m - 1, d); };
const long = (d) => `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
const relative = (d) => {
  const n = Math.round((d - today) / DAY);
  if (n === 0) return 'today';
  return n > 0 ? `in ${n} day${n === 1 ? '' : 's'}` : `${-n} day${n === -1 ? '' : 's'} ago`;
};
const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

function score(s) {
  const parts = [
    [WEIGHTS.seat, s.seat_usage_pct], [WEIGHTS.features, s.core_features == null ? null : Math.min(100, s.core_features * 100 / 6)],
    [WEIGHTS.nps, s.nps == null ? null : s.nps * 10], [WEIGHTS.tickets, TREND[s.ticket_trend]],
    [WEIGHTS.targets, s.targets_met_pct],
  ].filter(([, v]) => v != null);
  const w = parts.reduce((a, [x]) => a + x, 0);
  return w ? Math.round(parts.reduce((a, [x, v]) => a + x * v, 0) / w) : null;
}
const band = (v) => (v == null ? 'unknown' : v >= 70 ? 'green' : v >= 40 ? 'amber' : 'red');

function facts(accounts) {
  const byArr = [...accounts].sort((a, b) => b.arr - a.arr);
  const tier = new Map(byArr.map((a, i) => [a.id, i < byArr.length * 0.15 ? 1 : i < byArr.length * 0.5 ? 2 : 3]));
  return accounts.map((a) => {
    const snaps = [...(a.health?.snapshots || [])].sort((x, y) => (x.date < y.date ? -1 : 1));
    const last = snaps[snaps.length - 1];
    const now = last ? score(last) : null;
    const before = snaps.length > 4 ? score(snaps[snaps.length - 5]) : null;
    const people = a.stakeholders?.people || [];
    const engaged = people.filter((p) => p.roles.length > 0).length;
    const risks = people.filter((p) => /detractor/.test(p.sentiment)).length + (engaged <= 1 ? 1 : 0);
    const renewal = a.renewal_date ? day(a.renewal_date) : null;
    const milestone = renewal ? new Date(renewal - 90 * DAY) : null;
    return {
      id: a.id, name: a.name, sub: [SEGMENTS[a.segment], a.industry].filter(Boolean).join(' · '),
      tier: tier.get(a.id), arr: a.arr, score: now, trend: now != null && before != null ? now - before : null,
      stale: last ? (today - day(last.date)) / DAY > 30 : true, declining: now != null && before != null && now < before - 10,
      renewal, milestone, owner: a.owner, risks, single: engaged <= 1,
    };
  }).sort((x, y) => x.name.localeCompare(y.name) || x.id - y.id);
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function row(f) {
  const tr = el('tr');
  const th = el('th'); th.scope = 'row';
  const a = el('a', null, f.name); a.href = `/accounts/${f.id}`;
  th.append(a, el('span', 'sub', f.sub));
  tr.append(th);
  const tier = el('td'); tier.append(el('span', `tier tier-${f.tier}`, `T${f.tier}`)); tr.append(tier);
  tr.append(el('td', 'num', money.format(f.arr)));
  const h = el('td'); h.append(el('span', `score-cell band-${band(f.score)}`, f.score == null ? '–' : String(f.score))); tr.append(h);
  tr.append(el('td', 'num', f.trend == null ? '—' : (f.trend > 0 ? `+${f.trend}` : String(f.trend))));
  const flags = el('td');
  if (f.declining) flags.append(el('span', 'flag', 'declining'));
  if (f.stale) flags.append(el('span', 'flag', 'stale'));
  tr.append(flags);
  const r = el('td');
  if (f.renewal) r.append(el('span', 'due', long(f.renewal)), el('span', 'sub', relative(f.renewal)));
  else r.append(el('span', 'muted', '—'));
  tr.append(r);
  const m = el('td', 'next-ms-cell');
  if (f.milestone) m.append(el('span', null, 'Renewal review'), el('span', 'sub', relative(f.milestone)));
  tr.append(m);
  tr.append(el('td', null, f.owner));
  const k = el('td', 'num'); k.append(el('span', f.risks ? 'risk-count' : 'risk-count none', String(f.risks)));
  if (f.single) k.append(el('span', 'sub', 'single-threaded'));
  tr.append(k);
  return tr;
}

(async () => {
  const name = new URLSearchParams(location.search).get('data') || 'ws.json';
  const doc = await (await fetch(name)).json();
  const list = facts(doc.workspace.accounts);
  const stats = document.getElementById('stats');
  for (const [label, value] of [['Accounts', list.length], ['Total ARR', money.format(list.reduce((a, f) => a + f.arr, 0))]]) {
    const d = el('div', 'stat'); d.append(el('dt', null, label), el('dd', null, String(value))); stats.append(d);
  }
  const body = document.getElementById('rows');
  const frag = document.createDocumentFragment();
  for (const f of list) frag.append(row(f));
  body.append(frag);
})();
