/**
 * Project-level questions about GitHub Actions workflows: what a local `uses:` points to, what a workflow
 * does including the local actions and reusable workflows it calls, and why a deploy job is production.
 */
import { posix } from 'node:path';
import type { Project } from '../core/project.js';
import {
  type GhaActionRef,
  type GhaActivity,
  type GhaJob,
  type GhaWorkflow,
  githubWorkflow,
  jobActivities,
} from './github-actions.js';

/**
 * The workflow or composite action a local reference points to (`./.github/workflows/scan.yml`,
 * `./.github/actions/build`), resolved from the repository root; undefined when it is not in the tree.
 */
export function resolveLocal(project: Project, workflow: GhaWorkflow, ref: GhaActionRef): GhaWorkflow | undefined {
  if (ref.kind !== 'local') return undefined;
  const path = posix.normalize(`${workflow.root}${ref.name.replace(/@.*$/, '')}`).replace(/\/$/, '');
  const candidates = /\.ya?ml$/.test(path) ? [path] : [`${path}/action.yml`, `${path}/action.yaml`];
  for (const candidate of candidates) {
    const file = project.get(candidate);
    if (file && (file.kind === 'github-workflow' || file.kind === 'github-action')) return githubWorkflow(file);
  }
  return undefined;
}

/** Activities of a workflow's jobs, plus those of the local actions and reusable workflows it calls. */
export function workflowActivities(project: Project, workflow: GhaWorkflow, seen = new Set<string>()): GhaActivity[] {
  if (seen.has(workflow.file.path)) return [];
  seen.add(workflow.file.path);
  const out: GhaActivity[] = [];
  for (const job of workflow.jobs) {
    const refs = [job.uses, ...job.steps.map((s) => s.uses)];
    out.push(...jobActivities(job));
    for (const ref of refs) {
      const local = ref ? resolveLocal(project, workflow, ref) : undefined;
      if (local) out.push(...workflowActivities(project, local, seen));
    }
  }
  return out;
}

const DEFAULT_BRANCH = /^(main|master)$/;

/** Display names (`Deploy prod`) as the production pattern expects names: words joined by `-`. */
export function asName(display: string): string {
  return display.trim().replace(/\s+/g, '-');
}
const REF_ON_MAIN_OR_TAGS = /refs\/heads\/(main|master)\b|refs\/tags\/|startsWith\(\s*github\.ref\s*,\s*'refs\/tags/;

/**
 * Why a deploy job counts as production (for messages), or undefined: its id or name, a deploy target,
 * the file or workflow name matches the production pattern, or it runs on the default branch or on tags.
 */
export function prodReason(
  workflow: GhaWorkflow,
  job: GhaJob,
  isProd: (...names: (string | undefined)[]) => boolean,
): string | undefined {
  if (isProd(job.id)) return `job \`${job.id}\``;
  if (job.name && isProd(asName(job.name.value))) return `job name \`${job.name.value}\``;
  for (const a of jobActivities(job)) {
    if (a.category !== 'deploy') continue;
    const target = a.targets.find((t) => isProd(t));
    if (target !== undefined) return `\`${a.label}\` targets \`${target}\``;
  }
  if (isProd(workflow.file.path)) return `file \`${workflow.file.path}\``;
  if (workflow.name && isProd(asName(workflow.name.value))) return `workflow \`${workflow.name.value}\``;
  if (job.if && REF_ON_MAIN_OR_TAGS.test(job.if.value)) return 'it runs on the default branch or tags';
  for (const t of workflow.triggers) {
    if (t.event === 'release') return 'it runs on releases';
    if (t.event !== 'push') continue;
    if (t.tags !== undefined && t.tags.length > 0) return 'it runs on tag pushes';
    if (t.branches === undefined) return 'it runs on every push, including the default branch';
    if (t.branches.some((b) => DEFAULT_BRANCH.test(b) || b === '**' || b === '*')) return 'it runs on pushes to main';
  }
  return undefined;
}
