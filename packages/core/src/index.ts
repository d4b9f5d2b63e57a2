/**
 * @creator-desk/core — the rules library shared by the Devvit app and the coordinator's queues.
 * Pure and synchronous: no Node-only APIs and no I/O, so it runs inside Devvit.
 */
export * from './version.js';
export * from './rules/index.js';
export * from './calendar/index.js';
export * from './sla/index.js';
export * from './machines/index.js';
export { seededRandom } from './random/seeded-random.js';
export * from './templates/index.js';
export * from './modmail/index.js';
export * from './roster/index.js';
export * from './events/index.js';
