export { buildModmailItem, modmailPermalink, muteHours, normaliseConversationId, type ModmailItemInput } from './modmail-item.js';
export { MACRO_PLACEHOLDERS, macroNameOf, parseMacros, renderMacro, type Macro, type MacroSet, type MacroVars } from './macros.js';
export {
  firstResponseClock,
  firstResponsePolicy,
  parseBusinessHours,
  parseFirstResponseTargets,
  type FirstResponseClock,
  type FirstResponseTargets,
} from './first-response-sla.js';
export { renderDigest, selectDigest, type DigestEntry, type WaitingConversation } from './digest.js';
