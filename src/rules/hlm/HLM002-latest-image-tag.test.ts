import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './HLM002-latest-image-tag.js';

const chart = 'apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: "1.4.2"\n';
const deployment = (image: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: ${image}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'a pinned tag, and an empty tag that falls back to the chart appVersion',
      files: {
        'web/Chart.yaml': chart,
        'web/values.yaml': 'image:\n  repository: ghcr.io/shop/web\n  tag: ""\nsidecar:\n  image: busybox:1.37.0\n',
        'web/values-prod.yaml': 'image:\n  tag: "1.4.2"\n',
        'web/templates/deployment.yaml': deployment(
          '"{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"',
        ),
      },
    },
    {
      name: 'an empty tag the templates require, and a digest',
      files: {
        'web/Chart.yaml': chart,
        'web/values.yaml':
          'image:\n  repository: ghcr.io/shop/web\n  tag: ""\njob:\n  image:\n    repository: ghcr.io/shop/job\n    tag: latest\n    digest: sha256:0123\n',
        'web/templates/deployment.yaml': deployment('{{ required "image.tag is required" .Values.image.tag }}'),
      },
    },
  ],
  invalid: [
    {
      name: 'latest in values.yaml and in an environment file; an untagged image string',
      files: {
        'web/Chart.yaml': chart,
        'web/values.yaml':
          'image:\n  repository: ghcr.io/shop/web\n  tag: latest\nmigrations:\n  image: ghcr.io/shop/migrate\n',
        'web/values-staging.yaml': 'image:\n  tag: "latest"\n',
        'web/templates/deployment.yaml': deployment('"{{ .Values.image.repository }}:{{ .Values.image.tag }}"'),
      },
      errors: [
        {
          file: 'web/values-staging.yaml',
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 16,
          message: '`image.tag` is latest in values-staging.yaml.',
        },
        {
          file: 'web/values.yaml',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 14,
          message: '`image.tag` is latest in values.yaml.',
        },
        {
          file: 'web/values.yaml',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 30,
          message: '`migrations.image` is ghcr.io/shop/migrate (no tag: latest) in values.yaml.',
        },
      ],
    },
    {
      name: 'an empty tag the template defaults to latest, and a missing tag rendered without fallback',
      files: {
        'web/Chart.yaml': chart,
        'web/values.yaml':
          'image:\n  repository: ghcr.io/shop/web\n  tag: ""\nworker:\n  image:\n    repository: ghcr.io/shop/worker\n',
        'web/templates/deployment.yaml': deployment(
          '"{{ .Values.image.repository }}:{{ .Values.image.tag | default "latest" }}"',
        ),
        'web/templates/worker.yaml': deployment(
          '"{{ .Values.worker.image.repository }}:{{ .Values.worker.image.tag }}"',
        ),
      },
      errors: [
        {
          file: 'web/values.yaml',
          line: 3,
          column: 8,
          endLine: 3,
          endColumn: 10,
          message: '`image.tag` is empty in values.yaml and deployment.yaml defaults it to latest.',
        },
        {
          file: 'web/values.yaml',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 8,
          message:
            '`worker.image.tag` is empty in values.yaml and the templates render the image without a tag (latest).',
        },
      ],
    },
  ],
});
