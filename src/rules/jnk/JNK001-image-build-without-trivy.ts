import { defineRule } from '../../core/rule.js';
import { jenkinsPipeline } from '../../models/jenkinsfile.js';

export const rule = defineRule({
  id: 'JNK001',
  title: 'Scan built images with Trivy',
  severity: 'error',
  domain: 'cicd',
  kinds: ['jenkinsfile'],
  rationale:
    'An image built by the pipeline ships its base image’s and dependencies’ known CVEs unless a scan stops it ' +
    'before it is pushed or deployed.',
  fix:
    "Add a stage that runs `sh 'trivy image --exit-code 1 --severity HIGH,CRITICAL $IMAGE'` (or `docker run " +
    'aquasec/trivy:<version> image …`) after the build and before the push.',
  notes:
    'Image builds: `sh` scripts running `docker build`, `docker buildx build`, `podman build`, `buildah bud`, ' +
    'Kaniko, `ko build`, and the Docker Pipeline step `docker.build(…)`. Scans: an `sh` script running a ' +
    '`trivy image|fs|config|…` command (directly or through `docker run aquasec/trivy`), or a stage named after Trivy.',
  check(file, ctx) {
    const pipeline = jenkinsPipeline(file);
    const activities = pipeline.steps.flatMap((s) => s.activities);
    const build = activities.find((a) => a.category === 'image-build');
    if (!build) return;
    if (activities.some((a) => a.category === 'trivy') || pipeline.stages.some((s) => /trivy/i.test(s.name))) return;
    ctx.report({ range: build.range, message: `\`${build.label}\` builds an image, but no Trivy stage or step runs.` });
  },
});
