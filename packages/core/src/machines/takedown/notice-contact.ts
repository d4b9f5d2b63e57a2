import { z } from 'zod';

/** The complainant's contact channel as the notice schema holds it. */
export type NoticeContactChannel = { email: string } | { phone: string } | { address: string } | Record<string, never>;

const email = z.email();
// A telephone number: digits with the usual separators, at least 7 digits, nothing else.
const PHONE = /^\+?[\d\s().-]+$/;

/**
 * Reads the one contact field of a takedown form ("email, address or phone") as the §512(c)(3)(A)(iv)
 * channel it is: an email address (alone or as `Name <address>`), a telephone number (7–15
 * digits with separators), else a postal address. Empty text is no channel (the notice check then names the missing element).
 * Something with an `@` that is not a valid address stays an email, so the check names it invalid
 * rather than passing it off as a postal address.
 */
export function parseNoticeContact(text: string): NoticeContactChannel {
  const t = text.trim();
  if (t === '') return {};
  if (email.safeParse(t).success || (t.includes('@') && !/\s/.test(t))) return { email: t };
  // "Jane Painter <jane@example.com>": the address inside the angle brackets.
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(t)?.[1];
  if (bracketed !== undefined && email.safeParse(bracketed).success) return { email: bracketed };
  const digits = t.replace(/\D/g, '').length;
  if (PHONE.test(t) && digits >= 7 && digits <= 15) return { phone: t };
  return { address: t };
}
