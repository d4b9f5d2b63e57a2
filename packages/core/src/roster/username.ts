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
