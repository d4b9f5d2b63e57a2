/** Moved to the platform (modmail triage reads the same page): src/platform/rules/rules-page.ts. */
export * from '../platform/rules/rules-page.js';
