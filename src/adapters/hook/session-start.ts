/**
 * SessionStart: a compact posture summary of the project (stacks found, error counts by domain, the most
 * frequent errors) injected into Claude's context, so that the agent starts knowing where the risks are.
 * Cached in the plugin data directory, keyed by the project's file stamps (path, size, mtime); skipped on
 * repositories too large to review within the hook's budget.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FileKind, Finding } from '../../core/types.js';
import { loadProject, review } from '../../review.js';
import { VERSION } from '../../version.js';
import type { HookInput, HookOutput } from './protocol.js';
import { loadReviewConfig, walkProject } from './review-scope.js';
import { dataDir, type HookEnv, keyFileName, projectDir, readState, writeState } from './state.js';

/** Larger projects get no summary at session start (about two seconds of review at 1,000 files/s). */
export const SESSION_MAX_FILES = 2_000;
/** Session state older than this is removed at session start. */
const SESSION_STATE_TTL_MS = 14 * 24 * 3600 * 1000;

const STACKS: Partial<Record<FileKind, string>> = {
  dockerfile: 'Dockerfile',
  compose: 'Docker Compose',
  k8s: 'Kubernetes',
  'helm-chart': 'Helm',
  kustomization: 'Kustomize',
  terraform: 'Terraform',
  'terraform-json': 'Terraform',
  'github-workflow': 'GitHub Actions',
  'github-action': 'GitHub Actions',
  'gitlab-ci': 'GitLab CI',
  jenkinsfile: 'Jenkins',
  'prometheus-rules': 'Prometheus',
  'prometheus-config': 'Prometheus',
  'alertmanager-config': 'Alertmanager',
  'grafana-dashboard': 'Grafana',
};

/** Stacks with their file counts, in a stable order: "Dockerfile ×2, Kubernetes ×5". */
export function stacksText(kinds: readonly FileKind[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) {
    const stack = STACKS[kind];
    if (stack) counts.set(stack, (counts.get(stack) ?? 0) + 1);
  }
  return [...counts].map(([stack, n]) => `${stack} ×${n}`).join(', ');
}

export function postureSummary(name: string, kinds: readonly FileKind[], findings: readonly Finding[]): string {
  const stacks = stacksText(kinds);
  if (stacks === '') return '';
  const open = findings.filter((f) => !f.suppressed);
  const errors = open.filter((f) => f.severity === 'error');
  const tally = (keyOf: (f: Finding) => string) => {
    const m = new Map<string, number>();
    for (const f of errors) m.set(keyOf(f), (m.get(keyOf(f)) ?? 0) + 1);
    return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };
  const warnings = open.filter((f) => f.severity === 'warning').length;
  const lines = [`proagent-devops posture of ${name}: ${stacks}.`];
  if (errors.length === 0) {
    lines.push(`No error findings (${warnings} warnings).`);
  } else {
    const byDomain = tally((f) => f.domain).map(([d, n]) => `${d} ${n}`);
    const top = tally((f) => f.ruleId)
      .slice(0, 5)
      .map(([id, n]) => `${id} ×${n}`);
    lines.push(`Errors by domain: ${byDomain.join(', ')} (${errors.length} errors, ${warnings} warnings).`);
    lines.push(`Most frequent errors: ${top.join(', ')}.`);
  }
  lines.push(
    'Review artifacts before changing them (/proagent-devops:proagent-devops-review [path]); shell commands are checked by the command guard, and edited artifacts are reviewed as they are written.',
  );
  return lines.join('\n');
}

interface PostureCache {
  key: string;
  summary: string;
}

function removeStaleSessions(env: HookEnv): void {
  const dir = join(dataDir(env), 'sessions');
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  const cutoff = Date.now() - SESSION_STATE_TTL_MS;
  for (const name of names) {
    try {
      if (statSync(join(dir, name)).mtimeMs < cutoff) rmSync(join(dir, name), { recursive: true, force: true });
    } catch {
      // removed by another session meanwhile
    }
  }
}

export function sessionStart(input: HookInput, env: HookEnv): HookOutput {
  removeStaleSessions(env);
  const root = projectDir(input, env);
  const walk = walkProject(root, SESSION_MAX_FILES, true);
  if (walk.capped) {
    return {
      hookSpecificOutput: {
        hookEventName: 'SessionStart',
        additionalContext: `proagent-devops: ${basename(root)} has more than ${SESSION_MAX_FILES} files, so no posture summary was computed at session start. Use /proagent-devops:proagent-devops-hub or review a subdirectory (/proagent-devops:proagent-devops-review <path>).`,
      },
    };
  }
  const key = createHash('sha256')
    .update(`${VERSION}\n${root}\n${walk.stamps.join('\n')}`)
    .digest('hex');
  const cachePath = join(dataDir(env), 'posture', `${keyFileName(root)}.json`);
  const cached = readState<PostureCache>(cachePath);
  let summary: string;
  let warning: string | undefined;
  if (cached?.key === key && typeof cached.summary === 'string') {
    summary = cached.summary;
  } else {
    const reviewConfig = loadReviewConfig(root);
    warning = reviewConfig.warning;
    const { config } = reviewConfig;
    const kinds = loadProject({ paths: [root], root, config }).files.map((f) => f.kind);
    const result = review({ paths: [root], root, config });
    summary = postureSummary(basename(root), kinds, result.findings);
    writeState(cachePath, { key, summary } satisfies PostureCache);
  }
  return {
    ...(warning ? { systemMessage: `proagent-devops: ${warning}` } : {}),
    ...(summary === ''
      ? {}
      : { hookSpecificOutput: { hookEventName: 'SessionStart' as const, additionalContext: summary } }),
  };
}
