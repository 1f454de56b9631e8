/**
 * The bundled hook (`dist/hook.mjs`) fed the stdin Claude Code sends, asserting the exact protocol JSON it
 * prints. Real files in temporary projects; nothing is mocked.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHook, type Sandbox, sandbox, toolEvent } from './hook-runner.js';

const DIGEST = 'a'.repeat(64);
const CLEAN_DOCKERFILE = `FROM alpine:3.20@sha256:${DIGEST}\nRUN adduser -D app\nUSER app\nCMD ["sleep", "infinity"]\n`;
const ROOT_DOCKERFILE = 'FROM node:latest\nCMD ["node"]\n';
// Fake credentials, built by concatenation so that this repository holds no scannable secret verbatim.
const AWS_KEY_ID = `AKIA${'Q3ZL7RBDUXWN4MPF'}`;
const GITHUB_TOKEN = `ghp_${'a1B2c3D4e5'.repeat(3)}f6G7h8`;

let box: Sandbox;
beforeEach(() => {
  box = sandbox();
});
afterEach(() => box.cleanup());

const pre = (tool: string, input: Record<string, unknown>) => toolEvent('PreToolUse', box.project, tool, input);
const post = (tool: string, input: Record<string, unknown>) => toolEvent('PostToolUse', box.project, tool, input);

describe('stdin samples recorded from Claude Code', () => {
  const lines = readFileSync(new URL('../fixtures/hooks/hook-stdin-samples.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  /** Each sample with the recorded project directory moved to the sandbox. */
  const samples = () =>
    lines.map((l) => JSON.parse(l.replaceAll('/home/dev/shop', box.project)) as { event: string; input: object });
  const ARG: Record<string, string> = {
    SessionStart: 'session-start',
    PreToolUse: 'pre-tool-use',
    PostToolUse: 'post-tool-use',
    Stop: 'stop',
  };

  it('answers every registered event of the recording, in order, with the expected output', () => {
    box.put('Dockerfile', ROOT_DOCKERFILE);
    box.put('a.txt', 'hello\n');
    const outputs = samples()
      .filter((s) => ARG[s.event] !== undefined)
      .map((s) => {
        const run = runHook(ARG[s.event], s.input, box.env());
        expect(run.code).toBe(0);
        return [s.event, (s.input as { tool_name?: string }).tool_name ?? '', run.output];
      });
    expect(outputs).toEqual([
      [
        'SessionStart',
        '',
        {
          hookSpecificOutput: {
            hookEventName: 'SessionStart',
            additionalContext:
              'proagent-devops posture of shop: Dockerfile ×1.\n' +
              'Errors by domain: containers 2 (2 errors, 0 warnings).\n' +
              'Most frequent errors: DKR001 ×1, DKR002 ×1.\n' +
              'Review artifacts before changing them (/proagent-devops:proagent-devops-review [path]); shell commands are checked by the command guard, and edited artifacts are reviewed as they are written.',
          },
        },
      ],
      // `rm -rf` of one scratch directory and `echo`: nothing the guard objects to, so no decision.
      ['PreToolUse', 'Bash', undefined],
      ['PreToolUse', 'Bash', undefined],
      ['PostToolUse', 'Bash', undefined],
      ['PreToolUse', 'Write', undefined],
      // a.txt is not a DevOps artifact: not reviewed, not remembered for Stop.
      ['PostToolUse', 'Write', undefined],
      ['PreToolUse', 'Edit', undefined],
      ['PostToolUse', 'Edit', undefined],
      ['PostToolUse', 'mcp__plugin_proagent-devops_devops__echo_env', undefined],
      ['Stop', '', undefined],
    ]);
  });

  it('fails open with a visible message on an event it is not registered for', () => {
    const prompt = samples().find((s) => s.event === 'UserPromptSubmit');
    const run = runHook(undefined, prompt?.input, box.env());
    expect(run.code).toBe(0);
    expect(run.output).toEqual({
      systemMessage: 'proagent-devops hook: unsupported hook_event_name "UserPromptSubmit"',
    });
  });
});

describe('PreToolUse Write|Edit: secret guard', () => {
  it('denies a Write that hard-codes a credential, showing it redacted and where it belongs', () => {
    const file = join(box.project, 'k8s/api.yaml');
    const content = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: api',
      'data:',
      `  AWS_ACCESS_KEY_ID: ${AWS_KEY_ID}`,
      '',
    ].join('\n');
    const run = runHook('pre-tool-use', pre('Write', { file_path: file, content }), box.env());
    expect(run.code).toBe(0);
    expect(run.output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: [
          'proagent-devops SEC001: this Write would hard-code a credential in k8s/api.yaml:',
          '- line 6, column 22: Hard-coded AWS access key ID AKIA**** (detector aws-access-key-id).',
          'Keep it in a Secret synced from your secret manager by an ExternalSecret (or a SealedSecret / SOPS-encrypted file), read with `valueFrom.secretKeyRef`, and write only a reference to it here.',
          'If the value is real, treat it as leaked and rotate it. Paths meant to hold local credentials (a gitignored .env) can be listed in `hooks.allowSecretsIn` of .proagent-devops.yaml.',
        ].join('\n'),
      },
    });
    expect(run.stdout).not.toContain(AWS_KEY_ID);
  });

  it('denies an Edit that introduces a token, with the line in the edited file', () => {
    const file = box.put(
      'docker-compose.yml',
      'services:\n  api:\n    image: shop/api:1.4.2\n    environment:\n      LOG_LEVEL: info\n',
    );
    const run = runHook(
      'pre-tool-use',
      pre('Edit', {
        file_path: file,
        old_string: '      LOG_LEVEL: info\n',
        new_string: `      LOG_LEVEL: info\n      GH_TOKEN: ${GITHUB_TOKEN}\n`,
        replace_all: false,
      }),
      box.env(),
    );
    expect(run.output?.hookSpecificOutput).toEqual({
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: [
        'proagent-devops SEC001: this Edit would hard-code a credential in docker-compose.yml:',
        '- line 6, column 17: Hard-coded GitHub token ghp_**** (detector github-token).',
        'Keep it in an environment variable passed through (`${VAR:?set VAR}`) or a Compose `secrets:` file kept outside the repository, and write only a reference to it here.',
        'If the value is real, treat it as leaked and rotate it. Paths meant to hold local credentials (a gitignored .env) can be listed in `hooks.allowSecretsIn` of .proagent-devops.yaml.',
      ].join('\n'),
    });
    expect(run.stdout).not.toContain(GITHUB_TOKEN);
  });

  it('lets through an Edit that does not add a credential the file did not already hold', () => {
    const file = box.put('app.env', `GH_TOKEN=${GITHUB_TOKEN}\nLOG_LEVEL=info\n`);
    const run = runHook(
      'pre-tool-use',
      pre('Edit', { file_path: file, old_string: 'LOG_LEVEL=info', new_string: 'LOG_LEVEL=debug', replace_all: false }),
      box.env(),
    );
    expect(run.output).toBeUndefined();
    // Rewriting the whole file keeps the old token: already on disk, reported by the review, not denied.
    const rewrite = runHook(
      'pre-tool-use',
      pre('Write', { file_path: file, content: `GH_TOKEN=${GITHUB_TOKEN}\nLOG_LEVEL=warn\n` }),
      box.env(),
    );
    expect(rewrite.output).toBeUndefined();
  });

  it('ignores documented example keys and references', () => {
    const content = 'aws_access_key_id=AKIAIOSFODNN7EXAMPLE\ntoken=${GITHUB_TOKEN}\n';
    const run = runHook('pre-tool-use', pre('Write', { file_path: join(box.project, 'x.env'), content }), box.env());
    expect(run.output).toBeUndefined();
  });

  it('allows credentials in the paths `hooks.allowSecretsIn` lists, and only there', () => {
    box.put('.proagent-devops.yaml', 'hooks:\n  allowSecretsIn: [".env.local"]\n');
    const content = `GH_TOKEN=${GITHUB_TOKEN}\n`;
    const allowed = runHook(
      'pre-tool-use',
      pre('Write', { file_path: join(box.project, '.env.local'), content }),
      box.env(),
    );
    expect(allowed.output).toBeUndefined();
    const other = runHook('pre-tool-use', pre('Write', { file_path: join(box.project, '.env'), content }), box.env());
    expect(other.output?.hookSpecificOutput).toMatchObject({ permissionDecision: 'deny' });
  });

  it('still denies when the hooks settings are invalid, and says what is wrong', () => {
    const config = box.put('.proagent-devops.yaml', 'hooks:\n  allowSecretsIn: .env.local\n');
    const content = `GH_TOKEN=${GITHUB_TOKEN}\n`;
    const run = runHook(
      'pre-tool-use',
      pre('Write', { file_path: join(box.project, '.env.local'), content }),
      box.env(),
    );
    expect(run.output?.systemMessage).toBe(
      `proagent-devops: ${config}: hooks.allowSecretsIn must be a list of globs (ignored)`,
    );
    expect(run.output?.hookSpecificOutput).toMatchObject({ permissionDecision: 'deny' });
  });
});

describe('PreToolUse Write|Edit: the policy sections of .proagent-devops.yaml', () => {
  const ask = (tool: string, change: string) => ({
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: 'ask',
      permissionDecisionReason: `proagent-devops: this ${tool} of .proagent-devops.yaml touches the policy the hooks enforce: ${change}. Confirm only if you asked for this change.`,
    },
  });

  it('asks before an Edit changes guard.allow', () => {
    const file = box.put('.proagent-devops.yaml', 'rules:\n  DKR003: off\nguard:\n  allow: []\n');
    const run = runHook(
      'pre-tool-use',
      pre('Edit', {
        file_path: file,
        old_string: '  allow: []',
        new_string: "  allow: ['^terraform destroy']",
        replace_all: false,
      }),
      box.env(),
    );
    expect(run.output).toEqual(ask('Edit', 'the `guard` section changes'));
  });

  it('asks before a new config file sets hooks and guard', () => {
    const file = join(box.project, '.proagent-devops.yaml');
    const content = 'hooks:\n  stopOnErrors: false\nguard:\n  deny: []\n';
    expect(runHook('pre-tool-use', pre('Write', { file_path: file, content }), box.env()).output).toEqual(
      ask('Write', 'the `guard` and `hooks` sections change'),
    );
  });

  it('asks when the result would not parse (the user’s guard.deny patterns would be lost)', () => {
    const file = box.put('.proagent-devops.yaml', 'guard:\n  deny: ["^make nuke"]\n');
    const run = runHook('pre-tool-use', pre('Write', { file_path: file, content: 'guard: [\n' }), box.env());
    expect(run.output).toEqual(
      ask('Write', 'the result is not valid YAML, which would drop the guard and hooks settings'),
    );
  });

  it('lets other sections change without asking', () => {
    const file = box.put('.proagent-devops.yaml', 'rules:\n  DKR003: off\nguard:\n  allow: []\n');
    const run = runHook(
      'pre-tool-use',
      pre('Edit', { file_path: file, old_string: 'DKR003: off', new_string: 'DKR003: warning', replace_all: false }),
      box.env(),
    );
    expect(run.output).toBeUndefined();
  });
});

describe('PostToolUse Write|Edit: review of the written file', () => {
  it('blocks with the errors of a written Dockerfile', () => {
    const file = box.put('api/Dockerfile', ROOT_DOCKERFILE);
    const run = runHook('post-tool-use', post('Write', { file_path: file, content: ROOT_DOCKERFILE }), box.env());
    expect(run.code).toBe(0);
    expect(run.output).toEqual({
      decision: 'block',
      reason: [
        'proagent-devops review: api/Dockerfile now has 2 errors to fix before going on:',
        '- DKR001 error api/Dockerfile:1:1: The final stage (FROM node:latest) sets no USER: the container runs as root. Fix: Create an unprivileged user and end the final stage with `USER <name>` (or `USER 10001:10001`). Rollback: Revert to the previous image tag; if the new user breaks file permissions, fix ownership with `COPY --chown`.',
        '- DKR002 error api/Dockerfile:1:6: Base image node uses the moving :latest tag. Fix: Use `FROM <image>:<version>` (and `@sha256:<digest>` for production images). Rollback: Re-pin to the last known-good tag or digest; never back to latest.',
      ].join('\n'),
    });
  });

  it('says nothing about a clean file or a file that is not an artifact', () => {
    const dockerfile = box.put('Dockerfile', CLEAN_DOCKERFILE);
    expect(runHook('post-tool-use', post('Write', { file_path: dockerfile }), box.env()).output).toBeUndefined();
    const readme = box.put('README.md', 'FROM node:latest\n');
    expect(runHook('post-tool-use', post('Write', { file_path: readme }), box.env()).output).toBeUndefined();
  });

  it('reads the Dockerfile a compose service builds (cross-file CMP001), also in a large repository', () => {
    box.put('api/Dockerfile', ROOT_DOCKERFILE);
    const compose = box.put(
      'deploy/docker-compose.yml',
      'services:\n  api:\n    build: ../api\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: ["no-new-privileges:true"]\n',
    );
    const cmp001 = (output: Record<string, unknown> | undefined) =>
      String(output?.reason ?? '')
        .split('\n')
        .filter((l) => l.startsWith('- CMP001'));
    const expected = [
      '- CMP001 error deploy/docker-compose.yml:2:3: Service `api` sets no `user:` and its Dockerfile `api/Dockerfile` has no USER: it runs as root. Fix: Set `user: "<uid>:<gid>"` on the service, or end the Dockerfile it builds with `USER <non-root>` (create the user and `chown` the paths it writes). Rollback: If the service cannot write its data after the change, fix the ownership of the volume; do not go back to root.',
    ];
    expect(cmp001(runHook('post-tool-use', post('Write', { file_path: compose }), box.env()).output)).toEqual(expected);
    // Past the whole-project budget the review reads the file's directory and its dependencies only.
    for (let i = 0; i < 401; i++) box.put(`docs/page-${i}.md`, `# page ${i}\n`);
    expect(cmp001(runHook('post-tool-use', post('Write', { file_path: compose }), box.env()).output)).toEqual(expected);
  });

  it('leaves out whole-repository rules when it reviews a large repository partially', () => {
    const deployment = box.put(
      'k8s/api.yaml',
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: {name: api, namespace: shop}',
        'spec:',
        '  selector: {matchLabels: {app: api}}',
        '  template:',
        '    metadata: {labels: {app: api}}',
        '    spec:',
        '      containers:',
        `        - {name: api, image: "shop/api:1.0.0@sha256:${DIGEST}"}`,
        '',
      ].join('\n'),
    );
    const ids = (output: Record<string, unknown> | undefined) =>
      [
        ...String(output?.reason ?? '').matchAll(/^- ([A-Z0-9]+) /gm),
        ...String(
          (output?.hookSpecificOutput as { additionalContext?: string } | undefined)?.additionalContext ?? '',
        ).matchAll(/^- ([A-Z0-9]+) /gm),
      ].map((m) => m[1]);
    const whole = ids(runHook('post-tool-use', post('Write', { file_path: deployment }), box.env()).output);
    expect(whole).toContain('K8S011');
    for (let i = 0; i < 401; i++) box.put(`docs/page-${i}.md`, `# page ${i}\n`);
    const partial = ids(runHook('post-tool-use', post('Write', { file_path: deployment }), box.env()).output);
    expect(partial).not.toContain('K8S011');
    expect(partial).toEqual(whole.filter((id) => id !== 'K8S011'));
  });

  it('gives warnings as context without blocking', () => {
    const file = box.put('Dockerfile', `FROM alpine:3.20@sha256:${DIGEST}\nUSER 10001\nRUN sudo true\n`);
    expect(runHook('post-tool-use', post('Edit', { file_path: file }), box.env()).output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PostToolUse',
        additionalContext:
          'proagent-devops review of Dockerfile: 1 warning.\n' +
          '- DKR010 warning Dockerfile:3:5: RUN uses sudo (sudo true): build steps already run as root. Fix: Drop `sudo`: run the privileged steps before `USER <app>`, or switch with `USER root` … `USER <app>` around them.',
      },
    });
  });

  it('reviews with the defaults and says so when the project config is invalid', () => {
    const config = box.put('.proagent-devops.yaml', 'rules:\n  NOPE001: off\n');
    const file = box.put('Dockerfile', CLEAN_DOCKERFILE);
    expect(runHook('post-tool-use', post('Write', { file_path: file }), box.env()).output).toEqual({
      systemMessage: `proagent-devops: ${config}: rules: unknown rule NOPE001; reviewed with the default settings`,
    });
  });
});

describe('Stop: changed artifacts with errors', () => {
  const stop = (active = false) => ({
    session_id: 'session-under-test',
    cwd: box.project,
    hook_event_name: 'Stop',
    stop_hook_active: active,
  });

  it('blocks once with the errors of the files this session changed, then lets the stop through', () => {
    const file = box.put('Dockerfile', ROOT_DOCKERFILE);
    runHook('post-tool-use', post('Write', { file_path: file }), box.env());
    const first = runHook('stop', stop(), box.env());
    expect(first.output).toEqual({
      decision: 'block',
      reason: [
        'proagent-devops: a file changed in this session has 2 errors. Fix them, or tell the user why they stay:',
        '- DKR001 error Dockerfile:1:1: The final stage (FROM node:latest) sets no USER: the container runs as root. Fix: Create an unprivileged user and end the final stage with `USER <name>` (or `USER 10001:10001`). Rollback: Revert to the previous image tag; if the new user breaks file permissions, fix ownership with `COPY --chown`.',
        '- DKR002 error Dockerfile:1:6: Base image node uses the moving :latest tag. Fix: Use `FROM <image>:<version>` (and `@sha256:<digest>` for production images). Rollback: Re-pin to the last known-good tag or digest; never back to latest.',
      ].join('\n'),
    });
    // Claude continues because of the block: the next Stop has stop_hook_active and always goes through.
    expect(runHook('stop', stop(true), box.env()).output).toBeUndefined();
    // A later stop with the same errors: not blocked again, the user is told they remain.
    expect(runHook('stop', stop(), box.env()).output).toEqual({
      systemMessage: 'proagent-devops: files changed in this session still have 2 errors (listed earlier).',
    });
    // Fixed: nothing to say.
    writeFileSync(file, CLEAN_DOCKERFILE);
    expect(runHook('stop', stop(), box.env()).output).toBeUndefined();
  });

  it('blocks again when a new error appears after the first block', () => {
    const file = box.put('Dockerfile', `FROM alpine:3.20@sha256:${DIGEST}\nCMD ["sh"]\n`);
    runHook('post-tool-use', post('Write', { file_path: file }), box.env());
    expect(runHook('stop', stop(), box.env()).output?.decision).toBe('block');
    writeFileSync(file, 'FROM alpine\nCMD ["sh"]\n');
    expect(runHook('stop', stop(), box.env()).output?.decision).toBe('block');
  });

  it('does not block with hooks.stopOnErrors: false, or in another session', () => {
    const file = box.put('Dockerfile', ROOT_DOCKERFILE);
    runHook('post-tool-use', post('Write', { file_path: file }), box.env());
    expect(runHook('stop', { ...stop(), session_id: 'another-session' }, box.env()).output).toBeUndefined();
    box.put('.proagent-devops.yaml', 'hooks:\n  stopOnErrors: false\n');
    expect(runHook('stop', stop(), box.env()).output).toBeUndefined();
  });
});

describe('SessionStart: posture summary', () => {
  const start = () => ({ session_id: 's', cwd: box.project, hook_event_name: 'SessionStart', source: 'startup' });

  it('caches the summary in CLAUDE_PLUGIN_DATA and recomputes when a file changes', () => {
    box.put('Dockerfile', ROOT_DOCKERFILE);
    const first = runHook('session-start', start(), box.env()).output;
    expect(first).toMatchObject({ hookSpecificOutput: { hookEventName: 'SessionStart' } });
    // The cache is what a second start reads: prove it by editing the cached summary.
    const cacheDir = join(box.data, 'posture');
    const [cacheName] = readdirSync(cacheDir);
    const cachePath = join(cacheDir, cacheName as string);
    const cache = JSON.parse(readFileSync(cachePath, 'utf8')) as { key: string; summary: string };
    writeFileSync(cachePath, JSON.stringify({ ...cache, summary: 'from the cache' }));
    expect(runHook('session-start', start(), box.env()).output).toEqual({
      hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: 'from the cache' },
    });
    box.put('Dockerfile', CLEAN_DOCKERFILE);
    expect(runHook('session-start', start(), box.env()).output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'SessionStart',
        additionalContext:
          'proagent-devops posture of shop: Dockerfile ×1.\nNo error findings (0 warnings).\n' +
          'Review artifacts before changing them (/proagent-devops:proagent-devops-review [path]); shell commands are checked by the command guard, and edited artifacts are reviewed as they are written.',
      },
    });
  });

  it('says nothing for a project without DevOps artifacts', () => {
    box.put('src/index.ts', 'export {};\n');
    expect(runHook('session-start', start(), box.env()).output).toBeUndefined();
  });

  it('skips the review on a repository past the size budget', () => {
    for (let i = 0; i <= 2000; i++) box.put(`docs/p${i}.md`, 'x\n');
    expect(runHook('session-start', start(), box.env()).output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'SessionStart',
        additionalContext:
          'proagent-devops: shop has more than 2000 files, so no posture summary was computed at session start. Use /proagent-devops:proagent-devops-hub or review a subdirectory (/proagent-devops:proagent-devops-review <path>).',
      },
    });
  });
});
