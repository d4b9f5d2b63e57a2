import type { SettingsClient } from '@devvit/public-api';
import {
  businessCalendarSchema,
  escalationConfigSchema,
  isoDateSchema,
  strikeLadderConfigSchema,
  type BusinessCalendar,
  type EscalationConfig,
  type Holiday,
  type StrikeLadderConfig,
  parseStrikeLadder,
  usFederalHolidays,
} from '@creator-desk/core';
import { SETTING } from '../settings/app-settings.js';
import {
  DEFAULT_BAN_MESSAGE,
  DEFAULT_EXPIRY_DAYS,
  DEFAULT_LADDER,
  DEFAULT_REMOVAL_COMMENT,
  DEFAULT_REMOVAL_REASONS,
  DEFAULT_TAKEDOWN_NOTICE,
  DEFAULT_TEAMS,
  DEFAULT_WARNING,
  ENFORCEMENT_SETTING,
} from './settings.js';

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

/**
 * The business calendar of the restore window: Monday–Friday in the installation's time zone, minus
 * US federal holidays (observed dates, the calendar Reddit's US legal team works to) for the years
 * around `now`, plus any extra dates from settings.
 */
export function takedownCalendar(timeZone: string, usHolidays: boolean, extra: readonly string[], now: Date): BusinessCalendar {
  const year = now.getUTCFullYear();
  const holidays: Holiday[] = [...extra];
  if (usHolidays) for (let y = year - 1; y <= year + 2; y++) holidays.push(...usFederalHolidays(y));
  const day: [string, string][] = [['00:00', '24:00']];
  return businessCalendarSchema.parse({ timeZone, hours: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays });
}

/** Reads and validates the enforcement settings. */
export async function loadEnforcementConfig(settings: SettingsClient, now: Date): Promise<EnforcementConfig> {
  const all = await settings.getAll<Record<string, unknown>>();
  const S = ENFORCEMENT_SETTING;
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
    calendar = takedownCalendar(tzRaw, all[S.takedownUsHolidays] !== false, extra, now);
  } catch {
    problems.push(`${SETTING.timeZone}: "${tzRaw}" is not an IANA time zone; UTC used`);
    calendar = takedownCalendar('UTC', all[S.takedownUsHolidays] !== false, extra, now);
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
