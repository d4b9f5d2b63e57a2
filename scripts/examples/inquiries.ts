/**
 * Example contractor inquiries for `examples/inquiries.csv` (the example week, 15–20 February 2026,
 * Presidents' Day on Monday) with their rules `examples/inquiry-rules.yaml`: about forty questions from
 * the review contractors, the same few asked again in other words (so "Repeated questions" has
 * something to say), most answered within hours, a handful still open — two past their target, one due
 * soon, one sent on Saturday whose clock only started on Tuesday. Seeded, so identical on every run.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../../packages/core/src/random/seeded-random.js';

const CONTRACTORS = ['rev_amara', 'rev_jonas', 'rev_keiko', 'rev_luis', 'rev_priya', 'rev_tomasz'];

/** Questions in the words contractors use, by what they are about; each list holds ways of asking one thing. */
const QUESTIONS: { subjects: string[]; body: string }[] = [
  { subjects: ['Can fan art of a brand mascot be approved?', 'Fan art of brand mascot - approve?', 'Is fan art of a brand mascot allowed?', 'fan art brand mascot approve or not'], body: 'The guideline says no third-party IP but this is the brand we partner with. Approve or reject?' },
  { subjects: ['Are AI-assisted layers allowed?', 'AI assisted layers allowed in submissions?', 'Policy on AI-generated layers'], body: 'An artist says only the shading was AI-assisted. What does the guideline allow?' },
  { subjects: ['Review tool logs me out every hour', 'Review tool keeps logging me out', 'Tool logging me out again'], body: 'I lose my place in the queue each time. Browser is Chrome.' },
  { subjects: ['Preview not loading for 3D traits', '3D trait preview not loading'], body: 'Spinner forever on the trait preview, other items load fine.' },
  { subjects: ['No access to the Brand Awards queue', "Can't access Brand Awards queue", 'Brand Awards queue access missing'], body: 'I was moved to Brand Awards this week but the queue is empty for me / I get a permission error.' },
  { subjects: ['Who do I escalate a trademark issue to?', 'Which team for trademark escalations?', 'Trademark issue - escalate to whom?'], body: 'A submission uses a sneaker logo that looks like a real brand.' },
  { subjects: ['Escalate or reject: artist impersonation?'], body: 'The shop name copies a well-known artist. Escalation or plain rejection?' },
  { subjects: ['Invoice for January hours'], body: 'Where do I send the January invoice?' },
  { subjects: ["Schedule for Presidents' Day week"], body: 'Are we expected to review on Monday?' },
];

/** The rules that give each inquiry its category (`type: inquiry`, first match by priority). */
export const EXAMPLE_INQUIRY_RULES = `# Contractor inquiries: one category per question (core rule language, type: inquiry).
# The first matching rule by priority decides; no match is "other". Categories: policy_clarification,
# tooling, queue_access, escalation_question, other.

# Escalation questions (they often also say "reject", so they go first)
type: inquiry
priority: 5
subject+body: [escalate, escalation, escalations, "which team"]
category: escalation_question
---
# Queue access
type: inquiry
priority: 4
subject+body: [access, permission, "queue is empty"]
category: queue_access
---
# The review tool
type: inquiry
priority: 3
subject+body: [logs me out, logging me out, not loading, spinner, bug, error]
category: tooling
---
# What the guidelines allow
type: inquiry
subject+body: [allowed, guideline, policy, approve, reject, fan art]
category: policy_clarification
`;

/** The \`inquiries:\` block appended to the example creator-desk.yaml. */
export const EXAMPLE_INQUIRY_SETTINGS = `
inquiries:
  # The coordinator's inbox hours; first responses count business time only (Presidents' Day off).
  time_zone: America/Los_Angeles
  hours:
    mon: [['09:00', '17:00']]
    tue: [['09:00', '17:00']]
    wed: [['09:00', '17:00']]
    thu: [['09:00', '17:00']]
    fri: [['09:00', '17:00']]
  holidays: [us-federal]
  first_response:
    default: 8h
    escalation_question: 4h
    queue_access: 4h
  warn_before: 2h
  # Subjects sharing this share of their words (Jaccard) count as one repeated question.
  duplicate_threshold: 0.6
  templates:
    queue_access: "Hi {{contractor}}, about \\"{{subject}}\\": queue access is set per project by the coordinator. I have re-checked your assignment; reload the tool and tell me if the queue is still empty."
`;

const HOUR = 3_600_000;
const MINUTE = 60_000;
const PST = 8 * HOUR;
/** Pacific wall time of the example week as a UTC instant. */
const pst = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 1, day, hour, minute) + PST;

const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The example inquiries as CSV text. */
export function exampleInquiries(seed = 20260215): string {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const rows: string[][] = [];
  let n = 0;
  const add = (at: number, q: { subjects: string[]; body: string }, subjectIndex: number, status: string, answeredAt?: number, thread?: string, contractor = pick(CONTRACTORS)): string => {
    const id = `inq-${String(++n).padStart(3, '0')}`;
    rows.push([id, contractor, new Date(at).toISOString().replace('.000', ''), q.subjects[subjectIndex % q.subjects.length] as string, q.body, status, answeredAt === undefined ? '' : new Date(answeredAt).toISOString().replace('.000', ''), thread ?? '']);
    return id;
  };
  // Answered questions through the week (Tuesday to Friday morning; Monday is the holiday), 1–6 business hours later.
  const days = [17, 17, 18, 18, 18, 19, 19, 19, 20];
  for (let i = 0; i < 31; i++) {
    const day = days[i % days.length] as number;
    const hour = day === 20 ? 8 + Math.floor(rnd() * 2) : 9 + Math.floor(rnd() * 7);
    const at = pst(day, hour, Math.floor(rnd() * 60));
    const q = pick(QUESTIONS.slice(0, 7));
    const reply = at + Math.max(20, Math.floor(rnd() * 4 * 60)) * MINUTE;
    const id = add(at, q, i, reply < Date.parse('2026-02-20T19:30:00Z') ? 'answered' : 'open', reply < Date.parse('2026-02-20T19:30:00Z') ? reply : undefined);
    // Every fifth thread has a follow-up in the same thread (counted once as a question).
    if (i % 5 === 2) add(at + 2 * HOUR, { subjects: [`Re: ${rows[rows.length - 1]?.[3] ?? ''}`], body: 'Thanks — one more detail on this.' }, 0, 'answered', at + 3 * HOUR, id, rows[rows.length - 1]?.[1]);
  }
  const fanArt = QUESTIONS[0] as { subjects: string[]; body: string };
  const access = QUESTIONS[4] as { subjects: string[]; body: string };
  const escalation = QUESTIONS[5] as { subjects: string[]; body: string };
  // Sent Saturday night: the clock starts Tuesday 09:00 (Monday is Presidents' Day), answered Tuesday afternoon — on time.
  add(pst(14, 22, 15), access, 0, 'answered', pst(17, 14, 40));
  // Open and past target: an escalation question from Thursday morning (4 business hours), a policy one from Wednesday.
  add(pst(19, 9, 20), escalation, 1, 'open');
  add(pst(18, 10, 5), fanArt, 2, 'open');
  // Sent Sunday, still unanswered: 8 business hours from Tuesday 09:00 ran out Tuesday 17:00.
  add(pst(15, 16, 45), QUESTIONS[7] as { subjects: string[]; body: string }, 0, 'open');
  // Due soon: Thursday 12:30 + 8 business hours = Friday 12:30; the two-hour warning began at 10:30.
  add(pst(19, 12, 30), QUESTIONS[2] as { subjects: string[]; body: string }, 1, 'pending');
  // On time: Friday morning.
  add(pst(20, 10, 10), QUESTIONS[8] as { subjects: string[]; body: string }, 0, 'open');
  // Closed without an answer (a duplicate the contractor withdrew): not on the clock.
  add(pst(18, 15, 0), access, 1, 'closed');
  const header = ['id', 'contractor', 'received_at', 'subject', 'body', 'status', 'answered_at', 'thread'];
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/** Writes `inquiries.csv` and `inquiry-rules.yaml` and appends the `inquiries:` settings to creator-desk.yaml. */
export function writeInquiryExamples(out: string): void {
  writeFileSync(join(out, 'inquiries.csv'), exampleInquiries());
  writeFileSync(join(out, 'inquiry-rules.yaml'), EXAMPLE_INQUIRY_RULES);
  appendFileSync(join(out, 'creator-desk.yaml'), EXAMPLE_INQUIRY_SETTINGS);
}
