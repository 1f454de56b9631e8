import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardCliCommand } from '../src/adapters/cli/guard-command.js';
import { type CliIO, UsageError } from '../src/adapters/cli/io.js';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pdo-guard-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command in-process as run.ts does: a UsageError is exit 2 with one line on stderr. */
async function guard(args: string[], opts: Partial<CliIO> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    cwd: dir,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    isTTY: false,
    stderrIsTTY: false,
    env: { HOME: dir },
    ...opts,
  };
  let code: number;
  try {
    code = await guardCliCommand(args, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`proagent-devops: ${error.message}\n`);
    code = 2;
  }
  return { code, stdout, stderr };
}

describe('proagent-devops guard', () => {
  it('prints the JSON verdict of the contract and exits 0 on a deny', async () => {
    const { code, stdout, stderr } = await guard(['--format', 'json', '--', 'terraform apply -auto-approve']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      decision: 'deny',
      ruleId: 'GRD002',
      reason: '`terraform apply -auto-approve` applies an unreviewed plan with no confirmation.',
      validateFirst: '`terraform plan -out=tfplan`, review it, then `terraform apply tfplan`',
      rollback: 'Revert the configuration change and apply again; restore replaced stateful resources from snapshots.',
      commands: ['terraform apply -auto-approve'],
    });
  });

  it('re-quotes several words after -- so they mean what the shell had', async () => {
    const quoted = await guard(['--format', 'json', '--', 'echo', 'terraform destroy']);
    expect(JSON.parse(quoted.stdout)).toMatchObject({ decision: 'allow', commands: ["echo 'terraform destroy'"] });
    const words = await guard(['--format', 'json', '--', 'kubectl', 'delete', 'ns', 'payments']);
    expect(JSON.parse(words.stdout)).toMatchObject({ decision: 'deny', ruleId: 'GRD003' });
  });

  it('prints a text verdict, uncoloured off a TTY', async () => {
    const { code, stdout } = await guard(['--', 'kubectl apply -f app.yaml']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      'ask GRD013: `kubectl apply -f app.yaml` changes a live cluster with no `kubectl diff` or `--dry-run` of the same target before it.\n' +
        '  validate first: `kubectl diff -f app.yaml`\n' +
        '  rollback: `kubectl rollout undo deployment/<name>`, or re-apply the previous manifest from Git.\n' +
        '  commands judged: kubectl apply -f app.yaml\n',
    );
    const tty = await guard(['--', 'ls'], { isTTY: true });
    expect(tty.stdout).toBe(
      '\x1b[32mallow\x1b[0m GRD000: no destructive or production-changing command found.\n  commands judged: ls\n',
    );
    const noColor = await guard(['--', 'ls'], { isTTY: true, env: { HOME: dir, NO_COLOR: '1' } });
    expect(noColor.stdout.startsWith('allow GRD000')).toBe(true);
  });

  it('applies the policy and production pattern of --cwd, and its files', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, '.terraform'), { recursive: true });
    writeFileSync(join(project, '.proagent-devops.yaml'), "production: '^blue$'\nguard:\n  deny: ['^kubectl exec']\n");
    writeFileSync(join(project, '.terraform', 'environment'), 'blue\n');
    const denied = await guard(['--cwd', 'project', '--format', 'json', '--', 'kubectl exec -it api-0 -- sh']);
    expect(JSON.parse(denied.stdout)).toMatchObject({ decision: 'deny', ruleId: 'GRD090' });
    const applied = await guard(['--cwd', project, '--format', 'json', '--', 'terraform apply tfplan']);
    expect(JSON.parse(applied.stdout)).toMatchObject({ decision: 'ask', ruleId: 'GRD011' });
    const elsewhere = await guard(['--format', 'json', '--', 'kubectl exec -it api-0 -- sh']);
    expect(JSON.parse(elsewhere.stdout).decision).toBe('allow');
  });

  it('reports an unparseable command as an ask, not an error', async () => {
    const { code, stdout } = await guard(['--format', 'json', '--', 'echo "unterminated']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ decision: 'ask', ruleId: 'GRD031' });
  });

  it('exits 2 with one line on usage errors', async () => {
    const cases: [string[], string][] = [
      [[], 'proagent-devops: guard needs the command to judge after -- (see guard --help)\n'],
      [['--format', 'sarif', '--', 'ls'], 'proagent-devops: --format must be one of text, json (got "sarif")\n'],
      [['--cwd', 'missing', '--', 'ls'], `proagent-devops: --cwd: not a directory: ${join(dir, 'missing')}\n`],
    ];
    for (const [args, stderr] of cases) {
      const result = await guard(args);
      expect(result).toEqual({ code: 2, stdout: '', stderr });
    }
    const noDashes = await guard(['kubectl', 'delete', '-n', 'x']);
    expect(noDashes.code).toBe(2);
    expect(noDashes.stderr).toMatch(/^proagent-devops: .*'-n'.* \(put the command to judge after --\)\n$/);
  });

  it('prints its usage with --help', async () => {
    const { code, stdout } = await guard(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: proagent-devops guard [--format text|json] [--cwd DIR] -- COMMAND');
  });
});
