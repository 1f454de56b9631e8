import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GLC002-unpinned-job-image.js';

ruleTester(rule, {
  valid: [
    {
      name: 'versioned tags, digests and variables',
      files: {
        '.gitlab-ci.yml':
          'default:\n  image: node:20.18.1-bookworm\nbuild:\n  image: docker:27.3.1\n  services: [docker:27.3.1-dind]\n  script: [docker build .]\ntest:\n  image: python@sha256:4ad8d2e0d7e4b9bb4b4c8f0f5f3b9a0e5f6f9f2f7c1e5b7a0c9d8e7f6a5b4c3d2\n  script: [pytest]\nrelease:\n  image: $CI_REGISTRY_IMAGE/tools:$TOOLS_VERSION\n  script: [make release]\n',
      },
    },
  ],
  invalid: [
    {
      name: 'latest, untagged, docker:dind; a template image reported once where it is written',
      files: {
        '.gitlab-ci.yml':
          '.kube:\n  image: bitnami/kubectl\nbuild:\n  image: docker:latest\n  services:\n    - docker:dind\n  script: [docker build .]\ndeploy-a:\n  extends: .kube\n  script: [kubectl apply -f a]\ndeploy-b:\n  extends: .kube\n  script: [kubectl apply -f b]\n',
      },
      errors: [
        {
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 25,
          message: 'Job image `bitnami/kubectl` has no tag (it means `latest`).',
        },
        { line: 4, column: 10, endLine: 4, endColumn: 23, message: 'Job image `docker:latest` uses `latest`.' },
        {
          line: 6,
          column: 7,
          endLine: 6,
          endColumn: 18,
          message: 'Service image `docker:dind` uses the tag `dind`, which is not a version.',
        },
      ],
    },
    {
      name: 'default image without a version, in map form',
      files: { '.gitlab-ci.yml': 'default:\n  image:\n    name: node:lts-alpine\ntest:\n  script: [npm test]\n' },
      errors: [
        {
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 26,
          message: /^Job image `node:lts-alpine` uses the tag `lts-alpine`/,
        },
      ],
    },
  ],
});
