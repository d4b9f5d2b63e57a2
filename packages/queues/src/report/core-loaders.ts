import { loadEscalationRules } from '../escalations/rules-routing.js';
import type { CoreLoaders } from './load-inputs.js';
import { loadSlaPolicies } from '../review/sla-policies.js';

/** The loaders backed by @creator-desk/core: the SLA policies and the escalation rules. */
export const coreLoaders: CoreLoaders = {
  sla: loadSlaPolicies,
  rules: loadEscalationRules,
};
