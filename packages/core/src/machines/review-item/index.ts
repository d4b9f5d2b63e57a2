export {
  createReviewItem,
  reviewItemMachine,
  reviewItemTable,
  type ReviewCommand,
  type ReviewContext,
  type ReviewGuard,
  type ReviewItemState,
  type ReviewStatus,
} from './machine.js';
export { queueStatsFromEvents, type ReviewQueueStats } from './stats.js';
