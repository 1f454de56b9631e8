import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GLC001-image-build-without-trivy.js';

const BUILD =
  'build:\n  stage: build\n  image: docker:27.3.1\n  script:\n    - docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA" .\n';

ruleTester(rule, {
  valid: [
    {
      name: 'a Trivy job scans the built image',
      files: {
        '.gitlab-ci.yml': `stages: [build, test]\n${BUILD}scan:\n  stage: test\n  image:\n    name: aquasec/trivy:0.57.1\n    entrypoint: [""]\n  script:\n    - trivy image --exit-code 1 "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHA"\n`,
      },
    },
    {
      name: 'the Container-Scanning template runs Trivy',
      files: { '.gitlab-ci.yml': `include:\n  - template: Jobs/Container-Scanning.gitlab-ci.yml\n${BUILD}` },
    },
    {
      name: 'the scan job comes from a local include',
      files: {
        '.gitlab-ci.yml': `include: /ci/scan.yml\n${BUILD}`,
        'ci/scan.yml': 'scan:\n  stage: test\n  script:\n    - trivy image app:1\n',
      },
    },
  ],
  invalid: [
    {
      name: 'docker build with no scan',
      files: { '.gitlab-ci.yml': BUILD },
      errors: [
        {
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 60,
          message:
            '`docker build` builds an image, but no Trivy job or Container-Scanning template is in this pipeline.',
        },
      ],
    },
    {
      name: 'kaniko build defined in an included file is reported there; a SAST template is not a scan',
      files: {
        '.gitlab-ci.yml': 'include:\n  - local: ci/build.yml\n  - template: Security/SAST.gitlab-ci.yml\n',
        'ci/build.yml':
          'build:\n  image:\n    name: gcr.io/kaniko-project/executor:v1.23.2-debug\n    entrypoint: [""]\n  script:\n    - /kaniko/executor --context . --destination "$CI_REGISTRY_IMAGE:$CI_COMMIT_TAG"\n',
      },
      errors: [
        { file: 'ci/build.yml', line: 6, column: 7, endLine: 6, endColumn: 85, message: /^`kaniko` builds an image/ },
      ],
    },
  ],
});
