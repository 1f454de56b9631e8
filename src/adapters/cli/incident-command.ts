import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { findConfigFile } from '../../config/config.js';
import { SourceFile } from '../../core/source-file.js';
import { declareMessage } from '../../incident/declare.js';
import { deployTargets, targetsFor } from '../../incident/deploy-methods.js';
import {
  IncidentConfigError,
  type IncidentSettings,
  loadIncidentSettings,
  prodMatcher,
} from '../../incident/incident-config.js';
import { postmortemTemplate, renderPostmortem } from '../../incident/postmortem.js';
import { readIncidentRecord } from '../../incident/postmortem-record.js';
import { alertRunbook, runbookSlug } from '../../incident/runbook.js';
import { addRunbookLinks } from '../../incident/runbook-links.js';
import {
  classify,
  type Impact,
  REVENUE_LEVELS,
  SEVERITY_LEVELS,
  type SeverityDefinition,
} from '../../incident/severity-matrix.js';
import { seriesToCheck, workloadNames } from '../../incident/triage.js';
import { ruleFileModel } from '../../models/prometheus.js';
import { loadProject } from '../../review.js';
import { type CliIO, type Command, oneOf, parse, UsageError } from './io.js';
import { writeAtomic } from './review-command.js';

export const INCIDENT_USAGE = `Usage: proagent-devops incident <classify|runbook|postmortem|declare> [options]

  classify   [--users-affected PCT] [--revenue-impact none|low|medium|high] [--data-loss] [--security]
             [--down | --degraded] [--env NAME] [--format text|json]
             Severity SEV1-SEV4 with the rationale and the response targets (docs/incident.md).
  runbook    --rules FILE... [--out DIR] [--link BASE_URL] [--alert NAME] [--project DIR]
             One Markdown runbook per alert rule; --link writes runbook_url annotations into the rules.
  postmortem [--incident FILE] [--output FILE]
             A blameless postmortem from a YAML/JSON incident record; with no record, the template.
  declare    --summary TEXT [--severity SEVn | impact flags of classify] [--commander NAME]
             [--channel NAME] [--title TEXT] [--status TEXT] [--now ISO-8601]
             A Slack Block Kit message (JSON) announcing the incident.

Common: --config FILE (the incident: section of .proagent-devops.yaml). Exit codes: 0 done,
1 postmortem record invalid, 2 usage/config/I-O error.
`;

const SUBCOMMANDS: Readonly<Record<string, (argv: readonly string[], io: CliIO) => number>> = {
  classify: classifyCommand,
  runbook: runbookCommand,
  postmortem: postmortemCommand,
  declare: declareCommand,
};

/** `incident classify|runbook|postmortem|declare`. */
export const incidentCommand: Command = (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(INCIDENT_USAGE);
    return sub === undefined ? 2 : 0;
  }
  const handler = SUBCOMMANDS[sub];
  if (!handler) throw new UsageError(`unknown incident command "${sub}" (classify, runbook, postmortem, declare)`);
  try {
    return handler(rest, io);
  } catch (error) {
    if (error instanceof IncidentConfigError) throw new UsageError(error.message);
    throw error;
  }
};

const IMPACT_OPTIONS = {
  'users-affected': { type: 'string' },
  'revenue-impact': { type: 'string' },
  'data-loss': { type: 'boolean' },
  security: { type: 'boolean' },
  down: { type: 'boolean' },
  degraded: { type: 'boolean' },
  env: { type: 'string' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

type ImpactValues = {
  'users-affected'?: string | undefined;
  'revenue-impact'?: string | undefined;
  'data-loss'?: boolean | undefined;
  security?: boolean | undefined;
  down?: boolean | undefined;
  degraded?: boolean | undefined;
  env?: string | undefined;
};

function impactOf(values: ImpactValues): Impact {
  if (values.down && values.degraded) throw new UsageError('--down and --degraded are exclusive');
  const impact: Impact = {};
  const users = values['users-affected'];
  if (users !== undefined) {
    const n = Number(users.replace(/%$/, ''));
    if (users.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
      throw new UsageError(`--users-affected must be a percentage from 0 to 100 (got "${users}")`);
    }
    impact.usersAffected = n;
  }
  if (values['revenue-impact'] !== undefined) {
    impact.revenueImpact = oneOf(values['revenue-impact'], REVENUE_LEVELS, '--revenue-impact');
  }
  if (values['data-loss']) impact.dataLoss = true;
  if (values.security) impact.security = true;
  if (values.down) impact.state = 'down';
  if (values.degraded) impact.state = 'degraded';
  if (values.env !== undefined) impact.env = values.env;
  return impact;
}

function settingsFor(io: CliIO, config: string | undefined): IncidentSettings {
  if (config !== undefined) {
    const path = resolve(io.cwd, config);
    if (!existsSync(path)) throw new UsageError(`no such config file: ${path}`);
    return loadIncidentSettings(path);
  }
  return loadIncidentSettings(findConfigFile(io.cwd));
}

function classifyCommand(argv: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(argv, { ...IMPACT_OPTIONS, format: { type: 'string', short: 'f' } });
  if (values.help) return usage(io);
  if (positionals.length > 0) throw new UsageError(`incident classify takes no arguments (got "${positionals[0]}")`);
  const format = oneOf(values.format ?? 'text', ['text', 'json'] as const, '--format');
  const settings = settingsFor(io, values.config);
  const impact = impactOf(values);
  const isProd = prodMatcher(settings);
  const result = classify(impact, settings.matrix, (n) => isProd(n));
  const d = result.definition;
  if (format === 'json') {
    const out = {
      version: 1,
      severity: result.level,
      name: d.name,
      description: d.description,
      rationale: result.rationale,
      assumptions: result.assumptions,
      impact,
      response: d.response,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const r = d.response;
  const lines = [
    `${result.level} — ${d.name}: ${d.description}`,
    '',
    `Why: ${result.rationale.join('; ')}.`,
    ...result.assumptions.map((a) => `Assumed: ${a}`),
    '',
    'Response targets',
    `  Acknowledge within    ${r.acknowledge}`,
    `  Status updates every  ${r.updateEvery}`,
    `  Resolve within        ${r.resolveWithin}`,
    `  Page                  ${r.page.length > 0 ? r.page.join(', ') : 'nobody (ticket to the owning team)'}`,
    `  Postmortem            ${r.postmortem.required ? 'required' : 'optional'}${r.postmortem.within ? `, within ${r.postmortem.within}` : ''}`,
    '',
    `Next: proagent-devops incident declare --severity ${result.level} --summary "<what users see>"`,
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}

function runbookCommand(argv: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(argv, {
    rules: { type: 'string', multiple: true },
    out: { type: 'string', short: 'o' },
    link: { type: 'string' },
    alert: { type: 'string', multiple: true },
    project: { type: 'string' },
    config: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return usage(io);
  const ruleArgs = [...(values.rules ?? []), ...positionals];
  if (ruleArgs.length === 0) throw new UsageError('incident runbook needs --rules FILE (an alert rule file)');
  const settings = settingsFor(io, values.config);
  const base = values.link ?? undefined;
  if (base !== undefined && !/^https?:\/\/\S+$/.test(base))
    throw new UsageError(`--link must be an http(s) URL (got "${base}")`);
  const projectDir = resolve(io.cwd, values.project ?? '.');
  if (!existsSync(projectDir) || !statSync(projectDir).isDirectory())
    throw new UsageError(`--project: no such directory: ${projectDir}`);
  const outDir = values.out ? resolve(io.cwd, values.out) : undefined;

  const files = ruleArgs.map((arg) => {
    const abs = resolve(io.cwd, arg);
    if (!existsSync(abs) || !statSync(abs).isFile()) throw new UsageError(`--rules: no such file: ${arg}`);
    const display = toPosix(relative(projectDir, abs));
    const file = new SourceFile(
      display.startsWith('..') ? toPosix(relative(io.cwd, abs)) : display,
      'prometheus-rules',
      readFileSync(abs, 'utf8'),
    );
    const model = ruleFileModel(file);
    const problem = model.problems[0];
    if (model.groups.length === 0) {
      const why = problem
        ? `${problem.range.line}:${problem.range.column}: ${problem.message}`
        : 'no `groups:` with rules';
      throw new UsageError(`--rules ${arg} is not a Prometheus rule file (${why})`);
    }
    return { abs, file, model };
  });
  const recordings = files.flatMap(({ file, model }) =>
    model.groups.flatMap((g) => g.rules.filter((r) => r.kind === 'record').map((rule) => ({ file: file.path, rule }))),
  );
  const isProd = prodMatcher(settings);
  const project = loadProject({ paths: [projectDir], root: projectDir });
  const allTargets = deployTargets(project, isProd);
  const wanted = values.alert;
  const written: string[] = [];
  const documents: string[] = [];
  const linkOf = (alert: string) =>
    `${(base ?? settings.runbookBaseUrl ?? '').replace(/\/+$/, '')}/${runbookSlug(alert)}.md`;
  let count = 0;
  for (const { abs, file, model } of files) {
    const ruleLink = toPosix(relative(outDir ?? io.cwd, abs));
    for (const group of model.groups) {
      for (const rule of group.rules) {
        if (rule.kind !== 'alert' || (wanted && !wanted.includes(rule.name))) continue;
        count++;
        const series = seriesToCheck(rule, recordings);
        const targets = targetsFor(allTargets, workloadNames(rule, series));
        const doc = alertRunbook(rule, { ruleLink, ruleFile: file.path, recordings, targets, allTargets, settings });
        if (outDir) {
          mkdirSync(outDir, { recursive: true });
          const target = resolve(outDir, `${runbookSlug(rule.name)}.md`);
          writeAtomic(target, doc);
          written.push(toPosix(relative(io.cwd, target)));
        } else {
          documents.push(doc);
        }
      }
    }
  }
  if (count === 0) {
    throw new UsageError(
      wanted ? `no alert named ${wanted.join(', ')} in the rule files` : 'the rule files hold no alert rules',
    );
  }
  if (documents.length > 0) io.stdout(documents.join('\n---\n\n'));
  for (const w of written) io.stderr(`proagent-devops: wrote ${w}\n`);
  if (base !== undefined) {
    for (const { abs, file } of files) {
      const result = addRunbookLinks(file.text, linkOf);
      if (result.added.length > 0) writeAtomic(abs, result.text);
      io.stderr(
        `proagent-devops: ${file.path}: linked ${result.added.length} alert(s)${result.kept.length > 0 ? `; kept ${result.kept.map((k) => `${k.alert} (${k.reason})`).join(', ')}` : ''}\n`,
      );
    }
  }
  return 0;
}

function postmortemCommand(argv: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(argv, {
    incident: { type: 'string', short: 'i' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return usage(io);
  if (positionals.length > 0)
    throw new UsageError(`incident postmortem takes --incident FILE (got "${positionals[0]}")`);
  let doc: string;
  let code = 0;
  if (values.incident === undefined) {
    doc = postmortemTemplate();
  } else {
    const abs = resolve(io.cwd, values.incident);
    if (!existsSync(abs) || !statSync(abs).isFile())
      throw new UsageError(`--incident: no such file: ${values.incident}`);
    const display = toPosix(relative(io.cwd, abs));
    const { record, problems } = readIncidentRecord(new SourceFile(display, 'yaml', readFileSync(abs, 'utf8')));
    for (const p of problems) io.stderr(`${display}:${p.range.line}:${p.range.column}: ${p.severity}: ${p.message}\n`);
    const errors = problems.filter((p) => p.severity === 'error').length;
    if (errors > 0 || !record) {
      io.stderr(
        `proagent-devops: ${display}: ${errors} error(s); fix the record and run again (\`incident postmortem\` with no --incident prints the template)\n`,
      );
      return 1;
    }
    doc = renderPostmortem(record);
    code = 0;
  }
  if (values.output) {
    const target = resolve(io.cwd, values.output);
    mkdirSync(dirname(target), { recursive: true });
    writeAtomic(target, doc);
    io.stderr(`proagent-devops: wrote ${toPosix(relative(io.cwd, target))}\n`);
  } else {
    io.stdout(doc);
  }
  return code;
}

function declareCommand(argv: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(argv, {
    ...IMPACT_OPTIONS,
    summary: { type: 'string', short: 's' },
    severity: { type: 'string' },
    commander: { type: 'string' },
    channel: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'string' },
    now: { type: 'string' },
  });
  if (values.help) return usage(io);
  if (positionals.length > 0) throw new UsageError(`incident declare takes options only (got "${positionals[0]}")`);
  if (!values.summary?.trim()) throw new UsageError('incident declare needs --summary "<what users see>"');
  const settings = settingsFor(io, values.config);
  let definition: SeverityDefinition;
  let rationale: readonly string[] | undefined;
  if (values.severity !== undefined) {
    const level = oneOf(values.severity.toUpperCase(), SEVERITY_LEVELS, '--severity');
    definition = settings.matrix.levels.find((l) => l.level === level) as SeverityDefinition;
  } else {
    const isProd = prodMatcher(settings);
    const result = classify(impactOf(values), settings.matrix, (n) => isProd(n));
    definition = result.definition;
    rationale = [...result.rationale, ...result.assumptions];
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be an ISO-8601 time (got "${values.now}")`);
  const message = declareMessage({
    definition,
    summary: values.summary.trim(),
    commander: values.commander,
    channel: values.channel ?? settings.slackChannel ?? '#incidents',
    now,
    ...(values.title ? { title: values.title } : {}),
    ...(values.status ? { status: values.status } : {}),
    ...(rationale ? { rationale } : {}),
  });
  io.stdout(`${JSON.stringify(message, null, 2)}\n`);
  return 0;
}

function usage(io: CliIO): number {
  io.stdout(INCIDENT_USAGE);
  return 0;
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
