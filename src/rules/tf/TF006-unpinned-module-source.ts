import { defineRule } from '../../core/rule.js';
import { terraformModel } from '../../models/terraform.js';

export const rule = defineRule({
  id: 'TF006',
  title: 'Pin module sources',
  severity: 'warning',
  domain: 'iac',
  kinds: ['terraform', 'terraform-json'],
  scope: 'project',
  rationale:
    'An unpinned module is whatever its default branch or latest release is at `terraform init` time: a ' +
    'plan can change with no change in this repository, and a compromised upstream ships straight to apply.',
  fix:
    'Pin git sources with `?ref=<tag or commit SHA>` (a commit SHA cannot be moved) and registry modules with ' +
    '`version = "x.y.z"` (or a `~>` constraint).',
  rollback: 'Pin `ref` / `version` to the last release that was applied, then `terraform init -upgrade` and plan.',
  peers: ['checkov:CKV_TF_1', 'checkov:CKV_TF_2', 'kics:generic_git_module_without_revision'],
  notes:
    'Git sources: `git::…`, `git@…`, `github.com/…`, `bitbucket.org/…`, `gitlab.com/…`. Registry sources: ' +
    '`<namespace>/<name>/<provider>` with an optional host. Local paths and archive URLs are not reported.',
  check(project, ctx) {
    for (const module of terraformModel(project).modules) {
      for (const call of module.moduleCalls) {
        if (!call.source) continue;
        const source = call.source.value;
        if (isGitSource(source)) {
          if (/[?&]ref=[^&]+/.test(source)) continue;
          ctx.report({
            file: call.file,
            range: call.source.range,
            message: `Module \`${call.name}\` uses a git source without \`?ref=\`.`,
          });
        } else if (isRegistrySource(source) && (call.version === undefined || call.version.value === '')) {
          ctx.report({
            file: call.file,
            range: call.version?.range ?? call.source.range,
            message: `Module \`${call.name}\` uses registry source \`${source}\` without a \`version\`.`,
          });
        }
      }
    }
  },
});

function isGitSource(source: string): boolean {
  return /^(git::|git@|(https:\/\/)?(github\.com|bitbucket\.org|gitlab\.com)\/)/i.test(source);
}

/** `namespace/name/provider`, optionally behind a registry host, optionally with a `//subdir`. */
function isRegistrySource(source: string): boolean {
  if (/^[a-z0-9+]+::/i.test(source) || /^[a-z]+:\/\//i.test(source)) return false;
  return /^([a-z0-9-]+(\.[a-z0-9-]+)+\/)?[\w-]+\/[\w-]+\/[\w-]+(\/\/.*)?$/i.test(source);
}
