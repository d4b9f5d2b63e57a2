import { describe, expect, it } from 'vitest';
import { loadEscalationRules } from '../../src/escalations/rules-routing.js';
import type { RouteEvaluator } from '../../src/escalations/routing.js';
import { checkEscalation, checkReviewTransition } from '../../src/escalations/transition-check.js';
import { defaultQueueConfig } from '../../src/readers/queue-config.js';
import { buildReport } from '../../src/report/build-report.js';
import { emptyRetryState } from '../../src/staging/retry-state.js';
import { submission } from '../helpers/submissions.js';

const RULES = `# IP reports go to Legal
type: review
tags: ip_report
escalate:
  team: Legal
  reason: "IP report on '{{title}}'"
---
# AI art
type: review
tags: ai_generated
escalate: { team: Trust & Safety, reason: "Suspected AI-generated art" }
---
# Brand awards go to Brand
type: review
kind: brand_award
escalate: { team: Brand, reason: "Brand award needs Brand sign-off" }
---
type: review
body: [copyright, trademark]
escalate: { team: Legal, reason: "Notes mention {{match}}" }
`;

const now = new Date('2026-02-18T20:00:00Z');
const { evaluator, problems } = loadEscalationRules(RULES, 'rules.yaml');
const route = evaluator as RouteEvaluator;

describe('escalation routing with the rule language', () => {
  it('compiles the rules without problems', () => {
    expect(problems).toEqual([]);
  });

  it('sends IP reports to Legal, AI-generated art to Trust & Safety and brand awards to Brand, with reasons', () => {
    const t = (o: Parameters<typeof submission>[0]) => route(submission(o), now).map((d) => [d.team, d.reason]);
    expect(t({ submittedAt: '2026-02-18T10:00:00Z', flags: ['ip_report'], title: 'Neon Otter' })).toEqual([['Legal', "IP report on 'Neon Otter'"]]);
    expect(t({ submittedAt: '2026-02-18T10:00:00Z', flags: ['ai_generated'] })).toEqual([['Trust & Safety', 'Suspected AI-generated art']]);
    expect(t({ submittedAt: '2026-02-18T10:00:00Z', assetType: 'brand_award' })).toEqual([['Brand', 'Brand award needs Brand sign-off']]);
    expect(t({ submittedAt: '2026-02-18T10:00:00Z', notes: 'Possible Trademark issue' })).toEqual([['Legal', 'Notes mention Trademark']]);
    expect(t({ submittedAt: '2026-02-18T10:00:00Z' })).toEqual([]);
  });

  it('points each decision at its rule line', () => {
    const [d] = route(submission({ submittedAt: '2026-02-18T10:00:00Z', flags: ['ai_generated'] }), now);
    expect(d?.rule).toMatchObject({ line: 9, source: 'rules.yaml' });
  });

  it('reports rule errors with their line and keeps the good rules', () => {
    const r = loadEscalationRules(`type: review\ntags: ip_report\nescalate: { team: Legal, reason: ok }\n---\ntype: review\nnot_a_check (regex): "("\nescalate: { team: Legal }\n`, 'bad.yaml');
    expect(r.problems.some((p) => p.severity === 'error' && p.line !== undefined && p.line >= 5)).toBe(true);
    expect(r.evaluator?.(submission({ submittedAt: '2026-02-18T10:00:00Z', flags: ['ip_report'] }), now).map((d) => d.team)).toEqual(['Legal']);
  });
});

describe('escalations in the report', () => {
  const inputs = (reviews: ReturnType<typeof submission>[], r: RouteEvaluator = route) => ({
    dir: 'x',
    config: defaultQueueConfig(),
    reviews,
    staging: [],
    route: r,
    inputs: [],
    problems: [],
    notes: [],
  });

  it('lists open items to escalate, items already with a team, and leaves decided items alone', () => {
    const { report } = buildReport(
      inputs([
        submission({ id: 'new', submittedAt: '2026-02-18T10:00:00Z', flags: ['ip_report'] }),
        submission({ id: 'with', submittedAt: '2026-02-18T09:00:00Z', flags: ['ip_report'], status: 'escalated', history: [['pending', '2026-02-18T09:00:00Z'], ['escalated', '2026-02-18T09:30:00Z']] }),
        submission({ id: 'decided', submittedAt: '2026-02-18T09:00:00Z', flags: ['ip_report'], status: 'rejected', history: [['pending', '2026-02-18T09:00:00Z'], ['in_review', '2026-02-18T09:10:00Z'], ['rejected', '2026-02-18T09:30:00Z']] }),
      ]),
      emptyRetryState(),
      now,
    );
    expect(report.escalations.map((e) => [e.submission.id, e.status, e.decisions.map((d) => d.team)])).toEqual([
      ['new', 'to_escalate', ['Legal']],
      ['with', 'with_team', ['Legal']],
    ]);
  });

  it('refuses a route to a team the escalation machine does not know', () => {
    const odd: RouteEvaluator = () => [{ team: 'Marketing', reason: 'because', rule: { line: 1 } }];
    const { report } = buildReport(inputs([submission({ id: 'a', submittedAt: '2026-02-18T10:00:00Z' })], odd), emptyRetryState(), now);
    expect(report.escalations[0]).toMatchObject({ status: 'invalid' });
    expect(report.escalations[0]?.error).toMatch(/unknown team "Marketing"/);
  });

  it('flags a history where an escalated item was approved: escalated items may only close', () => {
    const { report } = buildReport(
      inputs([
        submission({ id: 'x', submittedAt: '2026-02-18T09:00:00Z', status: 'approved', history: [['pending', '2026-02-18T09:00:00Z'], ['escalated', '2026-02-18T09:30:00Z'], ['approved', '2026-02-18T10:00:00Z']] }),
      ]),
      emptyRetryState(),
      now,
    );
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'review.csv', row: 1, line: 2, field: 'status_history', severity: 'warning', message: 'x: escalated → approved is not allowed (from escalated the review-item machine allows only closed)' }),
    ]);
  });
});

describe('review-item machine checks', () => {
  it('maps in_review and waiting_on_artist onto claimed', () => {
    expect(checkReviewTransition('pending', 'in_review')).toBeUndefined();
    expect(checkReviewTransition('in_review', 'waiting_on_artist')).toBeUndefined();
    expect(checkReviewTransition('waiting_on_artist', 'escalated')).toBeUndefined();
    expect(checkReviewTransition('pending', 'approved')).toMatch(/allows only/);
    expect(checkReviewTransition('closed', 'pending')).toBe('closed is final');
  });

  it('accepts the default teams case-insensitively', () => {
    expect(checkEscalation('a', 'legal', 'why', new Date())).toBeUndefined();
    expect(checkEscalation('a', 'Legal', ' ', new Date())).toMatch(/say why/);
  });
});
