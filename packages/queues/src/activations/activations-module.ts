import { readFileSync } from 'node:fs';
import type { InputProblem } from '../readers/problems.js';
import { readModuleSettings, type QueueModule, type QueueModuleContext, type QueueModuleReport } from '../report/queue-module.js';
import { id, plain, section, user, type Cell } from '../report/section.js';
import type { ActivationPlan, MilestoneRisk, MilestoneStatus } from './plan-activation.js';
import { planTrackers } from './plan-trackers.js';
import { TRACKER_FILES, readTracker } from './read-tracker.js';
import type { TrackerRead } from './read-yaml-tracker.js';
import { activationSettingsSchema } from './settings.js';

const TONE: Record<MilestoneRisk, Cell['tone']> = { overdue: 'red', 'at-risk': 'yellow', ok: 'green', done: 'dim' };

const weekday = (iso: string): string => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][new Date(`${iso}T00:00:00Z`).getUTCDay()] as string;
/** `Fri 2026-02-20`. */
const dateCell = (iso: string | undefined): Cell => plain(iso === undefined ? '—' : `${weekday(iso)} ${iso}`);
const days = (n: number): string => `${n} business day${Math.abs(n) === 1 ? '' : 's'}`;

/** Why a milestone has its risk, in words (`needs 2 business days after review_passed (earliest 2026-02-24); 1 left`). */
function riskWhy(s: MilestoneStatus, plan: ActivationPlan): string {
  if (s.risk === 'overdue') return `${days(s.overdueBy ?? 0)} past due`;
  const binding = plan.milestones.find((p) => s.after.includes(p.name) && p.finish === s.start);
  const from = binding ? `${binding.name} (${binding.risk === 'done' ? 'done' : 'earliest'} ${binding.finish})` : `today (${s.start ?? ''})`;
  if (s.risk === 'at-risk') return `needs ${days(s.min)} after ${from}; ${days(s.left ?? 0)} left before it is due`;
  return `${days(s.slack)} of slack`;
}

/** The activation's risk; an on-track one whose next milestone is due within `soon` business days says so. */
function riskCell(p: ActivationPlan, soon: number): Cell {
  if (p.risk === 'ok' && p.next?.dueIn !== undefined && p.next.dueIn <= soon) return plain(`ok, next due in ${days(p.next.dueIn)}`, 'cyan');
  return plain(p.risk, TONE[p.risk]);
}

/** The `activations` queue: brand activations against their milestone due dates, in business days. */
export const activationsModule: QueueModule = {
  name: 'activations',
  files: TRACKER_FILES,
  settingsKey: 'activations',
  build(ctx: QueueModuleContext): QueueModuleReport {
    const settings = readModuleSettings(ctx, 'activations', activationSettingsSchema);
    const problems: InputProblem[] = [...settings.problems];
    const reads: TrackerRead[] = [];
    const inputs: QueueModuleReport['inputs'] = [];
    for (const f of ctx.files) {
      let text: string;
      try {
        text = readFileSync(f.path, 'utf8');
      } catch (err) {
        problems.push({ file: f.path, severity: 'error', message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})` });
        continue;
      }
      const r = readTracker(text, f.path);
      reads.push(r);
      problems.push(...r.problems);
      inputs.push({ file: f.path, kind: 'activations', records: r.records });
    }
    const planned = planTrackers(reads, settings.value, ctx.now);
    problems.push(...planned.problems);
    const plans = planned.plans;
    const risky = plans.flatMap((p) => p.milestones.filter((m) => m.risk === 'overdue' || m.risk === 'at-risk').map((m) => ({ plan: p, m })));
    risky.sort((x, y) => (x.m.risk === y.m.risk ? (x.m.due < y.m.due ? -1 : x.m.due > y.m.due ? 1 : 0) : x.m.risk === 'overdue' ? -1 : 1));
    const atRisk = plans.filter((p) => p.risk === 'overdue' || p.risk === 'at-risk').length;
    const notes: string[] = [];
    if (!settings.ok) notes.push('activations: the settings have errors, so the defaults were used (US federal holidays, America/Los_Angeles)');
    return {
      name: 'activations',
      sections: (limit) => [
        section(
          'Brand activations',
          ['Activation', 'Brand', 'Name', 'Launch', 'Next milestone', 'Owner', 'Due', 'Risk', 'Launch slack', 'Critical path'],
          plans,
          (p: ActivationPlan) => [
            id(p.activation.id),
            user(p.activation.brand),
            user(p.activation.name),
            dateCell(p.launchDue),
            plain(p.next?.name ?? 'all done'),
            plain(p.next?.owner ?? '—'),
            dateCell(p.next?.due),
            riskCell(p, settings.value.due_soon_business_days),
            plain(days(p.launchSlack), p.launchSlack < 0 ? 'red' : undefined),
            plain(p.criticalPath.join(' → '), 'dim'),
          ],
          limit,
          'No activations in the trackers.',
          ['Critical path', 'Name', 'Launch slack'],
        ),
        section(
          'Activation milestones at risk',
          ['Activation', 'Milestone', 'Owner', 'Due', 'Risk', 'Why', 'Blocker'],
          risky,
          ({ plan, m }) => [id(plan.activation.id), plain(m.name), plain(m.owner), dateCell(m.due), plain(m.risk, TONE[m.risk]), plain(riskWhy(m, plan)), user(m.blocker ?? (plan.activation.blockers.length > 0 ? plan.activation.blockers.join('; ') : undefined))],
          limit,
          'No activation milestone is at risk or overdue.',
          ['Blocker', 'Why'],
        ),
      ],
      json: {
        today: planned.today,
        activations: plans.map((p) => ({
          id: p.activation.id,
          brand: p.activation.brand,
          name: p.activation.name,
          file: p.activation.at.file,
          launchDue: p.launchDue,
          launchSlack: p.launchSlack,
          risk: p.risk,
          next: p.next ? { milestone: p.next.name, owner: p.next.owner, due: p.next.due, risk: p.next.risk } : null,
          criticalPath: p.criticalPath,
          blockers: p.activation.blockers,
          milestones: p.milestones,
        })),
        atRisk: risky.map(({ plan, m }) => ({ activation: plan.activation.id, milestone: m.name, owner: m.owner, due: m.due, risk: m.risk, why: riskWhy(m, plan) })),
      },
      headline: atRisk > 0 ? [`${atRisk} activation${atRisk === 1 ? '' : 's'} at risk`] : [],
      problems,
      notes,
      inputs,
    };
  },
};
