import { describe, expect, it } from 'vitest';
import { findSecrets, isSopsEncrypted, redactSecrets, SECRET_DETECTORS } from './detect.js';
import { isPlaceholderValue, isSecretLikeName } from './names.js';

// Fake credentials, built by concatenation so that this repository holds no scannable secret verbatim.
const PEM_BODY = 'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM2Xv'.repeat(2);
const AWS_ID = `AKIA${'Q3ZL7RBDUXWN4MPF'}`;
const AWS_SECRET = `wJalrXUtnFEMI/${'K7MDENG/bPxRfiCY'}q8RmN2Lp1z`;

/** `[detector, text, the secret value inside text]` */
const POSITIVES: [string, string, string][] = [
  ['aws-access-key-id', `key=${AWS_ID}`, AWS_ID],
  ['aws-secret-access-key', `AWS_SECRET_ACCESS_KEY: "${AWS_SECRET}"`, AWS_SECRET],
  ['github-token', `GH_TOKEN=ghp_${'a1B2c3D4'.repeat(4)}e5F6`, `ghp_${'a1B2c3D4'.repeat(4)}e5F6`],
  ['github-token', `x github_pat_${'A1b2C3d4E5'.repeat(8)}f6`, `github_pat_${'A1b2C3d4E5'.repeat(8)}f6`],
  ['gitlab-token', `token glpat-${'Zx9Yw8Vu7Ts6Rq5Po4Nm'}`, `glpat-${'Zx9Yw8Vu7Ts6Rq5Po4Nm'}`],
  [
    'slack-token',
    `xoxp-${'1234567890'}-${'9876543210'}-${'AbCdEfGh12'}`,
    `xoxp-${'1234567890'}-${'9876543210'}-${'AbCdEfGh12'}`,
  ],
  [
    'slack-webhook',
    `url: https://hooks.slack.com/services/T${'01AB2CD3E'}/B${'04FG5HI6J'}/${'aBcDeF1234567890gHiJkL12'}`,
    `T${'01AB2CD3E'}/B${'04FG5HI6J'}/${'aBcDeF1234567890gHiJkL12'}`,
  ],
  ['stripe-live-key', `STRIPE=rk_live_${'51Hb3k2L9m4N7p1Q8r5S6t0U'}`, `rk_live_${'51Hb3k2L9m4N7p1Q8r5S6t0U'}`],
  [
    'google-api-key',
    `"key": "AIza${'SyD1x2C3v4B5n6M7q8W9e0R1t2Y3u4I5o6P'}"`,
    `AIza${'SyD1x2C3v4B5n6M7q8W9e0R1t2Y3u4I5o6P'}`,
  ],
  [
    'npm-token',
    `//registry.npmjs.org/:_authToken=npm_${'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2'}`,
    `npm_${'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2'}`,
  ],
  [
    'pypi-token',
    `password = pypi-AgEIcHlwaS5vcmc${'CJGQ4ZjY1ZmI0LTk3ZGMtNDVhNy1iNzA5LWQ2YzA0YjQ1ZGM2ZQ'}`,
    `pypi-AgEIcHlwaS5vcmc${'CJGQ4ZjY1ZmI0LTk3ZGMtNDVhNy1iNzA5LWQ2YzA0YjQ1ZGM2ZQ'}`,
  ],
  [
    'anthropic-api-key',
    `ANTHROPIC_API_KEY=sk-ant-api03-${'Kq3Lm9Xv2Bn7Zr4Tw8Yp'.repeat(5)}AA`,
    `sk-ant-api03-${'Kq3Lm9Xv2Bn7Zr4Tw8Yp'.repeat(5)}AA`,
  ],
  [
    'openai-api-key',
    `OPENAI_API_KEY=sk-proj-${'Kq3Lm9Xv2Bn7Zr4Tw8Yp'.repeat(3)}`,
    `sk-proj-${'Kq3Lm9Xv2Bn7Zr4Tw8Yp'.repeat(3)}`,
  ],
  [
    'openai-api-key',
    `k: sk-${'Kq3Lm9Xv2Bn7Zr4Tw8Yp'}T3BlbkFJ${'Hd6Fs5Jc0Gv1Ab2Cd3Ef'}`,
    `sk-${'Kq3Lm9Xv2Bn7Zr4Tw8Yp'}T3BlbkFJ${'Hd6Fs5Jc0Gv1Ab2Cd3Ef'}`,
  ],
  [
    'sendgrid-api-key',
    `SG.${'Ab1Cd2Ef3Gh4Ij5Kl6Mn7O'}.${'Pq8Rs9Tu0Vw1Xy2Za3Bc4De5Fg6Hi7Jk8Lm9No0Pq1R'}`,
    `SG.${'Ab1Cd2Ef3Gh4Ij5Kl6Mn7O'}.${'Pq8Rs9Tu0Vw1Xy2Za3Bc4De5Fg6Hi7Jk8Lm9No0Pq1R'}`,
  ],
  ['twilio-api-key', `TWILIO_KEY_SID=SK${'0123456789abcdef'.repeat(2)}`, `SK${'0123456789abcdef'.repeat(2)}`],
  [
    'azure-storage-key',
    `AccountName=a;AccountKey=${'Zm9vYmFyYmF6cXV4'.repeat(5)}Zm9vYm==;`,
    `${'Zm9vYmFyYmF6cXV4'.repeat(5)}Zm9vYm==`,
  ],
  ['database-url-password', `mongodb+srv://svc:${'Pa55w0rdX'}@cluster0.mongodb.net/db`, 'Pa55w0rdX'],
  ['database-url-password', `REDIS_URL=redis://:${'r3d1sKey99'}@cache:6379/0`, 'r3d1sKey99'],
  [
    'private-key',
    `-----BEGIN OPENSSH PRIVATE KEY-----\n${PEM_BODY}\n-----END OPENSSH PRIVATE KEY-----`,
    `-----BEGIN OPENSSH PRIVATE KEY-----\n${PEM_BODY}\n-----END OPENSSH PRIVATE KEY-----`,
  ],
  ['generic-assignment', 'spring.datasource.password=Xk9#mQ2$vL', 'Xk9#mQ2$vL'],
  ['generic-assignment', '"client_secret": "0a1b2c3d4e5f6a7b"', '0a1b2c3d4e5f6a7b'],
  ['generic-assignment', 'export SMTP_PASS="hunter2hunter2"', 'hunter2hunter2'],
];

describe('findSecrets', () => {
  for (const [detector, text, value] of POSITIVES) {
    it(`${detector}: ${text.slice(0, 40)}`, () => {
      const start = text.indexOf(value);
      expect(findSecrets(text).map((m) => [m.detector, m.start, m.end, m.value])).toEqual([
        [detector, start, start + value.length, value],
      ]);
    });
  }

  it('every detector has a positive case here', () => {
    const tested = new Set(POSITIVES.map(([d]) => d));
    expect(
      SECRET_DETECTORS.map((d) => d.name).filter((d) => !tested.has(d) && d !== 'gcp-service-account-key'),
    ).toEqual([]);
  });

  it('pairs an AWS secret key with a nearby key ID, and only then', () => {
    const paired = `creds:\n  id: ${AWS_ID}\n  key: ${AWS_SECRET}\n`;
    expect(findSecrets(paired).map((m) => m.detector)).toEqual(['aws-access-key-id', 'aws-secret-access-key']);
    expect(findSecrets(`checksum: ${AWS_SECRET}\n`)).toEqual([]);
  });

  it('GCP service-account JSON wins over the bare PEM detector', () => {
    const json = `{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n"}`;
    expect(findSecrets(json).map((m) => m.detector)).toEqual(['gcp-service-account-key']);
  });

  it('a specific detector wins over the generic assignment it overlaps', () => {
    const text = `GITHUB_TOKEN=ghp_${'a1B2c3D4'.repeat(4)}e5F6`;
    expect(findSecrets(text).map((m) => m.detector)).toEqual(['github-token']);
  });

  const NEGATIVES: [string, string][] = [
    ['AWS documented example', 'AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['filler token', `ghp_${'x'.repeat(36)}`],
    ['token with a placeholder body', `sk_live_${'your_stripe_key_here_123'}`],
    ['too short for its format', `ghp_${'a1B2'.repeat(4)}`],
    ['longer than its format', `AKIA${'Q3ZL7RBDUXWN4MPF'}Q`],
    ['inside a word', `xAKIA${'Q3ZL7RBDUXWN4MPF'}`],
    ['PEM without key material', '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'],
    ['PEM certificate', `-----BEGIN CERTIFICATE-----\n${PEM_BODY}\n-----END CERTIFICATE-----`],
    ['URL password reference', 'postgres://app:${DB_PASSWORD}@db/app postgres://app:$(cat /run/pw)@db'],
    ['URL password placeholder', 'postgresql://user:password@localhost/db mysql://root:<password>@db/x'],
    ['plain https basic auth is not a database URL', 'https://user:hunter2hunter2@example.org'],
    ['references', 'password: ${DB_PASSWORD}\ntoken: ${{ secrets.TOKEN }}\napi_key: "{{ .Values.apiKey }}"\n'],
    ['expressions', 'password = var.db_password\ntoken = data.vault_generic_secret.x.data["t"]\n'],
    [
      'secret names',
      'secretName: db-credentials\nexistingSecret: my-app-secret\ntoken: GITHUB_TOKEN\n- secretKey: redis-url\n',
    ],
    [
      'reference suffixes',
      'DB_PASSWORD_FILE=/run/secrets/db\nTOKEN_URL=https://auth/x\npassword_min_length: 12345678\n',
    ],
    ['placeholders', 'password: changeme123\nsecret: xxxxxxxxxx\ntoken: dummy-token-value\napi_key: test1234\n'],
    ['short values', 'password: hunter2\n'],
    ['prose', 'The password policy requires tokens to be rotated; the secret is stored in Vault.\n'],
    ['Ansible vault and YAML tags', 'password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\ntoken: !Ref TokenParam\n'],
    [
      'secret-manager references',
      'password: arn:aws:secretsmanager:eu-west-1:1:secret:db\ntoken: vault:secret/data/app#token\n',
    ],
    ['non-ASCII prose', '"Unexpected_token": "予期しないトークンです。"\n'],
    ['sha512 integrity', '"integrity": "sha512-3JmgD7GfvJx0lD9hK0x3vPBqJ7lHlhjX3hK9sFzPp8sK1Yw1q3Lk4rZpGvF9n8d2s7Q=="'],
  ];
  for (const [name, text] of NEGATIVES) {
    it(`ignores ${name}`, () => {
      expect(findSecrets(text).map((m) => `${m.detector}: ${m.value}`)).toEqual([]);
    });
  }

  it('reads assignments by mode: quoted only, code-shaped only, or none', () => {
    const text = 'password = "S3cure-Pa55word"\ntoken: hunter2hunter2\nsecret = "correcthorsebattery"\n';
    expect(findSecrets(text, { assignments: 'all' }).map((m) => m.value)).toEqual([
      'S3cure-Pa55word',
      'hunter2hunter2',
      'correcthorsebattery',
    ]);
    expect(findSecrets(text, { assignments: 'quoted' }).map((m) => m.value)).toEqual([
      'S3cure-Pa55word',
      'correcthorsebattery',
    ]);
    expect(findSecrets(text, { assignments: 'code' }).map((m) => m.value)).toEqual(['S3cure-Pa55word']);
    expect(findSecrets(text, { assignments: 'none' })).toEqual([]);
  });

  it('stays linear on large and adversarial inputs', () => {
    const line = `${'-----BEGIN PRIVATE KEY-----'.repeat(2000)}${'password: "'.repeat(20000)}${'AKIA'.repeat(50000)}`;
    const t0 = performance.now();
    findSecrets(line);
    findSecrets(`${'sk-proj-'.repeat(100000)}\n${'postgres://a:'.repeat(50000)}`);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('redactSecrets', () => {
  it('keeps the first 4 characters of each secret', () => {
    expect(redactSecrets(`token ${AWS_ID} and ghp_${'a1B2c3D4'.repeat(4)}e5F6.`)).toBe('token AKIA**** and ghp_****.');
  });

  it('leaves normal text alone', () => {
    const text = 'K8S009: env "DB_PASSWORD" of container "app" is a literal; use secretKeyRef (password rotation).';
    expect(redactSecrets(text)).toBe(text);
  });

  it('redacts the body of a private key cut off by a snippet limit', () => {
    const cut = `"private_key": "-----BEGIN RSA PRIVATE KEY-----\\n${PEM_BODY}…`;
    expect(redactSecrets(cut)).toBe('"private_key": "-----BEGIN RSA PRIVATE KEY-----\\nMIIE****');
  });
});

describe('isSopsEncrypted', () => {
  it('recognises SOPS metadata and ciphertext', () => {
    expect(isSopsEncrypted('a: ENC[AES256_GCM,data:Zm9v,type:str]\n')).toBe(true);
    expect(isSopsEncrypted('a: b\nsops:\n  version: 3.8.1\n')).toBe(true);
    expect(isSopsEncrypted('{"a": "b", "sops": {"mac": "x"}}')).toBe(true);
    expect(isSopsEncrypted('A=b\nsops_version=3.8.1\n')).toBe(true);
    expect(isSopsEncrypted('tools:\n  - sops: 3.8\n')).toBe(false);
  });
});

describe('names', () => {
  it('secret-like names', () => {
    for (const n of ['DB_PASS', 'SMTP_PW', 'gpg_passphrase', 'adminPassword', 'aws_secret_access_key', 'API_TOKEN']) {
      expect(isSecretLikeName(n), n).toBe(true);
    }
    for (const n of ['existingSecret', 'TOKEN_URL', 'password_policy', 'PASS_THROUGH', 'secretStoreRef', 'KEY_ID']) {
      expect(isSecretLikeName(n), n).toBe(false);
    }
  });

  it('GitHub expressions are placeholders', () => {
    expect(isPlaceholderValue('${{ secrets.TOKEN }}')).toBe(true);
  });
});
