import { Devvit } from '@devvit/public-api';
import { onAppInstall, onAppUpgrade, onModActionForConfig } from './config/config-triggers.js';
import { onExplainPressed } from './rules/explain-action.js';
import { onTestRulesPressed } from './rules/test-rules-action.js';
import { onCommentReport, onCommentSubmit, onCommentUpdate, onPostReport, onPostSubmit, onPostUpdate } from './rules/content-triggers.js';
import { onModMailUserSummary } from './modmail/user-summary-note.js';
import { settingsFields } from './settings/app-settings.js';
import { onStatusPressed } from './status/status-action.js';
import * as enforcement from './enforcement/index.js';

// Wiring only: every handler lives in its own module.
Devvit.configure({ redditAPI: true, redis: true });

Devvit.addSettings(settingsFields);

Devvit.addMenuItem({
  label: 'creator-desk: status',
  description: 'App version and whether the config pages are healthy',
  location: 'subreddit',
  forUserType: 'moderator',
  onPress: onStatusPressed,
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

Devvit.addTrigger({ event: 'AppInstall', onEvent: onAppInstall });
Devvit.addTrigger({ event: 'AppUpgrade', onEvent: onAppUpgrade });
Devvit.addTrigger({ event: 'ModAction', onEvent: onModActionForConfig });
Devvit.addTrigger({ event: 'PostSubmit', onEvent: onPostSubmit });
Devvit.addTrigger({ event: 'PostUpdate', onEvent: onPostUpdate });
Devvit.addTrigger({ event: 'PostReport', onEvent: onPostReport });
Devvit.addTrigger({ event: 'CommentSubmit', onEvent: onCommentSubmit });
Devvit.addTrigger({ event: 'CommentUpdate', onEvent: onCommentUpdate });
Devvit.addTrigger({ event: 'CommentReport', onEvent: onCommentReport });
Devvit.addTrigger({ event: 'ModMail', onEvent: onModMailUserSummary });

// Enforcement — mod-menu enforcement actions (handlers in src/enforcement/).
Devvit.addSettings(enforcement.enforcementSettingsFields);
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
Devvit.addSchedulerJob({ name: enforcement.DUE_JOB, onRun: enforcement.onEnforcementDue });

export default Devvit;
