import { defineRule } from '../../core/rule.js';
import type { Severity } from '../../core/types.js';
import { type GhaActionRef, githubWorkflow } from '../../models/github-actions.js';

const FULL_SHA = /^[0-9a-f]{40}$/i;
const MOVING = /^(main|master|latest|head|develop|dev|trunk)$/i;

export const rule = defineRule({
  id: 'GHA002',
  title: 'Pin third-party actions to a commit SHA',
  severity: 'warning',
  domain: 'cicd',
  kinds: ['github-workflow', 'github-action'],
  rationale:
    'A tag or branch can be moved to new code at any time (as in the tj-actions/changed-files compromise); the ' +
    'action then runs with the job’s token and secrets. A full commit SHA is immutable.',
  fix:
    'Pin to the full 40-character commit SHA and keep the version as a comment: ' +
    '`uses: owner/action@<sha> # v1.2.3`; let Dependabot or Renovate update it.',
  peers: ['zizmor:unpinned-uses', 'kics:unpinned_actions_full_length_commit_sha'],
  notes:
    'Error for a branch (`@main`, `@master`, `@latest`) or no ref at all; warning for a tag or an abbreviated SHA; ' +
    'info for first-party `actions/*` pinned to a tag. Local actions (`./…`) and `docker://…@sha256:…` are fine; ' +
    '`docker://image:tag` is a warning and `docker://image` or `:latest` an error. Reusable workflows called ' +
    'with `jobs.<id>.uses` are checked the same way.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow) return;
    for (const job of workflow.jobs) {
      for (const ref of [job.uses, ...job.steps.map((s) => s.uses)]) {
        const problem = ref ? pinningProblem(ref) : undefined;
        if (ref && problem) ctx.report({ range: ref.range, message: problem.message, severity: problem.severity });
      }
    }
  },
});

function pinningProblem(ref: GhaActionRef): { message: string; severity: Severity } | undefined {
  if (ref.kind === 'local') return undefined;
  if (ref.kind === 'docker') {
    if (ref.digest !== undefined) return undefined;
    if (ref.ref === undefined || ref.ref === 'latest') {
      return { severity: 'error', message: `\`${ref.raw}\` runs whatever image the tag points to; pin it by digest.` };
    }
    return { severity: 'warning', message: `\`${ref.raw}\` is pinned to a tag, not a digest (\`@sha256:…\`).` };
  }
  if (ref.ref === undefined || ref.ref === '') {
    return { severity: 'error', message: `\`${ref.raw}\` has no ref; pin it to a full commit SHA.` };
  }
  if (FULL_SHA.test(ref.ref)) return undefined;
  if (MOVING.test(ref.ref)) {
    return { severity: 'error', message: `\`${ref.raw}\` follows a branch; pin it to a full commit SHA.` };
  }
  if (/^[0-9a-f]{7,39}$/i.test(ref.ref)) {
    return { severity: 'warning', message: `\`${ref.raw}\` uses an abbreviated SHA; pin the full 40-character SHA.` };
  }
  if (ref.name.startsWith('actions/')) {
    return { severity: 'info', message: `\`${ref.raw}\` is pinned to a tag; pin the commit SHA (tags can move).` };
  }
  return { severity: 'warning', message: `\`${ref.raw}\` is pinned to a tag, which can be moved; pin the commit SHA.` };
}
