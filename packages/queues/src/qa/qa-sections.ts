import { id, plain, section, user, type Cell, type Section } from '../report/section.js';
import { rowTime } from '../report/sections.js';
import type { QaAnalysis } from './analyze-qa.js';
import { roundKappa } from './landis-koch.js';
import type { QaSettings } from './qa-settings.js';
import type { ContractorScore } from './scorecard.js';

/** κ as shown everywhere: two decimals, `—` when undefined. */
export const kappaText = (kappa: number | null): string => (kappa === null ? '—' : roundKappa(kappa).toFixed(2));
const percentText = (x: number | null): string => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const count = (n: number): Cell => plain(String(n), n ? 'yellow' : undefined);

// Which bars a contractor misses; the figures are in their own (red) columns and the JSON's `reasons`.
const misses = (s: ContractorScore, settings: QaSettings): string =>
  [s.kappa !== null && s.kappa < settings.kappa_bar ? 'κ' : '', s.agreement !== null && s.agreement < settings.agreement_bar ? 'agreement' : ''].filter(Boolean).join(', ');

function scoreRow(s: ContractorScore, settings: QaSettings): Cell[] {
  const below = s.status === 'below_bar';
  const goldenText = s.golden.accuracy === null ? '—' : `${percentText(s.golden.accuracy)} (${s.golden.correct}/${s.golden.items})`;
  const status =
    s.status === 'below_bar'
      ? plain(`below the bar: ${misses(s, settings)}`, 'red')
      : s.status === 'too_few_audits'
        ? plain(`too few audits (< ${settings.min_audits})`, 'yellow')
        : s.status === 'not_audited'
          ? plain('not audited yet', 'dim')
          : plain('ok', 'green');
  return [
    below ? { ...user(s.contractor), tone: 'red' } : user(s.contractor),
    plain(String(s.decisions)),
    plain(String(s.audited)),
    plain(percentText(s.agreement), below && s.agreement !== null && s.agreement < settings.agreement_bar ? 'red' : undefined),
    plain(kappaText(s.kappa), below && s.kappa !== null && s.kappa < settings.kappa_bar ? 'red' : undefined),
    plain(s.band ?? '—'),
    plain(goldenText),
    count(s.falsePositives),
    count(s.falseNegatives),
    count(s.wrongActions),
    plain(s.weeks.map((w) => `${w.week.slice(5)} ${kappaText(w.kappa)} (${w.audited})`).join(' · ')),
    status,
  ];
}

/** The sample section's title: how many, and where the number comes from. */
function sampleTitle(a: QaAnalysis): string {
  const z = a.sizing;
  const share = (x: number): string => `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
  const why = z.fixed ? `size fixed at ${z.required}` : `±${share(z.margin)} at ${share(z.confidence)} over ${z.population} decisions needs ${z.required}, ${z.alreadyAudited} audited`;
  return `QA sample to audit — ${a.plan.items.length} (${why}; ${z.method}, seed ${z.seed})`;
}

/** Why an item is in the sample: its stratum's draw, and the oversample of a contractor below the bar. */
function drawnWhy(a: QaAnalysis, stratum: string, targeted: boolean, oversample: number): string {
  const draw = a.plan.strata.find((s) => s.stratum === stratum);
  const of = draw ? `${draw.drawn} of ${draw.population}` : '';
  if (a.sizing.method === 'random') return `random: ${of} not audited`;
  if (a.sizing.method === 'stratified') return `stratum ${stratum}: ${of}`;
  return targeted ? `below the bar, ×${oversample}: ${of}` : `proportional: ${of}`;
}

/** The scorecard and the next sample, as report sections. */
export function qaSections(a: QaAnalysis, settings: QaSettings, timeZone: string, limit: number): Section[] {
  return [
    section(
      'Contractor QA scorecard',
      ['contractor', 'decisions', 'audited', 'agreement', 'κ', 'band', 'golden', 'FP', 'FN', 'wrong action', 'κ by week', 'status'],
      a.scores,
      (s) => scoreRow(s, settings),
      limit,
      'no contractor decisions',
      ['κ by week', 'decisions', 'band', 'golden'],
    ),
    section(
      sampleTitle(a),
      ['item', 'contractor', 'decision', `decided (${timeZone})`, 'why drawn'],
      a.plan.items,
      (i) => [
        id(i.itemId),
        user(i.contractor),
        // The vocabulary is the coordinator's own text (settings), so it is escaped like the rows.
        user(i.decision),
        plain(rowTime(i.decidedAt, timeZone)),
        i.targeted ? { ...user(drawnWhy(a, i.stratum, true, settings.sampling.oversample)), tone: 'red' } : user(drawnWhy(a, i.stratum, false, settings.sampling.oversample)),
      ],
      limit,
      a.sizing.candidates === 0 ? 'every decision is audited (or golden): nothing left to sample' : 'the audits made already reach the margin: nothing more to sample',
      [`decided (${timeZone})`, 'why drawn'],
    ),
  ];
}
