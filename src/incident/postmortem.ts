/**
 * Blameless postmortems in Markdown: from a validated incident record, or (with no record) the template.
 * Sections follow the usual SRE structure: summary, impact, detection, response, timeline, contributing
 * factors, five whys, action items with owner and due date, lessons.
 */
import { type IncidentRecord, normalise } from './postmortem-record.js';

const BLAMELESS_NOTE =
  '> This is a blameless postmortem: it describes what happened and what the system allowed, not who is at fault. People acted reasonably with what they knew at the time.';

export function renderPostmortem(r: IncidentRecord): string {
  const out: string[] = [];
  out.push(`# Postmortem: ${r.title}`, '');
  out.push('| | |', '|---|---|');
  if (r.id) out.push(`| Incident | ${cell(r.id)} |`);
  out.push(
    `| Severity | ${r.severity} |`,
    `| Status | ${cell(r.status)} |`,
    `| Incident commander | ${cell(r.commander)} |`,
  );
  out.push(`| Started | ${cell(r.started)} |`);
  if (r.detected) out.push(`| Detected | ${cell(r.detected)} |`);
  if (r.resolved) out.push(`| Resolved | ${cell(r.resolved)} |`);
  const duration = r.resolved ? durationBetween(r.started, r.resolved) : undefined;
  if (duration) out.push(`| Duration | ${duration} |`);
  const ttd = r.detected ? durationBetween(r.started, r.detected) : undefined;
  if (ttd) out.push(`| Time to detect | ${ttd} |`);
  out.push('', BLAMELESS_NOTE, '');
  out.push('## Summary', '', r.summary, '');
  out.push('## Impact', '', r.impact.description, '');
  const facts = [
    r.impact.usersAffected && `- Users affected: ${r.impact.usersAffected}`,
    r.impact.duration && `- Duration of impact: ${r.impact.duration}`,
    r.impact.revenue && `- Revenue: ${r.impact.revenue}`,
    r.impact.dataLoss && `- Data loss: ${r.impact.dataLoss}`,
  ].filter(Boolean) as string[];
  if (facts.length > 0) out.push(...facts, '');
  out.push(
    '## Detection',
    '',
    `Detected by ${r.detection.how}${r.detection.alert ? ` (alert \`${r.detection.alert}\`)` : ''}.`,
  );
  if (r.detection.delay) out.push('', `Detection delay: ${r.detection.delay}.`);
  out.push('');
  out.push('## Response', '');
  out.push(...(r.response.length > 0 ? r.response.map((s) => `- ${s}`) : ['_Not recorded._']), '');
  out.push('## Timeline (UTC)', '', '| Time | Event |', '|---|---|');
  for (const e of r.timeline) out.push(`| ${cell(e.at)} | ${cell(e.event)} |`);
  out.push('');
  out.push('## Contributing factors', '', ...r.contributingFactors.map((f) => `- ${f}`), '');
  out.push('## Five whys', '', ...r.fiveWhys.map((w, i) => `${i + 1}. ${w}`), '');
  out.push('## Action items', '', '| # | Action | Owner | Due | Priority | Ticket |', '|---|---|---|---|---|---|');
  r.actionItems.forEach((a, i) => {
    out.push(
      `| ${i + 1} | ${cell(a.action)} | ${cell(a.owner)} | ${a.due} | ${cell(a.priority ?? '—')} | ${cell(a.ticket ?? '—')} |`,
    );
  });
  out.push('');
  out.push('## Lessons learned', '');
  out.push('### What went well', '', ...bullets(r.lessons.wentWell), '');
  out.push('### What went wrong', '', ...bullets(r.lessons.wentWrong), '');
  out.push('### Where we got lucky', '', ...bullets(r.lessons.lucky), '');
  return `${out.join('\n').trimEnd()}\n`;
}

/** The blank template (no record given): every section, with what to write in it. */
export function postmortemTemplate(): string {
  return `# Postmortem: <short title of what users experienced>

| | |
|---|---|
| Incident | INC-YYYY-NNN |
| Severity | SEV1 / SEV2 / SEV3 / SEV4 (\`proagent-devops incident classify\`) |
| Status | draft / in review / final |
| Incident commander | <name> |
| Started | YYYY-MM-DDTHH:MMZ |
| Detected | YYYY-MM-DDTHH:MMZ |
| Resolved | YYYY-MM-DDTHH:MMZ |
| Duration | <resolved − started> |

${BLAMELESS_NOTE}

## Summary

<Two or three sentences: what happened, the impact, how it was resolved.>

## Impact

<Who was affected and how: share of users, features, regions, revenue, data. Numbers, not adjectives.>

## Detection

<How we found out (alert, customer report, engineer), which alert, and how long after the start.>

## Response

- <What was tried, in order, and what worked.>

## Timeline (UTC)

| Time | Event |
|---|---|
| YYYY-MM-DDTHH:MMZ | <first sign of trouble> |
| YYYY-MM-DDTHH:MMZ | <alert fired / incident declared> |
| YYYY-MM-DDTHH:MMZ | <mitigation applied> |
| YYYY-MM-DDTHH:MMZ | <resolved> |

## Contributing factors

- <A condition of the system that made this possible or worse (a missing check, an unsafe default, a gap in monitoring). Not a person.>

## Five whys

1. Why did users see <symptom>? Because …
2. Why did <that> happen? Because …
3. Why …? Because …
4. Why …? Because …
5. Why …? Because … (stop when the answer is a property of the system you can change)

## Action items

| # | Action | Owner | Due | Priority | Ticket |
|---|---|---|---|---|---|
| 1 | <prevent / detect sooner / mitigate faster> | <team or person> | YYYY-MM-DD | P1 | <link> |

## Lessons learned

### What went well

- …

### What went wrong

- …

### Where we got lucky

- …

<!-- Generate this document from a record: proagent-devops incident postmortem --incident incident.yaml -->
`;
}

/** `1h 25m` between two record timestamps; undefined when either does not parse or the end is first. */
export function durationBetween(start: string, end: string): string | undefined {
  const a = Date.parse(normalise(start));
  const b = Date.parse(normalise(end));
  if (Number.isNaN(a) || Number.isNaN(b) || b < a) return undefined;
  const minutes = Math.round((b - a) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return [days && `${days}d`, hours && `${hours}h`, (mins || minutes === 0) && `${mins}m`].filter(Boolean).join(' ');
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function bullets(list: readonly string[]): string[] {
  return list.length > 0 ? list.map((s) => `- ${s}`) : ['- _Not recorded._'];
}
