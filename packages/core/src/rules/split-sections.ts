/**
 * Splitting a config into rule sections exactly as AutoModerator does: on every line that starts with
 * `---` (so `------` banners and `--- # comment` separate too); the rest of that line begins the next
 * section.
 */
export interface Section {
  text: string;
  /** 1-based line in the file where `text` starts. */
  line: number;
  /** Columns to add on the section's first line (the `---` that was cut off). */
  firstLineColumnOffset: number;
}

/** Splits on `^---` (multiline), keeping each section's position in the file. */
export function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  const lines = text.split('\n');
  let current: string[] = [];
  let startLine = 1;
  let offset = 0;
  lines.forEach((line, i) => {
    if (line.startsWith('---')) {
      sections.push({ text: current.join('\n'), line: startLine, firstLineColumnOffset: offset });
      current = [line.slice(3)];
      startLine = i + 1;
      offset = 3;
    } else {
      current.push(line);
    }
  });
  sections.push({ text: current.join('\n'), line: startLine, firstLineColumnOffset: offset });
  return sections;
}
