import type { SettingsClient, SettingsFormField } from '@devvit/public-api';
import {
  escalationConfigSchema,
  isoDateSchema,
  // The same check as core's calendars, so a saved zone is one the takedown calendar accepts.
  isValidTimeZone,
  parseStrikeLadder,
  strikeLadderConfigSchema,
  takedownCalendar,
  validateTemplate,
  type BusinessCalendar,
  type EscalationConfig,
  type StrikeLadderConfig,
} from '@creator-desk/core';
import { TEMPLATE_PLACEHOLDERS } from './templates.js';

/**
 * The app's one settings module: the installation settings every capability reads. They are small
 * (each value far under Devvit's 2 KB), so they live in settings rather than on a wiki page (the
 * rules do); every value is validated when saved and again when read, with the default used (and
 * named in `problems`) if a stored value no longer parses.
 */
export const SETTING = {
  rulesEnabled: 'rules-enabled',
  exemptApprovedUsers: 'exempt-approved-users',
  timeZone: 'time-zone',
  removalReasons: 'enforcement-removal-reasons',
  teams: 'enforcement-teams',
  strikeLadder: 'strike-ladder',
  strikeExpiryDays: 'strike-expiry-days',
  removalCommentTemplate: 'removal-comment-template',
  warningTemplate: 'strike-warning-template',
  banMessageTemplate: 'ban-message-template',
  takedownNoticeTemplate: 'takedown-notice-template',
  takedownUsHolidays: 'takedown-us-federal-holidays',
  takedownExtraHolidays: 'takedown-extra-holidays',
} as const;

/** Default removal reasons, one `reason | team` a line. */
export const DEFAULT_REMOVAL_REASONS = [
  'Unoriginal work (copied or traced) | Legal',
  'AI-generated art presented as hand-made | Trust & Safety',
  'Breaks subreddit policy | Trust & Safety',
].join('\n');

/** Default escalation teams (the issue's four). */
export const DEFAULT_TEAMS = 'Legal, Trust & Safety, Brand, Engineering';
/** Default strike ladder: step i applies at the i-th active strike. */
export const DEFAULT_LADDER = 'warn, ban 7, permanent';
/** Default days after which a strike stops counting. */
export const DEFAULT_EXPIRY_DAYS = 180;

/** Default removal-reason comment (placeholders: TEMPLATE_PLACEHOLDERS.removal). */
export const DEFAULT_REMOVAL_COMMENT =
  'Hi u/{{author}}, your {{kind}} was removed by the moderators of r/{{subreddit}}.\n\n' +
  '**Reason:** {{reason}}\n\n{{note}}\n\n' +
  'If you think this is a mistake, [message the moderators](https://www.reddit.com/message/compose?to=r/{{subreddit}}).';

/** Default strike warning sent by modmail. */
export const DEFAULT_WARNING =
  'Hi u/{{author}}, this is a formal warning from the moderators of r/{{subreddit}} (strike {{strikes}}).\n\n' +
  '**Reason:** {{reason}}\n\nFurther strikes lead to a ban: {{ladder}}. Strikes expire after {{expiry_days}} days.';

/** Default ban message of a strike's ban. */
export const DEFAULT_BAN_MESSAGE =
  'You have been {{ban}} from r/{{subreddit}} (strike {{strikes}}).\n\n**Reason:** {{reason}}\n\n' +
  'You can appeal by replying to this message.';

/** Default uploader notice of a copyright takedown (states what a §512(g)(3) counter-notice needs). */
export const DEFAULT_TAKEDOWN_NOTICE =
  'Hi u/{{author}}, your {{kind}} in r/{{subreddit}} was removed in response to a copyright notice ' +
  '(reference **{{reference}}**) about: {{work}}.\n\n' +
  'If you believe it was removed by mistake or misidentification, you may send a counter-notice under ' +
  '17 U.S.C. §512(g)(3) by replying to this conversation with: your physical or electronic signature; ' +
  'identification of the removed material and where it appeared; a statement under penalty of perjury that ' +
  'you have a good-faith belief it was removed by mistake or misidentification; your name, address and ' +
  'telephone number; your consent to the jurisdiction of a Federal District Court; and your agreement to ' +
  'accept service of process from the complainant. Repeated infringement leads to a ban.';

type Parsed<T> = { ok: true; value: T; error?: undefined } | { ok: false; error: string; value?: undefined };

/** A removal reason of the Remove form and the team its removals are escalated to. */
export interface RemovalReason {
  /** Stable value of the form option (the reason's position, 1-based). */
  value: string;
  label: string;
  team: string;
}

/** Parses the comma-separated team list through core's escalation config schema. */
export function parseEscalationTeams(text: string): Parsed<EscalationConfig> {
  const teams = text.split(',').map((t) => t.trim()).filter(Boolean);
  const r = escalationConfigSchema.safeParse({ teams });
  if (!r.success) return { ok: false, error: `teams: ${r.error.issues.map((i) => i.message).join('; ')}` };
  return { ok: true, value: r.data };
}

/** Parses "reason | team" lines; the team must be one of `teams` (case-insensitive). */
export function parseRemovalReasons(text: string, teams: readonly string[]): Parsed<RemovalReason[]> {
  const reasons: RemovalReason[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [label = '', team = '', ...rest] = line.split('|').map((s) => s.trim());
    if (!label || !team || rest.length > 0) return { ok: false, error: `line ${i + 1}: expected "reason | team", got "${line}"` };
    const known = teams.find((t) => t.toLowerCase() === team.toLowerCase());
    if (!known) return { ok: false, error: `line ${i + 1}: unknown team "${team}" (expected one of ${teams.join(', ')})` };
    reasons.push({ value: String(reasons.length + 1), label, team: known });
  }
  if (reasons.length === 0) return { ok: false, error: 'at least one removal reason is needed' };
  return { ok: true, value: reasons };
}

/** Parses a comma-separated list of YYYY-MM-DD dates. */
export function parseHolidayList(text: string): Parsed<string[]> {
  const dates = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const d of dates) if (!isoDateSchema.safeParse(d).success) return { ok: false, error: `"${d}" is not a date YYYY-MM-DD` };
  return { ok: true, value: dates };
}

/** Everything the enforcement actions read from settings, with defaults applied and problems named. */
export interface EnforcementConfig {
  reasons: RemovalReason[];
  escalation: EscalationConfig;
  ladder: StrikeLadderConfig;
  templates: { removal: string; warning: string; ban: string; takedown: string };
  calendar: BusinessCalendar;
  /** Settings that did not parse (the default was used instead). */
  problems: string[];
}

const text = (v: unknown, fallback: string): string => (typeof v === 'string' && v.trim() !== '' ? v : fallback);

/** Reads and validates the enforcement settings. */
export async function loadEnforcementConfig(settings: SettingsClient, now: Date): Promise<EnforcementConfig> {
  const all = await settings.getAll<Record<string, unknown>>();
  const S = SETTING;
  const problems: string[] = [];
  const pick = <T>(name: string, r: Parsed<T>, fallback: () => T): T => {
    if (r.ok) return r.value;
    problems.push(`${name}: ${String(r.error)}`);
    return fallback();
  };
  const escalation = pick(S.teams, parseEscalationTeams(text(all[S.teams], DEFAULT_TEAMS)), () => escalationConfigSchema.parse({}));
  const reasons = pick(S.removalReasons, parseRemovalReasons(text(all[S.removalReasons], DEFAULT_REMOVAL_REASONS), escalation.teams), () => {
    const r = parseRemovalReasons(DEFAULT_REMOVAL_REASONS, escalation.teams);
    return r.ok ? r.value : [{ value: '1', label: 'Breaks subreddit policy', team: escalation.teams[0] ?? 'Trust & Safety' }];
  });
  const expiryRaw = all[S.strikeExpiryDays];
  const expiry = typeof expiryRaw === 'number' && Number.isInteger(expiryRaw) && expiryRaw >= 1 ? expiryRaw : DEFAULT_EXPIRY_DAYS;
  const ladder = pick(S.strikeLadder, parseStrikeLadder(text(all[S.strikeLadder], DEFAULT_LADDER), expiry), () => strikeLadderConfigSchema.parse({ expiryDays: expiry }));
  const extra = pick(S.takedownExtraHolidays, parseHolidayList(text(all[S.takedownExtraHolidays], '')), () => []);
  const tzRaw = text(all[SETTING.timeZone], 'UTC');
  let calendar: BusinessCalendar;
  try {
    calendar = takedownCalendar({ timeZone: tzRaw, usHolidays: all[S.takedownUsHolidays] !== false, extraHolidays: extra, now });
  } catch {
    problems.push(`${SETTING.timeZone}: "${tzRaw}" is not an IANA time zone; UTC used`);
    calendar = takedownCalendar({ timeZone: 'UTC', usHolidays: all[S.takedownUsHolidays] !== false, extraHolidays: extra, now });
  }
  return {
    reasons,
    escalation,
    ladder,
    templates: {
      removal: text(all[S.removalCommentTemplate], DEFAULT_REMOVAL_COMMENT),
      warning: text(all[S.warningTemplate], DEFAULT_WARNING),
      ban: text(all[S.banMessageTemplate], DEFAULT_BAN_MESSAGE),
      takedown: text(all[S.takedownNoticeTemplate], DEFAULT_TAKEDOWN_NOTICE),
    },
    calendar,
    problems,
  };
}

/**
 * The installation's time zone from all settings: the default zone of rule schedules and the zone of
 * dates moderators type. UTC when unset or (saved before validation existed) not an IANA zone.
 */
export function installationTimeZone(all: Record<string, unknown>): string {
  const tz = text(all[SETTING.timeZone], 'UTC').trim();
  return isValidTimeZone(tz) ? tz : 'UTC';
}

/** The small switches (rules on/off, exemption, time zone). */
const switchFields: SettingsFormField[] = [
  { type: 'boolean', name: SETTING.rulesEnabled, label: 'Apply the content rules from the wiki page creator-desk/rules', defaultValue: true },
  { type: 'boolean', name: SETTING.exemptApprovedUsers, label: 'Approved users are exempt from content rules', defaultValue: false },
  {
    type: 'string',
    name: SETTING.timeZone,
    label: 'Time zone for schedules and reports (IANA name, e.g. America/New_York)',
    defaultValue: 'UTC',
    onValidate: ({ value }) => (value && !isValidTimeZone(value) ? `"${value}" is not an IANA time zone (e.g. Europe/Berlin)` : undefined),
  },
];

function templateField(name: string, label: string, defaultValue: string, kind: keyof typeof TEMPLATE_PLACEHOLDERS): SettingsFormField {
  const known = TEMPLATE_PLACEHOLDERS[kind];
  return {
    type: 'paragraph',
    name,
    label,
    helpText: `Placeholders: ${known.map((p) => `{{${p}}}`).join(' ')}. Values are escaped, so user text cannot add links or pings.`,
    defaultValue,
    onValidate: ({ value }) => {
      if (value === undefined || value.trim() === '') return undefined;
      const errors = validateTemplate(value, known).filter((d) => d.severity === 'error');
      return errors.length > 0 ? errors.map((d) => `${d.line}:${d.column}: ${d.message}`).join('; ') : undefined;
    },
  };
}

const errorOf = (r: { ok: boolean; error?: string }): string | undefined => (r.ok ? undefined : r.error);

const enforcementFields: SettingsFormField[] = [
  {
    type: 'paragraph',
    name: SETTING.removalReasons,
    label: 'Removal reasons, one a line: "reason | team it is escalated to"',
    defaultValue: DEFAULT_REMOVAL_REASONS,
    // Teams are checked against the saved team list (a team renamed in the same save is checked on the next load).
    onValidate: async ({ value }, context) => {
      const saved = await context.settings.get<string>(SETTING.teams);
      const teams = parseEscalationTeams(saved?.trim() ? saved : DEFAULT_TEAMS).value?.teams ?? [];
      return errorOf(parseRemovalReasons(value ?? DEFAULT_REMOVAL_REASONS, teams));
    },
  },
  {
    type: 'string',
    name: SETTING.teams,
    label: 'Escalation teams, comma-separated',
    defaultValue: DEFAULT_TEAMS,
    onValidate: ({ value }) => errorOf(parseEscalationTeams(value ?? DEFAULT_TEAMS)),
  },
  {
    type: 'string',
    name: SETTING.strikeLadder,
    label: 'Strike ladder: the step for the 1st, 2nd … active strike ("warn", "ban N" days, "permanent")',
    defaultValue: DEFAULT_LADDER,
    onValidate: ({ value }) => errorOf(parseStrikeLadder(value ?? DEFAULT_LADDER, DEFAULT_EXPIRY_DAYS)),
  },
  {
    type: 'number',
    name: SETTING.strikeExpiryDays,
    label: 'Days after which a strike stops counting',
    defaultValue: DEFAULT_EXPIRY_DAYS,
    onValidate: ({ value }) => (value !== undefined && (!Number.isInteger(value) || value < 1) ? 'expected a whole number of days ≥ 1' : undefined),
  },
  templateField(SETTING.removalCommentTemplate, 'Removal-reason comment (posted distinguished)', DEFAULT_REMOVAL_COMMENT, 'removal'),
  templateField(SETTING.warningTemplate, 'Warning message (strike ladder step "warn")', DEFAULT_WARNING, 'strike'),
  templateField(SETTING.banMessageTemplate, 'Ban message (strike ladder ban steps)', DEFAULT_BAN_MESSAGE, 'strike'),
  templateField(SETTING.takedownNoticeTemplate, 'Copyright takedown message to the uploader', DEFAULT_TAKEDOWN_NOTICE, 'takedown'),
  {
    type: 'boolean',
    name: SETTING.takedownUsHolidays,
    label: 'Takedown restore window: skip US federal holidays (observed dates)',
    defaultValue: true,
  },
  {
    type: 'string',
    name: SETTING.takedownExtraHolidays,
    label: 'Takedown restore window: extra non-business days, comma-separated YYYY-MM-DD',
    defaultValue: '',
    onValidate: ({ value }) => errorOf(parseHolidayList(value ?? '')),
  },
];

/** Every installation settings field, in the order the settings page shows them (main.ts adds them once). */
export const settingsFields: SettingsFormField[] = [...switchFields, ...enforcementFields];
