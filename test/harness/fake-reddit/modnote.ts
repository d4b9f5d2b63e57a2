/** Fake `devvit.plugin.redditapi.modnote.ModNote`: add, list and delete mod notes. */
import { FakeRedditError, type FakeModNote, type FakeReddit } from './model.js';

type Req = Record<string, any>;

export function modNotePlugin(m: FakeReddit) {
  const proto = (n: FakeModNote) => ({
    id: n.id,
    createdAt: n.createdAt,
    type: n.type,
    subreddit: m.subredditName,
    subredditId: m.subredditId,
    operator: n.operator,
    operatorId: n.operatorId,
    user: n.user,
    userId: n.userId,
    userNoteData: { note: n.note, redditId: n.redditId, label: n.label },
    modActionData: {},
  });
  return {
    async PostNotes(req: Req) {
      m.checkSubreddit(req.subreddit);
      const actor = m.requireModeratorActor();
      const u = m.requireUser(String(req.user));
      const note = String(req.note ?? '');
      if (note.length > 250) throw new FakeRedditError(400, `Bad Request: mod note is ${note.length} characters (max 250)`);
      const n: FakeModNote = {
        id: `ModNote_${m.nextId()}`,
        user: u.name,
        userId: u.id,
        note,
        label: req.label,
        redditId: req.redditId,
        operator: actor,
        operatorId: m.requireUser(actor).id,
        createdAt: m.nowSeconds(),
        type: 'NOTE',
      };
      m.modNotes.push(n);
      return { created: proto(n) };
    },
    async GetNotes(req: Req) {
      m.checkSubreddit(req.subreddit);
      const notes = m.modNotes.filter((n) => n.user.toLowerCase() === String(req.user).toLowerCase()).reverse();
      return { modNotes: notes.map(proto), hasNextPage: false };
    },
    async DeleteNotes(req: Req) {
      const i = m.modNotes.findIndex((n) => n.id === req.noteId);
      if (i < 0) return { deleted: false };
      m.modNotes.splice(i, 1);
      return { deleted: true };
    },
  };
}
