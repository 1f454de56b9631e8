import { defineRule } from '../../core/rule.js';
import { type JenkinsPipeline, jenkinsPipeline } from '../../models/jenkinsfile.js';
import { type GroovyToken, stringOffsetOf, walkCalls } from '../../parsers/groovy.js';
import { type ShellWord, unwrapCommand } from '../../parsers/shell.js';
import { findSecrets } from '../../secrets/detect.js';
import { isPlaceholderValue, isSecretLikeName } from '../../secrets/names.js';

/** Options that take a credential as their value. */
const SECRET_OPTIONS = new Set(['--password', '--token', '--secret', '--api-key', '--client-secret', '--access-token']);
/** Programs whose `-p VALUE` is a password. */
const PASSWORD_P = new Set(['docker', 'podman', 'buildah', 'skopeo', 'helm', 'oras', 'sshpass']);
const MIN_LENGTH = 6;

export const rule = defineRule({
  id: 'JNK003',
  title: 'Do not write credentials in the Jenkinsfile',
  severity: 'error',
  domain: 'secrets',
  kinds: ['jenkinsfile'],
  rationale:
    'A credential written in the Jenkinsfile is in every clone, fork and build log of the repository, and ' +
    'cannot be rotated without a commit; Jenkins credentials are stored encrypted, masked in logs and scoped.',
  fix:
    "Store it in Jenkins credentials and bind it: `environment { TOKEN = credentials('api-token') }` or " +
    "`withCredentials([string(credentialsId: 'api-token', variable: 'TOKEN')]) { sh 'cmd --token \"$TOKEN\"' }`; " +
    'rotate the exposed value.',
  notes:
    "Fires on: `environment { NAME = 'literal' }` and `withEnv(['NAME=literal'])` with a secret-like name; " +
    "named arguments such as `password: 'literal'`; `sh` scripts passing a literal to `--password`, `--token`, " +
    '`--secret`, `--api-key`, `--client-secret`, `--access-token`, `-p` of registry logins and `sshpass`, ' +
    '`mysql -p<password>`, `curl -u user:password`, or assigning one to a secret-like variable; and any string ' +
    'holding a known token format (AWS, GitHub, GitLab, Slack, Stripe, private keys, URLs with passwords …). ' +
    'Placeholders, `credentials()`, interpolations and shell variables do not fire. Values are never printed.',
  check(file, ctx) {
    const reported = new Set<number>();
    const report = (start: number, end: number, what: string) => {
      if (reported.has(start)) return;
      reported.add(start);
      ctx.report({
        range: file.range(start, end),
        message: `${what} is written literally in the Jenkinsfile; bind it from Jenkins credentials.`,
      });
    };
    const pipeline = jenkinsPipeline(file);
    for (const a of pipeline.environment) {
      const s = a.string?.string;
      if (a.string && s && isSecretLikeName(a.name) && isLiteralSecret(s.value, s.interpolations.length)) {
        report(...valueSpan(a.string), `\`${a.name}\``);
      }
    }
    namedArguments(pipeline, report);
    shellCredentials(pipeline, report);
    for (const token of pipeline.groovy.tokens) {
      const s = token.string;
      if (!s) continue;
      for (const env of withEnvEntries(pipeline, token)) report(env.start, env.end, `\`${env.name}\``);
      const offsetOf = stringOffsetOf(s);
      for (const m of findSecrets(s.value, { assignments: 'none' })) {
        report(offsetOf(m.start), offsetOf(m.end - 1) + 1, `A ${m.label}`);
      }
    }
  },
});

type Report = (start: number, end: number, what: string) => void;

function isLiteralSecret(value: string, interpolations: number): boolean {
  return interpolations === 0 && value.length >= MIN_LENGTH && !isPlaceholderValue(value) && !/^\$/.test(value);
}

function valueSpan(token: GroovyToken): [number, number] {
  const s = token.string;
  if (!s || s.offsets.length === 0) return [token.start, token.end];
  return [s.offsets[0] as number, s.contentEnd];
}

/** `password: 'literal'` in any call (`git`, `httpRequest`, plugin steps). */
function namedArguments(pipeline: JenkinsPipeline, report: Report): void {
  for (const call of walkCalls(pipeline.groovy.calls)) {
    for (const arg of call.args) {
      const s = arg.string?.string;
      if (arg.name === undefined || !arg.string || !s || !isSecretLikeName(arg.name)) continue;
      // `passwordVariable: 'REGISTRY_TOKEN'` names the variable a binding fills, it is not a value.
      if (/Variable$/.test(arg.name)) continue;
      if (isLiteralSecret(s.value, s.interpolations.length)) report(...valueSpan(arg.string), `\`${arg.name}\``);
    }
  }
}

/** `withEnv(['DB_PASSWORD=literal'])` entries held by a string token. */
function withEnvEntries(pipeline: JenkinsPipeline, token: GroovyToken): { name: string; start: number; end: number }[] {
  const s = token.string;
  if (!s) return [];
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(s.value);
  if (!m || !isSecretLikeName(m[1] as string)) return [];
  const inWithEnv = [...walkCalls(pipeline.groovy.calls)].some(
    (c) => c.name === 'withEnv' && token.start >= c.start && token.end <= c.headEnd,
  );
  const valueStart = (m[1] as string).length + 1;
  const interpolated = s.interpolations.some((i) => i.end > valueStart);
  if (!inWithEnv || !isLiteralSecret(m[2] as string, interpolated ? 1 : 0)) return [];
  const offsetOf = stringOffsetOf(s);
  return [{ name: m[1] as string, start: offsetOf(valueStart), end: s.contentEnd }];
}

function shellCredentials(pipeline: JenkinsPipeline, report: Report): void {
  const literal = (w: ShellWord | undefined) =>
    w?.value !== undefined && isLiteralSecret(w.value, 0) && !w.raw.includes('$');
  for (const step of pipeline.steps) {
    for (const cmd of step.script?.shell.commands ?? []) {
      for (const a of cmd.assignments) {
        if (isSecretLikeName(a.name) && a.value && literal(a.value))
          report(a.value.start, a.value.end, `\`${a.name}\``);
      }
      const { name, args } = unwrapCommand(cmd);
      if (name === undefined) continue;
      args.forEach((w, i) => {
        const v = w.value ?? '';
        const [flag, inline] = v.startsWith('--') ? (v.split('=', 2) as [string, string | undefined]) : [v, undefined];
        if (SECRET_OPTIONS.has(flag)) {
          if (inline !== undefined && isLiteralSecret(inline, 0) && !w.raw.includes('$')) {
            report(w.start + flag.length + 1, w.end, `The \`${flag}\` value`);
          } else if (inline === undefined && literal(args[i + 1])) {
            report((args[i + 1] as ShellWord).start, (args[i + 1] as ShellWord).end, `The \`${flag}\` value`);
          }
        }
        if (v === '-p' && PASSWORD_P.has(name) && literal(args[i + 1])) {
          report((args[i + 1] as ShellWord).start, (args[i + 1] as ShellWord).end, `The \`${name} -p\` password`);
        }
        if (
          (name === 'mysql' || name === 'mysqldump' || name === 'mariadb') &&
          /^-p.{6,}/.test(v) &&
          !w.raw.includes('$')
        ) {
          report(w.start + 2, w.end, 'The `mysql -p` password');
        }
        if (name === 'curl' && (v === '-u' || v === '--user')) {
          const pair = args[i + 1];
          const password = pair?.value?.split(':').slice(1).join(':');
          if (pair && password !== undefined && !pair.raw.includes('$') && isLiteralSecret(password, 0)) {
            // Point at the password alone when the word is written as is (no quotes to skip).
            const from = pair.raw === pair.value ? pair.start + pair.raw.indexOf(':') + 1 : pair.start;
            report(from, pair.end, 'The `curl -u` password');
          }
        }
      });
    }
  }
}
