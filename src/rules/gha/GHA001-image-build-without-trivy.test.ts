// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold GitHub `${{ }}` expressions, not JS templates
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './GHA001-image-build-without-trivy.js';

const wf = (name: string, steps: string) =>
  `name: ${name}\non: push\njobs:\n  main:\n    runs-on: ubuntu-24.04\n    steps:\n${steps}`;
const BUILD = wf('build', '      - run: docker build -t shop/api:${{ github.sha }} api\n');
const BUILD_PUSH_ACTION = wf(
  'release',
  '      - uses: docker/build-push-action@4f58ea79222b3b9dc2c8bbdd6debcef730109a75 # v6.9.0\n        with: { context: web }\n',
);
const TRIVY_ACTION =
  '      - uses: aquasecurity/trivy-action@915b19bbe73b92a6cf82a1bc12b087c9a19a5fe2 # 0.28.0\n        with: { image-ref: "shop/web:1" }\n';
const LINT = wf('lint', '      - run: npm ci && npm run lint\n');
const SCAN = wf('scan', '      - run: trivy fs --exit-code 1 .\n');

ruleTester(rule, {
  valid: [
    {
      name: 'image built and scanned with trivy-action in the same workflow',
      files: { '.github/workflows/release.yml': `${BUILD_PUSH_ACTION}${TRIVY_ACTION}` },
    },
    {
      name: 'trivy through docker run after a docker build',
      files: {
        '.github/workflows/build.yml': wf(
          'build',
          '      - run: |\n          docker build -t app:1 .\n          docker run --rm aquasec/trivy:0.57.1 image --exit-code 1 app:1\n',
        ),
      },
    },
    {
      name: 'the scan lives in a local reusable workflow the build workflow calls',
      files: {
        '.github/workflows/build.yml': `${BUILD}  scan:\n    uses: ./.github/workflows/scan.yml\n`,
        '.github/workflows/scan.yml': SCAN.replace('on: push', 'on: workflow_call'),
      },
    },
    {
      name: 'no image build, and another workflow of the repository runs Trivy',
      files: { '.github/workflows/lint.yml': LINT, '.github/workflows/scan.yml': SCAN },
    },
  ],
  invalid: [
    {
      name: 'docker build with no scan in its workflow (another workflow scanning does not count)',
      files: { '.github/workflows/build.yml': BUILD, '.github/workflows/scan.yml': SCAN },
      errors: [
        {
          file: '.github/workflows/build.yml',
          line: 7,
          column: 14,
          endLine: 7,
          endColumn: 60,
          severity: 'error',
          message: '`docker build` builds an image, but no Trivy scan runs in this workflow.',
        },
      ],
    },
    {
      name: 'no Trivy anywhere: the build is an error, every other workflow a warning on its first line',
      files: { '.github/workflows/release.yml': BUILD_PUSH_ACTION, '.github/workflows/lint.yml': LINT },
      errors: [
        {
          file: '.github/workflows/lint.yml',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 11,
          severity: 'warning',
          message: 'No workflow of this repository runs a Trivy scan (image, filesystem or config).',
        },
        {
          file: '.github/workflows/release.yml',
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 80,
          severity: 'error',
          message: '`docker/build-push-action` builds an image, but no Trivy scan runs in this workflow.',
        },
      ],
    },
    {
      name: 'repositories are separate: a scan under another root does not cover this one',
      files: { 'shop/.github/workflows/build.yml': BUILD, 'tools/.github/workflows/scan.yml': SCAN },
      errors: [{ file: 'shop/.github/workflows/build.yml', line: 7, column: 14, endLine: 7, endColumn: 60 }],
    },
  ],
});
