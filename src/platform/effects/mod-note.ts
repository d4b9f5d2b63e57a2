import type { Context } from '@devvit/public-api';
import type { Effect } from '../ledger/effect-ledger.js';

/** Reddit's limit for a mod note. */
export const MODNOTE_MAX = 250;

type Label = NonNullable<Parameters<Context['reddit']['addModNote']>[0]['label']>;

/** A mod note's text and optional label. */
export interface ModNote {
  note: string;
  label?: Label;
}

/**
 * The `modnote` step of an enforcement operation: a note on the author, linked to the item. `write`
 * runs when the step does, so the text can use what earlier steps recorded.
 */
export function modNoteEffect(context: Pick<Context, 'reddit' | 'subredditName'>, user: string, thingId: string, write: () => ModNote | Promise<ModNote>): Effect {
  const subreddit = context.subredditName ?? '';
  return {
    key: 'modnote',
    run: async () => {
      const { note, label } = await write();
      await context.reddit.addModNote({
        subreddit,
        user,
        note: note.slice(0, MODNOTE_MAX),
        ...(label ? { label } : {}),
        redditId: thingId as `t3_${string}`,
      });
    },
    // A delivery that died after adding the note but before recording it: the note is on Reddit.
    alreadyDone: async () => {
      const text = (await write()).note.slice(0, MODNOTE_MAX);
      const notes = await context.reddit.getModNotes({ subreddit, user, filter: 'NOTE', limit: 25 }).all();
      return notes.some((n) => n.userNote?.redditId === thingId && n.userNote?.note === text);
    },
  };
}
