import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source-file.js';
import { durationBetween, postmortemTemplate, renderPostmortem } from './postmortem.js';
import { readIncidentRecord } from './postmortem-record.js';

const RECORD = `id: INC-2024-031
title: Checkout errors after the 14:00 deploy
severity: SEV2
status: final
commander: Dana
started: 2024-05-02T14:05Z
detected: 2024-05-02T14:09Z
resolved: 2024-05-02T15:30Z
summary: A release with a broken connection-pool setting made 30% of checkouts fail for 85 minutes.
impact:
  description: 30% of checkout requests returned 500.
  usersAffected: 30%
  revenue: about 40 lost orders
detection:
  how: alert
  alert: ShopApiErrorBudgetBurnFast
response:
  - Rolled back the api Deployment at 15:20.
timeline:
  - { at: 2024-05-02T14:05Z, event: Release 2.3.0 rolled out to prod }
  - { at: 2024-05-02T14:09Z, event: ShopApiErrorBudgetBurnFast paged the on-call engineer }
  - { at: 2024-05-02T15:20Z, event: "kubectl rollout undo deployment/shop-api" }
contributingFactors:
  - The pool size default changed in the release and no test exercises the pool under load.
fiveWhys:
  - Why did checkouts fail? The API ran out of database connections.
  - Why? The pool size fell from 20 to 2.
  - Why? A library upgrade changed its default and our config did not set it.
actionItems:
  - { action: Set the pool size explicitly, owner: team-api, due: 2024-05-10, priority: P1, ticket: SHOP-812 }
  - { action: Load test the pool in CI, owner: team-platform, due: 2024-05-24 }
lessons:
  wentWell: [The burn-rate alert paged within 4 minutes.]
  wentWrong: [Rollback waited for a root cause.]
  lucky: [It happened outside the evening peak.]
`;

const read = (text: string, name = 'incident.yaml') => readIncidentRecord(new SourceFile(name, 'yaml', text));
const where = (problems: ReturnType<typeof read>['problems']) =>
  problems.map((p) => `${p.range.line}:${p.range.column} ${p.severity}: ${p.message}`);

describe('incident records', () => {
  it('reads a complete record with no problem, and renders the blameless postmortem', () => {
    const { record, problems } = read(RECORD);
    expect(problems).toEqual([]);
    const md = renderPostmortem(record!);
    expect(md.match(/^## .*/gm)).toEqual([
      '## Summary',
      '## Impact',
      '## Detection',
      '## Response',
      '## Timeline (UTC)',
      '## Contributing factors',
      '## Five whys',
      '## Action items',
      '## Lessons learned',
    ]);
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Postmortem: Checkout errors after the 14:00 deploy');
    expect(lines).toContain('| Duration | 1h 25m |');
    expect(lines).toContain('| Time to detect | 4m |');
    expect(lines).toContain('Detected by alert (alert `ShopApiErrorBudgetBurnFast`).');
    expect(lines).toContain('| 2024-05-02T15:20Z | kubectl rollout undo deployment/shop-api |');
    expect(lines).toContain('| 1 | Set the pool size explicitly | team-api | 2024-05-10 | P1 | SHOP-812 |');
    expect(lines).toContain('| 2 | Load test the pool in CI | team-platform | 2024-05-24 | — | — |');
    expect(lines).toContain('3. Why? A library upgrade changed its default and our config did not set it.');
    expect(md).toContain('This is a blameless postmortem');
  });

  it('reads JSON records too', () => {
    const json = JSON.stringify({
      title: 'T',
      severity: 'sev3',
      commander: 'C',
      started: '2024-01-01T00:00Z',
      resolved: '2024-01-01T00:30Z',
      summary: 'S',
      impact: { description: 'I' },
      detection: { how: 'customer report' },
      timeline: [{ at: '2024-01-01T00:00Z', event: 'E' }],
      contributingFactors: ['F'],
      fiveWhys: ['W1', 'W2', 'W3'],
      actionItems: [{ action: 'A', owner: 'O', due: '2024-02-01' }],
      lessons: { wentWell: [], wentWrong: [], lucky: [] },
    });
    const { record, problems } = read(json, 'incident.json');
    expect(problems).toEqual([]);
    expect(record?.severity).toBe('SEV3');
    expect(renderPostmortem(record!)).toContain('| Duration | 30m |');
  });

  it('points at missing and invalid fields with their positions', () => {
    const text = [
      'title: Checkout down', // 1
      'severity: SEV9', // 2
      'started: yesterday', // 3
      'summary: ""', // 4
      'impact: {}', // 5
      'detection: alert', // 6
      'timeline:', // 7
      '  - at: 2024-05-02T14:05Z', // 8
      '  - { at: 2024-05-02T14:10Z, event: later }', // 9
      '  - { at: 2024-05-02T14:00Z, event: earlier }', // 10
      'fiveWhys: [Why? Because.]', // 11
      'actionItems:', // 12
      '  - action: Fix it', // 13
      '    due: next week', // 14
      'owner_of_outage: bob', // 15
      '',
    ].join('\n');
    const { problems } = read(text);
    expect(where(problems)).toEqual([
      '1:1 error: Missing required field `commander`.',
      '1:1 error: Missing required field `contributingFactors` (a list).',
      '1:1 warning: No `resolved` time: the duration cannot be computed.',
      '1:1 warning: No `lessons` (wentWell, wentWrong, lucky): the review has nothing to share.',
      '2:11 error: `severity` must be one of SEV1, SEV2, SEV3, SEV4 (got "SEV9").',
      '3:10 error: `started` must be a date-time such as 2024-05-02T14:05Z (got "yesterday").',
      '4:10 error: `summary` must not be empty.',
      '5:9 error: Missing required field `impact.description`.',
      '6:12 error: `detection` must be a mapping.',
      '8:3 warning: `timeline` is not in chronological order.',
      '8:5 error: Missing required field `timeline[0].event`.',
      '11:11 warning: Only 1 "why" answered: keep asking until the cause is a system property.',
      '13:5 error: Missing required field `actionItems[0].owner`.',
      '14:10 error: `actionItems[0].due` must be a date (YYYY-MM-DD), got "next week".',
      '15:1 warning: Unknown field "owner_of_outage" (ignored).',
    ]);
  });

  it('flags blame language as warnings, not errors', () => {
    const text = RECORD.replace(
      'The pool size default changed in the release and no test exercises the pool under load.',
      '"Human error: the engineer was careless with the config."',
    );
    const { problems } = read(text);
    expect(where(problems)).toEqual([
      '24:5 warning: `contributingFactors[0]` uses blame language ("Human error"): describe what the system allowed, not who erred.',
    ]);
  });

  it('reports YAML syntax errors and a record that is not a mapping', () => {
    expect(where(read('title: [\n').problems)[0]).toMatch(/^2:1 error: /);
    expect(where(read('- a\n- b\n').problems)).toEqual([
      '1:1 error: An incident record is a mapping (title, severity, timeline, …).',
    ]);
  });
});

describe('the postmortem template and durations', () => {
  it('has every section and a placeholder record reference', () => {
    const t = postmortemTemplate();
    expect(t.match(/^## .*/gm)).toEqual([
      '## Summary',
      '## Impact',
      '## Detection',
      '## Response',
      '## Timeline (UTC)',
      '## Contributing factors',
      '## Five whys',
      '## Action items',
      '## Lessons learned',
    ]);
    expect(t).toContain('| # | Action | Owner | Due | Priority | Ticket |');
    expect(t).toContain('proagent-devops incident postmortem --incident incident.yaml');
  });

  it.each([
    ['2024-05-02T14:05Z', '2024-05-02T15:30Z', '1h 25m'],
    ['2024-05-02 14:05', '2024-05-04 15:05', '2d 1h'],
    ['2024-05-02T14:05Z', '2024-05-02T14:05Z', '0m'],
    ['2024-05-02T14:05Z', '2024-05-01T14:05Z', undefined],
    ['soon', '2024-05-01T14:05Z', undefined],
  ])('%s → %s is %s', (a, b, expected) => expect(durationBetween(a, b)).toBe(expected));
});
