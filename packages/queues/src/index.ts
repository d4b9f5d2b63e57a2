/**
 * @creator-desk/queues — the program coordinator's queues (review SLAs, escalations, staging
 * retries) and the library behind the `creator-desk` CLI.
 */
export {};
