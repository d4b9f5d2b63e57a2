import { WORD_JOINER, escapeMarkdown } from '@creator-desk/core';
import { stringify } from 'yaml';
import type { ActivationSettings } from './settings.js';
import type { Activation } from './tracker.js';

/** An events-page entry (the keys of core's `eventInputSchema`). */
export interface AnnouncementEvent {
  id: string;
  title: string;
  body: string;
  time_zone: string;
  start: string;
  duration: string;
  repeat: 'once';
}

/**
 * A title as Reddit shows it (plain text): one printable line, with an invisible word joiner inside
 * `u/`, `r/`, `://` and `www.` (as core's escapeMarkdown does in bodies) so no app or client turns the
 * tracker's words into a ping or a link, and inside `{{` so the events page reads no placeholder.
 */
export function inertTitle(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/([ur])\//gi, `$1${WORD_JOINER}/`)
      .replace(/:\/\//g, `${WORD_JOINER}://`)
      .replace(/(w)(ww\.)/gi, `$1${WORD_JOINER}$2`)
      .replace(/([{}])(?=[{}])/g, `$1${WORD_JOINER}`)
      .slice(0, 300)
  );
}

/**
 * The activation's community announcement as an entry of the `creator-desk/events` page: posted once, at
 * the milestone's due date and the announcement time, in the activation zone. The tracker's title and body
 * are its coordinator's words, not templates: the body is escaped with core's escapeMarkdown (no pings,
 * links, markdown or `{{…}}` placeholders), the title made inert. Undefined when there is no announcement milestone.
 */
export function announcementEvent(a: Activation, settings: ActivationSettings): AnnouncementEvent | undefined {
  const m = a.milestones.get('community_announcement');
  if (!m) return undefined;
  const launch = a.milestones.get('launch');
  const body = a.announcement?.body ?? `${a.name} from ${a.brand}${launch ? ` launches on ${launch.due}` : ''}.`;
  return {
    id: a.id,
    title: inertTitle(a.announcement?.title ?? `${a.brand}: ${a.name}`),
    // Escaping can triple the length (a backslash and a word joiner per character); 3,000 stays under the page's 10,000.
    body: escapeMarkdown(body, { singleLine: false, maxLength: 3000 }),
    time_zone: settings.time_zone,
    start: `${m.due} ${a.announcement?.time ?? settings.announce_time}`,
    duration: '1h',
    repeat: 'once',
  };
}

/** The entry as YAML to paste into the events page: an `events:` list holding it. */
export function announcementEventYaml(event: AnnouncementEvent): string {
  return stringify({ events: [event] }, { lineWidth: 0 });
}
