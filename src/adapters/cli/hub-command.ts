import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { type Config, defaultConfig, findConfigFile, loadConfig } from '../../config/config.js';
import { hub } from '../../hub/hub.js';
import { renderHubJson, renderHubText } from '../../hub/render.js';
import { renderHtml } from '../../report/html.js';
import { RULES } from '../../rules/registry.js';
import { VERSION } from '../../version.js';
import { type Command, oneOf, parse, UsageError } from './io.js';
import { writeAtomic } from './review-command.js';

const FORMATS = ['text', 'json', 'html'] as const;

export const HUB_USAGE = `Usage: proagent-devops hub [PATH] [--format text|json|html] [--output FILE] [--config FILE]

Where the repository stands in each of the nine DevOps domains, scored 0-100 from the review findings and
from what is missing, with the next actions ranked by severity x blast radius (prod first).
Scoring method: docs/hub.md. Exit codes: 0 assessed, 2 usage/config/I-O error.
`;

/** `hub [PATH]`: posture across the nine domains. Always exits 0 once assessed (it is a report, not a gate). */
export const hubCommand: Command = (argv, io) => {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(HUB_USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError('hub takes one PATH (the repository to assess)');
  const format = oneOf(values.format ?? 'text', FORMATS, '--format');
  const path = resolve(io.cwd, positionals[0] ?? '.');
  if (!existsSync(path)) throw new UsageError(`no such directory: ${path}`);
  if (!statSync(path).isDirectory()) throw new UsageError(`hub assesses a directory, not a file: ${path}`);
  const knownIds = new Set(RULES.map((r) => r.id));
  const configPath = values.config ? resolve(io.cwd, values.config) : findConfigFile(path);
  const config: Config = configPath ? loadConfig(configPath, knownIds) : defaultConfig();

  const { report, review } = hub({
    path,
    config,
    toolVersion: VERSION,
    onRuleError: (rule, file, error) =>
      io.stderr(
        `proagent-devops: internal error in ${rule.id}${file ? ` on ${file}` : ''}: ${(error as Error).message}\n`,
      ),
  });
  const rel = relative(io.cwd, path);
  const label = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  const out =
    format === 'json'
      ? renderHubJson(report)
      : format === 'html'
        ? renderHtml(review, {
            rules: RULES,
            toolVersion: VERSION,
            hub: report,
            ...(label === '.' ? {} : { title: label }),
          })
        : renderHubText(report, { label, color: !values.output && io.isTTY && !io.env.NO_COLOR });
  if (values.output) {
    const target = resolve(io.cwd, values.output);
    writeAtomic(target, out);
    io.stderr(`proagent-devops: wrote the ${format} hub report to ${relative(io.cwd, target) || target}\n`);
  } else {
    io.stdout(out);
  }
  return 0;
};
