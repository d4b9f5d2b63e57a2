import { Devvit } from '@devvit/public-api';
import { CORE_VERSION } from '@creator-desk/core';

Devvit.configure({ redditAPI: true, redis: true });

Devvit.addMenuItem({
  label: 'creator-desk: status',
  location: 'subreddit',
  forUserType: 'moderator',
  onPress: async (_event, context) => {
    context.ui.showToast(`creator-desk ${CORE_VERSION}`);
  },
});

export default Devvit;
