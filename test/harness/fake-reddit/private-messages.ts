/** Fake `devvit.plugin.redditapi.privatemessages.PrivateMessages`: compose only. */
import type { FakeReddit } from './model.js';

type Req = Record<string, any>;

export function privateMessagesPlugin(m: FakeReddit) {
  return {
    async Compose(req: Req) {
      const to = String(req.to);
      if (!to.startsWith('/r/') && !to.startsWith('r/')) m.requireUser(to.replace(/^\/?u\//, ''));
      m.privateMessages.push({
        id: `t4_${m.nextId()}`,
        from: req.fromSr ? `r/${req.fromSr}` : m.appName,
        to,
        subject: String(req.subject),
        text: String(req.text),
        fromSubreddit: req.fromSr || undefined,
        at: m.nowSeconds(),
      });
      return { json: { errors: [] } };
    },
  };
}
