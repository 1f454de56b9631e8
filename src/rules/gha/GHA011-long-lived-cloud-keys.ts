import { defineRule } from '../../core/rule.js';
import { type GhaExpression, type GhaText, githubWorkflow } from '../../models/github-actions.js';

const AWS = /^(?:\w+_)?AWS_(?:ACCESS_KEY_ID|SECRET_ACCESS_KEY)$/i;
const GCP =
  /^(?:\w+_)?(?:GOOGLE_(?:APPLICATION_)?CREDENTIALS(?:_JSON)?|GCP_(?:SA_KEY|SA_JSON|CREDENTIALS|SERVICE_ACCOUNT_KEY)|GCLOUD_SERVICE_KEY)$/i;
/** Action inputs that only take long-lived keys. */
const KEY_INPUTS: Record<string, { input: string; cloud: string }> = {
  'aws-actions/configure-aws-credentials': { input: 'aws-access-key-id', cloud: 'AWS' },
  'google-github-actions/auth': { input: 'credentials_json', cloud: 'GCP' },
};

export const rule = defineRule({
  id: 'GHA011',
  title: 'Use OIDC instead of long-lived cloud keys',
  severity: 'info',
  domain: 'cicd',
  kinds: ['github-workflow', 'github-action'],
  rationale:
    'Static access keys stored as secrets never expire, work from anywhere, and leak through logs, forks and ' +
    'compromised actions. GitHub’s OIDC token gives each run short-lived credentials scoped to the repository.',
  fix:
    'Grant `permissions: id-token: write` and use `aws-actions/configure-aws-credentials` with `role-to-assume` ' +
    '(AWS) or `google-github-actions/auth` with `workload_identity_provider` (GCP); then delete the stored keys.',
  notes:
    'Fires on `${{ secrets.* }}` named `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` (any prefix), ' +
    '`GOOGLE_CREDENTIALS`, `GOOGLE_APPLICATION_CREDENTIALS(_JSON)`, `GCP_SA_KEY`, `GCP_CREDENTIALS`, ' +
    '`GCLOUD_SERVICE_KEY`, and on the `aws-access-key-id` input of `aws-actions/configure-aws-credentials` and ' +
    'the `credentials_json` input of `google-github-actions/auth`. One finding per cloud per `env:`/step.',
  check(file, ctx) {
    const workflow = githubWorkflow(file);
    if (!workflow) return;
    const reported = new Set<number>();
    /** Reports the first long-lived key of each cloud among a group of values (an env block, a step). */
    const scanGroup = (texts: (GhaText | undefined)[], keyInput?: { text: GhaText; input: string; cloud: string }) => {
      const seen = new Set<string>();
      const hit = (cloud: string, at: Pick<GhaExpression, 'start' | 'range'>, what: string) => {
        if (seen.has(cloud) || reported.has(at.start)) return;
        seen.add(cloud);
        reported.add(at.start);
        ctx.report({
          range: at.range,
          message: `${what} is a long-lived ${cloud} key; use OIDC short-lived credentials.`,
        });
      };
      for (const text of texts) {
        for (const e of text?.expressions ?? []) {
          for (const ref of e.refs) {
            const name = ref.startsWith('secrets.') ? ref.slice('secrets.'.length) : undefined;
            if (name !== undefined && AWS.test(name)) hit('AWS', e, `\`${ref}\``);
            else if (name !== undefined && GCP.test(name)) hit('GCP', e, `\`${ref}\``);
          }
        }
      }
      if (keyInput) hit(keyInput.cloud, keyInput.text, `The \`${keyInput.input}\` input`);
    };
    scanGroup(workflow.env.map((e) => e.value));
    for (const job of workflow.jobs) {
      scanGroup(job.env.map((e) => e.value));
      for (const step of job.steps) {
        const key = step.uses ? KEY_INPUTS[step.uses.name] : undefined;
        const text = key ? step.with.get(key.input) : undefined;
        scanGroup(
          [...step.env.map((e) => e.value), ...step.with.values(), step.run],
          key && text ? { ...key, text } : undefined,
        );
      }
    }
  },
});
