import { describe, expect, it } from 'vitest';
import { ruleTester, runRule } from '../../../test/helpers/rule-tester.js';
import { rule } from './SEC001-hardcoded-secret.js';

// Fake credentials, built by concatenation so that this repository holds no scannable secret verbatim.
const GITHUB = `ghp_${'a1B2c3D4e5'.repeat(3)}f6G7h8`;
const AWS_ID = `AKIA${'Q3ZL7RBDUXWN4MPF'}`;
const AWS_SECRET = `wJalrXUtnFEMI/${'K7MDENG/bPxRfiCY'}q8RmN2Lp1z`;
const PEM_BODY = 'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2Xv'.repeat(2);
const DB_PASSWORD = `Sup3r${'S3cret'}Pw`;
const GOOGLE = `AIza${'SyD1x2C3v4B5n6M7q8W9e0R1t2Y3u4I5o6P'}`;
const NPM = `npm_${'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2'.slice(0, 36)}`;
const SLACK = `xoxb-${'1234567890'}-${'1234567890123'}-${'AbCdEfGhIjKlMnOpQrStUv12'}`;
const SLACK_HOOK_PATH = `T${'01AB2CD3E'}/B${'04FG5HI6J'}/${'aBcDeF1234567890gHiJkL12'}`;
const STRIPE = `sk_live_${'51Hb3k2L9m4N7p1Q8r5S6t0U'}`;
const GITLAB = `glpat-${'Zx9Yw8Vu7Ts6Rq5Po4Nm'}`;
const PYPI = `pypi-AgEIcHlwaS5vcmc${'CJGQ4ZjY1ZmI0LTk3ZGMtNDVhNy1iNzA5LWQ2YzA0YjQ1ZGM2ZQ'}`;
const ANTHROPIC = `sk-ant-api03-${'Kq3Lm9Xv2Bn7Zr4Tw8Yp1Hd6Fs5Jc0Gv'.repeat(3)}AA`;
const OPENAI = `sk-proj-${'Kq3Lm9Xv2Bn7Zr4Tw8Yp1Hd6Fs5Jc0Gv'.repeat(2)}`;
const SENDGRID = `SG.${'Ab1Cd2Ef3Gh4Ij5Kl6Mn7O'}.${'Pq8Rs9Tu0Vw1Xy2Za3Bc4De5Fg6Hi7Jk8Lm9No0Pq1R'}`;
const TWILIO = `SK${'0123456789abcdef'.repeat(2)}`;
const AZURE = `${'Zm9vYmFyYmF6cXV4'.repeat(5)}${'Zm9vYm'}==`;

const WORKFLOW = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      GH_TOKEN: ${GITHUB}\n`;
const TOKENS = [
  GOOGLE,
  NPM,
  SLACK,
  `https://hooks.slack.com/services/${SLACK_HOOK_PATH}`,
  STRIPE,
  GITLAB,
  PYPI,
  ANTHROPIC,
  OPENAI,
  SENDGRID,
  TWILIO,
  `DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${AZURE};EndpointSuffix=core.windows.net`,
];
const ONE_PER_LINE: [string, number, number][] = [
  ['Google API key', 1, GOOGLE.length],
  ['npm access token', 1, NPM.length],
  ['Slack token', 1, SLACK.length],
  ['Slack webhook URL', 34, SLACK_HOOK_PATH.length],
  ['Stripe live key', 1, STRIPE.length],
  ['GitLab token', 1, GITLAB.length],
  ['PyPI API token', 1, PYPI.length],
  ['Anthropic API key', 1, ANTHROPIC.length],
  ['OpenAI API key', 1, OPENAI.length],
  ['SendGrid API key', 1, SENDGRID.length],
  ['Twilio API key', 1, TWILIO.length],
  ['Azure storage account key', 60, AZURE.length],
];

ruleTester(rule, {
  valid: [
    {
      name: 'AWS documentation example keys',
      files: {
        'docs/aws.properties':
          'aws_access_key_id=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n',
      },
    },
    {
      name: 'references and placeholders',
      files: {
        'config/app.yaml': [
          'password: ${DB_PASSWORD}',
          'token: ${{ secrets.GITHUB_TOKEN }}',
          'apiKey: "{{ .Values.apiKey }}"',
          'secret: <token>',
          'admin_password: changeme',
          'db_password: xxxxxxxxxx',
          'smtp_password: dummy-password',
          'client_secret: test1234',
          'secretName: my-tls-secret',
          'existingSecret: db-credentials',
          'password: !vault |',
          'url: postgres://app:${DB_PASSWORD}@db:5432/app',
          'docs: postgres://user:password@localhost:5432/app',
          `github: ghp_${'x'.repeat(36)}`,
          '',
        ].join('\n'),
      },
    },
    {
      name: 'Kubernetes secretKeyRef',
      files: {
        'k8s/deploy.yaml':
          'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1.0\n' +
          '      env:\n        - name: DB_PASSWORD\n          valueFrom:\n            secretKeyRef: { name: db, key: password }\n',
      },
    },
    {
      name: 'Terraform-style expressions in HCL',
      files: { 'live/terragrunt.hcl': 'inputs = {\n  password = var.db_password\n  token = local.token\n}\n' },
    },
    {
      name: 'SOPS-encrypted file',
      files: {
        'secrets/db.yaml':
          'password: ENC[AES256_GCM,data:Zm9vYmFy,iv:aXY=,tag:dGFn,type:str]\n' +
          `token: ${GITHUB}\nsops:\n  mac: ENC[AES256_GCM,data:bWFj,type:str]\n  version: 3.8.1\n`,
      },
    },
    {
      name: 'prose and files whose own rule reports secret-like keys',
      files: {
        'README.md': 'Set `password: hunter2hunter2` in your local config.\n',
        Dockerfile: 'FROM alpine:3.20\nENV DB_PASSWORD=hunter2hunter2\n',
        'docker-compose.yml':
          'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: hunter2hunter2\n',
      },
    },
    {
      name: 'values of a Kubernetes Secret (SEC003 reports those)',
      files: {
        'k8s/secret.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: hunter2hunter2\n',
      },
    },
    {
      name: 'code that handles credentials without holding one',
      files: {
        'src/client.ts':
          'const token = process.env.API_TOKEN;\nfetch(url, { credentials: "same-origin" });\n' +
          'function login(password: BinaryLike) {}\nconst TOKEN_KEY = "auth_token";\n',
      },
    },
    {
      name: 'lockfile integrity hashes and git SHAs',
      files: {
        'package-lock.json':
          '{\n  "packages": {\n    "node_modules/a": {\n      "integrity": "sha512-3JmgD7GfvJx0lD9hK0x3vPBqJ7lHlhjX3hK9sFzPp8sK1Yw1q3Lk4rZpGvF9n8d2s7Q=="\n    }\n  }\n}\n',
        'CHANGELOG.txt': 'Reverted 3f2a9c1b7d4e5f60718293a4b5c6d7e8f9012345 (task-runner, disk-usage).\n',
      },
    },
  ],
  invalid: [
    {
      name: 'GitHub token in a workflow env',
      files: { '.github/workflows/ci.yml': WORKFLOW },
      errors: [
        {
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 57,
          message: 'Hard-coded GitHub token ghp_**** (detector github-token).',
        },
      ],
    },
    {
      name: 'AWS access key ID and its paired secret key in a properties file',
      files: { 'config/aws.properties': `aws.access_key_id=${AWS_ID}\naws.secret_access_key=${AWS_SECRET}\n` },
      errors: [
        {
          line: 1,
          column: 19,
          endLine: 1,
          endColumn: 39,
          message: 'Hard-coded AWS access key ID AKIA**** (detector aws-access-key-id).',
        },
        {
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 63,
          message: 'Hard-coded AWS secret access key wJal**** (detector aws-secret-access-key).',
        },
      ],
    },
    {
      name: 'AWS secret key paired with a nearby key ID, whatever its key name',
      files: { 'ci/creds.yml': `id: ${AWS_ID}\nkey: ${AWS_SECRET}\n` },
      errors: [
        { line: 1, column: 5, endLine: 1, endColumn: 25, message: /AWS access key ID AKIA\*\*\*\*/ },
        { line: 2, column: 6, endLine: 2, endColumn: 46, message: /AWS secret access key wJal\*\*\*\*/ },
      ],
    },
    {
      name: 'PEM private key in a YAML block scalar (the whole key is the range)',
      files: {
        'deploy/tls.yaml': `tls:\n  key: |\n    -----BEGIN RSA PRIVATE KEY-----\n    ${PEM_BODY}\n    -----END RSA PRIVATE KEY-----\n`,
      },
      errors: [
        {
          line: 3,
          column: 5,
          endLine: 5,
          endColumn: 34,
          message: 'Hard-coded PEM private key ----**** (detector private-key).',
        },
      ],
    },
    {
      name: 'GCP service-account JSON',
      files: {
        'gcp/sa.json': `{\n  "type": "service_account",\n  "private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n"\n}\n`,
      },
      errors: [
        {
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 19 + 27 + 2 + PEM_BODY.length + 2 + 25 + 2,
          message: 'Hard-coded GCP service-account key ----**** (detector gcp-service-account-key).',
        },
      ],
    },
    {
      name: 'database URL with an inline password in a ConfigMap',
      files: {
        'k8s/cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app\n`,
      },
      errors: [
        {
          line: 6,
          column: 32,
          endLine: 6,
          endColumn: 32 + DB_PASSWORD.length,
          message: 'Hard-coded database URL password Sup3**** (detector database-url-password).',
        },
      ],
    },
    {
      name: 'secret-like keys set to literals in .env, tfvars and code',
      files: {
        '.env': 'APP_NAME=shop\nDB_PASS=hunter2hunter2\n',
        'prod.tfvars': 'region = "eu-west-1"\ndb_password = "S3cure-Pa55word"\n',
        'src/config.ts': 'export const apiKey = "AbC123xyz789QRS";\n',
      },
      errors: [
        {
          file: '.env',
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 23,
          message: '`DB_PASS` is set to a literal credential (hunt****; detector generic-assignment).',
        },
        {
          file: 'prod.tfvars',
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 31,
          message: '`db_password` is set to a literal credential (S3cu****; detector generic-assignment).',
        },
        {
          file: 'src/config.ts',
          line: 1,
          column: 24,
          endLine: 1,
          endColumn: 39,
          message: '`apiKey` is set to a literal credential (AbC1****; detector generic-assignment).',
        },
      ],
    },
    {
      name: 'test fixtures are not exempt',
      files: { 'test/fixtures/app/config.yml': `slack:\n  token: ${SLACK}\n` },
      errors: [{ line: 2, column: 10, endLine: 2, endColumn: 10 + SLACK.length, message: /Slack token xoxb\*\*\*\*/ }],
    },
    {
      name: 'one token of every provider (prose files still get the precise detectors)',
      files: { 'notes.txt': `${TOKENS.join('\n')}\n` },
      errors: ONE_PER_LINE.map(([label, column, length], i) => ({
        line: i + 1,
        column,
        endLine: i + 1,
        endColumn: column + length,
        message: new RegExp(`^Hard-coded ${label} `),
      })),
    },
  ],
});

describe('SEC001 never prints a secret in full', () => {
  it('keeps every value out of messages and snippets', () => {
    const files = {
      '.github/workflows/ci.yml': WORKFLOW,
      'config/aws.properties': `aws.access_key_id=${AWS_ID}\naws.secret_access_key=${AWS_SECRET}\n`,
      'notes.txt': `${TOKENS.join('\n')}\n`,
      '.env': 'DB_PASS=hunter2hunter2\n',
      'gcp/sa.json': `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM_BODY.repeat(8)}\\n-----END PRIVATE KEY-----\\n"}\n`,
    };
    const findings = runRule(rule, files);
    expect(findings.length).toBe(1 + 2 + TOKENS.length + 1 + 1);
    const secrets = [
      ...[GITHUB, AWS_ID, AWS_SECRET, GOOGLE, NPM, SLACK, SLACK_HOOK_PATH, STRIPE, GITLAB, PYPI, ANTHROPIC],
      ...[OPENAI, SENDGRID, TWILIO, AZURE, 'hunter2hunter2', PEM_BODY],
    ];
    for (const f of findings) {
      for (const s of secrets) {
        expect(f.message).not.toContain(s);
        expect(f.snippet ?? '').not.toContain(s);
      }
    }
  });
});
