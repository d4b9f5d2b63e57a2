/** Moved to the platform (modmail triage uses the same author facts): src/platform/rules/author-facts.ts. */
export * from '../platform/rules/author-facts.js';
