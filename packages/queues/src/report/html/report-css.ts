/**
 * The HTML report's only style sheet (inline: the page's CSP allows no other): a readable page on
 * screen, black on white in print with charts and tables kept whole, tones as classes.
 */
export const REPORT_CSS = `
:root { --red: #b3261e; --orange: #c2570c; --yellow: #8a6d00; --green: #2e7d32; --blue: #1f5fa8; --grey: #6b6b6b; --ink: #1b1b1b; --muted: #5c5c5c; --rule: #d9d9d9; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 72rem; padding: 1.5rem; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h2 .count { color: var(--muted); font-weight: normal; }
.meta { color: var(--muted); margin: 0 0 .75rem; }
.headline { display: flex; flex-wrap: wrap; gap: .35rem .5rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.headline li { border: 1px solid var(--rule); border-radius: 999px; padding: .1rem .6rem; }
.headline li.zero { color: var(--muted); }
.intro { color: var(--muted); font-size: .9rem; margin: 0 0 .75rem; max-width: 60rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1rem; }
.figures .wide { grid-column: 1 / -1; }
figure.chart { margin: 0; padding: .75rem; border: 1px solid var(--rule); border-radius: 6px; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-size: .85rem; color: var(--muted); margin-bottom: .4rem; }
figure.chart figcaption strong { display: block; color: var(--ink); font-size: .95rem; }
.chart-empty .no-data { margin: 1.5rem 0; text-align: center; color: var(--muted); font-style: italic; }
.chart-svg { display: block; width: 100%; height: auto; }
.chart-svg text { font-size: 10px; fill: var(--ink); }
.bar-chart text { font-size: 13px; } .bar-chart .tick, .bar-chart .axis-label { font-size: 12px; } .chart-svg .value { font-weight: 600; }
.line-chart text { font-size: 11px; }
.chart-svg .tick, .chart-svg .axis-label, .chart-svg .reference-label { fill: var(--muted); }
.chart-svg .grid line { stroke: #ececec; }
.chart-svg .axis { stroke: var(--ink); }
.chart-svg .reference { stroke: var(--muted); stroke-dasharray: 3 3; }
.bar.tone-red { fill: var(--red); } .bar.tone-orange { fill: var(--orange); } .bar.tone-yellow { fill: #d9a400; }
.bar.tone-green { fill: var(--green); } .bar.tone-blue { fill: var(--blue); } .bar.tone-grey { fill: #9e9e9e; }
.line { fill: none; stroke-width: 2; }
.series-0 { stroke: #1f5fa8; fill: #1f5fa8; } .series-1 { stroke: #c2570c; fill: #c2570c; } .series-2 { stroke: #2e7d32; fill: #2e7d32; } .series-3 { stroke: #7b1fa2; fill: #7b1fa2; }
.series-4 { stroke: #b3261e; fill: #b3261e; } .series-5 { stroke: #00838f; fill: #00838f; } .series-6 { stroke: #6d4c41; fill: #6d4c41; } .series-7 { stroke: #546e7a; fill: #546e7a; }
.line.series-0, .line.series-1, .line.series-2, .line.series-3, .line.series-4, .line.series-5, .line.series-6, .line.series-7 { fill: none; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; margin: .4rem 0 0; font-size: .85rem; }
.legend .swatch { vertical-align: middle; margin-right: .3rem; }
table.report { border-collapse: collapse; width: 100%; font-size: .9rem; }
table.report th, table.report td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--rule); vertical-align: top; }
table.report thead th { color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--rule); }
table.report code { font-size: .85rem; }
.empty, .omitted { color: var(--muted); font-style: italic; }
.tone-red { color: var(--red); font-weight: 600; } .tone-yellow { color: var(--yellow); } .tone-green { color: var(--green); }
.tone-dim { color: var(--muted); } .tone-bold { font-weight: 700; } .tone-cyan { color: #00838f; }
.user { overflow-wrap: anywhere; }
ul.plain { padding-left: 1.2rem; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
@media print {
  @page { margin: 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .figures { grid-template-columns: repeat(2, 1fr); }
  .figures .wide { grid-column: 1 / -1; }
  figure.chart, tr { break-inside: avoid; page-break-inside: avoid; }
  .headline li { border-color: #999; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
