import { activationsModule } from '../activations/activations-module.js';
import { inquiriesModule } from '../inquiries/inquiries-module.js';
import { qaModule } from '../qa/qa-module.js';
import { supportModule } from '../support/support-module.js';
import type { QueueModule, QueueModuleContext, QueueModuleReport } from './queue-module.js';
import { takedownsModule } from '../takedowns/takedowns-module.js';
import { helpArticlesModule } from '../help-articles/help-articles-module.js';

/** The queues beside review and staging, in the order the report shows them. */
export const QUEUE_MODULES: readonly QueueModule[] = [qaModule, takedownsModule, helpArticlesModule, activationsModule, inquiriesModule, supportModule];

/** The settings keys of `creator-desk.yaml` the modules own (the core settings accept them unread). */
export const MODULE_SETTINGS_KEYS: readonly string[] = QUEUE_MODULES.flatMap((m) => (m.settingsKey ? [m.settingsKey] : []));

/** The module that reads a file of this name, if any. */
export function moduleOfFile(name: string): QueueModule | undefined {
  return QUEUE_MODULES.find((m) => m.files.test(name));
}

/** The module whose files fill a subdirectory of this name, if any. */
export function moduleOfDir(name: string): QueueModule | undefined {
  return QUEUE_MODULES.find((m) => m.dirs?.name.test(name) === true);
}

/** Runs every module that has files in the directory (the others add nothing to the report). */
export function runQueueModules(ctx: Omit<QueueModuleContext, 'files'>, files: readonly { name: string; path: string; module?: string }[]): QueueModuleReport[] {
  return QUEUE_MODULES.flatMap((m) => {
    const own = files.filter((f) => f.module === m.name).map((f) => ({ name: f.name, path: f.path }));
    return own.length === 0 ? [] : [m.build({ ...ctx, files: own })];
  });
}
