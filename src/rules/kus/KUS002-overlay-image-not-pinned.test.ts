import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './KUS002-overlay-image-not-pinned.js';

ruleTester(rule, {
  valid: [
    {
      name: 'version tags, digests, and a rename that keeps the manifest tag',
      files: {
        'overlays/prod/kustomization.yaml':
          'images:\n  - name: ghcr.io/shop/api\n    newTag: "1.4.2"\n  - name: ghcr.io/shop/web\n    digest: sha256:0f3c\n  - name: nginx\n    newName: mirror.example.com/nginx\n',
      },
    },
  ],
  invalid: [
    {
      name: 'latest, empty and missing tags',
      files: {
        'overlays/dev/kustomization.yaml':
          'images:\n  - name: ghcr.io/shop/api\n    newTag: latest\n  - name: ghcr.io/shop/web\n    newTag: ""\n  - name: ghcr.io/shop/worker\n',
      },
      errors: [
        { line: 3, column: 13, endLine: 3, endColumn: 19, message: '`images` sets ghcr.io/shop/api to newTag latest.' },
        {
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 15,
          message: '`images` sets ghcr.io/shop/web to an empty newTag (latest).',
        },
        {
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 30,
          message: '`images` entry for ghcr.io/shop/worker sets neither newTag nor digest.',
        },
      ],
    },
  ],
});
