import { Devvit } from '@devvit/public-api';
import { onAppInstall, onAppUpgrade, onModActionForConfig } from './config/config-triggers.js';
import { onExplainPressed } from './rules/explain-action.js';
import { onTestRulesPressed } from './rules/test-rules-action.js';
import { onCommentReport, onCommentSubmit, onCommentUpdate, onPostReport, onPostSubmit, onPostUpdate } from './rules/content-triggers.js';
import { settingsFields } from './settings/app-settings.js';
import { onStatusPressed } from './status/status-action.js';

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

export default Devvit;
