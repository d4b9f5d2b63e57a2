export type { ConditionCompiler, ConditionTest, SlaDiagnostic } from './condition.js';
export { parseDurationMinutes } from './duration.js';
export {
  conditionSchema,
  durationSchema,
  hoursModeSchema,
  metricSchema,
  slaPolicyFileSchema,
  slaPolicySchema,
  statusChangeSchema,
  targetSchema,
  type HoursMode,
  type SlaMetricDefinition,
  type SlaPolicyDefinition,
  type SlaPolicyInput,
  type SlaTargetInput,
  type StatusChange,
} from './schema.js';
export type { CompiledSlaMetric, CompiledSlaPolicy, SlaPolicySet, SlaTarget } from './policy-set.js';
export { compileSlaPolicies, type CompileSlaOptions, type DocPath, type SlaPolicySetInput } from './compile-sla-policies.js';
export { parseSlaPolicies } from './parse-sla-policies.js';
export { computeSla, type SlaMetricResult, type SlaResult, type SlaState } from './compute-sla.js';
