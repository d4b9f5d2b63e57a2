import type { InputProblem } from '../readers/problems.js';
import type { SourceRef } from '../readers/validate-rows.js';
import type { QaSettings } from './qa-settings.js';
import { sampleSize } from './sample-size.js';
import { planSample, type SamplePlan, type SamplingMethod } from './sampling-plan.js';
import { scorecard, type ContractorScore, type ScoredDecision } from './scorecard.js';
import { weekLabel } from './week-label.js';

export interface QaDecision {
  itemId: string;
  contractor: string;
  decision: string;
  decidedAt: Date;
  golden?: string | undefined;
  source: SourceRef;
}

export interface QaAudit {
  itemId: string;
  auditor?: string | undefined;
  decision: string;
  auditedAt: Date;
  source: SourceRef;
}

/** One point of the κ trend: a contractor's week (the contract with the HTML report). */
export interface KappaWeek {
  contractor: string;
  week: string;
  kappa: number | null;
  audited: number;
}

/** How big the next sample is and why. */
export interface SampleSizing {
  /** Non-golden decisions: the population the agreement estimate is about. */
  population: number;
  /** Audits needed in all for ±margin at the confidence (or the size the settings fix). */
  required: number;
  /** Non-golden decisions audited already (they count towards `required`). */
  alreadyAudited: number;
  /** Decisions that could still be drawn (non-golden, not audited). */
  candidates: number;
  /** What the plan was asked to draw. */
  size: number;
  /** True when `qa.sampling.size` (or `--size`) fixed it. */
  fixed: boolean;
  seed: number;
  method: SamplingMethod;
  margin: number;
  confidence: number;
}

export interface QaAnalysis {
  scores: ContractorScore[];
  kappaByWeek: KappaWeek[];
  sizing: SampleSizing;
  plan: SamplePlan<ScoredDecision>;
  /** Audits that match no decision (warnings), and decisions audited before they were made. */
  problems: InputProblem[];
}

export interface AnalyzeOptions {
  timeZone: string;
  /** The seed when the settings give none. */
  defaultSeed: number;
  /** Overrides of the settings' sampling (the `qa sample` command's flags). */
  size?: number;
  margin?: number;
  confidence?: number;
  seed?: number;
}

function problemAt(source: SourceRef, field: string, message: string): InputProblem {
  const p: InputProblem = { file: source.file, row: source.row, field, severity: 'warning', message };
  if (source.line !== undefined) p.line = source.line;
  return p;
}

/**
 * Pairs the contractor decisions with the coordinator's audits (by item id), scores every contractor and
 * plans the next sample from the decisions not audited yet. Golden-set items are scored against their
 * expected decision and never sampled (their answer is known). The sample size is Cochran's for the
 * agreement rate of all non-golden decisions; audits already made count towards it.
 */
export function analyzeQa(decisions: readonly QaDecision[], audits: readonly QaAudit[], settings: QaSettings, opts: AnalyzeOptions): QaAnalysis {
  const auditOf = new Map(audits.map((a) => [a.itemId, a]));
  const decided = new Set(decisions.map((d) => d.itemId));
  const problems: InputProblem[] = [];
  for (const a of audits) {
    if (!decided.has(a.itemId)) problems.push(problemAt(a.source, 'item_id', `audit of ${JSON.stringify(a.itemId)}, which no contractor decision log names: not scored (a typo, or a log not in this directory?)`));
  }
  const scored: ScoredDecision[] = decisions.map((d) => {
    const audit = auditOf.get(d.itemId);
    if (audit && audit.auditedAt < d.decidedAt) {
      problems.push(problemAt(audit.source, 'audited_at', `${JSON.stringify(d.itemId)} was audited (${audit.auditedAt.toISOString()}) before ${d.contractor} decided it (${d.decidedAt.toISOString()}): scored anyway; check the clocks`));
    }
    return {
      itemId: d.itemId,
      contractor: d.contractor,
      decision: d.decision,
      decidedAt: d.decidedAt,
      ...(d.golden !== undefined ? { golden: d.golden } : {}),
      ...(audit ? { audit: audit.decision } : {}),
    };
  });
  const scores = scorecard(scored, {
    categories: settings.decisions,
    words: { approve: settings.approve_decision, reject: settings.reject_decision },
    kappaBar: settings.kappa_bar,
    agreementBar: settings.agreement_bar,
    minAudits: settings.min_audits,
    weekOf: (at) => weekLabel(at, opts.timeZone, settings.week_start),
  });
  const kappaByWeek = scores.flatMap((s) => s.weeks.map((w) => ({ contractor: s.contractor, week: w.week, kappa: w.kappa, audited: w.audited })));

  const frame = scored.filter((d) => d.golden === undefined);
  const candidates = frame.filter((d) => d.audit === undefined);
  const alreadyAudited = frame.length - candidates.length;
  const fixed = opts.size ?? settings.sampling.size;
  const margin = opts.margin ?? settings.sampling.margin;
  const confidence = opts.confidence ?? settings.sampling.confidence;
  const required = fixed ?? sampleSize({ margin, confidence, population: frame.length }).n;
  const size = Math.min(candidates.length, fixed ?? Math.max(0, required - alreadyAudited));
  const seed = opts.seed ?? settings.sampling.seed ?? opts.defaultSeed;
  const plan = planSample(candidates, {
    method: settings.sampling.method,
    size,
    seed,
    targeted: new Set(scores.filter((s) => s.status === 'below_bar').map((s) => s.contractor)),
    oversample: settings.sampling.oversample,
  });
  return {
    scores,
    kappaByWeek,
    sizing: { population: frame.length, required, alreadyAudited, candidates: candidates.length, size, fixed: fixed !== undefined, seed, method: settings.sampling.method, margin, confidence },
    plan,
    problems,
  };
}
