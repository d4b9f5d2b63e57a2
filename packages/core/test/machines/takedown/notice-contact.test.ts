import { describe, expect, it } from 'vitest';
import { parseNoticeContact, validateTakedownNotice } from '../../../src/machines/index.js';
import { validNotice } from './fixtures.js';

describe('the takedown form\'s contact field', () => {
  it('reads an email, a telephone number or else a postal address', () => {
    expect(parseNoticeContact(' jane@example.com ')).toEqual({ email: 'jane@example.com' });
    expect(parseNoticeContact('Jane Painter <jane@example.com>')).toEqual({ email: 'jane@example.com' });
    expect(parseNoticeContact('+1 (555) 010-0199')).toEqual({ phone: '+1 (555) 010-0199' });
    expect(parseNoticeContact('1 Main St, Springfield, IL 62701')).toEqual({ address: '1 Main St, Springfield, IL 62701' });
    // Too few digits for a telephone number: a (short) address, not a phone.
    expect(parseNoticeContact('12-34')).toEqual({ address: '12-34' });
    expect(parseNoticeContact('   ')).toEqual({});
  });
  it('a malformed email stays an email, so the notice check names it instead of taking it as an address', () => {
    expect(parseNoticeContact('jane@')).toEqual({ email: 'jane@' });
    const r = validateTakedownNotice({ ...validNotice, contact: { name: 'Jane', ...parseNoticeContact('jane@') } });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toContain('the email address is not valid');
  });
});
