/**
 * App call budgets, measured through the real Devvit actor and the test harness (ioredis-mock, or a
 * real Redis with REDIS_URL): Redis commands, Reddit reads and writes per content event, and wall
 * time per event. Run: `npx tsx bench/app/run.ts [events]`.
 */
import Devvit from '../../src/main.js';
import { Harness } from '../../test/harness/harness.js';
import { CONTENT_RULES } from '../../test/moderation/rules-fixture.js';

const N = Number(process.argv[2] ?? 500);

async function setup(): Promise<Harness> {
  const h = new Harness(Devvit);
  h.reddit.addModerator('mod_alice');
  h.reddit.editWikiPage('creator-desk/rules', CONTENT_RULES, 'mod_alice');
  await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
  return h;
}

interface Row {
  scenario: string;
  redis: number;
  redditReads: number;
  redditWrites: number;
  msPerEvent: number;
}

async function measure(scenario: string, h: Harness, run: (i: number) => Promise<void>, n: number): Promise<Row> {
  h.calls.reset();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await run(i);
  const ms = (performance.now() - t0) / n;
  const writes = h.calls.redditWrites().length;
  return { scenario, redis: h.calls.redisCommands() / n, redditReads: (h.calls.redditCalls() - writes) / n, redditWrites: writes / n, msPerEvent: Number(ms.toFixed(3)) };
}

const rows: Row[] = [];
{
  const h = await setup();
  const authors = Array.from({ length: N }, (_, i) => h.reddit.addUser({ name: `user_${i}`, createdDaysAgo: 400 }).name);
  const posts = authors.map((a, i) => h.reddit.addPost({ authorName: a, title: `my art ${i}` }));
  rows.push(await measure('PostSubmit, no rule matches, author not seen before', h, (i) => h.trigger('PostSubmit', h.events.postSubmit(posts[i]!)), N));
  const again = authors.map((a, i) => h.reddit.addPost({ authorName: a, title: `more art ${i}` }));
  rows.push(await measure('PostSubmit, no rule matches, author seen < 10 min ago', h, (i) => h.trigger('PostSubmit', h.events.postSubmit(again[i]!)), N));
  const hits = authors.map((a, i) => h.reddit.addPost({ authorName: a, title: `huge giveaway ${i}` }));
  rows.push(await measure('PostSubmit matching remove+lock+message+escalate', h, (i) => h.trigger('PostSubmit', h.events.postSubmit(hits[i]!)), N));
  rows.push(await measure('the same PostSubmit delivered again (duplicate)', h, (i) => h.trigger('PostSubmit', h.events.postSubmit(hits[i]!)), N));
  await h.dispose();
}

console.log(`creator-desk app budgets over ${N} events each (${process.env.REDIS_URL ? 'redis-server' : 'ioredis-mock'})`);
console.table(rows);
const [cold, warm] = rows;
if (cold && warm) console.log(`Reddit reads saved by the 10-minute author-facts cache: ${cold.redditReads}/event -> ${warm.redditReads}/event`);
// The README's figures: no rule matches ≤ 2 Redis commands (1 for a recently seen author), 0 Reddit writes; a duplicate 1.
const budgetOk = rows[0]!.redis <= 2 && rows[0]!.redditWrites === 0 && rows[1]!.redis <= 1 && rows[1]!.redditWrites === 0 && rows[3]!.redis <= 1;
console.log(`budget (no-match PostSubmit: <= 2 Redis commands, 1 for a recently seen author, 0 Reddit writes; a duplicate: 1 Redis command): ${budgetOk ? 'met' : 'NOT met'}`);
