import { classifyDisagreement, type ErrorWords } from './classify-disagreement.js';
import { cohensKappa } from './cohens-kappa.js';
import { confusionMatrix } from './confusion-matrix.js';
import { gwetAc1 } from './gwet-ac1.js';
import { landisKochBand, roundKappa, type LandisKochBand } from './landis-koch.js';

/** One contractor decision, with the coordinator's audit of it if there is one. */
export interface ScoredDecision {
  itemId: string;
  contractor: string;
  decision: string;
  decidedAt: Date;
  /** The decision a golden-set item should get, when it is one. */
  golden?: string;
  /** The coordinator's decision for the item, when audited. */
  audit?: string;
}

export interface ScorecardOptions {
  /** The decision vocabulary (the κ categories). */
  categories: readonly string[];
  words: ErrorWords;
  /** A contractor whose κ is below this is flagged. */
  kappaBar: number;
  /** A contractor whose percent agreement (as a fraction) is below this is flagged. */
  agreementBar: number;
  /** Fewer audits than this are too few to flag anyone on. */
  minAudits: number;
  /** The week label (`YYYY-Www`) of a decision time. */
  weekOf: (at: Date) => string;
}

/** The audit figures of one set of audited decisions. */
export interface AgreementFigures {
  audited: number;
  agreed: number;
  /** Share of audited decisions the audit agreed with; null with no audits. */
  agreement: number | null;
  kappa: number | null;
  band: LandisKochBand | undefined;
  /** Gwet's AC1: agreement beyond chance that one dominant decision does not drag down; null with no audits. */
  ac1: number | null;
}

export interface WeekScore extends AgreementFigures {
  week: string;
  decisions: number;
}

export type ContractorStatus = 'below_bar' | 'ok' | 'too_few_audits' | 'not_audited';

export interface ContractorScore extends AgreementFigures {
  contractor: string;
  decisions: number;
  golden: { items: number; correct: number; accuracy: number | null };
  falsePositives: number;
  falseNegatives: number;
  wrongActions: number;
  weeks: WeekScore[];
  status: ContractorStatus;
  /** Which bars it misses (`κ 0.41 < 0.60`); with too few audits these do not flag it. */
  reasons: string[];
}

function figures(list: readonly ScoredDecision[], categories: readonly string[]): AgreementFigures {
  const audited = list.filter((d) => d.audit !== undefined);
  const agreed = audited.filter((d) => d.audit === d.decision).length;
  const matrix = confusionMatrix(audited.map((d) => [d.decision, d.audit as string] as const), categories);
  const { kappa } = cohensKappa(matrix);
  return { audited: audited.length, agreed, agreement: audited.length ? agreed / audited.length : null, kappa, band: landisKochBand(kappa), ac1: gwetAc1(matrix) };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The QA scorecard: per contractor, audited count, percent agreement with the audits, Cohen's κ with its
 * Landis–Koch band, golden-set accuracy, false positives / false negatives / wrong actions, the same per
 * week of the decision, and whether the contractor is below the bar (κ or agreement under it, with at
 * least `minAudits` audits). A κ that is undefined (every audited item got the same decision from both)
 * never flags: agreement then says all there is to say. Sorted with the flagged first, then by name.
 */
export function scorecard(decisions: readonly ScoredDecision[], opts: ScorecardOptions): ContractorScore[] {
  const byContractor = new Map<string, ScoredDecision[]>();
  for (const d of decisions) {
    const list = byContractor.get(d.contractor);
    if (list) list.push(d);
    else byContractor.set(d.contractor, [d]);
  }
  const scores: ContractorScore[] = [];
  for (const [contractor, list] of byContractor) {
    const all = figures(list, opts.categories);
    const golden = list.filter((d) => d.golden !== undefined);
    const correct = golden.filter((d) => d.golden === d.decision).length;
    let falsePositives = 0;
    let falseNegatives = 0;
    let wrongActions = 0;
    for (const d of list) {
      if (d.audit === undefined) continue;
      const outcome = classifyDisagreement(d.decision, d.audit, opts.words);
      if (outcome === 'false_positive') falsePositives++;
      else if (outcome === 'false_negative') falseNegatives++;
      else if (outcome === 'wrong_action') wrongActions++;
    }
    const byWeek = new Map<string, ScoredDecision[]>();
    for (const d of list) {
      const week = opts.weekOf(d.decidedAt);
      const w = byWeek.get(week);
      if (w) w.push(d);
      else byWeek.set(week, [d]);
    }
    const weeks = [...byWeek.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([week, ds]) => ({ week, decisions: ds.length, ...figures(ds, opts.categories) }));
    const reasons: string[] = [];
    if (all.kappa !== null && all.kappa < opts.kappaBar) reasons.push(`κ ${roundKappa(all.kappa).toFixed(2)} < ${opts.kappaBar.toFixed(2)}`);
    if (all.agreement !== null && all.agreement < opts.agreementBar) reasons.push(`agreement ${percent(all.agreement)} < ${percent(opts.agreementBar)}`);
    const status: ContractorStatus = all.audited === 0 ? 'not_audited' : all.audited < opts.minAudits ? 'too_few_audits' : reasons.length ? 'below_bar' : 'ok';
    scores.push({
      contractor,
      decisions: list.length,
      ...all,
      golden: { items: golden.length, correct, accuracy: golden.length ? correct / golden.length : null },
      falsePositives,
      falseNegatives,
      wrongActions,
      weeks,
      status,
      reasons,
    });
  }
  return scores.sort((a, b) => Number(b.status === 'below_bar') - Number(a.status === 'below_bar') || (a.contractor < b.contractor ? -1 : a.contractor > b.contractor ? 1 : 0));
}
