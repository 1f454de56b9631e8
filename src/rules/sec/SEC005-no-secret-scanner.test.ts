import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { rule } from './SEC005-no-secret-scanner.js';

const wf = (steps: string) =>
  `name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${steps}`;
const BUILD = wf('      - run: npm test\n');
const MESSAGE_1 =
  'No secret scanner runs in CI (checked 1 CI file); add gitleaks, trufflehog or trivy with the secret scanner.';

ruleTester(rule, {
  valid: [
    {
      name: 'gitleaks action',
      files: { '.github/workflows/ci.yml': wf('      - uses: gitleaks/gitleaks-action@v2\n') },
    },
    {
      name: 'scanner in one workflow covers the repository',
      files: {
        '.github/workflows/ci.yml': BUILD,
        '.github/workflows/security.yml': wf('      - run: trufflehog git file://. --fail\n'),
      },
    },
    {
      name: 'trivy fs with default scanners, and trivy image with --scanners secret',
      files: {
        '.gitlab-ci.yml': 'stages: [test]\nscan:\n  stage: test\n  script:\n    - trivy --quiet fs --exit-code 1 .\n',
        Jenkinsfile:
          "pipeline { agent any\n stages { stage('s') { steps { sh 'trivy image --scanners vuln,secret app:1' } } } }\n",
      },
    },
    {
      name: 'trivy-action scanning the filesystem',
      files: {
        '.github/workflows/ci.yml': wf(
          '      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          scan-type: fs\n          scan-ref: .\n',
        ),
      },
    },
    {
      name: 'GitLab Secret Detection template',
      files: {
        '.gitlab-ci.yml':
          'include:\n  - template: Security/Secret-Detection.gitlab-ci.yml\nbuild:\n  script:\n    - make\n',
      },
    },
    {
      name: 'pre-commit in CI with a gitleaks hook',
      files: {
        '.github/workflows/lint.yml': wf('      - uses: pre-commit/action@v3.0.1\n'),
        '.pre-commit-config.yaml':
          'repos:\n  - repo: https://github.com/gitleaks/gitleaks\n    rev: v8.21.2\n    hooks:\n      - id: gitleaks\n',
      },
    },
    {
      name: 'GitHub secret scanning configuration',
      files: { '.github/workflows/ci.yml': BUILD, '.github/secret_scanning.yml': 'paths-ignore:\n  - docs/**\n' },
    },
  ],
  invalid: [
    {
      name: 'a workflow with no scanner (reported on its first line)',
      files: { '.github/workflows/ci.yml': BUILD },
      errors: [{ line: 1, column: 1, endLine: 1, endColumn: 9, message: MESSAGE_1 }],
    },
    {
      name: 'every CI file is reported; trivy image, vuln-only scans and comments do not count',
      files: {
        '.github/workflows/ci.yml': wf(
          '      # - uses: gitleaks/gitleaks-action@v2\n      - uses: aquasecurity/trivy-action@0.28.0\n        with:\n          image-ref: app:1\n',
        ),
        '.gitlab-ci.yml': 'stages: [test]\nscan:\n  stage: test\n  script:\n    - trivy fs --scanners vuln .\n',
        Jenkinsfile:
          "// gitleaks detect\npipeline { agent any\n stages { stage('s') { steps { sh 'trivy image app:1' } } } }\n",
      },
      errors: [
        {
          file: '.github/workflows/ci.yml',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 9,
          message: /checked 3 CI files/,
        },
        { file: '.gitlab-ci.yml', line: 1, column: 1, endLine: 1, endColumn: 15, message: /checked 3 CI files/ },
        { file: 'Jenkinsfile', line: 1, column: 1, endLine: 1, endColumn: 19, message: /checked 3 CI files/ },
      ],
    },
  ],
});
