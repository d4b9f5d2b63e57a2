import { describe, expect, it } from 'vitest';
import { checkEventText, renderEventText } from '../../src/events/index.js';

const at = Date.parse('2026-03-03T23:00:00Z');

describe('renderEventText', () => {
  it('formats date tokens with date-fns in the event zone', () => {
    expect(renderEventText('Drop — {{date MMMM d}} at {{time}} {{zone}}', at, 'America/New_York', {}, { plain: true })).toBe('Drop — March 3 at 6:00 PM EST');
    expect(renderEventText('{{date}}', at, 'Asia/Tokyo', {}, { plain: true })).toBe('Wednesday, March 4');
  });

  it('makes values inert in markdown: a title carrying a ping, a link or a heading stays text', () => {
    const body = renderEventText('Reminder: {{title}} starts {{countdown}}', at, 'UTC', { title: '[win](https://evil.example) u/someone #1', countdown: 'in 1 hour' });
    expect(body).not.toContain('[win](');
    expect(body).not.toMatch(/(^|[^\w\\])u\/someone/);
  });

  it('keeps plain text on one line and cuts it', () => {
    expect(renderEventText('{{title}}!', at, 'UTC', { title: 'a\nb\u0000c' }, { plain: true })).toBe('a b c!');
    expect(renderEventText('x'.repeat(400), at, 'UTC', {}, { plain: true, maxLength: 300 })).toHaveLength(300);
  });
});

describe('checkEventText', () => {
  it('names unknown placeholders and bad date patterns', () => {
    expect(checkEventText('{{date MMMM d}} {{title}}')).toEqual([]);
    expect(checkEventText('{{date nnn}}').map((d) => d.message)).toEqual([expect.stringMatching(/^\{\{date nnn\}\}: /)]);
    expect(checkEventText('Hi {{author}}').map((d) => d.message)).toEqual(['unknown placeholder {{author}}']);
  });
});
