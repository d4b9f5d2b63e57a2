import type { SettingsFormField } from '@devvit/public-api';
import { parseStrikeLadder, validateTemplate } from '@creator-desk/core';
import { parseEscalationTeams, parseHolidayList, parseRemovalReasons } from './config.js';
import { TEMPLATE_PLACEHOLDERS } from './templates.js';

/**
 * Installation settings of the mod-menu enforcement actions. They are small (each value far under
 * Devvit's 2 KB), so they live in settings rather than on a wiki page; every value is validated
 * when saved and again when read, with the default used (and named in the toast) if a stored
 * value no longer parses.
 */
export const ENFORCEMENT_SETTING = {
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

/** The settings fields of the enforcement actions (added to the installation settings page). */
export const enforcementSettingsFields: SettingsFormField[] = [
  {
    type: 'paragraph',
    name: ENFORCEMENT_SETTING.removalReasons,
    label: 'Removal reasons, one a line: "reason | team it is escalated to"',
    defaultValue: DEFAULT_REMOVAL_REASONS,
    // Teams are checked against the saved team list (a team renamed in the same save is checked on the next load).
    onValidate: async ({ value }, context) => {
      const saved = await context.settings.get<string>(ENFORCEMENT_SETTING.teams);
      const teams = parseEscalationTeams(saved?.trim() ? saved : DEFAULT_TEAMS).value?.teams ?? [];
      return errorOf(parseRemovalReasons(value ?? DEFAULT_REMOVAL_REASONS, teams));
    },
  },
  {
    type: 'string',
    name: ENFORCEMENT_SETTING.teams,
    label: 'Escalation teams, comma-separated',
    defaultValue: DEFAULT_TEAMS,
    onValidate: ({ value }) => errorOf(parseEscalationTeams(value ?? DEFAULT_TEAMS)),
  },
  {
    type: 'string',
    name: ENFORCEMENT_SETTING.strikeLadder,
    label: 'Strike ladder: the step for the 1st, 2nd … active strike ("warn", "ban N" days, "permanent")',
    defaultValue: DEFAULT_LADDER,
    onValidate: ({ value }) => errorOf(parseStrikeLadder(value ?? DEFAULT_LADDER, DEFAULT_EXPIRY_DAYS)),
  },
  {
    type: 'number',
    name: ENFORCEMENT_SETTING.strikeExpiryDays,
    label: 'Days after which a strike stops counting',
    defaultValue: DEFAULT_EXPIRY_DAYS,
    onValidate: ({ value }) => (value !== undefined && (!Number.isInteger(value) || value < 1) ? 'expected a whole number of days ≥ 1' : undefined),
  },
  templateField(ENFORCEMENT_SETTING.removalCommentTemplate, 'Removal-reason comment (posted distinguished)', DEFAULT_REMOVAL_COMMENT, 'removal'),
  templateField(ENFORCEMENT_SETTING.warningTemplate, 'Warning message (strike ladder step "warn")', DEFAULT_WARNING, 'strike'),
  templateField(ENFORCEMENT_SETTING.banMessageTemplate, 'Ban message (strike ladder ban steps)', DEFAULT_BAN_MESSAGE, 'strike'),
  templateField(ENFORCEMENT_SETTING.takedownNoticeTemplate, 'Copyright takedown message to the uploader', DEFAULT_TAKEDOWN_NOTICE, 'takedown'),
  {
    type: 'boolean',
    name: ENFORCEMENT_SETTING.takedownUsHolidays,
    label: 'Takedown restore window: skip US federal holidays (observed dates)',
    defaultValue: true,
  },
  {
    type: 'string',
    name: ENFORCEMENT_SETTING.takedownExtraHolidays,
    label: 'Takedown restore window: extra non-business days, comma-separated YYYY-MM-DD',
    defaultValue: '',
    onValidate: ({ value }) => errorOf(parseHolidayList(value ?? '')),
  },
];
