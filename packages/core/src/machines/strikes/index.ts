export {
  DEFAULT_LADDER,
  ladderStepSchema,
  strikeLadderConfigSchema,
  type LadderStep,
  type StrikeLadderConfig,
} from './config.js';
export { describeLadder, describeStep, parseStrikeLadder, type LadderParse } from './ladder-text.js';
export {
  proposeStrike,
  strikeMachine,
  strikeTable,
  type NewStrike,
  type StrikeAction,
  type StrikeCommand,
  type StrikeContext,
  type StrikeGuard,
  type StrikeState,
  type StrikeStatus,
} from './machine.js';
export { strikeStatus, type StrikeStanding } from './strike-status.js';
export {
  openTerminationReview,
  terminationReviewId,
  terminationReviewMachine,
  terminationReviewTable,
  type TerminationReviewCommand,
  type TerminationReviewGuard,
  type TerminationReviewState,
  type TerminationReviewStatus,
} from './termination-review.js';
export {
  describeEnforcement,
  parseStrikeRequest,
  RULE_STRIKE_KIND,
  STRIKE_KINDS,
  STRIKE_STEPS,
  type EnforcementWording,
  type StrikeKind,
  type StrikeRequest,
  type StrikeRequestInput,
  type StrikeStep,
} from './strike-request.js';
