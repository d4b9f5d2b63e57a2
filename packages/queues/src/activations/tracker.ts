import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR } from './business-days.js';
import { OWNER_TEAMS, type Milestone, type OwnerTeam } from './milestones.js';

/** A tracker date: a real `YYYY-MM-DD` calendar date between 2000 and 2099. */
export const trackerDateSchema = z.string().refine(
  (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const y = Number(m[1]);
    const d = new Date(`${s}T00:00:00Z`);
    return y >= FIRST_YEAR && y <= LAST_YEAR && !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  },
  { message: `expected a calendar date YYYY-MM-DD between ${FIRST_YEAR} and ${LAST_YEAR}` },
);

/** An activation id; it is also the id of the exported announcement event, so it follows the events page's rule. */
export const activationIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'expected lower-case letters, digits and dashes (at most 40), as event ids are');

const text = (max: number) => z.string().trim().min(1).max(max);

/** One milestone as the YAML tracker writes it (the name is its key). */
export const milestoneInputSchema = z.strictObject({
  due: trackerDateSchema,
  done: trackerDateSchema.optional(),
  owner: z.enum(OWNER_TEAMS).optional(),
  after: z.array(z.string().max(40)).max(8).optional(),
  blocker: text(500).optional(),
});

/** What the exported announcement says; the tracker's own text, checked before it is exported. */
export const announcementInputSchema = z.strictObject({
  title: text(300).optional(),
  body: z.string().max(5000).optional(),
  /** Local start time of the event on the milestone's due date. */
  time: z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'expected a time of day HH:MM').optional(),
});

/** One activation of the YAML tracker (milestones checked one by one, so one bad milestone names itself). */
export const activationInputSchema = z.strictObject({
  id: activationIdSchema,
  brand: text(100),
  name: text(200),
  blockers: z.array(text(500)).max(50).default([]),
  announcement: announcementInputSchema.optional(),
  milestones: z.record(z.string(), z.unknown()),
});

/** A row of the CSV tracker: one milestone of one activation. */
export const milestoneRowSchema = z.object({
  activation_id: activationIdSchema,
  brand: text(100),
  activation: text(200),
  milestone: z.string().trim().min(1).max(40),
  owner: z.preprocess((v) => (v === '' ? undefined : v), z.enum(OWNER_TEAMS).optional()),
  due: trackerDateSchema,
  done: z.preprocess((v) => (v === '' ? undefined : v), trackerDateSchema.optional()),
  after: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(400).optional()),
  blocker: z.preprocess((v) => (v === '' ? undefined : v), text(500).optional()),
});

/** The columns of the CSV tracker. */
export const TRACKER_COLUMNS = { required: ['activation_id', 'brand', 'activation', 'milestone', 'due'], optional: ['owner', 'done', 'after', 'blocker'] } as const;

/** Where something of the tracker was written. */
export interface TrackerPlace {
  file: string;
  line?: number;
  row?: number;
}

/** A milestone of an activation, validated. */
export interface MilestonePlan {
  name: Milestone;
  due: string;
  done?: string;
  owner: OwnerTeam;
  /** Predecessors written in the tracker; undefined = the default chain. */
  after?: Milestone[];
  blocker?: string;
  at: TrackerPlace;
}

/** An activation of the tracker, validated (its milestone graph is checked separately). */
export interface Activation {
  id: string;
  brand: string;
  name: string;
  blockers: string[];
  announcement?: { title?: string; body?: string; time?: string };
  milestones: Map<Milestone, MilestonePlan>;
  at: TrackerPlace;
}
