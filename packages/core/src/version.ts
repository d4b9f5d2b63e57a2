/** The version of @creator-desk/core, reported by the app's status action. */
export const CORE_VERSION = '0.1.0';
