import { defineRule } from '../../core/rule.js';
import { type GhaWorkflow, githubWorkflow, jobActivities } from '../../models/github-actions.js';
import { workflowActivities } from '../../models/github-jobs.js';

export const rule = defineRule({
  id: 'GHA001',
  title: 'Scan built images with Trivy',
  severity: 'error',
  domain: 'cicd',
  kinds: ['github-workflow'],
  scope: 'project',
  rationale:
    'An image built in CI ships its base image and dependencies with their known CVEs; a Trivy scan of the ' +
    'image (or of the filesystem it is built from) in the same workflow stops the push before it reaches a registry.',
  fix:
    'Add `aquasecurity/trivy-action` (pinned to a commit SHA) with `image-ref` set to the built image, or run ' +
    '`trivy image --exit-code 1 --severity HIGH,CRITICAL <image>`; upload the SARIF with `github/codeql-action/upload-sarif`.',
  notes:
    'Image builds: `docker build`, `docker buildx build|bake`, `podman build`, `buildah bud|build`, Kaniko, ' +
    '`ko build|publish|apply`, `docker/build-push-action`, `docker/bake-action`, `redhat-actions/buildah-build`. ' +
    'Trivy: `aquasecurity/trivy-action`, or a `trivy image|fs|config|repo|rootfs|k8s|sbom` command (also through ' +
    '`docker run aquasec/trivy`), in the workflow or in a local action or reusable workflow it calls. An ' +
    'image-building workflow without one is an error on its first build. When no workflow of the repository ' +
    '(the directory holding `.github/`) runs Trivy at all, each other workflow gets a warning on its first line.',
  check(project, ctx) {
    const byRoot = new Map<string, GhaWorkflow[]>();
    for (const file of project.ofKind('github-workflow')) {
      const workflow = githubWorkflow(file);
      if (!workflow) continue;
      const list = byRoot.get(workflow.root);
      if (list) list.push(workflow);
      else byRoot.set(workflow.root, [workflow]);
    }
    for (const workflows of byRoot.values()) {
      const scanned = new Set(
        workflows.filter((w) => workflowActivities(project, w).some((a) => a.category === 'trivy')),
      );
      for (const workflow of workflows) {
        const build = workflow.jobs.flatMap(jobActivities).find((a) => a.category === 'image-build');
        if (build && !scanned.has(workflow)) {
          ctx.report({
            file: workflow.file,
            range: build.range,
            message: `\`${build.label}\` builds an image, but no Trivy scan runs in this workflow.`,
          });
        } else if (!build && scanned.size === 0) {
          ctx.report({
            file: workflow.file,
            range: workflow.headRange,
            severity: 'warning',
            message: 'No workflow of this repository runs a Trivy scan (image, filesystem or config).',
          });
        }
      }
    }
  },
});
