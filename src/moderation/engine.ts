/** Moved to the platform (modmail triage evaluates the same rules): src/platform/rules/engine.ts. */
export * from '../platform/rules/engine.js';
