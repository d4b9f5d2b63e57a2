import { Devvit } from '@devvit/public-api';
import { onStatusPressed } from './status/status-action.js';

// Wiring only: every handler lives in its own module.
Devvit.configure({ redditAPI: true, redis: true });

Devvit.addMenuItem({
  label: 'creator-desk: status',
  description: 'App version and whether the config pages are healthy',
  location: 'subreddit',
  forUserType: 'moderator',
  onPress: onStatusPressed,
});

export default Devvit;
