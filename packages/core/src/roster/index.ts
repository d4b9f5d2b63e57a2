export { checkUsername, flairSafe, shopNameProblem, SHOP_NAME_MAX, type UsernameCheck } from './username.js';
export { parseRosterPage, rosterDiagnostics, ROSTER_MAX_LINES, type ParsedRoster, type RosterLine, type RosterProblem } from './roster-page.js';
export { diffRoster, planBatches, FLAIR_BATCH_SIZE, type RosterDiff, type StoredRosterEntry } from './roster-diff.js';
export { renderFlairText, renderWelcome, ARTIST_TEMPLATE_PLACEHOLDERS, FLAIR_TEXT_MAX } from './artist-templates.js';
export { formatRosterSummary, rosterSummarySubject, type RosterLineProblem, type RosterSyncReport } from './roster-summary.js';
