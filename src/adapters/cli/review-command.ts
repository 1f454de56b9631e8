import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { Baseline } from '../../config/baseline.js';
import { type Config, defaultConfig, findConfigFile, loadConfig } from '../../config/config.js';
import { severityRank } from '../../core/engine.js';
import { ruleFamily } from '../../core/rule.js';
import type { Severity } from '../../core/types.js';
import { RENDER_FORMATS, renderChunks } from '../../report/index.js';
import { type ReviewResult, review } from '../../review.js';
import { RULES } from '../../rules/registry.js';
import { VERSION } from '../../version.js';
import { type CliIO, oneOf, parse, UsageError, writeAtomic, writeStdout } from './io.js';
import { USAGE } from './usage.js';

export { writeAtomic } from './io.js';

const FORMATS = RENDER_FORMATS;
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;

export async function reviewCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string', short: 'f' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string' },
    config: { type: 'string', short: 'c' },
    baseline: { type: 'string' },
    'write-baseline': { type: 'string' },
    only: { type: 'string' },
    skip: { type: 'string' },
    'changed-since': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const format = oneOf(values.format ?? 'text', FORMATS, '--format');
  const failOn = oneOf(values['fail-on'] ?? 'error', FAIL_ON, '--fail-on');
  const paths = (positionals.length > 0 ? positionals : ['.']).map((p) => resolve(io.cwd, p));
  for (const p of paths) if (!existsSync(p)) throw new UsageError(`no such file or directory: ${p}`);
  const root = reviewRoot(io.cwd, paths);
  const knownIds = new Set(RULES.map((r) => r.id));
  const only = ruleList(values.only, knownIds, '--only');
  const skip = ruleList(values.skip, knownIds, '--skip');

  const configPath = values.config ? resolve(io.cwd, values.config) : findConfigFile(paths[0] as string);
  const config: Config = configPath ? loadConfig(configPath, knownIds) : defaultConfig();
  const baseline = values.baseline ? Baseline.load(resolve(io.cwd, values.baseline)) : undefined;
  const restrictTo = values['changed-since'] ? changedFiles(root, values['changed-since']) : undefined;

  const result = review({
    paths,
    root,
    config,
    ...(only ? { only } : {}),
    ...(skip ? { skip } : {}),
    ...(baseline ? { baseline } : {}),
    ...(restrictTo ? { restrictTo } : {}),
    ...(io.stderrIsTTY ? { onProgress: progressLine(io) } : {}),
    onRuleError: (rule, file, error) =>
      io.stderr(
        `proagent-devops: internal error in ${rule.id}${file ? ` on ${file}` : ''}: ${(error as Error).message}\n`,
      ),
  });

  if (io.stderrIsTTY) io.stderr('\r\x1b[K');

  if (values['write-baseline']) {
    const target = resolve(io.cwd, values['write-baseline']);
    const n = Baseline.write(target, result.findings);
    io.stderr(`proagent-devops: wrote ${n} findings to baseline ${relative(io.cwd, target) || target}\n`);
  }

  // Written as it is rendered: a large repository's JSON or SARIF is tens of MB that need not be held whole.
  const report = renderChunks(format, result, {
    rules: RULES,
    toolVersion: VERSION,
    color: format === 'text' && !values.output && io.isTTY && !io.env.NO_COLOR,
  });
  if (values.output) writeAtomic(resolve(io.cwd, values.output), report);
  else await writeStdout(io, report);
  return exitCode(result, failOn);
}

/** Paths are reported relative to cwd when the targets are inside it, else to the (first) target. */
function reviewRoot(cwd: string, paths: readonly string[]): string {
  const inside = paths.every((p) => {
    const rel = relative(cwd, p);
    return !rel.startsWith('..') && !isAbsolute(rel);
  });
  if (inside) return cwd;
  const first = paths[0] as string;
  return statSync(first).isDirectory() ? first : dirname(first);
}

/** Progress on stderr (TTY only), shown once a run has taken more than a second, throttled. */
function progressLine(io: CliIO): (message: string) => void {
  const started = Date.now();
  let last = 0;
  return (message) => {
    const now = Date.now();
    if (now - started < 1000 || now - last < 100) return;
    last = now;
    io.stderr(`\r\x1b[Kproagent-devops: ${message}`);
  };
}

export function exitCode(result: ReviewResult, failOn: Severity | 'never'): number {
  if (failOn === 'never') return 0;
  const threshold = severityRank(failOn);
  return result.findings.some((f) => !f.suppressed && severityRank(f.severity) <= threshold) ? 1 : 0;
}

/** `--only`/`--skip`: rule IDs or whole families (`DKR,K8S001`), validated against the registry. */
function ruleList(raw: string | undefined, known: ReadonlySet<string>, flag: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const tokens = raw
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const token of tokens) {
    const family = /^[A-Z][A-Z0-9]*[A-Z]$/.test(token) ? [...known].filter((id) => ruleFamily(id) === token) : [];
    if (known.has(token)) ids.push(token);
    else if (family.length > 0) ids.push(...family);
    else unknown.push(token);
  }
  if (unknown.length > 0) throw new UsageError(`${flag}: unknown rule or family ${unknown.join(', ')}`);
  return ids;
}

/** Files changed versus a git ref (committed, staged, unstaged and untracked), relative to `root`. */
function changedFiles(root: string, ref: string): Set<string> {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const stderr = String((error as { stderr?: string }).stderr ?? '').split('\n')[0];
      throw new UsageError(`--changed-since ${ref}: ${stderr || (error as Error).message}`);
    }
  };
  git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  const changed = git('diff', '--name-only', '--relative', '--no-renames', ref, '--');
  const untracked = git('ls-files', '--others', '--exclude-standard');
  return new Set(
    `${changed}\n${untracked}`
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
}
