import type { Author, Item } from '../rules/item.js';

/** What the app knows about one incoming modmail message when it classifies it. */
export interface ModmailItemInput {
  /** The conversation id without the `ModmailConversation_` prefix. */
  conversationId: string;
  messageId: string;
  subject: string;
  /** The message's own text (markdown as the user wrote it). */
  body: string;
  /** Author facts (core `authorFacts`), incl. roster status and active strikes. */
  author: Author;
  /** Reddit's conversation type (`sr_user`, `internal`, `mod_to_user` …). */
  conversationType: string;
  isFirstMessage: boolean;
  isHighlighted: boolean;
  isAuto: boolean;
  messageCount: number;
  /** Takedown cases of the user that are not closed. */
  openTakedowns: number;
  /** A link to the conversation (trusted: the app builds it). */
  permalink: string;
}

/**
 * The item `type: modmail` rules see for one message. The fields the rule language declares for
 * modmail (subject, body, is_highlighted, is_auto, message_count, author) are joined by the
 * conversation's own facts, which rules check as generic queue fields: `conversation_type`,
 * `is_first_message` (boolean) and `open_takedowns` (a number, e.g. `open_takedowns: '> 0'`).
 */
export function buildModmailItem(input: ModmailItemInput): Item {
  return {
    type: 'modmail',
    id: input.conversationId,
    subject: input.subject,
    body: input.body,
    permalink: input.permalink,
    author: input.author,
    conversation_type: input.conversationType,
    is_first_message: input.isFirstMessage,
    is_highlighted: input.isHighlighted,
    is_internal: input.conversationType === 'internal',
    is_auto: input.isAuto,
    message_count: input.messageCount,
    open_takedowns: input.openTakedowns,
  };
}

/** The conversation id without the `ModmailConversation_` prefix some payloads carry. */
export function normaliseConversationId(id: string): string {
  const PREFIX = 'ModmailConversation_';
  return id.startsWith(PREFIX) ? id.slice(PREFIX.length) : id;
}

/** Reddit's link to a modmail conversation. */
export function modmailPermalink(conversationId: string): string {
  return `https://mod.reddit.com/mail/all/${encodeURIComponent(conversationId)}`;
}

/** Mute lengths Reddit accepts, in hours, from the rule language's `mute:` days (3, 7, 28). */
export function muteHours(days: 3 | 7 | 28): 72 | 168 | 672 {
  return days === 3 ? 72 : days === 7 ? 168 : 672;
}
