/**
 * The exit codes of `creator-desk` (README "Exit codes" lists the same): scripts and schedulers branch on
 * them, so each failure that needs a different reaction has its own.
 */
/** Success: inputs clean (warnings allowed). */
export const EXIT_OK = 0;
/** An input or rules file had errors; the report is still printed, but nothing was acted on that depends on it. */
export const EXIT_INPUT_ERRORS = 1;
/** Bad command line: unknown option, bad --now, missing directory. */
export const EXIT_USAGE = 2;
/** Another run holds the state file's lock; this run wrote nothing. */
export const EXIT_LOCKED = 3;
/** An output (--out, --state, --requests-out) could not be written; nothing was written. */
export const EXIT_WRITE_FAILED = 4;
