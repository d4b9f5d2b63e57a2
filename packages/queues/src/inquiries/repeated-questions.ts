import { calendarDateOf, mondayOfDate } from '@creator-desk/core';
import type { InquiryCategory } from './categories.js';
import { groupNearDuplicates } from './near-duplicates.js';
import type { Inquiry } from './read-inquiries.js';

/** A question asked more than once in a week: by category, or by near-duplicate subject. */
export interface RepeatedQuestion {
  /** Monday (YYYY-MM-DD, in the inbox's zone) of the week. */
  week: string;
  kind: 'category' | 'subject';
  /** The category, or the first subject of the group. */
  label: string;
  category: InquiryCategory;
  /** Threads that asked it (follow-ups in one thread count once). */
  count: number;
  ids: string[];
}

/**
 * Per week (Monday to Sunday in `timeZone`): each category asked by two or more threads, and each group
 * of near-duplicate subjects (Jaccard ≥ `threshold`) asked by two or more — so the coordinator can fix the
 * guideline instead of answering again. A thread counts once, by its first message.
 */
export function repeatedQuestions(items: readonly { inquiry: Inquiry; category: InquiryCategory }[], timeZone: string, threshold: number): RepeatedQuestion[] {
  const firsts = new Map<string, { inquiry: Inquiry; category: InquiryCategory }>();
  for (const it of [...items].sort((a, b) => a.inquiry.receivedAt.getTime() - b.inquiry.receivedAt.getTime())) {
    if (!firsts.has(it.inquiry.thread)) firsts.set(it.inquiry.thread, it);
  }
  const weeks = new Map<string, { inquiry: Inquiry; category: InquiryCategory }[]>();
  for (const it of firsts.values()) {
    const w = mondayOfDate(calendarDateOf(it.inquiry.receivedAt, timeZone));
    const list = weeks.get(w);
    if (list) list.push(it);
    else weeks.set(w, [it]);
  }
  const out: RepeatedQuestion[] = [];
  for (const [week, list] of [...weeks].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const rows: RepeatedQuestion[] = [];
    const byCategory = new Map<InquiryCategory, string[]>();
    for (const it of list) {
      const ids = byCategory.get(it.category);
      if (ids) ids.push(it.inquiry.id);
      else byCategory.set(it.category, [it.inquiry.id]);
    }
    for (const [category, ids] of byCategory) if (ids.length >= 2) rows.push({ week, kind: 'category', label: category, category, count: ids.length, ids });
    const groups = groupNearDuplicates(list.map((it) => it.inquiry.subject), threshold);
    const members = new Map<number, { inquiry: Inquiry; category: InquiryCategory }[]>();
    groups.forEach((g, i) => {
      if (g < 0) return;
      const it = list[i] as { inquiry: Inquiry; category: InquiryCategory };
      const m = members.get(g);
      if (m) m.push(it);
      else members.set(g, [it]);
    });
    for (const m of members.values()) {
      if (m.length < 2) continue;
      const first = m[0] as { inquiry: Inquiry; category: InquiryCategory };
      rows.push({ week, kind: 'subject', label: first.inquiry.subject, category: first.category, count: m.length, ids: m.map((x) => x.inquiry.id) });
    }
    rows.sort((a, b) => b.count - a.count || (a.kind === b.kind ? (a.label < b.label ? -1 : 1) : a.kind === 'subject' ? -1 : 1));
    out.push(...rows);
  }
  return out;
}
