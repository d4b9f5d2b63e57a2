import { readCsvTracker } from './read-csv-tracker.js';
import { readYamlTracker, type TrackerRead } from './read-yaml-tracker.js';

/** Tracker files: `activations*.yaml|yml|csv`. */
export const TRACKER_FILES = /^activations[^/]*\.(?:ya?ml|csv)$/i;

/** Reads a tracker file by its extension (CSV one row per milestone, or YAML). */
export function readTracker(text: string, file: string): TrackerRead {
  return /\.csv$/i.test(file) ? readCsvTracker(text, file) : readYamlTracker(text, file);
}
