import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRoster, readRosterEntry, rosterSyncedAt } from '../../src/platform/records/roster-record.js';
import { ROSTER_PAGE } from '../../src/onboarding/roster-config-page.js';
import { redisView, type Harness } from '../harness/index.js';
import { conversationsWith, LABELS, onboardingHarness, rosterDueAt, runSyncToEnd, saveRoster } from './fixture.js';

/** `n` artists that exist on Reddit: artist_000 … */
function addArtists(h: Harness, n: number, prefix = 'artist'): string[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `${prefix}_${String(i).padStart(3, '0')}`;
    h.reddit.addUser({ name });
    return name;
  });
}

const welcomes = (h: Harness) => [...h.reddit.conversations.values()].filter((c) => c.subject === 'Welcome to the creator program');
const summaries = (h: Harness) => h.reddit.conversationsOf('modinbox').filter((c) => c.subject.includes('Artist roster synced'));

describe('the roster page and its sync', () => {
  let h: Harness;
  beforeEach(() => {
    h = onboardingHarness();
  });
  afterEach(async () => h.dispose());

  it('is seeded mods-only on install with comments only; nothing is onboarded and no roster counts as synced', async () => {
    await h.trigger('AppInstall', h.events.appInstall('mod_alice'));
    await runSyncToEnd(h);
    const page = h.reddit.wiki.get(ROSTER_PAGE);
    expect(page?.permLevel).toBe(2);
    expect(page?.revisions[0]?.content).toContain('username,shop_name,onboarded_at');
    expect(await listRoster(redisView(h))).toEqual([]);
    expect(await rosterSyncedAt(redisView(h))).toBeUndefined();
    expect(h.calls.redditWrites().filter((w) => !w.startsWith('Wiki.'))).toEqual([]);
  });

  it('250 names with 5 bad lines: 245 onboarded, one summary naming the 5 lines; the budget is ceil(N/100) flair calls + N approvals + N welcomes', async () => {
    const names = addArtists(h, 245);
    h.reddit.addUser({ name: 'suspended_sam', suspended: true });
    const lines = ['# week 9 accepted artists', ...names.map((n, i) => (i === 0 ? `${n},Moon Studio,2026-02-01` : n))];
    // The 5 bad lines, spread through the page: line numbers are what the summary must name.
    lines.splice(10, 0, 'not a username!'); // line 11
    lines.splice(60, 0, 'ghost_artist_1'); // line 61: no such account
    lines.splice(120, 0, 'suspended_sam'); // line 121
    lines.splice(180, 0, names[5] ?? ''); // line 181: duplicate of line 7
    lines.splice(240, 0, 'artist_x,Shop,2026-13-01'); // line 241: not a date
    h.calls.reset();
    await saveRoster(h, lines.join('\n'));
    await runSyncToEnd(h);

    const roster = (await listRoster(redisView(h))).filter((e) => !e.offboardedAt);
    expect(roster).toHaveLength(245);
    expect(new Set(roster.map((e) => e.username))).toEqual(new Set(names));
    expect(await readRosterEntry(redisView(h), names[0] ?? '')).toMatchObject({ source: 'roster', by: 'mod_alice', shopName: 'Moon Studio', since: '2026-02-01T00:00:00.000Z' });
    expect(h.reddit.userFlair.get(names[0] ?? '')?.text).toBe('Artist · Moon Studio');
    expect(h.reddit.userFlair.get(names[1] ?? '')?.text).toBe('Artist');
    expect(names.every((n) => h.reddit.approvedUsers.has(n))).toBe(true);
    expect(welcomes(h)).toHaveLength(245);
    expect(welcomes(h).every((c) => c.authorHidden)).toBe(true);

    const [summary, ...more] = summaries(h);
    expect(more).toEqual([]);
    const body = summary?.messages[0]?.body ?? '';
    expect(body).toContain('245 new artist(s) onboarded');
    expect([...body.matchAll(/^- line (\d+)/gm)].map((m) => Number(m[1]))).toEqual([11, 61, 121, 181, 241]);
    expect(body).toContain('already listed on line 7');
    expect(body).toMatch(/^- line 121: `suspended_sam` — .*no such account/m);

    // Budget: 3 flair batches (100 + 100 + 45), 245 approvals, 245 welcomes, the one summary; nothing else written.
    expect(h.calls.count('Flair.FlairCsv')).toBe(3);
    expect(h.calls.count('Users.Friend')).toBe(245);
    expect(h.calls.count('NewModmail.CreateConversation')).toBe(245);
    expect(h.calls.redditWrites().filter((w) => !['Flair.FlairCsv', 'Users.Friend', 'NewModmail.CreateConversation'].includes(w))).toEqual(['NewModmail.CreateModmailConversation']);
    expect(await rosterSyncedAt(redisView(h))).toBeDefined();
  });

  it('a clean roster costs exactly ceil(N/100) flair calls + N approvals + N welcome conversations, no summary', async () => {
    const names = addArtists(h, 130);
    h.calls.reset();
    await saveRoster(h, names.join('\n'));
    await runSyncToEnd(h);
    expect(h.calls.redditWrites().sort()).toEqual([...Array(2).fill('Flair.FlairCsv'), ...Array(130).fill('NewModmail.CreateConversation'), ...Array(130).fill('Users.Friend')].sort());
  });

  it('every trigger and job delivered twice, and twice at once: every artist welcomed exactly once', async () => {
    const names = addArtists(h, 120);
    // Each approval takes 200 ms of a run's budget: runs stop mid-batch, so later concurrent runs
    // both find the batch's check done and race for the same artists.
    h.calls.onCall('Users.Friend', () => h.clock.advance(200));
    h.reddit.editWikiPage(ROSTER_PAGE, names.join('\n'), 'mod_alice');
    await h.concurrently(3, [1, 2].map(() => () => h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'))));
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
    for (let seed = 1; seed <= 40; seed++) {
      const at = await rosterDueAt(h);
      if (at !== undefined && at - h.clock.now() > 3_600_000) break;
      h.clock.advance(6_000);
      await h.concurrently(seed, [1, 2].map(() => () => h.runJob('enforcement-due')));
      await h.runJob('enforcement-due');
    }
    await runSyncToEnd(h);
    expect(welcomes(h)).toHaveLength(120);
    for (const n of names) expect(conversationsWith(h, n)).toHaveLength(1);
    expect(h.calls.count('Users.Friend')).toBeGreaterThanOrEqual(120);
    expect((await listRoster(redisView(h))).length).toBe(120);
  });

  it('two deliveries at once, under 30 seeded interleavings, from a sync stopped mid-batch: each artist welcomed and approved once', async () => {
    for (let seed = 100; seed < 130; seed++) {
      await h.dispose();
      h = onboardingHarness();
      const names = addArtists(h, 6);
      // An approval takes 4 s of the run's 12 s: each run stops after about three artists.
      h.calls.onCall('Users.Friend', () => h.clock.advance(4_000));
      h.reddit.editWikiPage(ROSTER_PAGE, names.join('\n'), 'mod_alice');
      await h.concurrently(seed, [1, 2].map(() => () => h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'))));
      for (let round = 0; round < 12; round++) {
        const at = await rosterDueAt(h);
        if (at !== undefined && at - h.clock.now() > 3_600_000) break;
        h.clock.advance(61_000);
        await h.concurrently(seed * 100 + round, [1, 2].map(() => () => h.runJob('enforcement-due')));
      }
      for (const n of names) expect(conversationsWith(h, n), `seed ${seed}, u/${n}`).toHaveLength(1);
      expect(h.calls.count('Users.Friend'), `seed ${seed}`).toBe(6);
      expect((await listRoster(redisView(h))).length, `seed ${seed}`).toBe(6);
    }
  });

  it('10 % injected Reddit faults on every Reddit call: after the retries every artist is onboarded exactly once', async () => {
    const names = addArtists(h, 150);
    h.calls.failFraction(/^(Users|Flair|NewModmail|Wiki|Subreddits|ModNote)\./, 0.1, { seed: 11 });
    h.reddit.editWikiPage(ROSTER_PAGE, names.join('\n'), 'mod_alice');
    // Devvit redelivers a failed trigger; so does this test, until it succeeds.
    for (let i = 0; i < 10; i++) {
      const ok = await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice')).then(() => true, () => false);
      if (ok) break;
    }
    await runSyncToEnd(h, { maxSteps: 300 });
    expect(h.calls.log.filter((c) => c.failed).length).toBeGreaterThan(30);
    expect((await listRoster(redisView(h))).filter((e) => !e.offboardedAt)).toHaveLength(150);
    for (const n of names) {
      expect(conversationsWith(h, n)).toHaveLength(1);
      expect(h.reddit.approvedUsers.has(n)).toBe(true);
      expect(h.reddit.userFlair.get(n)?.text).toBe('Artist');
    }
    expect(summaries(h)).toEqual([]);
  });

  it('a roster of 2,000 completes across runs (each stops starting artists after its time budget), and a failure mid-batch repeats nothing', async () => {
    const names = addArtists(h, 2000, 'a');
    // Each approval takes 50 ms of the run's time: a run fits ~240 artists in its 12 s.
    h.calls.onCall('Users.Friend', () => h.clock.advance(50));
    // A failure mid-batch: the 150th welcome fails once; the rest of the batch goes on, the next run retries it.
    h.calls.failNth('NewModmail.CreateConversation', 150, 500);
    await saveRoster(h, names.join('\n'));
    // How far into its run each approval started (the run's start is its delivery's time).
    const intoRun: number[] = [];
    h.calls.onCall('Users.Friend', () => intoRun.push(h.clock.now() - (h.deliveries.filter((d) => d.kind === 'job').at(-1)?.at ?? 0)));
    const runs = await runSyncToEnd(h, { stepMs: 6_000, maxSteps: 400 });
    expect(runs).toBeGreaterThan(5);
    // No artist is started later than 12 s into a run (+ the 50 ms the last approval took).
    expect(Math.max(...intoRun)).toBeLessThanOrEqual(12_050);
    expect((await listRoster(redisView(h))).length).toBe(2000);
    expect(welcomes(h)).toHaveLength(2000);
    expect(h.calls.count('Flair.FlairCsv')).toBe(20);
    const perUser = new Map<string, number>();
    for (const c of welcomes(h)) perUser.set(c.participant ?? '', (perUser.get(c.participant ?? '') ?? 0) + 1);
    expect([...perUser.values()].every((n) => n === 1)).toBe(true);
  });

  it('a crash between sending a welcome and recording it: the delivery taking over finds the conversation and does not send again', async () => {
    const names = addArtists(h, 3);
    let failures = 0;
    // Every write marking u/artist_001's welcome done fails (the ledger retries it 3 times): the
    // delivery ends after the conversation was created, with the claim still pending.
    const record = h.calls.record.bind(h.calls);
    h.calls.record = (name, request) => {
      record(name, request);
      const text = JSON.stringify(request);
      if (failures < 3 && name === 'redis.HSet' && text.includes('cd:fx:onboard:artist_001:0') && text.includes('welcome') && text.includes('done')) {
        failures += 1;
        throw new Error('crash after the welcome was sent');
      }
    };
    await saveRoster(h, names.join('\n'));
    await runSyncToEnd(h);
    expect(failures).toBe(3);
    for (const n of names) expect(conversationsWith(h, n)).toHaveLength(1);
    expect(h.calls.count('NewModmail.CreateConversation')).toBe(3);
    expect((await listRoster(redisView(h))).length).toBe(3);
  });

  it('menu and roster share one onboarding: a name onboarded from the menu and then listed is not welcomed again', async () => {
    const opened = await h.menuAction(LABELS.onboard, { as: 'mod_alice' });
    await h.submitForm(opened.forms[0] ?? '', { username: 'artist_ann' }, { as: 'mod_alice' });
    await saveRoster(h, 'artist_ann\nregular_bob');
    await runSyncToEnd(h);
    expect(conversationsWith(h, 'artist_ann')).toHaveLength(1);
    expect(conversationsWith(h, 'regular_bob')).toHaveLength(1);
    expect(await readRosterEntry(redisView(h), 'artist_ann')).toMatchObject({ source: 'menu' });
  });

  it('the menu and the sync onboarding the same artist at the same time: one welcome, one approval, under 20 interleavings', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      await h.dispose();
      h = onboardingHarness();
      await saveRoster(h, 'artist_ann');
      const opened = await h.menuAction(LABELS.onboard, { as: 'mod_alice' });
      h.clock.advance(1_000);
      await h.concurrently(seed, [
        () => h.submitForm(opened.forms[0] ?? '', { username: 'artist_ann' }, { as: 'mod_alice' }),
        () => h.runJob('enforcement-due'),
      ]);
      await runSyncToEnd(h);
      expect(conversationsWith(h, 'artist_ann'), `seed ${seed}`).toHaveLength(1);
      expect(h.calls.count('Users.Friend'), `seed ${seed}`).toBeLessThanOrEqual(1);
      expect(h.reddit.approvedUsers.has('artist_ann'), `seed ${seed}`).toBe(true);
    }
  });

  it('deleting a name offboards only when the setting says so; otherwise the summary says it stays', async () => {
    addArtists(h, 2);
    await saveRoster(h, 'artist_000\nartist_001');
    await runSyncToEnd(h);
    await saveRoster(h, 'artist_000');
    await runSyncToEnd(h);
    expect(await readRosterEntry(redisView(h), 'artist_001')).not.toHaveProperty('offboardedAt');
    expect(summaries(h).at(-1)?.messages[0]?.body).toContain('still artists');

    await h.dispose();
    h = onboardingHarness({ settings: { 'roster-removal-offboards': true } });
    addArtists(h, 2);
    await saveRoster(h, 'artist_000\nartist_001');
    await runSyncToEnd(h);
    await saveRoster(h, 'artist_000 # kept');
    await runSyncToEnd(h);
    expect(await readRosterEntry(redisView(h), 'artist_001')).toHaveProperty('offboardedAt');
    expect(h.reddit.approvedUsers.has('artist_001')).toBe(false);
    expect(h.reddit.approvedUsers.has('artist_000')).toBe(true);
    // An edit that keeps an offboarded name's line does not onboard them again, even a month on.
    await saveRoster(h, 'artist_000 # still kept');
    await runSyncToEnd(h);
    expect(conversationsWith(h, 'artist_001')).toHaveLength(1);

    const menuOffboard = await h.menuAction(LABELS.offboard, { as: 'mod_alice' });
    await h.submitForm(menuOffboard.forms[0] ?? '', { username: 'artist_000' }, { as: 'mod_alice' });
    h.clock.advance(31 * 86_400_000);
    await saveRoster(h, 'artist_000 # a month later');
    await runSyncToEnd(h);
    expect(conversationsWith(h, 'artist_000')).toHaveLength(1);
    expect(await readRosterEntry(redisView(h), 'artist_000')).toHaveProperty('offboardedAt');
  });

  it('a wikirevise whose sync could not be scheduled is not marked validated: the retried delivery schedules it', async () => {
    addArtists(h, 1);
    h.calls.failNth('scheduler.Schedule', 1, 500);
    h.reddit.editWikiPage(ROSTER_PAGE, 'artist_000', 'mod_alice');
    await expect(h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'))).rejects.toThrow(/HTTP 500/);
    await h.trigger('ModAction', h.events.modAction('wikirevise', 'mod_alice'));
    await runSyncToEnd(h);
    expect(conversationsWith(h, 'artist_000')).toHaveLength(1);
  });

  it('a wikirevise the app missed is caught by the daily sync', async () => {
    addArtists(h, 2);
    await saveRoster(h, 'artist_000');
    await runSyncToEnd(h);
    h.reddit.editWikiPage(ROSTER_PAGE, 'artist_000\nartist_001', 'mod_alice');
    await h.advance(86_400_000);
    await runSyncToEnd(h);
    expect(conversationsWith(h, 'artist_001')).toHaveLength(1);
  });
});
