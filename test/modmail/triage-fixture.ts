import Devvit from '../../src/main.js';
import { SEED_RULES } from '../../src/moderation/seed-rules.js';
import { createHarness, type Harness, type HarnessOptions } from '../harness/index.js';

/** A harness with a moderator (mod_alice) and artists, the app installed (rules and macros pages seeded). */
export async function triageHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const h = createHarness(Devvit, opts);
  h.reddit.addModerator('mod_alice', ['all']);
  for (const name of ['artist_ann', 'artist_cho', 'regular_bob']) h.reddit.addUser({ name, createdDaysAgo: 400 });
  await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
  h.calls.reset();
  return h;
}

/** A user writes a new conversation and the ModMail trigger is delivered `times` times. */
export async function userWrites(h: Harness, user: string, subject: string, body: string, times = 1): Promise<string> {
  const { conversation, messageId } = h.reddit.userWritesModmail(user, body, { subject });
  await h.trigger('ModMail', h.events.modMail(conversation.id, messageId, user), times);
  return conversation.id;
}

/** The app's public replies in a conversation. */
export const repliesIn = (h: Harness, id: string) => (h.reddit.conversations.get(id)?.messages ?? []).filter((m) => !m.isInternal && m.author === 'creator-desk');
/** Internal notes in a conversation. */
export const notesIn = (h: Harness, id: string) => (h.reddit.conversations.get(id)?.messages ?? []).filter((m) => m.isInternal);

/** The line of the seeded rule whose comment starts with `heading` (its first key after the comments), as notes name it. */
export function seededRuleLine(heading: string): number {
  const lines = SEED_RULES.split('\n');
  let i = lines.findIndex((l) => l.startsWith(heading));
  if (i < 0) throw new Error(`no seeded rule "${heading}"`);
  while (lines[i]?.startsWith('#')) i++;
  return i + 1;
}
