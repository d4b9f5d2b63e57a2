/** Reddit's rule for account names: 3–20 characters, letters, digits, `_` and `-`. */
const USERNAME = /^[A-Za-z0-9_-]{3,20}$/;

/** The outcome of checking a typed username: the bare name, or why it cannot be one. */
export type UsernameCheck = { ok: true; username: string } | { ok: false; message: string };

/**
 * Checks a username as a moderator or a roster line writes it: surrounding space and a leading
 * `u/` or `/u/` are accepted, the rest must follow Reddit's rules (3–20 letters, digits, `_`, `-`).
 */
export function checkUsername(input: string): UsernameCheck {
  const bare = input.trim().replace(/^\/?u\//i, '');
  if (bare === '') return { ok: false, message: 'expected a username' };
  if (bare.length > 20) return { ok: false, message: `"${bare.slice(0, 24)}…" is longer than Reddit's 20-character limit for usernames` };
  if (!USERNAME.test(bare)) return { ok: false, message: `"${bare}" is not a Reddit username (3–20 letters, digits, _ or -)` };
  return { ok: true, username: bare };
}

/** Flair text is at most 64 characters, and a shop name goes into it. */
export const SHOP_NAME_MAX = 40;

/** Whether a character is a control character (C0 or DEL). */
const isControl = (code: number): boolean => code < 0x20 || code === 0x7f;

/**
 * Why a shop name cannot go into a flair, or undefined when it can: at most 40 characters, no comma
 * (Reddit's flair CSV splits on it) and no control character.
 */
export function shopNameProblem(shop: string): string | undefined {
  if (shop.length > SHOP_NAME_MAX) return `the shop name is ${shop.length} characters; at most ${SHOP_NAME_MAX} fit in a flair`;
  if (shop.includes(',')) return 'a shop name cannot contain a comma';
  for (let i = 0; i < shop.length; i++) if (isControl(shop.charCodeAt(i))) return 'the shop name contains a control character';
  return undefined;
}

/** `text` with commas and control characters replaced by spaces (what flair text may hold). */
export function flairSafe(text: string): string {
  let out = '';
  for (const ch of text) out += ch === ',' || isControl(ch.charCodeAt(0)) ? ' ' : ch;
  return out;
}
