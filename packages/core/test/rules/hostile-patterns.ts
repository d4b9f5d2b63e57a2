/**
 * Regexes that took seconds to over a minute on one long comment on V8 (issue 8), and corpus 004 rule 44
 * (issue 16 item 9). The unit tests check each runs on the linear-time engine; `bench/rules` times them.
 */
export const HOSTILE_PATTERNS: readonly string[] = [
  '(https?://)?(www\\.)?\\S+\\.\\S+/\\S*',
  '.+\\s.+\\s.+x',
  '\\s+$',
  '\\d+\\s*\\d+\\s*\\d+x',
  '(.*)(free)(.*)(nft)(.*)(drop)',
  '^(?:\\S+[.,!?]*\\s+){124,}\\S+[.,!?]*$',
];
