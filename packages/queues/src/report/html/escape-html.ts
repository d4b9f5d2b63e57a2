const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made inert for HTML and SVG, in element content and in quoted attribute values alike: the five
 * markup characters become entities, and control characters (which HTML parsers replace or choke on)
 * become spaces. Nothing else changes, so a `javascript:` URL or `onload=` stays visible text.
 */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are not valid in an HTML document
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, ' ').replace(/[&<>"']/g, (ch) => ENTITIES[ch] as string);
}
