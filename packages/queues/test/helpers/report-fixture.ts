import { SLA_YAML } from './submissions.js';

/** A small queue directory: one breached, one due soon, escalations, stuck and failed uploads (staged only for approved submissions). */
export const FIXTURE_FILES: Record<string, string> = {
  'creator-desk.yaml': `now: 2026-02-18T20:00:00Z
staging:
  heartbeat_timeout: 45m
  stages:
    upload: { warn_after: 20m, stuck_after: 2h }
    render: { warn_after: 45m, stuck_after: 3h }
  retry: { base_delay: 10m, factor: 2, max_delay: 4h, jitter: 0.3, max_attempts: 3 }
  errors:
    non_retryable: ['^E_']
`,
  'sla-policies.yaml': SLA_YAML,
  'escalation-rules.yaml': `# IP reports go to Legal
type: review
tags: ip_report
escalate: { team: Legal, reason: "IP report on '{{title}}'" }
---
# AI art goes to Trust & Safety
type: review
tags: ai_generated
escalate: { team: Trust & Safety, reason: "Suspected AI art" }
`,
  'review-submissions.csv': `id,asset_type,artist,submitted_at,priority,status,assignee,status_history,title,flags,notes
sub_late,avatar,inky_fox,2026-02-17T17:00:00Z,normal,in_review,rev_a,pending@2026-02-17T17:00:00Z;in_review@2026-02-17T18:00:00Z,Neon Otter,,
sub_warn,community_award,moss_moth,2026-02-17T23:00:00Z,high,pending,,,Big Brain Moth,,
sub_soon,avatar,pastel_bean,2026-02-17T21:00:00Z,normal,pending,,,Tiny Comet,,
sub_ip,avatar,u/spammer,2026-02-18T18:00:00Z,normal,pending,,,[free](https://evil.example) @here,ip_report,
sub_ai,brand_award,glitch_studio,2026-02-18T19:00:00Z,normal,escalated,rev_b,pending@2026-02-18T19:00:00Z;escalated@2026-02-18T19:30:00Z,Chrome DJ,ai_generated,
sub_done,avatar,inky_fox,2026-02-17T17:00:00Z,normal,approved,rev_a,pending@2026-02-17T17:00:00Z;in_review@2026-02-17T17:30:00Z;approved@2026-02-17T18:00:00Z,Solar Fox,,
`,
  'staging-items.csv': `id,submission_id,artist,stage,entered_at,heartbeat_at,attempts,last_error
stg_ok,sub_done,inky_fox,upload,2026-02-18T19:55:00Z,2026-02-18T19:59:00Z,1,
stg_slow,sub_done,inky_fox,render,2026-02-18T19:00:00Z,2026-02-18T19:59:00Z,1,
stg_stuck,sub_done,inky_fox,upload,2026-02-18T15:00:00Z,2026-02-18T15:10:00Z,1,
stg_fail,,moss_moth,failed,2026-02-18T17:00:00Z,,2,503 Service Unavailable
stg_hard,,pastel_bean,failed,2026-02-18T17:00:00Z,,1,E_DIMENSIONS: 1024x1000
stg_tired,,u/spammer,failed,2026-02-18T17:00:00Z,,3,ETIMEDOUT
stg_done,sub_done,inky_fox,published,2026-02-17T19:00:00Z,,1,
`,
};
