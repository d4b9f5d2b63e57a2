import { businessCalendarSchema } from '../../../src/calendar/index.js';

/** A complete notice with all six §512(c)(3)(A) elements. */
export const validNotice = {
  reference: 'DMCA-2026-0042',
  signature: '/s/ Jane Painter',
  copyrightedWork: '"Moonlit Fox", digital painting, 2024',
  infringingMaterial: { description: 'avatar art copied from my portfolio', locations: ['https://www.reddit.com/r/CollectibleCreators/comments/abc123/'] },
  contact: { name: 'Jane Painter', email: 'jane@example.com' },
  goodFaithStatement: true,
  accuracyStatement: true,
} as const;

/** A complete counter-notice with the §512(g)(3) elements. */
export const validCounterNotice = {
  signature: '/s/ Sam Uploader',
  removedMaterial: { locations: ['https://www.reddit.com/r/CollectibleCreators/comments/abc123/'] },
  mistakeStatement: true,
  subscriber: { name: 'Sam Uploader', address: '1 Main St, Springfield', phone: '+1 555 0100' },
  jurisdictionConsent: true,
  acceptsService: true,
} as const;

/** New York office hours with Thanksgiving (Thu+Fri) and Christmas as holidays. */
export const usCalendar = businessCalendarSchema.parse({
  timeZone: 'America/New_York',
  hours: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
  holidays: [{ from: '2026-11-26', to: '2026-11-27', name: 'Thanksgiving' }, '2026-12-25'],
});
