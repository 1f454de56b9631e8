import { defineRule } from '../../core/rule.js';
import { type GitlabPipeline, gitlabPipelines } from '../../models/gitlab-ci.js';

const SCANNING_TEMPLATE = /(^|\/)(Security|Jobs)\/Container-Scanning(\.latest)?\.gitlab-ci\.yml$/;
const TRIVY_IMAGE = /(^|\/)trivy(:|@|$)/;

export const rule = defineRule({
  id: 'GLC001',
  title: 'Scan built images with Trivy',
  severity: 'error',
  domain: 'cicd',
  kinds: ['gitlab-ci'],
  scope: 'project',
  rationale:
    'An image built by the pipeline ships its base image’s and dependencies’ known CVEs unless something scans ' +
    'it before it is pushed or deployed.',
  fix:
    'Add a job running `trivy image --exit-code 1 --severity HIGH,CRITICAL $IMAGE` (image `aquasec/trivy:<version>`), ' +
    'or include the `Security/Container-Scanning.gitlab-ci.yml` template (it runs Trivy).',
  notes:
    'Image builds: `docker build`, `docker buildx build`, `podman build`, `buildah bud|build`, Kaniko ' +
    '(`/kaniko/executor`), `ko build`. Scans: a job running a `trivy image|fs|config|…` command, a job whose image ' +
    'is Trivy’s, or the Container-Scanning template (or component). The pipeline includes its local `include:` files.',
  check(project, ctx) {
    for (const pipeline of gitlabPipelines(project)) {
      const build = pipeline.jobs.flatMap((j) => j.activities).find((a) => a.category === 'image-build');
      if (!build || scans(pipeline)) continue;
      ctx.report({
        file: build.file,
        range: build.range,
        message: `\`${build.label}\` builds an image, but no Trivy job or Container-Scanning template is in this pipeline.`,
      });
    }
  },
});

function scans(pipeline: GitlabPipeline): boolean {
  return (
    pipeline.includes.some(
      (i) =>
        (i.kind === 'template' && SCANNING_TEMPLATE.test(i.value)) ||
        (i.kind === 'component' && /container-scanning/.test(i.value)),
    ) ||
    pipeline.jobs.some(
      (j) =>
        j.activities.some((a) => a.category === 'trivy') || (j.image !== undefined && TRIVY_IMAGE.test(j.image.value)),
    )
  );
}
