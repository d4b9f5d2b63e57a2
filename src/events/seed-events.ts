/** The commented example written to `creator-desk/events` on install; it must validate without errors. */
export const SEED_EVENTS = `# creator-desk events: announcements the app posts on schedule.
# Times are local to each event's time_zone (IANA name) and stay local across DST changes.
# A local time that a DST change skips (02:30 on spring-forward night) is posted at the same
# wall-clock distance after the jump (03:30); one that happens twice is the first.
#
# events:
#   - id: weekly-drop                      # lower-case letters, digits, dashes
#     title: "Weekly drop — {{date MMMM d}}" # {{date FORMAT}} uses date-fns patterns
#     body: |
#       Drops open at {{time}} {{zone}}. Post your pieces in this thread.
#     time_zone: America/New_York
#     start: 2026-03-03 18:00               # first occurrence, local date and time
#     duration: 2h                          # how long the event is live (rules: event: active)
#     rrule: FREQ=WEEKLY;BYDAY=TU,TH        # RFC 5545; or the readable keys below
#     # repeat: {freq: monthly, on: [2nd tue]}   # once | daily | weekly | monthly; on, days, interval
#     # until: 2026-06-30                   # or count: 10
#     skip: [2026-03-17]
#     announce: 1d                          # posted this long before the start
#     reminders: [1h]                       # comments on the announcement (reminder_as: post for new posts)
#     flair: "Drop"
#     sticky: 1
#     distinguish: true
#     rotate: {unsticky: true, lock: true, end_note: "This drop has ended — see you next time!"}
events: []
`;
