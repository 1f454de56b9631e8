import { defineRule } from '../../core/rule.js';
import { type GhaExpression, githubWorkflow } from '../../models/github-actions.js';
import { unwrapCommand } from '../../parsers/shell.js';

const PRIVILEGED = new Set(['pull_request_target', 'workflow_run']);
/** Refs that name the pull request's (or triggering run's) head rather than the base. */
const HEAD_REFS = [
  /^github\.event\.pull_request\.head\.(sha|ref)$/,
  /^github\.head_ref$/,
  /^github\.event\.workflow_run\.head_(sha|branch)$/,
  /^github\.event\.(pull_request\.)?number$/,
];

export const rule = defineRule({
  id: 'GHA005',
  title: 'Do not check out pull request code in privileged workflows',
  severity: 'error',
  domain: 'cicd',
  kinds: ['github-workflow'],
  rationale:
    '`pull_request_target` and `workflow_run` run with the base repository’s secrets and a write token. ' +
    'Checking out the pull request’s head and building or testing it runs the attacker’s code with them ' +
    '("pwn request").',
  fix:
    'Use `on: pull_request` for anything that runs PR code; keep `pull_request_target` for labelling and ' +
    'commenting without checkout, or split into an unprivileged `pull_request` workflow plus a `workflow_run` ' +
    'one that only consumes its artifacts.',
  peers: ['zizmor:dangerous-triggers'],
  notes:
    'Fires in workflows triggered by `pull_request_target` or `workflow_run` on `actions/checkout` whose `ref:` ' +
    'reads `github.event.pull_request.head.sha|ref`, `github.head_ref`, `github.event.workflow_run.head_sha|head_branch` ' +
    'or the PR number (`refs/pull/N/merge`), and on `git checkout|switch|fetch` / `gh pr checkout` commands using them.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    const trigger = workflow?.triggers.find((t) => PRIVILEGED.has(t.event));
    if (!workflow || !trigger) return;
    const report = (e: GhaExpression, ref: string) =>
      ctx.report({
        range: e.range,
        message: `\`${trigger.event}\` workflow checks out untrusted head code (\`${ref}\`) with the base repository's secrets.`,
      });
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        if (step.uses?.name === 'actions/checkout') {
          for (const e of step.with.get('ref')?.expressions ?? []) {
            const ref = e.refs.find(isHeadRef);
            if (ref) report(e, ref);
          }
        }
        for (const cmd of step.run?.shell?.commands ?? []) {
          const { name, args } = unwrapCommand(cmd);
          const sub = args[0]?.value;
          const fetches =
            (name === 'git' && (sub === 'checkout' || sub === 'switch' || sub === 'fetch')) ||
            (name === 'gh' && sub === 'pr' && args[1]?.value === 'checkout');
          if (!fetches) continue;
          for (const e of step.run?.expressions ?? []) {
            const ref = e.start >= cmd.start && e.end <= cmd.end ? e.refs.find(isHeadRef) : undefined;
            if (ref) report(e, ref);
          }
        }
      }
    }
  },
});

function isHeadRef(ref: string): boolean {
  return HEAD_REFS.some((p) => p.test(ref));
}
