/** A text field's value, trimmed ('' when absent or not text). */
export function textValue(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}

/** A select field's chosen value (Devvit sends selects as `string[]`; '' when none). */
export function selectValue(v: unknown): string {
  return Array.isArray(v) ? String(v[0] ?? '') : '';
}
