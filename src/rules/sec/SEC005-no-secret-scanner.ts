import { defineRule } from '../../core/rule.js';
import type { FileKind } from '../../core/types.js';
import { repoSecretScanning } from '../../secrets/scanners.js';

const CI_KINDS: FileKind[] = ['github-workflow', 'gitlab-ci', 'jenkinsfile'];

export const rule = defineRule({
  id: 'SEC005',
  title: 'CI runs no secret scanner',
  severity: 'warning',
  domain: 'secrets',
  kinds: CI_KINDS,
  scope: 'project',
  rationale:
    'Review misses credentials: a scanner in CI fails the build on the commit that adds one, before it ' +
    'reaches the default branch, and keeps catching new token formats as the tools update.',
  fix:
    'Add a secret-scanning step to CI: `gitleaks/gitleaks-action`, `trufflesecurity/trufflehog`, ' +
    '`trivy fs --scanners secret .`, or the GitLab `Security/Secret-Detection.gitlab-ci.yml` template; ' +
    'enable GitHub secret scanning with push protection where available.',
  notes:
    'Repo-level: reported once per CI file (GitHub workflow, GitLab CI, Jenkinsfile) on its first line, and ' +
    'only when none of them runs a scanner. Recognised: gitleaks, trufflehog, secretlint, detect-secrets, ' +
    'ggshield, Nosey Parker, GitLab Secret Detection, trivy `fs`/`repo`/`rootfs` with default scanners or any ' +
    'trivy command or `aquasecurity/trivy-action` with `secret` among its scanners, `pre-commit run` when ' +
    '`.pre-commit-config.yaml` has one of those hooks, and a `.github/secret_scanning.yml`. Comments do not count.',
  check(project, ctx) {
    const ciFiles = project.files.filter((f) => CI_KINDS.includes(f.kind));
    if (ciFiles.length === 0 || repoSecretScanning(project, ciFiles) !== undefined) return;
    for (const file of ciFiles) {
      ctx.report({
        file,
        range: file.lineRange(1),
        message: `No secret scanner runs in CI (checked ${ciFiles.length} CI file${ciFiles.length === 1 ? '' : 's'}); add gitleaks, trufflehog or trivy with the secret scanner.`,
      });
    }
  },
});
