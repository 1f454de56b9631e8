import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { capture, putFile } from '../../../test/helpers/cli-io.js';
import { incidentCommand } from './incident-command.js';
import { UsageError } from './io.js';

const shop = fileURLToPath(new URL('../../../examples/hardened-shop/', import.meta.url));
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-incident-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (rel: string, content: string) => putFile(dir, rel, content);
const run = (args: string[]) => capture(incidentCommand, args, { cwd: dir });

describe('incident classify', () => {
  it('prints the severity, the rationale and the response targets', async () => {
    const { code, stdout } = await run(['classify', '--down', '--env', 'prod']);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'SEV1 — Critical: Production is down, data is lost or exposed, or most users or revenue are hit.',
      '',
      'Why: `prod` is production, the service is down.',
    ]);
    expect(stdout).toContain('  Acknowledge within    5m\n');
    expect(stdout).toContain('  Postmortem            required, within 2 business days\n');
  });

  it('prints version 1 JSON and applies the config override', async () => {
    put(
      '.proagent-devops.yaml',
      'incident:\n  severities:\n    SEV2:\n      criteria: [{ prod: true, usersAffectedAtLeast: 5 }]\n',
    );
    const { code, stdout } = await run([
      'classify',
      '--users-affected',
      '6%',
      '--env',
      'production',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      version: 1,
      severity: 'SEV2',
      name: 'Major',
      impact: { usersAffected: 6, env: 'production' },
    });
    expect(out.rationale).toEqual(['`production` is production, 6% of users are affected (at least 5%)']);
  });

  it.each([
    [['classify', '--users-affected', '120'], /--users-affected must be a percentage from 0 to 100/],
    [['classify', '--revenue-impact', 'huge'], /--revenue-impact must be one of none, low, medium, high/],
    [['classify', '--down', '--degraded'], /--down and --degraded are exclusive/],
    [['classify', '--pager'], /Unknown option '--pager'/],
    [['escalate'], /unknown incident command "escalate"/],
  ])('%j is a usage error', async (args, message) => {
    await expect(run(args)).rejects.toThrow(UsageError);
    await expect(run(args)).rejects.toThrow(message);
  });

  it('turns an invalid incident: section into a usage error naming the field', async () => {
    put('.proagent-devops.yaml', 'incident:\n  severities:\n    SEV1: { response: { acknowledge: soon } }\n');
    await expect(run(['classify'])).rejects.toThrow(
      /incident\.severities\.SEV1\.response\.acknowledge: must be a duration/,
    );
  });
});

describe('incident runbook', () => {
  it('writes one runbook per alert of the example rules, linking back to the rule', async () => {
    const rules = join(shop, 'monitoring/alerts.yml');
    const { code, stderr } = await run(['runbook', '--rules', rules, '--project', shop, '--out', 'runbooks']);
    expect(code).toBe(0);
    expect(readdirSync(join(dir, 'runbooks')).sort()).toEqual([
      'alertmanager-missing.md',
      'shop-api-error-budget-burn-fast.md',
      'shop-api-error-budget-burn-slow.md',
      'shop-api-latency-high.md',
      'target-down.md',
    ]);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(5);
    const doc = readFileSync(join(dir, 'runbooks/shop-api-latency-high.md'), 'utf8');
    expect(doc.split('\n')[0]).toBe('# Runbook: ShopApiLatencyHigh');
    expect(doc).toMatch(/\| \[monitoring\/alerts\.yml:48\]\(\.\.\/.*monitoring\/alerts\.yml#L48\) \|/);
    expect(doc).toContain(
      'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="shop-api"}[5m])))',
    );
    expect(doc).toMatch(/kubectl -n shop-prod rollout undo deployment\/shop-api/);
  });

  it('prints to stdout without --out, one alert with --alert', async () => {
    const rules = join(shop, 'monitoring/alerts.yml');
    const { code, stdout } = await run(['runbook', '--rules', rules, '--project', shop, '--alert', 'TargetDown']);
    expect(code).toBe(0);
    expect(stdout.match(/^# Runbook: .*/gm)).toEqual(['# Runbook: TargetDown']);
  });

  it('--link writes runbook_url annotations into the rules, keeping comments and existing links', async () => {
    const original = [
      '# Shop alerts (comment kept)',
      'groups:',
      '  - name: shop',
      '    rules:',
      '      - alert: ApiDown   # page',
      '        expr: up{job="shop-api"} == 0',
      '        for: 5m',
      '        labels: { severity: critical }',
      '        annotations:',
      '          summary: API down',
      '      - alert: Linked',
      '        expr: up == 0',
      '        annotations:',
      '          runbook_url: https://wiki.example.com/linked',
      '',
    ].join('\n');
    put('monitoring/alerts.yml', original);
    const { code, stderr } = await run([
      'runbook',
      '--rules',
      'monitoring/alerts.yml',
      '--out',
      'runbooks',
      '--link',
      'https://github.com/acme/shop/blob/main/runbooks/',
    ]);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'monitoring/alerts.yml'), 'utf8')).toBe(
      original.replace(
        '          summary: API down\n',
        '          summary: API down\n          runbook_url: https://github.com/acme/shop/blob/main/runbooks/api-down.md\n',
      ),
    );
    expect(stderr).toContain('monitoring/alerts.yml: linked 1 alert(s); kept Linked (already links a runbook)');
    expect(existsSync(join(dir, 'runbooks/api-down.md'))).toBe(true);
    expect(readFileSync(join(dir, 'runbooks/api-down.md'), 'utf8')).toContain(
      '[monitoring/alerts.yml:5](../monitoring/alerts.yml#L5)',
    );
  });

  it.each([
    [['runbook'], /needs --rules FILE/],
    [['runbook', '--rules', 'missing.yml'], /--rules: no such file: missing\.yml/],
    [['runbook', '--rules', 'notrules.yml'], /--rules notrules\.yml is not a Prometheus rule file/],
    [['runbook', '--rules', 'rules.yml', '--alert', 'Nope'], /no alert named Nope/],
    [['runbook', '--rules', 'rules.yml', '--link', 'ftp://x'], /--link must be an http\(s\) URL/],
  ])('%j is a usage error', async (args, message) => {
    put('notrules.yml', 'services:\n  a:\n    image: x\n');
    put('rules.yml', 'groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n');
    await expect(run(args)).rejects.toThrow(message);
  });
});

describe('incident postmortem', () => {
  it('prints the template with no record', async () => {
    const { code, stdout } = await run(['postmortem']);
    expect(code).toBe(0);
    expect(stdout.startsWith('# Postmortem: <short title of what users experienced>\n')).toBe(true);
  });

  it('writes the postmortem of a valid record to --output', async () => {
    cpSync(join(shop, 'monitoring/alerts.yml'), join(dir, 'unused.yml'));
    put(
      'incident.yaml',
      [
        'title: Checkout errors',
        'severity: SEV2',
        'commander: Dana',
        'started: 2024-05-02T14:05Z',
        'resolved: 2024-05-02T15:30Z',
        'summary: Checkouts failed.',
        'impact: { description: 30% of checkouts failed. }',
        'detection: { how: alert }',
        'timeline: [{ at: 2024-05-02T14:05Z, event: Deploy }]',
        'contributingFactors: [No load test of the pool.]',
        'fiveWhys: [a, b, c]',
        'actionItems: [{ action: Add a load test, owner: team-api, due: 2024-05-10 }]',
        'lessons: { wentWell: [Fast page] }',
        '',
      ].join('\n'),
    );
    const { code, stderr } = await run(['postmortem', '--incident', 'incident.yaml', '--output', 'docs/pm.md']);
    expect(code).toBe(0);
    expect(stderr).toBe('proagent-devops: wrote docs/pm.md\n');
    const md = readFileSync(join(dir, 'docs/pm.md'), 'utf8');
    expect(md).toContain('| Duration | 1h 25m |');
    expect(md).toContain('| 1 | Add a load test | team-api | 2024-05-10 | — | — |');
  });

  it('exits 1 and points at the problems of an invalid record', async () => {
    put('incident.yaml', 'title: X\nseverity: SEV2\n');
    const { code, stdout, stderr } = await run(['postmortem', '--incident', 'incident.yaml']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.split('\n').filter(Boolean);
    expect(lines).toContain('incident.yaml:1:1: error: Missing required field `commander`.');
    expect(lines).toContain('incident.yaml:1:1: error: Missing required field `impact` (a mapping).');
    expect(lines[lines.length - 1]).toMatch(/^proagent-devops: incident\.yaml: 9 error\(s\); fix the record/);
  });

  it('a missing record file is a usage error', async () => {
    await expect(run(['postmortem', '--incident', 'nope.yaml'])).rejects.toThrow(
      /--incident: no such file: nope\.yaml/,
    );
  });
});

describe('incident declare', () => {
  it('prints a Slack Block Kit message with the next update time from the matrix', async () => {
    const { code, stdout } = await run([
      'declare',
      '--severity',
      'sev2',
      '--summary',
      'Checkout <fails> for 30% of users',
      '--commander',
      '@dana',
      '--channel',
      '#inc-checkout',
      '--now',
      '2024-05-02T14:20:00Z',
    ]);
    expect(code).toBe(0);
    const msg = JSON.parse(stdout);
    expect(msg.channel).toBe('#inc-checkout');
    expect(msg.text).toBe(
      'SEV2 (Major) declared: Checkout <fails> for 30% of users. Commander: @dana. Next update by 2024-05-02 15:20 UTC.',
    );
    expect(msg.blocks.map((b: { type: string }) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'divider',
      'context',
    ]);
    expect(msg.blocks[0].text).toEqual({
      type: 'plain_text',
      text: ':red_circle: SEV2: Checkout <fails> for 30% of users',
      emoji: true,
    });
    expect(msg.blocks[1].text.text).toBe('*Summary:* Checkout &lt;fails&gt; for 30% of users');
    expect(msg.blocks[2].fields.map((f: { text: string }) => f.text)).toEqual([
      '*Severity*\nSEV2 — Major',
      '*Status*\nInvestigating',
      '*Incident commander*\n@dana',
      '*Channel*\n#inc-checkout',
      '*Declared*\n2024-05-02 14:20 UTC',
      '*Next update*\nby 2024-05-02 15:20 UTC (every 1h)',
    ]);
  });

  it('classifies from impact flags when no severity is given, and uses the configured channel', async () => {
    put('.proagent-devops.yaml', 'incident:\n  slack: { channel: "#incidents-shop" }\n');
    const { stdout } = await run([
      'declare',
      '--summary',
      'API down',
      '--down',
      '--env',
      'prod',
      '--now',
      '2024-05-02T14:00Z',
    ]);
    const msg = JSON.parse(stdout);
    expect(msg.channel).toBe('#incidents-shop');
    expect(msg.text).toBe(
      'SEV1 (Critical) declared: API down. Commander: unassigned: reply to take command. Next update by 2024-05-02 14:30 UTC.',
    );
    expect(msg.blocks[3]).toEqual({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'Why SEV1: `prod` is production, the service is down' }],
    });
  });

  it.each([
    [['declare'], /needs --summary/],
    [['declare', '--summary', 'x', '--severity', 'SEV7'], /--severity must be one of SEV1, SEV2, SEV3, SEV4/],
    [['declare', '--summary', 'x', '--now', 'tomorrow'], /--now must be an ISO-8601 time/],
  ])('%j is a usage error', async (args, message) => {
    await expect(run(args)).rejects.toThrow(message);
  });
});
