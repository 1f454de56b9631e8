import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commandName,
  findDownloadsIntoShell,
  hasOption,
  parseShell,
  pipelineOf,
  shellCommandString,
  unwrapCommand,
} from './shell.js';

const words = (script: string) => parseShell(script).commands.map((c) => c.words.map((w) => w.value));

describe('parseShell', () => {
  it('reads words with quoting removed and offsets into the script', () => {
    const script = parseShell(`FOO=1 echo "a b" 'c'd e\\ f $HOME`);
    const [cmd] = script.commands;
    expect(cmd?.assignments.map((a) => [a.name, a.value?.value])).toEqual([['FOO', '1']]);
    expect(cmd?.words.map((w) => [w.value, w.raw, w.start, w.end])).toEqual([
      ['echo', 'echo', 6, 10],
      ['a b', '"a b"', 11, 16],
      ['cd', "'c'd", 17, 21],
      ['e f', 'e\\ f', 22, 26],
      [undefined, '$HOME', 27, 32],
    ]);
    expect([cmd?.start, cmd?.end]).toEqual([0, 32]);
    expect(script.error).toBeUndefined();
  });

  it('numbers pipelines and keeps && / || chains apart', () => {
    const script = parseShell('a | b |& c && d || e');
    expect(script.commands.map((c) => [c.words[0]?.value, c.pipeline.index, c.pipeline.length])).toEqual([
      ['a', 0, 3],
      ['b', 1, 3],
      ['c', 2, 3],
      ['d', 0, 1],
      ['e', 0, 1],
    ]);
    const [a, b, , d] = script.commands;
    expect(a?.pipeline.id).toBe(b?.pipeline.id);
    expect(d?.pipeline.id).not.toBe(a?.pipeline.id);
    expect(pipelineOf(script, b!).map(commandName)).toEqual(['a', 'b', 'c']);
  });

  it('finds commands in substitutions, with their own pipelines', () => {
    const script = parseShell('echo "$(curl -s x | sh)" <(wget y)');
    expect(script.commands.map((c) => [commandName(c), c.origin, c.pipeline.length])).toEqual([
      ['echo', 'script', 1],
      ['curl', 'substitution', 2],
      ['sh', 'substitution', 2],
      ['wget', 'substitution', 1],
    ]);
  });

  it('parses sh -c strings and maps their offsets into the outer script', () => {
    const text = 'sudo bash -ec \'curl x | sh\' && sh -c "echo \\"q\\""';
    const script = parseShell(text, { offset: 100 });
    const curl = script.commands.find((c) => commandName(c) === 'curl');
    expect(curl?.origin).toBe('shell-c');
    expect(text.slice(curl!.start - 100, curl!.end - 100)).toBe('curl x');
    expect(curl?.pipeline.length).toBe(2);
    // Escaped strings cannot map 1:1; their commands stay inside the string's word.
    const echo = script.commands.find((c) => commandName(c) === 'echo');
    expect(echo?.words.map((w) => w.value)).toEqual(['echo', 'q']);
    expect(echo!.start).toBeGreaterThanOrEqual(100 + text.indexOf('"echo'));
    expect(echo!.end).toBeLessThanOrEqual(100 + text.length);
  });

  it('reports UTF-16 offsets for non-ASCII scripts (mvdan-sh counts UTF-8 bytes)', () => {
    const text = 'echo "héllo wörld 🚀" && curl x';
    const curl = parseShell(text).commands.find((c) => commandName(c) === 'curl');
    expect(text.slice(curl!.start, curl!.end)).toBe('curl x');
    expect(parseShell(text).commands[0]?.words[1]?.value).toBe('héllo wörld 🚀');
  });

  it('understands backslash-newline continuations and comments', () => {
    expect(words('apt-get update && \\\n  # why\n  apt-get install -y \\\n    curl')).toEqual([
      ['apt-get', 'update'],
      ['apt-get', 'install', '-y', 'curl'],
    ]);
  });

  it('keeps redirects and here-documents', () => {
    const [cmd] = parseShell('cat <<EOF > /etc/x 2>&1\nhello $USER\nEOF\n').commands;
    expect(cmd?.redirects.map((r) => [r.op, r.fd, r.target?.value])).toEqual([
      ['<<', undefined, 'EOF'],
      ['>', undefined, '/etc/x'],
      ['>&', '2', '1'],
    ]);
    expect(cmd?.redirects[0]?.heredoc?.raw).toBe('hello $USER\n');
  });

  it('reads export/declare as commands with assignments', () => {
    const [cmd] = parseShell('export A=1 B').commands;
    expect(cmd?.words.map((w) => w.value)).toEqual(['export', 'B']);
    expect(cmd?.assignments.map((a) => a.name)).toEqual(['A']);
  });

  it('never throws: returns the error and the commands before the broken line', () => {
    const script = parseShell("echo ok\ncurl x | sh\necho 'unterminated\n", { offset: 10 });
    expect(script.error?.message).toMatch(/Shell syntax error: reached EOF without closing quote/);
    expect(script.error?.offset).toBe(10 + 25);
    expect(script.commands.map(commandName)).toEqual(['echo', 'curl', 'sh']);
    expect(parseShell('if then fi').commands).toEqual([]);
    expect(parseShell('').commands).toEqual([]);
  });

  it('never throws and keeps offsets inside the script, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const script = parseShell(text);
        for (const c of script.commands) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(c.start).toBeLessThanOrEqual(c.end);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading commands', () => {
  const cmd = (text: string) => parseShell(text).commands[0]!;

  it('unwraps sudo, env, exec, time, nohup, nice and timeout', () => {
    const u = unwrapCommand(
      cmd('sudo -u app -E env -i A=1 B=2 nohup nice -n 5 timeout -s KILL 30 /usr/bin/curl -fsSL x'),
    );
    expect(u.name).toBe('curl');
    expect(u.args.map((w) => w.value)).toEqual(['-fsSL', 'x']);
    expect(u.wrappers.map((w) => w.value)).toEqual(['sudo', 'env', 'nohup', 'nice', 'timeout']);
    expect(commandName(cmd('exec -a name time -p make'))).toBe('make');
    expect(commandName(cmd('command -v curl'))).toBe('command');
    expect(commandName(cmd('$CC -o x'))).toBeUndefined();
    expect(commandName(cmd('A=1'))).toBeUndefined();
  });

  it('finds the script string of sh -c', () => {
    expect(shellCommandString(cmd("bash -ec 'x'"))?.value).toBe('x');
    expect(shellCommandString(cmd("sh -o pipefail -c 'y' arg0"))?.value).toBe('y');
    expect(shellCommandString(cmd('sudo sh -c "z"'))?.value).toBe('z');
    expect(shellCommandString(cmd('sh script.sh -c'))).toBeUndefined();
    expect(shellCommandString(cmd("python3 -c 'x'"))).toBeUndefined();
  });

  it('matches options alone, clustered, and in long form', () => {
    const args = cmd('apt-get -qy install --no-install-recommends=1 curl').words;
    expect(hasOption(args, 'y')).toBe(true);
    expect(hasOption(args, 'q')).toBe(true);
    expect(hasOption(args, undefined, '--no-install-recommends')).toBe(true);
    expect(hasOption(args, 'f', '--force')).toBe(false);
  });
});

describe('findDownloadsIntoShell', () => {
  const found = (text: string) =>
    findDownloadsIntoShell(parseShell(text)).map((d) => [d.shell, text.slice(d.start, d.end)]);

  it('finds downloads executed straight from the network', () => {
    expect(found('curl -fsSL https://x | sh')).toEqual([['sh', 'curl -fsSL https://x | sh']]);
    expect(found('wget -qO- https://x | grep -v y | sudo -E bash -')).toEqual([
      ['bash', 'wget -qO- https://x | grep -v y | sudo -E bash -'],
    ]);
    expect(found('eval "$(curl -s https://x)"')).toEqual([['eval', 'eval "$(curl -s https://x)"']]);
    expect(found('python3 <(curl -s https://x)')).toEqual([['python3', 'python3 <(curl -s https://x)']]);
  });

  it('leaves saved, filtered or inline-script uses alone', () => {
    expect(found('curl -o i.sh https://x && sh i.sh')).toEqual([]);
    expect(found('wget https://x | sh')).toEqual([]);
    expect(found('curl https://x | jq .version | sh -c "cat"')).toEqual([]);
    expect(found('curl https://x | node -e "process.stdin.pipe(process.stdout)"')).toEqual([]);
    expect(found('bash -c "echo $(curl -s https://x/version)"')).toEqual([]);
  });
});
