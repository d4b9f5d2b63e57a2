/** The enforcement actions, as main.ts wires them. */
export { onCounterNoticePressed, onCounterNoticeSubmit, counterNoticeForm } from './counter-notice-action.js';
export { onStrikesDue, onTakedownDue } from './due-handlers.js';
export { escalateForm, onEscalatePressed, onEscalateSubmit } from './escalate-action.js';
export { onRemovePressed, onRemoveSubmit, removeForm } from './remove-action.js';
export { onRestorePressed } from './restore-action.js';
export { onStrikePressed, onStrikeSubmit, strikeForm } from './strike-action.js';
export { onTakedownPressed, onTakedownSubmit, takedownForm } from './takedown-action.js';
