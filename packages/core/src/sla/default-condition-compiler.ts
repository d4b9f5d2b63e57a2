import { compileCondition, type Item } from '../rules/index.js';
import type { ConditionCompiler } from './condition.js';

/**
 * SLA conditions are the rule language's checks (core/rules' `compileCondition`): `status: waiting_on_artist`,
 * `asset_type: [avatar, brand_award]`, `~status`, modifiers, thresholds and sub-groups all mean what they
 * mean in an AutoModerator rule. Items are plain field records here, hence the one cast at this seam.
 */
export const defaultConditionCompiler: ConditionCompiler = (checks, opts = {}) => {
  const compiled = compileCondition(checks, opts);
  return { test: (item) => compiled.test(item as Item), diagnostics: compiled.diagnostics };
};
