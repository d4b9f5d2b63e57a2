/** The SLA policy file the SLA tests share: a New York support calendar with Thanksgiving off. */
import { parseSlaPolicies, type SlaPolicySet } from '../../src/sla/index.js';

export const POLICY_YAML = `# review SLAs
calendars:
  support:
    timeZone: America/New_York
    hours:
      mon: [['09:00', '17:00']]
      tue: [['09:00', '17:00']]
      wed: [['09:00', '17:00']]
      thu: [['09:00', '17:00']]
      fri: [['09:00', '17:00']]
    holidays: [2026-11-26]
policies:
  - name: Brand awards
    when: { asset_type: brand_award }
    calendar: support
    pause_when: { status: waiting_on_artist }
    warn_before: 1h
    metrics:
      first_review:
        stop_when: { status: [in_review, approved, rejected] }
        targets: { urgent: 2h, high: 4h, default: 8h }
      resolution:
        stop_when: { status: [approved, rejected] }
        targets: { urgent: 8h, default: 24h }
  - name: Avatars and community awards
    when: { asset_type: [avatar, community_award] }
    calendar: support
    pause_when: { status: waiting_on_artist }
    metrics:
      resolution:
        stop_when: { status: [approved, rejected] }
        warn_before: 2h
        targets:
          urgent: { target: 4h, hours: calendar, warn_before: 30m }
          high: 8h
          normal: 16h
  - name: Artist replies
    when: { asset_type: artist_reply }
    metrics:
      next_reply:
        hours: calendar
        repeat: true
        start_when: { status: awaiting_staff }
        stop_when: { status: answered }
        targets: { default: 1d }
`;

/** The compiled shared policy set. */
export function policySet(): SlaPolicySet {
  const { policies, diagnostics } = parseSlaPolicies(POLICY_YAML, { source: 'sla.yaml' });
  if (diagnostics.length > 0) throw new Error(JSON.stringify(diagnostics));
  return policies;
}

/** History entries from `status@iso` strings. */
export const h = (...entries: string[]) =>
  entries.map((e) => {
    const [status, at] = e.split('@') as [string, string];
    return { status, at: new Date(at) };
  });
