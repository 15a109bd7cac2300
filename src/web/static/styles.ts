/** The web UI's stylesheet, served as /static/app.css: plain CSS, readable on a laptop and a tablet. */
export const STYLES = String.raw`:root {
  --ink: #1d2433; --muted: #5b6476; --line: #d8dde6; --paper: #ffffff; --page: #f4f6f9;
  --accent: #1f5fae; --accent-ink: #ffffff; --ok: #1e7b45; --warn: #9a6100; --bad: #b3261e;
  --focus: #ffbf47; --radius: 6px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: var(--page); line-height: 1.45;
}
* { box-sizing: border-box; }
/* The hidden attribute wins over any display rule (the custom period's dates use it). */
[hidden] { display: none !important; }
body { margin: 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: .5rem; }
header.top { background: #14213d; color: #fff; }
header.top .bar { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; padding: .6rem 1.25rem; max-width: 1200px; margin: 0 auto; }
header.top .brand { font-weight: 700; font-size: 1.2rem; color: #fff; text-decoration: none; letter-spacing: .02em; }
header.top .tagline { color: #c9d3e6; font-size: .85rem; }
header.top .spacer { flex: 1; }
header.top form { margin: 0; }
header.top button { background: transparent; color: #fff; border: 1px solid #8fa3c7; }
nav.main { background: #22335a; }
nav.main ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem; margin: 0 auto; padding: .25rem 1rem; max-width: 1200px; }
nav.main a { display: block; color: #e6ecf7; text-decoration: none; padding: .45rem .75rem; border-radius: var(--radius); }
nav.main a:hover { background: #2f4677; }
nav.main a[aria-current="page"] { background: #fff; color: #14213d; font-weight: 600; }
main { max-width: 1200px; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.5rem; margin: .25rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .75rem; }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: 1rem 1.25rem; margin-bottom: 1rem; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 1rem; }
.field { display: flex; flex-direction: column; gap: .25rem; margin-bottom: .75rem; }
.field.inline { flex-direction: row; align-items: center; gap: .5rem; }
label { font-weight: 600; font-size: .92rem; }
.help { color: var(--muted); font-size: .85rem; }
input[type="text"], input[type="password"], input[type="url"], input[type="date"], input[type="number"], select {
  font: inherit; padding: .4rem .5rem; border: 1px solid #aab3c2; border-radius: 4px; background: #fff; color: var(--ink); min-width: 0; max-width: 100%;
}
/* A grid column's fields take its width, never more (a size="50" input would push past the column). */
.grid .field > input:not([type="checkbox"]):not([type="radio"]), .grid .field > select { width: 100%; }
.grid .choices .field { flex: 1 1 6rem; min-width: 0; }
input[type="checkbox"], input[type="radio"] { width: 1.1rem; height: 1.1rem; accent-color: var(--accent); }
button, .button { font: inherit; cursor: pointer; padding: .45rem .9rem; border-radius: var(--radius); border: 1px solid var(--accent); background: var(--accent); color: var(--accent-ink); text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
.actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: 1rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; background: var(--paper); }
th, td { border-bottom: 1px solid var(--line); padding: .4rem .55rem; text-align: left; vertical-align: middle; }
th { background: #eef1f6; font-size: .88rem; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.center, th.center { text-align: center; }
tr.selected-row td { background: #f2f7ff; }
.state-table select { width: 100%; min-width: 7rem; }
/* "Changer le statut en" lists the shop's state names: as wide as the longest, never cut. */
.state-table td:last-child select { width: auto; }
/* The state's name wraps instead, so the table fits at 1280 px. */
.state-table tbody th { white-space: normal; min-width: 12rem; }
.invalid { border-color: var(--bad) !important; box-shadow: 0 0 0 1px var(--bad); }
.field-error { color: var(--bad); font-size: .85rem; font-weight: 600; }
.notice { border-radius: var(--radius); padding: .75rem 1rem; margin-bottom: 1rem; border: 1px solid; }
.notice.ok { background: #e9f6ee; border-color: #9fd0b2; color: #124d2b; }
.notice.warn { background: #fff6e5; border-color: #e8c57a; color: #5e3d00; }
.notice.error { background: #fdecea; border-color: #f0a8a2; color: #6d1610; }
.links { display: flex; flex-wrap: wrap; gap: 1rem; margin: .75rem 0; }
/* min-width: 0 — a fieldset is min-content wide by default, so grid columns of fieldsets overlapped. */
fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: .75rem 1rem; margin: 0 0 1rem; min-width: 0; }
.field.inline label, .choices label { overflow-wrap: anywhere; }
legend { font-weight: 700; padding: 0 .35rem; }
.choices { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
.choices label { font-weight: 400; display: inline-flex; gap: .4rem; align-items: center; }
.counters { display: grid; grid-template-columns: repeat(auto-fit, minmax(110px, 1fr)); gap: .75rem; margin: 1rem 0; }
.counter { background: var(--paper); border: 1px solid var(--line); border-radius: var(--radius); padding: .6rem .8rem; }
.counter .value { font-size: 1.6rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.counter .name { color: var(--muted); font-size: .85rem; }
.banner { font-size: 1.3rem; font-weight: 700; padding: .75rem 1rem; border-radius: var(--radius); background: #eef1f6; }
.banner.done { background: #e9f6ee; color: var(--ok); }
.banner.failed { background: #fdecea; color: var(--bad); }
.journal { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85rem; background: #0f172a; color: #e2e8f0; border-radius: var(--radius); padding: .75rem 1rem .75rem 2rem; max-height: 320px; overflow-y: auto; margin: 0; }
.journal:empty { display: none; }
.journal .journal-warning { color: #facc15; }
.journal .journal-error { color: #fca5a5; }
.badge { display: inline-block; padding: .1rem .5rem; border-radius: 999px; font-size: .8rem; font-weight: 600; background: #eef1f6; white-space: nowrap; }
.badge.imported, .badge.succeeded, .badge.would-import { background: #e9f6ee; color: var(--ok); }
.badge.upgraded, .badge.would-upgrade, .badge.partial { background: #e8f0fb; color: var(--accent); }
.badge.skipped, .badge.running { background: #fff6e5; color: var(--warn); }
.badge.failed { background: #fdecea; color: var(--bad); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.totals { margin-left: auto; max-width: 340px; }
#outcomes td:last-child { overflow-wrap: anywhere; min-width: 12rem; }
td.nowrap, td.num { white-space: nowrap; }
.doc-grid { grid-template-columns: 2fr 1fr 1fr; }
@media (max-width: 900px) {
.doc-grid { grid-template-columns: 1fr 1fr; } .doc-grid > :first-child { grid-column: 1 / -1; } }
.login { max-width: 420px; margin: 4rem auto; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; }
.filters .field { margin: 0; }
.pager { display: flex; gap: 1rem; margin-top: .75rem; }
@media (max-width: 720px) {
  main { padding: .75rem; }
  th, td { padding: .35rem .4rem; font-size: .9rem; }
  header.top .tagline { display: none; }
}
`;
