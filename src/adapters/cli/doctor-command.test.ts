import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { doctor, doctorCommand } from './doctor-command.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-doctor-'));
  mkdirSync(join(dir, 'bin'));
  mkdirSync(join(dir, 'more'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function executable(path: string): void {
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
}

const SECRETS = {
  GITHUB_PERSONAL_ACCESS_TOKEN: 'ghp_Zx9vQ2mL7pR4sT8wAbCdEfGhIjKlMnOpQrSt',
  SLACK_MCP_XOXC_TOKEN: 'xoxc-1234567890-secret-value',
  PROAGENT_MCP_TOKEN: 'a-long-local-token-value-1234',
};

function run(argv: string[], env: NodeJS.ProcessEnv) {
  let stdout = '';
  const code = doctorCommand(argv, {
    cwd: dir,
    stdout: (s) => {
      stdout += s;
    },
    stderr: () => {},
    isTTY: false,
    stderrIsTTY: false,
    env,
  });
  return { code, stdout };
}

describe('doctor', () => {
  it('finds executables on PATH without running them, and never prints variable values', () => {
    executable(join(dir, 'bin/terraform'));
    executable(join(dir, 'more/trivy'));
    executable(join(dir, 'bin/npx'));
    writeFileSync(join(dir, 'bin/helm'), 'not executable');
    mkdirSync(join(dir, 'bin/kubectl'));
    writeFileSync(join(dir, 'oauth.json'), '{}');
    const env = {
      PATH: [join(dir, 'bin'), '', join(dir, 'more')].join(delimiter),
      ...SECRETS,
      GDRIVE_OAUTH_PATH: join(dir, 'oauth.json'),
      GDRIVE_CREDENTIALS_PATH: join(dir, 'missing.json'),
    };
    const report = doctor(env);
    expect(report.tools.filter((t) => t.found).map((t) => [t.name, t.path])).toEqual([
      ['terraform', join(dir, 'bin/terraform')],
      ['trivy', join(dir, 'more/trivy')],
    ]);
    expect(report.tools.map((t) => t.name)).toEqual([
      'terraform',
      'kubectl',
      'helm',
      'docker',
      'trivy',
      'gitleaks',
      'promtool',
      'amtool',
      'yamllint',
      'claude',
    ]);
    expect(Object.fromEntries(report.integrations.map((i) => [i.name, i.status]))).toEqual({
      GitHub: 'ready',
      GitLab: 'missing credentials',
      Slack: 'missing credentials',
      'Google Drive': 'missing credentials',
      'Google Workspace': 'missing runtime',
      Excalidraw: 'no setup needed',
      'Rube (Composio)': 'sign in on first use',
      'proagent-devops HTTP': 'no setup needed',
    });
    expect(report.integrations.find((i) => i.name === 'Slack')?.variables).toEqual({
      SLACK_MCP_XOXP_TOKEN: 'not set',
      SLACK_MCP_XOXB_TOKEN: 'not set',
      SLACK_MCP_XOXC_TOKEN: 'set',
      SLACK_MCP_XOXD_TOKEN: 'not set',
      SLACK_MCP_ADD_MESSAGE_TOOL: 'not set',
    });
    expect(report.integrations.find((i) => i.name === 'Google Drive')?.variables).toEqual({
      GDRIVE_OAUTH_PATH: 'set',
      GDRIVE_CREDENTIALS_PATH: 'set, file missing',
    });

    for (const format of ['text', 'json']) {
      const { code, stdout } = run(['--format', format], env);
      expect(code).toBe(0);
      for (const value of Object.values(SECRETS)) expect(stdout).not.toContain(value);
      expect(stdout).not.toContain('oauth.json');
    }
    const text = run([], env).stdout;
    expect(text).toMatch(/^ {2}ok {6}terraform +\/.*\/bin\/terraform$/m);
    expect(text).toMatch(/^ {2}missing helm +for helm lint\/template and --atomic upgrades$/m);
    expect(text).toMatch(/^ {2}Slack +missing credentials +SLACK_MCP_XOXP_TOKEN not set, .*SLACK_MCP_XOXC_TOKEN set,/m);
    expect(text).toMatch(/^ {2}Google Workspace +missing runtime +needs uvx on PATH$/m);
    expect(text).toMatch(/^2 of 10 tools found; 4 of 8 integrations usable\.$/m);
  });

  it('rejects an unknown format as a usage error', () => {
    expect(() => run(['--format', 'yaml'], {})).toThrow('--format must be one of text, json (got "yaml")');
  });
});
