/**
 * The six elements of a copyright takedown notice (17 U.S.C. §512(c)(3)(A)) and the elements of a
 * counter-notice (§512(g)(3)), as zod schemas; validation says which statutory elements are missing.
 */
import { z } from 'zod';

/** The elements of a valid notice, keyed by field, with the statute's wording (shortened). */
export const NOTICE_ELEMENTS = {
  signature: '§512(c)(3)(A)(i) physical or electronic signature of a person authorized to act for the owner',
  copyrightedWork: '§512(c)(3)(A)(ii) identification of the copyrighted work claimed to be infringed',
  infringingMaterial:
    '§512(c)(3)(A)(iii) identification of the infringing material, with information reasonably sufficient to locate it',
  contact: '§512(c)(3)(A)(iv) information to contact the complaining party (address, telephone number or email)',
  goodFaithStatement:
    '§512(c)(3)(A)(v) statement of good-faith belief that the use is not authorized by the owner, its agent or the law',
  accuracyStatement:
    '§512(c)(3)(A)(vi) statement that the notice is accurate and, under penalty of perjury, that the sender is authorized to act for the owner',
} as const;

/** One of the six notice elements. */
export type NoticeElement = keyof typeof NOTICE_ELEMENTS;

/** The elements of a valid counter-notice (§512(g)(3)). */
export const COUNTER_NOTICE_ELEMENTS = {
  signature: '§512(g)(3)(A) physical or electronic signature of the subscriber',
  removedMaterial: '§512(g)(3)(B) identification of the material removed and where it appeared before removal',
  mistakeStatement:
    '§512(g)(3)(C) statement under penalty of perjury of good-faith belief that the material was removed by mistake or misidentification',
  subscriber: "§512(g)(3)(D) the subscriber's name, address and telephone number",
  jurisdictionConsent: '§512(g)(3)(D) consent to the jurisdiction of a Federal District Court',
  acceptsService: '§512(g)(3)(D) agreement to accept service of process from the complainant',
} as const;

/** One of the counter-notice elements. */
export type CounterNoticeElement = keyof typeof COUNTER_NOTICE_ELEMENTS;

const text = (what: string) => z.string({ error: `${what} is missing` }).trim().min(1, `${what} is empty`);
const statement = (what: string) =>
  z.literal(true, { error: `${what} must be present (true)` });
const locations = z
  .array(text('a location'), { error: 'locations are missing' })
  .min(1, 'at least one location (URL or permalink) is needed');

/** A takedown notice as recorded by the coordinator. */
export const takedownNoticeSchema = z.object({
  /** The notice's reference (Reddit's or Legal's ticket number); quoted to the uploader. */
  reference: text('the notice reference'),
  signature: text('the signature'),
  copyrightedWork: text('the copyrighted work'),
  infringingMaterial: z.object(
    { description: z.string().trim().optional(), locations },
    { error: 'the infringing material is missing' },
  ),
  contact: z
    .object(
      {
        name: text('the complainant name'),
        address: z.string().trim().min(1).optional(),
        phone: z.string().trim().min(1).optional(),
        email: z.email('the email address is not valid').optional(),
      },
      { error: 'the contact information is missing' },
    )
    .refine((c) => c.address !== undefined || c.phone !== undefined || c.email !== undefined, {
      message: 'an address, telephone number or email is needed',
    }),
  goodFaithStatement: statement('the good-faith statement'),
  accuracyStatement: statement('the accuracy / penalty-of-perjury statement'),
});

/** A valid takedown notice. */
export type TakedownNotice = z.output<typeof takedownNoticeSchema>;

/** A counter-notice as recorded by the coordinator. */
export const counterNoticeSchema = z.object({
  signature: text('the signature'),
  removedMaterial: z.object(
    { description: z.string().trim().optional(), locations },
    { error: 'the removed material is missing' },
  ),
  mistakeStatement: statement('the mistake / misidentification statement'),
  subscriber: z.object(
    { name: text('the name'), address: text('the address'), phone: text('the telephone number') },
    { error: 'the name, address and telephone number are missing' },
  ),
  jurisdictionConsent: statement('consent to jurisdiction'),
  acceptsService: statement('agreement to accept service of process'),
});

/** A valid counter-notice. */
export type CounterNotice = z.output<typeof counterNoticeSchema>;

/** The outcome of validating a notice or counter-notice. */
export type ElementValidation<T, E extends string> =
  | { ok: true; value: T }
  | {
      ok: false;
      /** The statutory elements that are missing or deficient, in statute order. */
      missing: E[];
      /** Every problem, with the field path and what was expected. */
      issues: Array<{ path: string; message: string }>;
      /** One sentence for a moderator or for the reply asking the sender to complete the notice. */
      message: string;
    };

function validate<T, E extends string>(
  schema: z.ZodType<T>,
  elements: Readonly<Record<E, string>>,
  kind: string,
  input: unknown,
): ElementValidation<T, E> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const order = Object.keys(elements) as E[];
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const firstKeys = new Set(parsed.error.issues.map((i) => String(i.path[0] ?? '')));
  // A wholly missing input has one root issue: every element is missing.
  const missing = firstKeys.has('') ? order : order.filter((e) => firstKeys.has(e));
  const parts = missing.map((e) => elements[e]);
  const other = issues.filter((i) => !order.includes(i.path.split('.')[0] as E)).map((i) => i.message);
  const message = [
    parts.length ? `the ${kind} lacks ${parts.length} required element${parts.length > 1 ? 's' : ''}: ${parts.join('; ')}` : '',
    other.length && !firstKeys.has('') ? `also: ${other.join('; ')}` : '',
  ]
    .filter(Boolean)
    .join('. ');
  return { ok: false, missing, issues, message };
}

/** Validate a takedown notice and name the §512(c)(3)(A) elements it lacks. */
export function validateTakedownNotice(input: unknown): ElementValidation<TakedownNotice, NoticeElement> {
  return validate(takedownNoticeSchema, NOTICE_ELEMENTS, 'notice', input);
}

/** Validate a counter-notice and name the §512(g)(3) elements it lacks. */
export function validateCounterNotice(input: unknown): ElementValidation<CounterNotice, CounterNoticeElement> {
  return validate(counterNoticeSchema, COUNTER_NOTICE_ELEMENTS, 'counter-notice', input);
}
