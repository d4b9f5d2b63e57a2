import { Devvit } from '@devvit/public-api';
import * as enforcement from './enforcement/index.js';
import { onModMailUserSummary } from './modmail/user-summary-note.js';
import { onCommentReport, onCommentSubmit, onCommentUpdate, onPostReport, onPostSubmit, onPostUpdate } from './moderation/content-triggers.js';
import { onExplainPressed } from './moderation/explain-action.js';
import { APPROVE_FILTERED_LABEL, onApproveFilteredPressed } from './moderation/filtered-items.js';
import { rulesConfigPage } from './moderation/rules-config-page.js';
import { onTestRulesPressed } from './moderation/test-rules-action.js';
import { onNextDue } from './platform/due/due-job.js';
import { DUE_JOB } from './platform/keys.js';
import { settingsFields } from './platform/settings.js';
import { configPageTriggers } from './platform/wiki-config/config-triggers.js';
import { onStatusPressed } from './status/status-action.js';

// Wiring only: every handler lives in its own module. Capabilities (moderation, enforcement,
// modmail, status) sit on the platform layer (src/platform); this file connects them to Devvit.
Devvit.configure({ redditAPI: true, redis: true });

Devvit.addSettings(settingsFields);

/** The wiki config pages the platform keeps in force (next: roster, events, macros). */
const configPages = [rulesConfigPage];
const configTriggers = configPageTriggers(configPages);

Devvit.addMenuItem({
  label: 'creator-desk: status',
  description: 'App version and whether the config pages are healthy',
  location: 'subreddit',
  forUserType: 'moderator',
  onPress: onStatusPressed(configPages),
});

Devvit.addMenuItem({
  label: 'creator-desk: test rules on recent posts',
  description: 'Replay the rules page over the newest posts; results go to modmail, nothing is changed',
  location: 'subreddit',
  forUserType: 'moderator',
  onPress: onTestRulesPressed,
});

Devvit.addMenuItem({
  label: 'creator-desk: which rules match?',
  description: 'Which content rules would act on this item now, and the closest miss',
  location: ['post', 'comment'],
  forUserType: 'moderator',
  onPress: onExplainPressed,
});

Devvit.addMenuItem({
  label: APPROVE_FILTERED_LABEL,
  description: 'Approve an item a content rule filtered (removed and listed in the mod inbox for review)',
  location: ['post', 'comment'],
  forUserType: 'moderator',
  onPress: onApproveFilteredPressed,
});

Devvit.addTrigger({ event: 'AppInstall', onEvent: configTriggers.onAppInstall });
Devvit.addTrigger({ event: 'AppUpgrade', onEvent: configTriggers.onAppUpgrade });
Devvit.addTrigger({ event: 'ModAction', onEvent: configTriggers.onModAction });
Devvit.addTrigger({ event: 'PostSubmit', onEvent: onPostSubmit });
Devvit.addTrigger({ event: 'PostUpdate', onEvent: onPostUpdate });
Devvit.addTrigger({ event: 'PostReport', onEvent: onPostReport });
Devvit.addTrigger({ event: 'CommentSubmit', onEvent: onCommentSubmit });
Devvit.addTrigger({ event: 'CommentUpdate', onEvent: onCommentUpdate });
Devvit.addTrigger({ event: 'CommentReport', onEvent: onCommentReport });
Devvit.addTrigger({ event: 'ModMail', onEvent: onModMailUserSummary });

// Enforcement — mod-menu enforcement actions (handlers in src/enforcement/).
const removeForm = Devvit.createForm(enforcement.removeForm, enforcement.onRemoveSubmit);
const escalateForm = Devvit.createForm(enforcement.escalateForm, enforcement.onEscalateSubmit);
const strikeForm = Devvit.createForm(enforcement.strikeForm, enforcement.onStrikeSubmit);
const takedownForm = Devvit.createForm(enforcement.takedownForm, enforcement.onTakedownSubmit);
const counterNoticeForm = Devvit.createForm(enforcement.counterNoticeForm, enforcement.onCounterNoticeSubmit);
const enforcementItems = [
  { label: 'creator-desk: remove (unoriginal / AI / policy)', description: 'Remove with a reason comment, mod note and escalation', onPress: enforcement.onRemovePressed(removeForm) },
  { label: 'creator-desk: escalate', description: 'Escalate to Legal, Trust & Safety, Brand or Engineering', onPress: enforcement.onEscalatePressed(escalateForm) },
  { label: 'creator-desk: strike', description: "Strike the author (shows their strikes first; warn → ban ladder)", onPress: enforcement.onStrikePressed(strikeForm) },
  { label: 'creator-desk: copyright takedown', description: 'Remove on a §512 notice, notify the uploader, open a case', onPress: enforcement.onTakedownPressed(takedownForm) },
  { label: 'creator-desk: restore (takedown)', description: 'Approve back after a counter-notice, once the restore window is open', onPress: enforcement.onRestorePressed },
] as const;
for (const item of enforcementItems) Devvit.addMenuItem({ ...item, location: ['post', 'comment'], forUserType: 'moderator' });
Devvit.addMenuItem({
  label: 'creator-desk: record counter-notice',
  description: 'Record a §512(g) counter-notice on a takedown case; sets the restore window',
  location: 'subreddit',
  forUserType: 'moderator',
  onPress: enforcement.onCounterNoticePressed(counterNoticeForm),
});
// The one next-due job: each due entry's kind names the capability handler that looks at it.
Devvit.addSchedulerJob({ name: DUE_JOB, onRun: onNextDue({ takedown: enforcement.onTakedownDue, strikes: enforcement.onStrikesDue }) });

export default Devvit;
