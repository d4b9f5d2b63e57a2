import { describe, expect, it } from 'vitest';
import { REPORT_CSP, reportToHtml } from '../../src/report/format-html.js';
import type { Report } from '../../src/report/report-model.js';
import { plain, section, user } from '../../src/report/section.js';
import { reportSections } from '../../src/report/sections.js';
import { fixtureReport, moduleReport } from '../helpers/fixture-report.js';
import { FIXTURE_FILES } from '../helpers/report-fixture.js';

const HOSTILE = `<script>alert(1)</script> " onload="alert(1)" <a href="javascript:alert(1)">x</a>`;
const csvQuoted = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** The fixture with hostile text in a title (shown through the escalation reason), an assignee and a bad row, plus two modules. */
function hostileReport(): Report {
  const reviews = (FIXTURE_FILES['review-submissions.csv'] as string)
    .replace('[free](https://evil.example) @here', csvQuoted(HOSTILE))
    .replace('normal,in_review,rev_a,pending@2026-02-17T17:00:00Z;in_review', 'normal,in_review,"<img src=x onerror=alert(2)>",pending@2026-02-17T17:00:00Z;in_review');
  const report = fixtureReport({ 'review-submissions.csv': `${reviews}sub_bad,sticker,"<b>x</b>",2026-02-18T10:00:00Z,normal,pending,,,,,\n` });
  const takedowns = moduleReport('takedowns', {
    sections: (limit) => [section('Takedowns', ['case', 'claimant'], [HOSTILE, 'ok'], (t) => [plain('c1', 'red'), user(t)], limit, 'no takedowns')],
    headline: ['2 takedowns open'],
  });
  const qa = moduleReport('qa', { json: { kappa_by_week: [{ contractor: '<svg onload=alert(3)>', week: '2026-W08', kappa: 0.7, audited: 50 }] } });
  report.queues.push(takedowns, qa);
  report.notes.push(`note with ${HOSTILE}`);
  return report;
}

const TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'link', 'style', 'body', 'header', 'h1', 'h2', 'p', 'ul', 'li', 'main', 'section', 'div', 'figure', 'figcaption', 'strong', 'svg', 'desc', 'g', 'line', 'text', 'rect', 'path', 'circle', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'span', 'footer']);
const tagsOf = (html: string) => [...html.matchAll(/<(\/?)(!?[a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({ name: (m[2] as string).toLowerCase(), attrs: m[3] as string }));

describe('report --format html: hostile text stays text', () => {
  const html = reportToHtml(hostileReport(), { limit: 25 });

  it('has only the report’s own elements: no script, no event-handler attribute, no link but the data: icon', () => {
    const tags = tagsOf(html);
    expect(tags.filter((t) => !TAGS.has(t.name)).map((t) => t.name)).toEqual([]);
    expect(tags.filter((t) => /\son[a-z]+\s*=/i.test(t.attrs))).toEqual([]);
    expect(tags.filter((t) => /href|src=/i.test(t.attrs)).map((t) => t.attrs.trim())).toEqual(['rel="icon" href="data:,"']);
    expect(html).not.toMatch(/<script|<img|<a\s|<b>/i);
  });

  it('shows the hostile text escaped where the other formats show it', () => {
    const escaped = '&lt;script&gt;alert(1)&lt;/script&gt; &quot; onload=&quot;alert(1)&quot; &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;';
    expect(html).toContain(`IP report on &#39;${escaped}&#39;`); // the escalation reason
    expect(html).toContain('<td class="user">&lt;img src=x onerror=alert(2)&gt;</td>'); // an assignee
    expect(html).toContain(`<td class="user">${escaped}</td>`); // a module's user cell
    expect(html).toContain(`<li>note with ${escaped}</li>`);
    expect(html).toContain('&lt;svg onload=alert(3)&gt;'); // a contractor in the κ chart
  });
});

describe('report --format html: the page', () => {
  const report = hostileReport();
  const html = reportToHtml(report, { limit: 1 });

  it('is one offline page: a strict CSP, inline styles with print rules, nothing to fetch', () => {
    expect(REPORT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`);
    expect(html).toMatch(/<style>[\s\S]*@media print \{[\s\S]*<\/style>/);
    // The SVG namespace is a name, not a request; nothing else may name a URL.
    expect(html.replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\/|url\(/);
  });

  it('renders every section of reportSections (module sections included) with its count, and the headline', () => {
    const titles = [...html.matchAll(/<h2 id="section-\d+">([^<]*) <span class="count">\((\d+)\)<\/span><\/h2>/g)].map((m) => [m[1], Number(m[2])]);
    expect(titles).toEqual(reportSections(report, 1).map((s) => [s.title.replace(/&/g, '&amp;'), s.total]));
    expect(titles.map((t) => t[0])).toContain('Takedowns');
    expect(html).toContain('<li>2 takedowns open</li>');
    expect(html).toMatch(/<li>1 breached<\/li>/);
    expect(html).toMatch(/<li class="zero">0 open without SLA<\/li>/);
  });

  it('cuts long lists at --limit and says how many are left out; tones are classes; ids are code', () => {
    const escalations = report.escalations.length;
    expect(escalations).toBe(2);
    expect(html).toContain(`… and ${escalations - 1} more (--limit, or --format json for everything).`);
    expect(html).toMatch(/<td class="tone-red">[^<]* over<\/td>/);
    expect(html).toContain('<td><code>sub_late</code></td>');
    expect(html).toMatch(/<td class="tone-red">error<\/td><td class="user">[^<]*review-submissions\.csv:8/);
  });

  it('puts the charts first, each with its text alternatives, and lists the notes and the inputs', () => {
    const charts = html.slice(html.indexOf('<h2 id="charts">'), html.indexOf('<h2 id="section-0">'));
    expect(charts.match(/<figure class="chart[^"]*" id="([^"]+)"/g)?.map((m) => m.replace(/.*id="|"/g, ''))).toEqual(['sla-avatar', 'sla-community-award', 'sla-brand-award', 'age-histogram', 'kappa-by-week']);
    expect(charts.match(/<svg xmlns[^>]*role="img"/g)).toHaveLength(4);
    expect(charts.match(/<table class="visually-hidden chart-data">/g)).toHaveLength(5);
    expect(html).toMatch(/<h2 id="notes">Notes<\/h2><ul class="plain"><li>now taken from creator-desk\.yaml/);
    expect(html).toMatch(/<h2 id="inputs">Inputs <span class="count">\(\d+\)<\/span><\/h2>/);
  });
});
