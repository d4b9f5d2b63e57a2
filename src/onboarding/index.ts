/** The onboarding capability: what main.ts wires. */
export { offboardForm, onboardForm, onFormPressed, onOffboardAuthorPressed, onOffboardSubmit, onOnboardAuthorPressed, onOnboardSubmit } from './onboard-action.js';
export { rosterConfigPage } from './roster-config-page.js';
export { onRosterDue } from './roster-sync.js';
