import { posix } from 'node:path';
import type { Project } from '../../core/project.js';
import { defineRule } from '../../core/rule.js';
import { SourceFile } from '../../core/source-file.js';
import { isSopsEncrypted } from '../../secrets/detect.js';
import { isPlaceholderValue } from '../../secrets/names.js';

/** Template dotenv files meant to be committed (placeholders only). */
const DOTENV_TEMPLATES = new Set(['example', 'sample', 'template', 'dist']);
const SSH_KEY = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:[._-].*)?$/;
const NPMRC_TOKEN = /^[ \t]*(?:\/\/[^\s=]*:)?_(?:authToken|auth|password)[ \t]*=[ \t]*["']?([^\s"']+)/gm;
const PYPIRC_PASSWORD = /^[ \t]*password[ \t]*[=:][ \t]*(\S+)/gm;

/**
 * Why a path is a credential file that should not be in the repository, or undefined.
 * `file` is the read file when discovery could read it (binary keystores are not read).
 */
export function credentialFileReason(path: string, file: SourceFile | undefined): string | undefined {
  const base = posix.basename(path).toLowerCase();
  const text = file?.text;
  if (text !== undefined && isSopsEncrypted(text)) return undefined;
  if (base === '.env' || base.startsWith('.env.')) {
    const suffix = base.slice('.env.'.length);
    if (base !== '.env' && [...DOTENV_TEMPLATES].some((t) => suffix === t || suffix.startsWith(`${t}.`))) {
      return undefined;
    }
    return 'a dotenv file (environment secrets)';
  }
  if (base.endsWith('.pem') || base.endsWith('.key')) {
    // A certificate or public key is public; only private key material is a secret.
    if (text?.includes('-----BEGIN') && !text.includes('PRIVATE KEY')) return undefined;
    return 'a private key file';
  }
  if (SSH_KEY.test(base) && !base.endsWith('.pub')) return 'an SSH private key';
  if (base.endsWith('.p12') || base.endsWith('.pfx')) return 'a PKCS#12 keystore (certificate with its private key)';
  if (/^credentials.*\.json$/.test(base) && !/example|sample|template/.test(base)) return 'a credentials file';
  if (base === '.git-credentials' || path.endsWith('.aws/credentials')) return 'a credentials file';
  if (base === '.npmrc' && text !== undefined && hasLiteral(text, NPMRC_TOKEN)) return 'an .npmrc with an auth token';
  if (base === '.pypirc' && text !== undefined && hasLiteral(text, PYPIRC_PASSWORD)) return 'a .pypirc with a password';
  if (/\.tfstate(?:\..*)?$/.test(base)) return 'Terraform state (every resource attribute in plain text)';
  return undefined;
}

function hasLiteral(text: string, pattern: RegExp): boolean {
  for (const m of text.matchAll(pattern)) {
    const value = m[1] ?? '';
    if (!value.includes('${') && !isPlaceholderValue(value)) return true;
  }
  return false;
}

/** Each path of the reviewed tree that is a credential file, with the file to report on. */
function credentialFiles(project: Project): { file: SourceFile; reason: string }[] {
  const out: { file: SourceFile; reason: string }[] = [];
  for (const path of [...project.allPaths].sort()) {
    const read = project.get(path);
    const reason = credentialFileReason(path, read);
    if (reason !== undefined) out.push({ file: read ?? new SourceFile(path, 'text', ''), reason });
  }
  return out;
}

export const rule = defineRule({
  id: 'SEC002',
  title: 'Credential file in the repository',
  severity: 'error',
  domain: 'secrets',
  kinds: [],
  scope: 'project',
  rationale:
    'Dotenv files, private keys, keystores, cloud credential files and Terraform state hold secrets by ' +
    'design. Once tracked, every clone and fork has them, and deleting the file does not remove it from history.',
  fix:
    'Remove the file from the repository (`git rm --cached <file>`), add it to `.gitignore`, rotate what it ' +
    'held, and commit a placeholder template instead (`.env.example`). Keep Terraform state in a remote backend.',
  notes:
    'Discovery drops `.gitignore`d files, so a file seen here is tracked or not ignored. Reported: `.env` and ' +
    '`.env.*` (not `.env.example`, `.env.sample`, `.env.template`, `.env.dist`), `*.pem`/`*.key` holding a ' +
    'private key (certificates and public keys are fine), `id_rsa`/`id_ed25519`/… (not `.pub`), `*.p12`, ' +
    '`*.pfx`, `credentials*.json`, `.git-credentials`, `.aws/credentials`, `.npmrc` with a literal `_authToken`/' +
    '`_auth`/`_password`, `.pypirc` with a literal password, and `*.tfstate*`. SOPS-encrypted files are fine.',
  check(project, ctx) {
    for (const { file, reason } of credentialFiles(project)) {
      ctx.report({
        file,
        range: file.range(0, 0),
        message: `${file.path} is ${reason} and is committed (not gitignored).`,
      });
    }
  },
});
