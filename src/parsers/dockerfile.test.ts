import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source-file.js';
import {
  type CopyInstruction,
  type EnvInstruction,
  type ExposeInstruction,
  type HealthcheckInstruction,
  isCopyOrAdd,
  isEnvOrArg,
  isRun,
  type RunInstruction,
  shippedStages,
  type UserInstruction,
} from '../models/dockerfile.js';
import { dockerfileModel, finalStageUser, parseImageReference } from './dockerfile.js';
import { commandName } from './shell.js';

const model = (text: string) => dockerfileModel(new SourceFile('Dockerfile', 'dockerfile', text));
const slice = (text: string, start: number, end: number) => text.slice(start, end);

describe('dockerfileModel', () => {
  it('reads stages, aliases, images, ARG defaults and stage references', () => {
    const m = model(
      'ARG BASE=node:20\nARG REG\nFROM --platform=$BUILDPLATFORM ${BASE} AS Build\nFROM build AS test\n' +
        'FROM ${REG}/app:1\nFROM scratch\nFROM ghcr.io/acme/app:1.2@sha256:abc\n',
    );
    expect(m.globalArgs.map((a) => a.pairs.map((p) => [p.key, p.value]))).toEqual([
      [['BASE', 'node:20']],
      [['REG', undefined]],
    ]);
    const [build, test, unresolved, scratch, pinned] = m.stages;
    expect(build?.name).toBe('build');
    expect(build?.from.platform).toBe('$BUILDPLATFORM');
    expect(build?.from.image).toMatchObject({
      reference: 'node:20',
      name: 'node',
      tag: '20',
      args: ['BASE'],
      unresolved: false,
    });
    expect(build?.from.image?.written.range).toEqual({ line: 3, column: 32, endLine: 3, endColumn: 39 });
    expect(test?.from).toMatchObject({ image: undefined, stageRef: 0 });
    expect(unresolved?.from.image?.unresolved).toBe(true);
    expect(scratch?.from.scratch).toBe(true);
    expect(pinned?.from.image).toMatchObject({
      registry: 'ghcr.io',
      name: 'acme/app',
      tag: '1.2',
      digest: 'sha256:abc',
    });
  });

  it('splits image references', () => {
    expect(parseImageReference('localhost:5000/a/b')).toEqual({
      registry: 'localhost:5000',
      name: 'a/b',
      tag: undefined,
      digest: undefined,
    });
    expect(parseImageReference('library/nginx:1.27')).toEqual({
      registry: undefined,
      name: 'library/nginx',
      tag: '1.27',
      digest: undefined,
    });
  });

  it('reads ENV/ARG pairs in both forms with key and value ranges', () => {
    const text = 'FROM a:1\nENV A=b C="d e" \\\n  F=g\nENV LEGACY some value\nARG TOKEN\n';
    const env = model(text).instructions.filter(isEnvOrArg) as EnvInstruction[];
    expect(env.flatMap((e) => e.pairs.map((p) => [e.keyword, p.key, p.value]))).toEqual([
      ['ENV', 'A', 'b'],
      ['ENV', 'C', 'd e'],
      ['ENV', 'F', 'g'],
      ['ENV', 'LEGACY', 'some value'],
      ['ARG', 'TOKEN', undefined],
    ]);
    expect(env[0]?.pairs[1]?.range).toEqual({ line: 2, column: 9, endLine: 2, endColumn: 16 });
    expect(env[0]?.pairs[2]?.keyRange).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 4 });
  });

  it('parses RUN scripts with file offsets, continuations, comments and mounts', () => {
    const text =
      'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && \\\n' +
      '    # explain\n    apt-get install -y \\\n\n      curl\n';
    const run = model(text).instructions.find(isRun) as RunInstruction;
    expect(run.form).toBe('shell');
    expect(run.mounts[0]?.get('target')).toBe('/var/cache/apt');
    const [update, install] = run.script?.commands ?? [];
    expect(slice(text, update!.start, update!.end)).toBe('apt-get update');
    // The comment line and the empty continuation line are dropped, as Docker does.
    expect(install?.words.map((w) => w.value)).toEqual(['apt-get', 'install', '-y', 'curl']);
    expect(slice(text, install!.words[3]!.start, install!.words[3]!.end)).toBe('curl');
  });

  it('parses heredoc RUN bodies as the script, and exec form as words', () => {
    const text =
      'FROM debian:12\nRUN <<EOF\nset -e\ncurl x | sh\nEOF\nRUN python3 <<PY\nimport os\nPY\n' +
      'RUN ["echo", "a b"]\nRUN ["sh", "-c", "make all"]\n';
    const [heredoc, python, exec, shC] = model(text).instructions.filter(isRun);
    expect(heredoc?.form).toBe('heredoc');
    const curl = heredoc?.script?.commands.find((c) => commandName(c) === 'curl');
    expect(slice(text, curl!.start, curl!.end)).toBe('curl x');
    // The python body is data for python3, not shell commands.
    expect(python?.script?.commands.map(commandName)).toEqual(['python3']);
    expect(exec?.form).toBe('exec');
    expect(exec?.exec.map((t) => t.text)).toEqual(['echo', 'a b']);
    expect(exec?.script).toBeUndefined();
    const make = shC?.script?.commands[0];
    expect(slice(text, make!.start, make!.end)).toBe('make all');
  });

  it('treats a heredoc fed to a shell as the script, unless its shebang names another interpreter', () => {
    const text =
      'FROM a:1\nRUN /bin/bash -e <<"EOF"\ncurl y | sh\nEOF\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n';
    const [bash, python] = model(text).instructions.filter(isRun);
    expect(bash?.form).toBe('heredoc');
    expect(bash?.script?.commands.map(commandName)).toEqual(['curl', 'sh']);
    expect(python?.form).toBe('heredoc');
    expect(python?.script).toBeUndefined();
  });

  it('does not parse RUN as sh after SHELL switches to PowerShell', () => {
    const m = model(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Out-Null\n',
    );
    expect(m.instructions.filter(isRun)[0]?.script).toBeUndefined();
  });

  it('handles the backtick escape directive', () => {
    const text = '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install -y curl\n';
    const m = model(text);
    expect(m.escape).toBe('`');
    expect(m.directives).toEqual([
      { name: 'escape', value: '`', range: { line: 1, column: 1, endLine: 1, endColumn: 11 } },
    ]);
    expect(m.instructions.filter(isRun)[0]?.script?.commands.map((c) => c.words.length)).toEqual([2, 4]);
  });

  it('reads COPY/ADD flags, sources and destination', () => {
    const text =
      'FROM a:1\nCOPY --chown=app:app --chmod=644 --link --from=build /a "b" ./dst/\nCOPY <<EOF /etc/x\nbody\nEOF\n';
    const [copy, heredoc] = model(text).instructions.filter(isCopyOrAdd) as CopyInstruction[];
    expect(copy).toMatchObject({ from: 'build', chown: 'app:app', chmod: '644', link: true, heredoc: false });
    expect(copy?.sources.map((s) => s.text)).toEqual(['/a', '"b"']);
    expect(copy?.destination?.text).toBe('./dst/');
    expect(heredoc?.heredoc).toBe(true);
    expect(heredoc?.sources).toEqual([]);
    expect(heredoc?.destination?.text).toBe('/etc/x');
  });

  it('reads USER, EXPOSE, HEALTHCHECK and directives', () => {
    const m = model(
      '# syntax=docker/dockerfile:1.7\nFROM a:1\nUSER app:app\nEXPOSE 8080/udp ${PORT}\nHEALTHCHECK --interval=5s CMD true\n',
    );
    expect(m.directives[0]).toMatchObject({ name: 'syntax', value: 'docker/dockerfile:1.7' });
    const [user, expose, health] = m.stages[0]?.instructions ?? [];
    expect((user as UserInstruction).user).toBe('app:app');
    expect((user as UserInstruction).userRange).toEqual({ line: 3, column: 6, endLine: 3, endColumn: 13 });
    expect((expose as ExposeInstruction).ports.map((p) => [p.port, p.protocol])).toEqual([
      [8080, 'udp'],
      [undefined, 'tcp'],
    ]);
    expect((health as HealthcheckInstruction).mode).toBe('cmd');
  });

  it('keeps positions right after non-ASCII text and CRLF line ends', () => {
    const text = 'FROM a:1\r\nLABEL d="héllo 🚀"\r\nRUN echo "ü" && curl x\r\n';
    const curl = model(text).instructions.find(isRun)?.script?.commands[1];
    expect(slice(text, curl!.start, curl!.end)).toBe('curl x');
  });

  it('never throws on garbage', () => {
    for (const text of ['', '\u0000\u0001', 'FROM', 'RUN <<EOF\n', 'FROM a AS\nCOPY', '   \n\\\n']) {
      expect(() => model(text)).not.toThrow();
    }
  });
});

describe('finalStageUser', () => {
  it('is root without any USER', () => {
    expect(finalStageUser(model('FROM a:1\n'))).toEqual({ user: undefined, runsAsRoot: true });
  });

  it('follows FROM <stage> chains and reads the last USER', () => {
    const m = model('FROM a:1 AS base\nUSER app\nFROM base AS mid\nRUN x\nFROM mid\n');
    expect(finalStageUser(m)).toEqual({
      user: 'app',
      range: { line: 2, column: 6, endLine: 2, endColumn: 9 },
      runsAsRoot: false,
    });
    expect(shippedStages(m).map((s) => s.index)).toEqual([2, 1, 0]);
  });

  it('treats root, 0, root:* and 0:* as root', () => {
    for (const user of ['root', '0', 'root:staff', '0:0']) {
      expect(finalStageUser(model(`FROM a:1\nUSER ${user}\n`)).runsAsRoot).toBe(true);
    }
    expect(finalStageUser(model('FROM a:1\nUSER 1000:0\n')).runsAsRoot).toBe(false);
  });

  it('does not inherit USER from a stage used only by COPY --from', () => {
    expect(finalStageUser(model('FROM a:1 AS b\nUSER app\nFROM c:1\nCOPY --from=b /x /x\n')).runsAsRoot).toBe(true);
  });
});
