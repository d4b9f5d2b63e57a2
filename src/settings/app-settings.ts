import type { SettingsFormField } from '@devvit/public-api';
// The same check as core's calendars, so a saved zone is one the takedown calendar accepts.
import { isValidTimeZone } from '@creator-desk/core';

/** Installation settings: only small switches. The rules themselves live on the wiki page. */
export const SETTING = {
  rulesEnabled: 'rules-enabled',
  exemptApprovedUsers: 'exempt-approved-users',
  timeZone: 'time-zone',
} as const;

/** The app's own settings fields (the enforcement actions add theirs in main.ts). */
export const settingsFields: SettingsFormField[] = [
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
