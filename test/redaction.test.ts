import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/adapters/cli/run.js';

// Planted credentials, assembled at run time so that this file is not itself a finding.
const SECRETS = {
  compose: ['Xk9mQ2vL', '7pR4sT8w'].join(''),
  dockerfile: ['Zq3Wv8Ln', '2Rt6Yp1Ks4Hd'].join(''),
  k8s: ['Mn5Bv2Cx', '7Zl4Kj9Hg3Fd'].join(''),
  dotenv: ['Qw8Er3Ty', '6Ui1Op4As7Df'].join(''),
  aws: ['AKIA', 'Q7WERT5YUI3OPAS2'].join(''),
  github: ['ghp_', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'].join(''),
  dbUrl: ['Pa55', 'w0rdShop2021x'].join(''),
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-redact-'));
  const put = (rel: string, content: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  };
  put(
    'docker-compose.yml',
    `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${SECRETS.compose}\n`,
  );
  put('Dockerfile', `FROM node:20.11\nENV API_KEY=${SECRETS.dockerfile}\nUSER 1000\n`);
  put(
    'k8s/app.yaml',
    `apiVersion: v1\nkind: Pod\nmetadata: { name: a, namespace: x }\nspec:\n  containers:\n    - name: a\n      image: a:1\n      env:\n        - { name: DB_PASSWORD, value: ${SECRETS.k8s} }\n`,
  );
  put('.env', `DB_PASSWORD=${SECRETS.dotenv}\n`);
  put(
    'config/settings.yaml',
    `aws:\n  access_key_id: ${SECRETS.aws}\ngithub: ${SECRETS.github}\ndb: postgres://shop:${SECRETS.dbUrl}@db:5432/shop\n`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secrets never appear in full in any output', () => {
  it.each(['text', 'json', 'sarif', 'markdown'])('%s', async (format) => {
    let out = '';
    const code = await runCli(['review', '.', '--format', format], {
      cwd: dir,
      stdout: (s) => {
        out += s;
      },
      stderr: (s) => {
        out += s;
      },
      isTTY: false,
      stderrIsTTY: false,
      env: {},
    });
    expect(code).toBe(1);
    for (const [where, secret] of Object.entries(SECRETS)) {
      expect(out.includes(secret), `${where} secret leaked in ${format}`).toBe(false);
      // Not even most of it: at most the first 4 characters are shown.
      expect(out.includes(secret.slice(0, 8)), `${where} secret prefix leaked in ${format}`).toBe(false);
    }
    expect(out).toMatch(/\*{4}|(\\\*){4}/); // markdown escapes the stars
  });
});
