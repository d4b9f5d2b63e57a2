import type { LedgerOutcome } from '../platform/ledger/effect-ledger.js';

/** What each ledger step is called in a toast. */
function label(step: string, flair: string): string {
  switch (step) {
    case 'flair':
      return `flair "${flair}"`;
    case 'approve':
      return 'approved user';
    case 'welcome':
      return 'welcome message (modmail, as the subreddit)';
    case 'modnote':
      return 'mod note';
    case 'record':
      return 'roster entry';
    case 'unflair':
      return 'flair removed';
    case 'unapprove':
      return 'approval removed';
    default:
      return step;
  }
}

/** One toast sentence: what was done now, what an earlier delivery had done, and what was skipped and why. */
export function describeSteps(outcome: LedgerOutcome, skipped: readonly string[], flair: string): string {
  const parts = [`done: ${outcome.performed.map((s) => label(s, flair)).join(', ') || 'nothing'}`];
  if (outcome.alreadyDone.length > 0) parts.push(`already done earlier: ${outcome.alreadyDone.map((s) => label(s, flair)).join(', ')}`);
  if (skipped.length > 0) parts.push(`skipped: ${skipped.join(', ')}`);
  return parts.join('; ');
}
