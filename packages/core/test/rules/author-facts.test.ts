import { describe, expect, it } from 'vitest';
import { authorFacts } from '../../src/index.js';
import { matches } from './helpers.js';

const NOW = Date.parse('2026-07-01T12:00:00Z');

describe('authorFacts: the author group rules read', () => {
  it('age, karma and combined karma from Reddit; roster and strikes from the app\'s stores', () => {
    const a = authorFacts(
      {
        name: 'artist_ann',
        account: { createdUtc: (NOW - 400 * 86_400_000) / 1000, commentKarma: 120, postKarma: 30 },
        isModerator: false,
        isContributor: true,
        rosterEntry: JSON.stringify({ since: '2026-05-01T12:00:00Z', tier: 'gold' }),
        strikes: '2',
      },
      NOW,
    );
    expect(a).toMatchObject({ name: 'artist_ann', account_age_days: 400, comment_karma: 120, post_karma: 30, combined_karma: 150, is_contributor: true, is_moderator: false, is_artist: true, artist_since_days: 61, strikes: 2 });
    expect(matches("author:\n  is_artist: true\n  artist_since: '> 60 days'\n  strikes: '>= 2'\naction: report", { author: a })).toBe(true);
  });
  it('unknown stays unknown: no account lookup, no roster entry, unreadable entries and counts', () => {
    const a = authorFacts({ name: 'x', isModerator: false, isContributor: false, rosterEntry: null, strikes: null }, NOW);
    expect(a).toMatchObject({ account_age_days: undefined, combined_karma: undefined, is_artist: false, artist_since_days: undefined, strikes: 0 });
    // Listed, but with an unreadable date: an artist whose tenure is unknown.
    expect(authorFacts({ name: 'x', isModerator: false, isContributor: false, rosterEntry: '{"since":"soon"}' }, NOW)).toMatchObject({ is_artist: true, artist_since_days: undefined });
    expect(authorFacts({ name: 'x', isModerator: false, isContributor: false, rosterEntry: 'not json', strikes: 'NaN' }, NOW)).toMatchObject({ is_artist: true, strikes: 0 });
    expect(authorFacts({ name: 'x', isModerator: false, isContributor: false, strikes: -3 }, NOW).strikes).toBe(0);
  });
});
