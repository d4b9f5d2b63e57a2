export * from './kit/index.js';
export * from './review-item/index.js';
export * from './escalation/index.js';
export * from './takedown/index.js';
export * from './strikes/index.js';
