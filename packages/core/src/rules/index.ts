/** The AutoModerator-compatible rule language: parse, validate, compile, evaluate, explain, backtest. */
export {
  diagnosticSchema,
  ruleSchema,
  checkSchema,
  conditionSchema as ruleConditionSchema,
  ruleActionsSchema,
  searchMethodSchema,
  ruleTypeSchema,
  type Diagnostic,
  type Rule,
  type Check,
  type Condition,
  type RuleActions,
  type GroupActions,
  type Flair,
  type SearchCheck,
  type SearchMethod,
  type RuleType,
} from './schema.js';
export { itemSchema, authorSchema, factsSchema, type Item, type Author, type Facts } from './item.js';
export {
  itemSchemaFor,
  modmailItemSchema,
  reviewItemSchema,
  stagingItemSchema,
  ticketItemSchema,
  takedownItemSchema,
  inquiryItemSchema,
} from './item-types.js';
export { parseRules, type ParseRulesOptions, type ParseRulesResult } from './parse-rules.js';
export {
  compileCondition,
  compileRules,
  type CompiledCondition,
  type CompiledRules,
  type CompiledRule,
  type CheckMatch,
  type CheckTrace,
} from './compile.js';
export {
  evaluate,
  explain,
  backtest,
  type Decision,
  defaultSubject,
  type RuleExplanation,
  type BacktestResult,
  type BacktestRuleResult,
} from './evaluate.js';
export { translatePythonRegex, type TranslateResult } from './python-regex.js';
export { searchRegex, type RegexEngine, type SearchRegex } from './regex-engine.js';
export { compileTextPattern, regexChecks, type TextPattern, type RegexCheckEngine } from './search-pattern.js';
export { rulesJsonSchema } from './json-schema.js';
export { closestName, didYouMean } from './suggest.js';
export {
  planEffects,
  moderationVerdict,
  removedByHuman,
  approvedByHuman,
  isRemoval,
  describeVeto,
  type Veto,
  type ModerationAction,
  type ModerationState,
  type ActorOptions,
  type VerdictOptions,
  type SkipReason,
  type EffectKind,
  type PlannedEffect,
  type SkippedEffect,
  type EffectPlan,
  type PlanOptions,
} from './plan-effects.js';
export { type SkippedAction } from './evaluation-state.js';
export { closestMiss, type ClosestMiss } from './closest-miss.js';
export { authorFacts, type AuthorFactSources } from './author-facts.js';
export { eventChecksOf } from './event-check.js';
