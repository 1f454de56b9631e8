import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, posix } from 'node:path';
import type { Finding } from '../core/types.js';
import { reviewSources } from '../review.js';
import { classify } from '../workspace/classify.js';
import type { GeneratedFiles } from './types.js';

/** One run of an external validator over generated files. */
export interface ExternalCheck {
  tool: string;
  /** The command line as a user would type it (paths relative to the output directory). */
  command: string;
  status: 'passed' | 'failed' | 'skipped';
  /** Why it was skipped, or the validator's own output when it failed (trimmed). */
  detail?: string;
}

export interface Validation {
  /** Unsuppressed findings of the whole catalog: any one refuses the write. */
  findings: Finding[];
  /** Findings suppressed by a marker the recipe wrote on purpose (each carries its reason). */
  suppressed: Finding[];
  checks: ExternalCheck[];
  ok: boolean;
}

/** Debian/Ubuntu package that provides each validator (the hint printed when one is missing). */
const PACKAGES: Record<string, string> = {
  promtool: 'prometheus',
  amtool: 'prometheus-alertmanager',
  yamllint: 'yamllint',
  kubectl: 'kubectl',
  terraform: 'terraform',
};

const MAX_DETAIL = 1500;
const TIMEOUT_MS = 60_000;

/** Absolute path of an executable on PATH, or undefined. */
export function findExecutable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

interface PlannedCheck {
  tool: string;
  args: string[];
  /** Decides pass/fail from the exit status and output (default: exit 0). */
  judge?: (status: number | null, output: string) => boolean;
}

const isYaml = (p: string) => /\.ya?ml$/i.test(p);

/** Which validators apply to these files, by file kind (as the review classifies them). */
export function plannedChecks(files: GeneratedFiles): PlannedCheck[] {
  const paths = Object.keys(files).sort();
  const chartDirs = new Set(paths.filter((p) => posix.basename(p) === 'Chart.yaml').map((p) => posix.dirname(p)));
  const normalised = new Set([...chartDirs].map((d) => (d === '.' ? '' : d)));
  const kind = (p: string) => classify(p, files[p] as string, normalised);
  const checks: PlannedCheck[] = [];
  const rules = paths.filter((p) => kind(p) === 'prometheus-rules' && !/^kind:\s*PrometheusRule/m.test(files[p] ?? ''));
  if (rules.length > 0) checks.push({ tool: 'promtool', args: ['check', 'rules', ...rules] });
  for (const p of paths.filter((x) => kind(x) === 'prometheus-config')) {
    checks.push({ tool: 'promtool', args: ['check', 'config', p] });
  }
  for (const p of paths.filter((x) => kind(x) === 'alertmanager-config')) {
    checks.push({ tool: 'amtool', args: ['check-config', p] });
  }
  // Helm templates are Go templates, not YAML, until rendered.
  const yaml = paths.filter((p) => isYaml(p) && kind(p) !== 'helm-template');
  if (yaml.length > 0) {
    checks.push({
      tool: 'yamllint',
      args: ['-d', 'relaxed', '-f', 'parsable', ...yaml],
      // relaxed reports style as warnings; only errors make the YAML unusable.
      judge: (status, output) => status === 0 && !/\[error\]/.test(output),
    });
  }
  for (const p of paths.filter((x) => /(^|\/)kustomization\.ya?ml$/.test(x))) {
    checks.push({ tool: 'kubectl', args: ['kustomize', posix.dirname(p)] });
  }
  if (paths.some((p) => p.endsWith('.tf'))) {
    checks.push({ tool: 'terraform', args: ['fmt', '-check', '-diff', '-recursive', '.'] });
  }
  return checks;
}

function materialise(files: GeneratedFiles): string {
  const dir = mkdtempSync(join(tmpdir(), 'proagent-devops-run-'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return dir;
}

/** Runs the external validators that apply; a missing binary is reported as skipped, never as a pass. */
export function runExternalChecks(files: GeneratedFiles, env: NodeJS.ProcessEnv = process.env): ExternalCheck[] {
  const planned = plannedChecks(files);
  if (planned.length === 0) return [];
  const results: ExternalCheck[] = [];
  let dir: string | undefined;
  try {
    for (const check of planned) {
      const command = [check.tool, ...check.args].join(' ');
      const exe = findExecutable(check.tool, env);
      if (!exe) {
        results.push({
          tool: check.tool,
          command,
          status: 'skipped',
          detail: `${check.tool} is not installed here (apt-get install ${PACKAGES[check.tool] ?? check.tool})`,
        });
        continue;
      }
      dir ??= materialise(files);
      const run = spawnSync(exe, check.args, {
        cwd: dir,
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
        env: { ...env, TF_IN_AUTOMATION: '1', NO_COLOR: '1' },
      });
      const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
      const ok = run.error === undefined && (check.judge ? check.judge(run.status, output) : run.status === 0);
      const result: ExternalCheck = { tool: check.tool, command, status: ok ? 'passed' : 'failed' };
      if (!ok) {
        // yamllint's style warnings would bury the one error that matters.
        const errors = output.split('\n').filter((l) => check.tool !== 'yamllint' || l.includes('[error]'));
        const why = run.error ? run.error.message : errors.join('\n');
        result.detail = why.length > MAX_DETAIL ? `${why.slice(0, MAX_DETAIL)}…` : why;
      }
      results.push(result);
    }
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** Reviews generated files in memory with the whole catalog, then runs the external validators. */
export function validateGenerated(files: GeneratedFiles, env: NodeJS.ProcessEnv = process.env): Validation {
  const all = reviewSources(files);
  const findings = all.filter((f) => !f.suppressed);
  const suppressed = all.filter((f) => f.suppressed);
  const checks = runExternalChecks(files, env);
  return { findings, suppressed, checks, ok: findings.length === 0 && checks.every((c) => c.status !== 'failed') };
}
