/**
 * The roster sync's call budget, measured through the real Devvit actor: N new artists on the
 * roster page cost ceil(N/100) setUserFlairBatch calls + N approvals + N welcome conversations and
 * no other Reddit write. Printed by bench/app/run.ts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import Devvit from '../../src/main.js';
import { Harness } from '../../test/harness/harness.js';
import { redisView } from '../../test/harness/redis-view.js';

export interface RosterBudgetRow {
  artists: number;
  flairCalls: number;
  approvals: number;
  welcomes: number;
  otherWrites: number;
  redditReads: number;
  redisPerArtist: number;
  runs: number;
  ms: number;
}

/** Syncs a roster page of `n` new, existing accounts and counts the calls. */
export async function measureRosterSync(n: number): Promise<RosterBudgetRow> {
  const h = new Harness(Devvit);
  try {
    h.reddit.addModerator('mod_alice');
    const names = Array.from({ length: n }, (_, i) => h.reddit.addUser({ name: `artist_${i}` }).name);
    h.calls.reset();
    const t0 = performance.now();
    h.reddit.editWikiPage('creator-desk/roster', names.join('\n'), 'mod_alice');
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
    // `Date` is real here: a run out of time asks to continue 5 s later, so wait for it.
    let runs = 0;
    for (; runs < 100; runs++) {
      await h.runJob('enforcement-due');
      const due = await redisView(h).zRange('cd:enf:due', 0, -1, { by: 'rank' });
      const at = due.find((d) => d.member === 'roster:sync')?.score ?? 0;
      if (at - Date.now() > 3_600_000) break;
      if (at > Date.now()) await sleep(at - Date.now());
    }
    const ms = performance.now() - t0;
    const writes = h.calls.redditWrites();
    const counted = ['Flair.FlairCsv', 'Users.Friend', 'NewModmail.CreateConversation'];
    return {
      artists: n,
      flairCalls: h.calls.count('Flair.FlairCsv'),
      approvals: h.calls.count('Users.Friend'),
      welcomes: h.calls.count('NewModmail.CreateConversation'),
      otherWrites: writes.filter((w) => !counted.includes(w)).length,
      redditReads: h.calls.redditCalls() - writes.length,
      redisPerArtist: Number((h.calls.redisCommands() / n).toFixed(1)),
      runs: runs + 1,
      ms: Math.round(ms),
    };
  } finally {
    await h.dispose();
  }
}

/** Prints the table and whether every row meets ceil(N/100) + N + N and nothing more. */
export async function printRosterBudget(sizes: readonly number[]): Promise<void> {
  const rows: RosterBudgetRow[] = [];
  for (const n of sizes) rows.push(await measureRosterSync(n));
  console.log('\nroster sync: N new artists on creator-desk/roster (Reddit writes counted per RPC)');
  console.table(rows);
  const ok = rows.every((r) => r.flairCalls === Math.ceil(r.artists / 100) && r.approvals === r.artists && r.welcomes === r.artists && r.otherWrites === 0);
  console.log(`budget (N new artists: ceil(N/100) flair calls + N approvals + N welcome conversations, nothing more): ${ok ? 'met' : 'NOT met'}`);
}
