import { describe, expect, it } from 'vitest';
import { errors, fired, matches } from './helpers.js';

describe('extensions beyond AutoModerator', () => {
  it('author facts: is_artist, artist_since, strikes', () => {
    const rule = "author:\n  is_artist: true\n  artist_since: '> 30 days'\n  strikes: '>= 2'\naction: report";
    expect(matches(rule, { author: { is_artist: true, artist_since_days: 40, strikes: 2 } })).toBe(true);
    expect(matches(rule, { author: { is_artist: true, artist_since_days: 10, strikes: 2 } })).toBe(false);
    expect(matches(rule, { author: { is_artist: false, artist_since_days: 40, strikes: 3 } })).toBe(false);
  });
  it('day_of_week and time_of_day in a time zone', () => {
    const rule = "title: [x]\nday_of_week: [sat, sun]\ntime_of_day: '09:00-17:00'\ntime_zone: America/New_York\ncomment: weekend";
    // Saturday 2026-01-10 15:00 UTC is 10:00 in New York.
    expect(matches(rule, { title: 'x' }, { now: Date.UTC(2026, 0, 10, 15) })).toBe(true);
    // 23:00 UTC is 18:00 in New York: outside the hours.
    expect(matches(rule, { title: 'x' }, { now: Date.UTC(2026, 0, 10, 23) })).toBe(false);
    // Monday.
    expect(matches(rule, { title: 'x' }, { now: Date.UTC(2026, 0, 12, 15) })).toBe(false);
  });
  it('a schedule without time_zone follows the evaluation\'s default zone (the installation\'s), else UTC', () => {
    const rule = "title: [x]\nday_of_week: [sat]\ntime_of_day: '09:00-17:00'\ncomment: saturday office hours";
    // Saturday 2026-01-10 15:00 UTC is 10:00 in New York, 00:00 on Sunday in Tokyo.
    const now = Date.UTC(2026, 0, 10, 15);
    expect(matches(rule, { title: 'x' }, { now })).toBe(true);
    expect(matches(rule, { title: 'x' }, { now, timeZone: 'America/New_York' })).toBe(true);
    expect(matches(rule, { title: 'x' }, { now, timeZone: 'Asia/Tokyo' })).toBe(false);
    // 08:00 UTC is 09:00 in Berlin: inside Berlin's hours, not yet UTC's.
    expect(matches(rule, { title: 'x' }, { now: Date.UTC(2026, 0, 10, 8), timeZone: 'Europe/Berlin' })).toBe(true);
    expect(matches(rule, { title: 'x' }, { now: Date.UTC(2026, 0, 10, 8) })).toBe(false);
    // A rule's own time_zone wins over the default.
    expect(matches(`${rule}\ntime_zone: UTC`, { title: 'x' }, { now: Date.UTC(2026, 0, 10, 8), timeZone: 'Europe/Berlin' })).toBe(false);
    expect(() => matches(rule, { title: 'x' }, { now, timeZone: 'Mars/Olympus' })).toThrow(/facts.timeZone: "Mars\/Olympus" is not an IANA time zone/);
  });
  it('time_of_day may wrap midnight', () => {
    expect(matches("title: [x]\ntime_of_day: '22:00-06:00'\ncomment: night", { title: 'x' }, { now: Date.UTC(2026, 0, 10, 2) })).toBe(true);
  });
  it('rejects an unknown time zone or day', () => {
    expect(errors('title: [x]\ntime_zone: Mars/Olympus\ncomment: c')[0]).toMatch(/not an IANA time zone/);
    expect(errors('title: [x]\nday_of_week: [funday]\ncomment: c')[0]).toMatch(/not a day/);
  });
  it('type: modmail checks subject/body and can reply, archive, escalate', () => {
    const rules = "type: modmail\nsubject+body: [dmca, copyright]\nescalate: {team: Legal}\narchive: true";
    expect(fired(rules, { type: 'modmail', subject: 'DMCA notice', body: '...' })).toEqual([1]);
    expect(fired(rules, { type: 'submission', title: 'dmca' })).toEqual([]);
  });
  it('queue types: the same checks over their fields', () => {
    const rules = "type: staging\nstatus: [failed]\nattempts: '>= 3'\nescalate: {team: Engineering, reason: 'stuck {{id}}'}";
    expect(fired(rules, { type: 'staging', id: 'st-1', status: 'failed', attempts: 4 })).toEqual([1]);
    expect(fired(rules, { type: 'staging', id: 'st-1', status: 'failed', attempts: 1 })).toEqual([]);
  });
  it('on queue types a non-numeric priority is the item\'s priority field, not the rule priority', () => {
    expect(fired('type: ticket\npriority: urgent\ncategory: vip', { type: 'ticket', priority: 'urgent' })).toEqual([1]);
    expect(fired('type: ticket\npriority: urgent\ncategory: vip', { type: 'ticket', priority: 'low' })).toEqual([]);
  });
  it('type: ticket searches subject+body (the description) and may suggest a macro with reply', () => {
    const rules = "type: ticket\nsubject+body: [persona, 'identity check']\ncategory: identity\nreply: 'macro: persona-false-positive'";
    expect(errors(rules)).toEqual([]);
    const item = { type: 'ticket', id: '101', subject: 'Verification', description: 'Persona says my ID is fake', body: 'Persona says my ID is fake' };
    expect(fired(rules, item)).toEqual([1]);
    expect(fired(rules, { ...item, description: 'payout missing', body: 'payout missing' })).toEqual([]);
    // reply stays a modmail/ticket action: a review item cannot reply
    expect(errors("type: review\ntitle: [x]\nreply: 'macro: x'")[0]).toMatch(/reply/);
  });
});
