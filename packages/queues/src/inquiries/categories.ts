/** What a contractor's question is about; `other` when no `type: inquiry` rule gives a category. */
export const INQUIRY_CATEGORIES = ['policy_clarification', 'tooling', 'queue_access', 'escalation_question', 'other'] as const;
export type InquiryCategory = (typeof INQUIRY_CATEGORIES)[number];

/** Placeholders an answer template may use. */
export const TEMPLATE_PLACEHOLDERS = ['contractor', 'subject', 'category'] as const;

/** The answer each category starts from when the settings give none (plain text for the inbox, not markdown). */
export const DEFAULT_TEMPLATES: Readonly<Record<InquiryCategory, string>> = {
  policy_clarification: 'Hi {{contractor}}, thanks for asking about "{{subject}}". The review guidelines cover this in the policy section; in short: … If the guideline reads differently to you, tell us which line and we will clarify it.',
  tooling: 'Hi {{contractor}}, sorry the review tool is getting in the way ("{{subject}}"). Please try a hard refresh and a new session; if it persists, send the item id and a screenshot and we will raise it with Engineering.',
  queue_access: 'Hi {{contractor}}, about "{{subject}}": queue access is granted per project by the coordinator. We have checked your assignment and …',
  escalation_question: 'Hi {{contractor}}, about "{{subject}}": escalate with the Escalate button and pick the team (Legal for IP, Trust & Safety for safety, Brand for brand kits); add one line on why. Do not decide the item yourself.',
  other: 'Hi {{contractor}}, thanks for your message about "{{subject}}". We will get back to you shortly.',
};
