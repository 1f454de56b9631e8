/**
 * One Markdown runbook per alert rule: what the alert means (from its expression and annotations), the
 * series to look at (its PromQL broken down), likely causes, mitigation with rollback commands for how the
 * project deploys, escalation from the severity matrix, and a link back to the rule.
 */
import type { PromRule } from '../models/prometheus.js';
import { isPipelineAlert, isSelfMonitoringAlert, labelValue } from '../models/prometheus-alerts.js';
import { functionsOf, selectorsOf } from '../parsers/promql-ast.js';
import { type DeployTarget, rollbackSteps } from './deploy-methods.js';
import type { IncidentSettings } from './incident-config.js';
import type { SeverityLevel } from './severity-matrix.js';
import { explainAlert, type RecordingRule, type SeriesToCheck, seriesToCheck } from './triage.js';

export interface RunbookContext {
  /** The rule file as the runbook links it (relative to where the runbook is written). */
  ruleLink: string;
  /** The rule file as people name it (repo-relative). */
  ruleFile: string;
  recordings: readonly RecordingRule[];
  /** Deploy targets of the alert's service (prod first); empty when none matched. */
  targets: readonly DeployTarget[];
  /** Every deploy target of the project (named when none matched). */
  allTargets: readonly DeployTarget[];
  settings: IncidentSettings;
}

/** `ShopApiErrorBudgetBurnFast` → `shop-api-error-budget-burn-fast`. */
export function runbookSlug(alert: string): string {
  return (
    alert
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase() || 'alert'
  );
}

type Category = 'target-down' | 'absent' | 'errors' | 'latency' | 'saturation' | 'generic';

export function alertCategory(rule: PromRule, series: readonly SeriesToCheck[]): Category {
  if (isSelfMonitoringAlert(rule)) return 'target-down';
  const ast = rule.expr?.parse.ast;
  const names = [
    rule.name,
    ...flatten(series).map((s) => s.selector),
    ...(ast ? selectorsOf(ast).map((s) => s.name ?? '') : []),
  ].join(' ');
  if (ast && (functionsOf(ast).has('absent') || functionsOf(ast).has('absent_over_time'))) {
    return selectorsOf(ast).some((s) => s.name === 'up') ? 'target-down' : 'absent';
  }
  if (isPipelineAlert(rule)) return 'target-down';
  if (/latency|duration|_bucket|slow/i.test(names) || (ast && functionsOf(ast).has('histogram_quantile')))
    return 'latency';
  if (/error|5\.\.|fail|burn|budget|availability/i.test(names)) return 'errors';
  if (/cpu|memory|mem_|disk|filesystem|_fs_|saturation|throttl|oom|queue|lag|connections|capacity/i.test(names)) {
    return 'saturation';
  }
  return 'generic';
}

const CAUSES: Readonly<Record<Category, string[]>> = {
  'target-down': [
    'The process crashed or is restarting (CrashLoopBackOff, OOM kill, failing liveness probe).',
    'The target moved: service discovery, relabelling or a renamed Service/port no longer matches.',
    'The network path is blocked: a NetworkPolicy, security group or firewall change stops the scrape.',
    'The exporter or the node it runs on is down.',
  ],
  absent: [
    'The service or exporter stopped, so the series is gone rather than zero.',
    'A release renamed or removed the metric (check the last deploy and its changelog).',
    'The scrape configuration or relabelling changed and drops the series.',
  ],
  errors: [
    'A recent deploy or configuration change introduced errors: compare the start of the errors with the rollout history.',
    'A dependency (database, cache, queue, downstream API) is failing, timing out or refusing connections.',
    'Resource exhaustion: CPU throttling, memory pressure, exhausted connection or thread pools.',
    'A traffic change: a spike, a retry storm, or a client sending bad requests (check 4xx vs 5xx).',
  ],
  latency: [
    'Saturation: CPU throttling, garbage-collection pauses, or too few replicas for the traffic.',
    'A slow dependency: database queries (locks, missing index), downstream calls, DNS.',
    'A recent deploy added work to the hot path (compare with the rollout history).',
    'Noisy neighbours or a degraded node.',
  ],
  saturation: [
    'Growth: traffic or data grew past what the current sizing handles.',
    'A leak: memory, file descriptors or connections that are never released.',
    'A runaway job, log growth or a backlog (queue, replication lag) consuming the resource.',
  ],
  generic: [
    'A recent change (deploy, configuration, infrastructure): check what changed right before the alert.',
    'A failing dependency.',
    'Capacity: the load exceeds what the service is sized for.',
  ],
};

const FIRST_STEPS: Readonly<Record<Category, string[]>> = {
  'target-down': [
    'Check the target in Prometheus (Status → Targets): the scrape error says whether it is DNS, refused, timeout or HTTP.',
    'Check the workload: `kubectl get pods -n <namespace>` and `kubectl describe pod <pod>` for restarts and events.',
  ],
  absent: [
    'Check that the service runs and that `/metrics` still exposes the metric (`curl -s <target>/metrics | grep <metric>`).',
  ],
  errors: [
    'Find when the errors started and whether a deploy or config change happened just before.',
    'If it did, roll back first and investigate after (below).',
    'If it did not, check the service logs and its dependencies (database, cache, downstream APIs).',
  ],
  latency: [
    'Check saturation of the service (CPU throttling, memory) and of its dependencies.',
    'If a deploy happened just before, roll back (below); otherwise scale out while you investigate.',
  ],
  saturation: [
    'Find what consumes the resource (top pods, largest tables, queue depth) and relieve it: scale, clean up, or shed load.',
  ],
  generic: ['Check what changed just before the alert (deploys, configuration, infrastructure) and the service logs.'],
};

export function alertRunbook(rule: PromRule, ctx: RunbookContext): string {
  const series = seriesToCheck(rule, ctx.recordings);
  const category = alertCategory(rule, series);
  const alertSeverity = labelValue(rule, 'severity') ?? 'none';
  const level: SeverityLevel = ctx.settings.matrix.alertSeverities[alertSeverity] ?? 'SEV3';
  const definition = ctx.settings.matrix.levels.find((l) => l.level === level);
  const annotation = (name: string) => rule.annotations.find((a) => a.name === name)?.value;
  const out: string[] = [];
  out.push(`# Runbook: ${rule.name}`, '');
  out.push(
    `| Alert | Severity label | Incident severity | Group | For | Rule |`,
    `|---|---|---|---|---|---|`,
    `| \`${rule.name}\` | ${alertSeverity} | ${level}${definition ? ` (${definition.name})` : ''} | ${rule.group} | ${rule.for?.text ?? '—'} | [${ctx.ruleFile}:${rule.nameRange.line}](${ctx.ruleLink}#L${rule.nameRange.line}) |`,
    '',
  );

  out.push('## What it means', '');
  const summary = annotation('summary');
  const description = annotation('description');
  if (summary) out.push(`**${summary}**`, '');
  if (description) out.push(`> ${description.trim().replace(/\n/g, '\n> ')}`, '');
  out.push(explainAlert(rule), '');
  if (/\{\{/.test(`${summary ?? ''}${description ?? ''}`)) {
    out.push(
      'In the annotations, `{{ $value }}` is the value of the expression when the alert fired and `{{ $labels.x }}` the labels of the firing series.',
      '',
    );
  }
  if (rule.expr) out.push('```promql', rule.expr.text.trim(), '```', '');

  out.push('## Triage', '');
  out.push(
    '1. Open the alert in Alertmanager and note the labels of the firing series (which job, instance, namespace).',
  );
  out.push('2. Run these queries in Prometheus (or Grafana Explore), over the last hour and the last day:', '');
  out.push(...seriesLines(series, '   '));
  const targets = ctx.targets.filter((t) => t.kind === 'kubernetes' || t.kind === 'helm' || t.kind === 'argocd');
  const history = targets.slice(0, 2).flatMap((t) => rollbackSteps(t).validate);
  out.push(
    `3. Check what changed just before the alert: ${history.length > 0 ? history.map((c) => `\`${c}\``).join(', ') : 'the deploy history of the service'}, and the last merged commits.`,
    '',
  );
  for (const step of FIRST_STEPS[category]) out.push(`- ${step}`);
  out.push('');

  out.push('## Likely causes', '');
  for (const cause of CAUSES[category]) out.push(`- ${cause}`);
  out.push('');

  out.push('## Mitigation', '');
  out.push(
    `1. If users are affected, declare an incident: \`proagent-devops incident declare --severity ${level} --summary "${rule.name}: <what users see>"\`.`,
  );
  out.push(
    '2. If a deploy or configuration change preceded the alert, roll it back first (validate, roll back, verify):',
    '',
  );
  out.push(...rollbackLines(ctx));
  out.push(
    '3. Otherwise relieve the symptom while the cause is investigated: scale out, fail over, shed or rate-limit load, disable the feature flag.',
  );
  out.push(
    '4. Confirm recovery: the triage queries return to normal and the alert resolves (Alertmanager sends the resolved notification).',
    '',
  );

  out.push('## Escalation', '');
  if (definition) {
    const r = definition.response;
    out.push(
      `This alert maps to **${level} (${definition.name})**: ${definition.description}`,
      '',
      `- Acknowledge within **${r.acknowledge}**; post status updates every **${r.updateEvery}**; aim to resolve within **${r.resolveWithin}**.`,
      `- Page: ${r.page.length > 0 ? r.page.join(' → ') : 'nobody (open a ticket for the owning team)'}.`,
      `- No progress after one update interval (${r.updateEvery}): escalate to the next person in that list, and re-classify as the impact changes (\`proagent-devops incident classify\`).`,
      `- Postmortem: ${r.postmortem.required ? `required${r.postmortem.within ? `, within ${r.postmortem.within}` : ''}` : 'optional'} (\`proagent-devops incident postmortem\`).`,
      '',
    );
  }
  out.push('## Rule', '');
  out.push(
    `Defined in [${ctx.ruleFile}:${rule.nameRange.line}](${ctx.ruleLink}#L${rule.nameRange.line}) (group \`${rule.group}\`). Change the rule there; this runbook is generated by \`proagent-devops incident runbook\`.`,
    '',
  );
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function seriesLines(series: readonly SeriesToCheck[], indent: string): string[] {
  if (series.length === 0) return [`${indent}- The expression reads no series (it is a constant).`];
  const out: string[] = [];
  for (const s of series) {
    out.push(
      `${indent}- \`${s.selector}\` — ${s.note}:`,
      '',
      `${indent}  \`\`\`promql`,
      `${indent}  ${s.query}`,
      `${indent}  \`\`\``,
      '',
    );
    if (s.recordedBy) {
      out.push(
        `${indent}  Recorded (${s.recordedBy.file}:${s.recordedBy.line}) from \`${s.recordedBy.expr}\`; the raw series:`,
        '',
      );
      out.push(...seriesLines(s.recordedBy.series, `${indent}  `));
    }
  }
  return out;
}

function rollbackLines(ctx: RunbookContext): string[] {
  if (ctx.targets.length === 0) {
    const known = ctx.allTargets
      .slice(0, 6)
      .map((t) => `\`${t.name}\` (${t.kind}${t.namespace ? `, ${t.namespace}` : ''})`);
    return [
      "   No deploy target matched the alert's labels" +
        (known.length > 0 ? `; the project deploys ${known.join(', ')}.` : '.'),
      '   Roll back the service that fired with its deploy tool (e.g. `kubectl rollout undo deployment/<name> -n <namespace>`, `helm rollback <release> <revision>`).',
      '',
    ];
  }
  const out: string[] = [];
  for (const t of ctx.targets.slice(0, 4)) {
    const steps = rollbackSteps(t);
    const where = `${t.kind} \`${t.name}\`${t.namespace ? ` in \`${t.namespace}\`` : ''}${t.prod ? ' (prod)' : ''}`;
    out.push(
      `   ${where}:`,
      '',
      '   ```sh',
      ...steps.validate.map((c) => `   ${c}`),
      ...steps.rollback.map((c) => `   ${c}`),
      ...steps.verify.map((c) => `   ${c}`),
      '   ```',
      '',
    );
  }
  return out;
}

function flatten(series: readonly SeriesToCheck[]): SeriesToCheck[] {
  return series.flatMap((s) => [s, ...(s.recordedBy ? flatten(s.recordedBy.series) : [])]);
}
