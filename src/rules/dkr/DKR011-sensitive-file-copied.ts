import { posix } from 'node:path';
import { defineRule, type RuleContext } from '../../core/rule.js';
import type { SourceFile } from '../../core/source-file.js';
import { type DockerToken, isCopyOrAdd } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';

/** Base names of files that hold credentials. `.env.example` and friends are templates, not secrets. */
const SENSITIVE: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /^\.env(\.(?!(example|sample|template|dist)$)[^/]+)?$/i, what: 'a dotenv file' },
  { pattern: /\.(pem|key|p12|pfx)$/i, what: 'a private key or certificate bundle' },
  { pattern: /^id_(rsa|dsa|ecdsa|ed25519)(?!.*\.pub$)/, what: 'an SSH private key' },
  { pattern: /^\.(aws|ssh)$/, what: 'a credentials directory' },
  { pattern: /^credentials.*\.json$|^\.git-credentials$/i, what: 'a credentials file' },
];

export const rule = defineRule({
  id: 'DKR011',
  title: 'Sensitive file copied into the image',
  severity: 'error',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    'Every file copied into a layer stays in the image, even if a later step deletes it: anyone who can pull ' +
    'the image can extract `.env` files, keys and cloud credentials. `COPY . .` without a `.dockerignore` ' +
    'copies all of them, plus `.git`.',
  fix:
    'Do not copy secrets: mount them at build time (`RUN --mount=type=secret`) or inject them at runtime. ' +
    'Add a `.dockerignore` (`.env*`, `*.pem`, `*.key`, `.git`, `.aws`, `node_modules`) next to the Dockerfile.',
  peers: ['checkov:CKV2_DOCKER_1'],
  notes:
    'Recognised: `.env`/`.env.*` (not `.env.example`/`.sample`/`.template`/`.dist`), `*.pem`, `*.key`, ' +
    '`*.p12`, `*.pfx`, `id_rsa*`-style private keys (not `*.pub`), `.aws/`, `.ssh/`, `credentials*.json`, ' +
    'and `.npmrc` when the reviewed `.npmrc` holds a literal token. `COPY . .` fires only when there is no ' +
    '`.dockerignore` (or `<Dockerfile>.dockerignore`) next to the Dockerfile or at the repository root.',
  check(file, ctx) {
    const dir = posix.dirname(file.path);
    for (const copy of dockerfileModel(file).instructions.filter(isCopyOrAdd)) {
      if (copy.heredoc) continue;
      for (const source of copy.sources) {
        const what = sensitiveKind(ctx, dir, source);
        if (what) {
          ctx.report({
            range: source.range,
            message: `${copy.keyword} puts ${source.text} (${what}) into the image, where anyone who can pull it can read it.`,
            fix: `Remove ${source.text} from the ${copy.keyword}; mount it with RUN --mount=type=secret or inject it at runtime.`,
          });
        } else if (copy.from === undefined && /^\.\/?$/.test(source.text) && !hasDockerignore(ctx, file, dir)) {
          ctx.report({
            range: source.range,
            message: `${copy.keyword} . copies the whole build context and there is no .dockerignore next to the Dockerfile.`,
            fix: `Add ${posix.join(dir, '.dockerignore')} excluding .git, .env*, *.pem, *.key, .aws and build output.`,
          });
        }
      }
    }
  },
});

function sensitiveKind(ctx: RuleContext, dir: string, source: DockerToken): string | undefined {
  const base = posix.basename(source.text.replace(/\/+$/, ''));
  const match = SENSITIVE.find((s) => s.pattern.test(base));
  if (match) return match.what;
  if (base === '.npmrc') {
    const npmrc = ctx.project.get(posix.join(dir, source.text));
    // A token written as `${NPM_TOKEN}` is expanded by npm at install time; only literals leak.
    if (npmrc && /(_authToken|_auth|_password)\s*=\s*(?!\$\{)\S/.test(npmrc.text)) return 'an .npmrc with a token';
  }
  return undefined;
}

function hasDockerignore(ctx: RuleContext, file: SourceFile, dir: string): boolean {
  const own = `${posix.basename(file.path)}.dockerignore`;
  return [posix.join(dir, '.dockerignore'), posix.join(dir, own), '.dockerignore'].some((p) => ctx.project.has(p));
}
