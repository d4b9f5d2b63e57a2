/**
 * Example brand activations for `examples/activations.yaml`, as of the example week's `now` (Friday
 * 2026-02-20, Presidents' Day on Monday the 16th): one on track with a diamond of milestones, one at risk
 * (assets in late, too few business days left for review), one overdue across the holiday, one just
 * kicked off. The dates are chosen, not drawn, so each case stays what it is; the seed only picks the
 * artists named in the announcements.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, isMap, isPair, isScalar, visit } from 'yaml';
import { seededRandom } from '../../packages/core/src/random/seeded-random.js';

const ARTISTS = ['pastel_fox', 'inkyotter', 'glitch_makes_art', 'doodlecrafts', 'cloud_studio', 'moonpaint', 'sketchdrawsalot', 'rust_pixels', 'fernbean', 'neonworks'];

/** The `activations:` block appended to the example creator-desk.yaml. */
export const EXAMPLE_ACTIVATION_SETTINGS = `
activations:
  # Tracker dates are calendar dates in this zone; "today" is the report's now there.
  time_zone: America/Los_Angeles
  # us-federal = the US federal holidays of every year the trackers span (Presidents' Day 2026-02-16).
  holidays: [us-federal]
  # Business days each step needs after its predecessors are done; fewer left before its due date = at risk.
  min_business_days:
    brief: 3
    artists_assigned: 2
    assets_submitted: 5
    review_passed: 2
    staged: 2
    launch: 1
    community_announcement: 1
  # Local start time of an exported announcement event (activation export-event).
  announce_time: '10:00'
`;

/** The example tracker, as YAML text. */
export function exampleActivations(seed = 20260215): string {
  const rnd = seededRandom(seed);
  const pick = (): string => ARTISTS[Math.floor(rnd() * ARTISTS.length)] as string;
  const [a1, a2, a3] = [pick(), pick(), pick()];
  const activations = [
    {
      id: 'blue-finch-latte-art',
      brand: 'Blue Finch Coffee',
      name: 'Latte Art avatar collection',
      blockers: [],
      announcement: {
        title: 'Blue Finch Coffee × Collectible Avatars: the Latte Art collection is live',
        body: `Five latte-art avatars by u/${a1} and u/${a2}, in the Avatar shop today.\n\nDetails and the full lineup: https://example.com/latte-art`,
        time: '09:00',
      },
      milestones: {
        kickoff: { due: '2026-01-12', done: '2026-01-12' },
        // Brief and artist assignment run in parallel after kickoff; assets need both (a diamond).
        brief: { due: '2026-01-16', done: '2026-01-15', after: ['kickoff'] },
        artists_assigned: { due: '2026-01-20', done: '2026-01-21', after: ['kickoff'] },
        assets_submitted: { due: '2026-02-06', done: '2026-02-05', after: ['brief', 'artists_assigned'] },
        review_passed: { due: '2026-02-12', done: '2026-02-12' },
        staged: { due: '2026-02-19', done: '2026-02-19' },
        launch: { due: '2026-02-26' },
        community_announcement: { due: '2026-02-26', after: ['launch'] },
      },
    },
    {
      id: 'aurora-spring-kicks',
      brand: 'Aurora Sneakers',
      name: 'Spring Kicks avatar drop',
      blockers: ['Brand wants a second look at the colourways before Legal signs off'],
      announcement: { title: 'Aurora Sneakers: Spring Kicks drop', body: `Spring Kicks by u/${a3} — limited run.` },
      milestones: {
        kickoff: { due: '2026-01-26', done: '2026-01-26' },
        brief: { due: '2026-01-30', done: '2026-01-30' },
        artists_assigned: { due: '2026-02-04', done: '2026-02-05' },
        // In six days late (Thursday the 19th): review now has one business day where it needs two.
        assets_submitted: { due: '2026-02-13', done: '2026-02-19' },
        review_passed: { due: '2026-02-23' },
        staged: { due: '2026-02-25' },
        launch: { due: '2026-03-03' },
        community_announcement: { due: '2026-03-03' },
      },
    },
    {
      id: 'kettle-crumb-cozy',
      brand: 'Kettle & Crumb',
      name: 'Cozy Bakes community award',
      blockers: [],
      milestones: {
        kickoff: { due: '2026-02-02', done: '2026-02-02' },
        brief: { due: '2026-02-06', done: '2026-02-09' },
        // Due the Friday before Presidents' Day: four business days overdue on Friday the 20th, not five.
        artists_assigned: { due: '2026-02-13', blocker: 'two artists have not signed the brand NDA' },
        assets_submitted: { due: '2026-03-02' },
        review_passed: { due: '2026-03-06', owner: 'Legal' },
        staged: { due: '2026-03-11' },
        launch: { due: '2026-03-17' },
        community_announcement: { due: '2026-03-17', owner: 'Community' },
      },
    },
    {
      id: 'northwind-quest',
      brand: 'Northwind Games',
      name: 'Questline avatar set',
      blockers: [],
      milestones: {
        kickoff: { due: '2026-02-17', done: '2026-02-18' },
        brief: { due: '2026-02-27' },
        artists_assigned: { due: '2026-03-06' },
        assets_submitted: { due: '2026-03-27' },
        review_passed: { due: '2026-04-03' },
        staged: { due: '2026-04-09' },
        launch: { due: '2026-04-14' },
        community_announcement: { due: '2026-04-14' },
      },
    },
  ];
  const header = [
    '# Brand activation tracker (read by `creator-desk report`; `creator-desk activation export-event` turns a',
    '# community announcement into an events-page entry). Milestones follow the default chain kickoff → brief →',
    '# artists_assigned → assets_submitted → review_passed → staged → launch (the community announcement after',
    '# review_passed, parallel to staging) unless a milestone says `after: [...]`. Owners default per milestone.',
    '',
  ].join('\n');
  const doc = new Document({ activations });
  // One line per milestone, `kickoff: { due: …, done: … }`, as a coordinator would write it.
  visit(doc, {
    Pair(_key, pair) {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === 'milestones' && isMap(pair.value)) {
        for (const item of pair.value.items) if (isMap(item.value)) item.value.flow = true;
      }
    },
  });
  return header + doc.toString({ lineWidth: 0 });
}

/** Writes `activations.yaml` and appends the `activations:` settings to the directory's creator-desk.yaml. */
export function writeActivationExamples(out: string): void {
  writeFileSync(join(out, 'activations.yaml'), exampleActivations());
  appendFileSync(join(out, 'creator-desk.yaml'), EXAMPLE_ACTIVATION_SETTINGS);
}
