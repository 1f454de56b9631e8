import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { type Config, defaultConfig, findConfigFile, loadConfig } from '../../config/config.js';
import { severityRank } from '../../core/engine.js';
import type { Finding, Severity } from '../../core/types.js';
import { render } from '../../report/index.js';
import { summarize } from '../../report/json.js';
import { review } from '../../review.js';
import { RULES } from '../../rules/registry.js';
import { VERSION } from '../../version.js';
import { UsageError } from '../cli/io.js';
import { exitCode, writeAtomic } from '../cli/review-command.js';
import { changedLines, onChangedLine } from './changed-lines.js';
import { readInputs } from './inputs.js';
import { annotation, command, inert } from './workflow-commands.js';

/** GitHub keeps at most 10 annotations of each level per step; more would be dropped silently. */
export const ANNOTATIONS_PER_LEVEL = 10;

export interface ActionIO {
  /** The workspace (`GITHUB_WORKSPACE`, the step's working directory): paths are reported relative to it. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (s: string) => void;
}

function insideWorkspace(cwd: string, path: string): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new UsageError(`input path ${path} is outside the workspace`);
  if (!existsSync(abs)) throw new UsageError(`input path ${path}: no such file or directory`);
  return abs;
}

/** Findings to annotate: unsuppressed, most severe first, at most `ANNOTATIONS_PER_LEVEL` per level. */
function pickAnnotations(findings: readonly Finding[]): { shown: Finding[]; dropped: number } {
  const perLevel = new Map<Severity, number>();
  const shown: Finding[] = [];
  const sorted = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  for (const f of sorted) {
    const n = perLevel.get(f.severity) ?? 0;
    if (n >= ANNOTATIONS_PER_LEVEL) continue;
    perLevel.set(f.severity, n + 1);
    shown.push(f);
  }
  return { shown, dropped: findings.length - shown.length };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The GitHub Action: review, print the report (inert to the runner), write SARIF for code scanning, a
 * Markdown job summary, annotations on the lines a pull request changed (every finding outside pull
 * requests), and step outputs. Returns the exit code for `fail-on`.
 */
export function runAction(io: ActionIO): number {
  const inputs = readInputs(io.env);
  const paths = inputs.paths.map((p) => insideWorkspace(io.cwd, p));
  const knownIds = new Set(RULES.map((r) => r.id));
  const configPath = inputs.config ? resolve(io.cwd, inputs.config) : findConfigFile(paths[0] as string);
  if (inputs.config && !existsSync(configPath as string))
    throw new UsageError(`input config ${inputs.config}: no such file`);
  const config: Config = configPath ? loadConfig(configPath, knownIds) : defaultConfig();

  const result = review({
    paths,
    root: io.cwd,
    config,
    onRuleError: (rule, file, error) =>
      io.stdout(
        command('warning', `internal error in ${rule.id}${file ? ` on ${file}` : ''}: ${(error as Error).message}`),
      ),
  });
  const options = { rules: RULES, toolVersion: VERSION };
  io.stdout(inert(render(inputs.format, result, options)));

  if (inputs.sarifFile !== '') {
    const target = resolve(io.cwd, inputs.sarifFile);
    mkdirSync(dirname(target), { recursive: true });
    writeAtomic(target, render('sarif', result, options));
  }

  const open = result.findings.filter((f) => !f.suppressed);
  const base = io.env.GITHUB_BASE_REF;
  let candidates = open;
  let scope = 'every finding (not a pull request)';
  if (base) {
    const diff = changedLines(io.cwd, base);
    if ('error' in diff) {
      io.stdout(command('warning', `proagent-devops: ${diff.error}; annotating every finding`));
      scope = 'every finding (the pull request diff was not available)';
    } else {
      candidates = open.filter((f) => onChangedLine(f, diff.lines));
      scope = `findings on lines changed since ${diff.against}`;
    }
  }
  const { shown, dropped } = pickAnnotations(candidates);
  for (const f of shown) {
    const rule = RULES.find((r) => r.id === f.ruleId);
    io.stdout(annotation(f, `${f.ruleId}${rule ? ` ${rule.title}` : ''}`));
  }

  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    const note = [
      '',
      `Annotated ${shown.length} of ${plural(candidates.length, 'finding')}: ${scope}.` +
        (dropped > 0 ? ` GitHub shows at most ${ANNOTATIONS_PER_LEVEL} per level and step; the rest are above.` : ''),
      '',
    ];
    appendFileSync(summaryFile, `${render('markdown', result, options)}${note.join('\n')}`);
  }

  const summary = summarize(result);
  const outputFile = io.env.GITHUB_OUTPUT;
  if (outputFile) {
    const sarif = inputs.sarifFile === '' ? '' : inputs.sarifFile;
    appendFileSync(
      outputFile,
      `sarif-file=${sarif}\nfindings=${summary.findings}\nerrors=${summary.bySeverity.error}\nannotated=${shown.length}\n`,
    );
  }

  const code = exitCode(result, inputs.failOn);
  if (code !== 0) {
    io.stdout(
      command(
        'error',
        `proagent-devops: ${plural(summary.findings, 'finding')} (${summary.bySeverity.error} error, ` +
          `${summary.bySeverity.warning} warning, ${summary.bySeverity.info} info); fail-on is ${inputs.failOn}`,
      ),
    );
  }
  return code;
}
