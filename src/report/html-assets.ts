/**
 * The HTML report's inline stylesheet and script. Inline because the report is one self-contained file that
 * makes no request (its Content-Security-Policy forbids them); light and dark themes follow the system.
 */

export const HTML_STYLE = `
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --panel: #ffffff; --text: #1f2328; --muted: #59636e; --border: #d8dee4; --subtle: #eef1f4;
  --accent: #3b5bdb; --focus: #3b5bdb;
  --error: #cf222e; --warning: #bf7a00; --info: #0969da;
  --good: #1a7f37; --fair: #bf7a00; --poor: #cf222e; --absent: #8c959f;
  --error-bg: #ffebe9; --warning-bg: #fff4d6; --info-bg: #ddf4ff; --good-bg: #dafbe1; --absent-bg: #eef1f4;
  --code-bg: #f3f5f7;
  --shadow: 0 1px 2px rgba(31,35,40,.06), 0 4px 14px rgba(31,35,40,.06);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0e1116; --panel: #161b22; --text: #e6edf3; --muted: #9198a1; --border: #30363d; --subtle: #21262d;
    --accent: #7c9cff; --focus: #9db4ff;
    --error: #ff7b72; --warning: #e3b341; --info: #79c0ff;
    --good: #56d364; --fair: #e3b341; --poor: #ff7b72; --absent: #6e7681;
    --error-bg: #3d1d20; --warning-bg: #3a2d0f; --info-bg: #0c2d4a; --good-bg: #12301c; --absent-bg: #21262d;
    --code-bg: #0d1117;
    --shadow: 0 1px 2px rgba(0,0,0,.4);
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--text);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
}
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
.skip { position: absolute; left: -9999px; top: 8px; background: var(--panel); padding: 8px 12px; z-index: 10; }
.skip:focus { left: 8px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.top {
  background: linear-gradient(120deg, #1b2559 0%, #3b5bdb 60%, #5f7cff 100%); color: #fff;
  padding: 28px 32px 72px;
}
header.top .brand { font-weight: 600; letter-spacing: .04em; text-transform: uppercase; font-size: 12px; opacity: .85; }
header.top h1 { margin: 6px 0 4px; font-size: 26px; font-weight: 650; }
header.top .meta { opacity: .9; font-size: 13px; display: flex; flex-wrap: wrap; gap: 6px 18px; }
header.top .meta code { color: #fff; background: rgba(255,255,255,.14); padding: 1px 6px; border-radius: 4px; }
main { max-width: 1240px; margin: -52px auto 40px; padding: 0 24px; }
.grid { display: grid; gap: 16px; }
.summary { grid-template-columns: minmax(300px, 1fr) minmax(300px, 1fr) minmax(440px, 1.9fr); }
@media (max-width: 1000px) { .summary { grid-template-columns: 1fr; } }
.card {
  background: var(--panel); border: 1px solid var(--border); border-radius: 12px; box-shadow: var(--shadow);
  padding: 18px 20px;
}
.card h2 { margin: 0 0 12px; font-size: 13px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); font-weight: 600; }
section > h2.section { font-size: 18px; margin: 32px 0 12px; font-weight: 650; }
.overall-body { display: flex; flex-direction: column; align-items: center; gap: 8px; text-align: center; }
.overall p { margin: 2px 0; color: var(--muted); }
.overall .big { font-size: 44px; font-weight: 700; line-height: 1.1; margin-top: 18px; color: var(--text); }
.overall .facts { display: flex; flex-wrap: wrap; justify-content: center; gap: 4px 14px; }
.overall strong { color: var(--text); }
.sev-card { display: flex; align-items: center; gap: 24px; flex-wrap: wrap; }
svg.donut, svg.ring { flex: none; }
.legend { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; min-width: 150px; }
.legend button {
  all: unset; cursor: pointer; display: flex; align-items: center; gap: 8px; width: 100%; padding: 3px 6px; border-radius: 6px;
}
.legend button:hover { background: var(--subtle); }
.legend button:focus-visible { outline: 3px solid var(--focus); }
.legend .n { margin-left: auto; font-variant-numeric: tabular-nums; font-weight: 600; }
.dot { width: 10px; height: 10px; border-radius: 50%; display: inline-block; flex: none; }
.dot.sev-error { background: var(--error); } .dot.sev-warning { background: var(--warning); } .dot.sev-info { background: var(--info); }
.dot.muted { background: var(--absent); }
svg text { fill: var(--text); }
svg .track { fill: none; stroke: var(--subtle); stroke-width: 16; }
svg .arc { fill: none; stroke-width: 16; }
svg .arc.sev-error, svg .seg.sev-error { stroke: var(--error); fill: var(--error); }
svg .arc.sev-warning, svg .seg.sev-warning { stroke: var(--warning); fill: var(--warning); }
svg .arc.sev-info, svg .seg.sev-info { stroke: var(--info); fill: var(--info); }
svg .arc { fill: none !important; }
svg .arc.status-good { stroke: var(--good); } svg .arc.status-fair { stroke: var(--fair); } svg .arc.status-poor { stroke: var(--poor); }
.donut-total, .ring-score { font-size: 30px; font-weight: 700; }
.donut-caption, .ring-grade { font-size: 12px; fill: var(--muted) !important; }
.bars { display: block; max-width: 640px; }
.bar-track { fill: var(--subtle); }
.bar.status-good { fill: var(--good); } .bar.status-fair { fill: var(--fair); } .bar.status-poor { fill: var(--poor); } .bar.status-absent { fill: var(--absent); }
.bar-label { font-size: 12.5px; }
.bar-value { font-size: 12.5px; font-weight: 600; fill: var(--muted) !important; font-variant-numeric: tabular-nums; }
.domains { grid-template-columns: repeat(auto-fill, minmax(360px, 1fr)); }
.domain { display: flex; flex-direction: column; gap: 10px; border-top: 4px solid var(--absent); }
.domain.status-good { border-top-color: var(--good); } .domain.status-fair { border-top-color: var(--fair); } .domain.status-poor { border-top-color: var(--poor); }
.domain header { display: flex; align-items: baseline; gap: 10px; }
.domain h3 { margin: 0; font-size: 15px; }
.domain .score { margin-left: auto; font-size: 22px; font-weight: 700; font-variant-numeric: tabular-nums; }
.domain .score small { font-size: 12px; color: var(--muted); font-weight: 500; }
.domain ul { margin: 0; padding-left: 18px; }
.domain li { margin: 2px 0; }
.domain .label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; margin: 4px 0 2px; }
.domain .counts { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.domain .files { color: var(--muted); font-size: 12.5px; }
.working { color: var(--muted); font-size: 12px; }
.badge {
  display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600;
  border: 1px solid transparent; white-space: nowrap;
}
.badge.sev-error { color: var(--error); background: var(--error-bg); }
.badge.sev-warning { color: var(--warning); background: var(--warning-bg); }
.badge.sev-info { color: var(--info); background: var(--info-bg); }
.badge.prod { color: #fff; background: var(--poor); }
.badge.shared, .badge.non-prod, .badge.muted { color: var(--muted); background: var(--absent-bg); }
.badge.status-good { color: var(--good); background: var(--good-bg); } .badge.status-fair { color: var(--fair); background: var(--warning-bg); }
.badge.status-poor { color: var(--poor); background: var(--error-bg); } .badge.status-absent { color: var(--muted); background: var(--absent-bg); }
.recipe { font-size: 12.5px; background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 1px 6px; }
button.link {
  all: unset; cursor: pointer; color: var(--accent); font-weight: 600; font-size: 13px; border-radius: 4px;
}
button.link:hover { text-decoration: underline; }
button.link:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
ol.actions { list-style: none; padding: 0; margin: 0; display: grid; gap: 10px; counter-reset: action; }
ol.actions li { counter-increment: action; display: grid; grid-template-columns: 36px 1fr; gap: 4px 12px; }
ol.actions li::before {
  content: counter(action); grid-row: span 3; width: 28px; height: 28px; border-radius: 50%; background: var(--subtle);
  display: grid; place-items: center; font-weight: 700; color: var(--muted);
}
ol.actions .title { font-weight: 600; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
ol.actions .fix, ol.actions .next { color: var(--muted); }
.method { color: var(--muted); }
.method code { color: var(--text); }
.filters { display: flex; flex-wrap: wrap; gap: 12px 16px; align-items: end; margin-bottom: 14px; }
.filters .field { display: grid; gap: 4px; }
.filters .field > label { font-size: 12px; font-weight: 600; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.filters select, .filters input[type=search] {
  font: inherit; color: var(--text); background: var(--panel); border: 1px solid var(--border); border-radius: 8px;
  height: 34px; padding: 4px 10px; width: 100%; text-transform: none; letter-spacing: 0; font-weight: 400;
}
.filters { display: grid; grid-template-columns: minmax(150px, 1fr) minmax(130px, .8fr) minmax(180px, 1.4fr) minmax(180px, 1.3fr) auto auto; }
@media (max-width: 900px) { .filters { grid-template-columns: 1fr 1fr; } }
.filters .field.check { display: flex; align-items: center; gap: 6px; padding-bottom: 7px; }
.filters .field.check > label { text-transform: none; letter-spacing: 0; font-size: 13px; color: var(--text); font-weight: 500; }
.filters button {
  font: inherit; font-weight: 600; color: var(--text); background: var(--subtle); border: 1px solid var(--border); border-radius: 8px;
  height: 34px; padding: 4px 14px; cursor: pointer;
}
.filters button:hover { border-color: var(--muted); }
.count { margin: 0 0 10px; color: var(--muted); font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
col.c-sev { width: 96px; } col.c-rule { width: 170px; } col.c-loc { width: 250px; }
th, td { text-align: left; vertical-align: top; padding: 9px 10px; border-bottom: 1px solid var(--border); }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; position: sticky; top: 0; background: var(--panel); }
tbody tr:hover { background: var(--subtle); }
td.loc { white-space: nowrap; }
td.loc .file { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
td.loc .pos { color: var(--muted); }
td.rule { white-space: nowrap; font-weight: 600; }
td.rule .domain-name { display: block; font-weight: 400; color: var(--muted); font-size: 12px; }
details summary { cursor: pointer; list-style-position: outside; }
details summary:hover { color: var(--accent); }
details[open] summary { margin-bottom: 8px; }
.detail { display: grid; gap: 8px; padding: 4px 0 6px; }
.detail h4 { margin: 0; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.detail p { margin: 0; }
pre.snippet {
  margin: 0; background: var(--code-bg); border: 1px solid var(--border); border-left: 3px solid var(--accent); border-radius: 6px;
  padding: 8px 10px; overflow-x: auto; white-space: pre-wrap; word-break: break-word;
}
pre.snippet .ln { color: var(--muted); user-select: none; margin-right: 10px; }
tr.suppressed td { opacity: .6; }
.empty { padding: 28px; text-align: center; color: var(--muted); }
footer { max-width: 1240px; margin: 0 auto 32px; padding: 0 24px; color: var(--muted); font-size: 12px; }
@media print { header.top { background: none; color: var(--text); } .filters { display: none; } tr[hidden] { display: none; } }
`;

/** Filtering of the findings table. Works by keyboard (native controls); `/` focuses the search box. */
export const HTML_SCRIPT = `
(() => {
  'use strict';
  const byId = (id) => document.getElementById(id);
  const table = byId('findings');
  if (!table) return;
  const rows = Array.from(table.tBodies[0] ? table.tBodies[0].rows : []);
  const domain = byId('f-domain');
  const severity = byId('f-severity');
  const file = byId('f-file');
  const search = byId('f-search');
  const suppressed = byId('f-suppressed');
  const count = byId('f-count');
  const empty = byId('f-empty');
  const texts = rows.map((r) => r.textContent.toLowerCase());
  const visible = rows.filter((r) => r.dataset.suppressed !== 'true').length;
  function apply() {
    const q = search.value.trim().toLowerCase();
    let shown = 0;
    rows.forEach((r, i) => {
      const ok =
        (!domain.value || r.dataset.domain === domain.value) &&
        (!severity.value || r.dataset.severity === severity.value) &&
        (!file.value || r.dataset.file === file.value) &&
        (!q || texts[i].includes(q)) &&
        (suppressed.checked || r.dataset.suppressed !== 'true');
      r.hidden = !ok;
      if (ok) shown++;
    });
    const total = suppressed.checked ? rows.length : visible;
    count.textContent = 'Showing ' + shown + ' of ' + total + (total === 1 ? ' finding' : ' findings');
    empty.hidden = shown !== 0;
  }
  for (const el of [domain, severity, file, suppressed]) el.addEventListener('change', apply);
  search.addEventListener('input', apply);
  byId('f-reset').addEventListener('click', () => {
    domain.value = '';
    severity.value = '';
    file.value = '';
    search.value = '';
    suppressed.checked = false;
    apply();
    domain.focus();
  });
  const focusTable = (select, value) => {
    select.value = value;
    apply();
    byId('findings-title').scrollIntoView({ block: 'start' });
    select.focus({ preventScroll: true });
  };
  document.querySelectorAll('[data-set-domain]').forEach((el) =>
    el.addEventListener('click', () => focusTable(domain, el.getAttribute('data-set-domain'))),
  );
  document.querySelectorAll('[data-set-severity]').forEach((el) =>
    el.addEventListener('click', () => focusTable(severity, el.getAttribute('data-set-severity'))),
  );
  document.addEventListener('keydown', (e) => {
    const t = e.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      search.focus();
    }
  });
  apply();
})();
`;
