/**
 * PreToolUse `Write|Edit`: the secret guard and the policy-file guard.
 *
 * A credential that SEC001 detects in what the tool would write is denied (with the value redacted and where
 * to keep it instead), unless `hooks.allowSecretsIn` covers the path. Only credentials the write *introduces*
 * count: a value already in the file is on disk already, and the review reports it. A change to the `guard`
 * or `hooks` section of `.proagent-devops.yaml` is asked for confirmation.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { defaultConfig, ruleSettings } from '../../config/config.js';
import { Project } from '../../core/project.js';
import { SourceFile } from '../../core/source-file.js';
import type { FileKind } from '../../core/types.js';
import { rule as sec001 } from '../../rules/sec/SEC001-hardcoded-secret.js';
import { classify } from '../../workspace/classify.js';
import { isConfigFile, policySectionChanges } from './config-guard.js';
import { capText, type HookInput, type HookOutput, toolString } from './protocol.js';
import { loadHookSettings, secretsAllowedIn } from './settings.js';
import { type HookEnv, projectDir } from './state.js';

/** The file as it would be after the tool, and the spans of it the tool writes. */
export interface ProposedWrite {
  absPath: string;
  /** Repo-relative POSIX path (or the absolute path for files outside the project). */
  path: string;
  before: string | undefined;
  after: string;
  /** [start, end) offsets in `after` of the text the tool writes (the whole file for Write). */
  written: [number, number][];
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Applies an Edit as Claude Code does: the first occurrence, or every one with `replace_all`. */
export function applyEdit(
  before: string,
  oldString: string,
  newString: string,
  replaceAll: boolean,
): { after: string; written: [number, number][] } | undefined {
  if (oldString === '') return undefined;
  let at = before.indexOf(oldString);
  if (at < 0) return undefined;
  let after = '';
  let from = 0;
  const written: [number, number][] = [];
  while (at >= 0) {
    after += before.slice(from, at);
    written.push([after.length, after.length + newString.length]);
    after += newString;
    from = at + oldString.length;
    at = replaceAll ? before.indexOf(oldString, from) : -1;
  }
  return { after: after + before.slice(from), written };
}

export function proposedWrite(input: HookInput, env: HookEnv): ProposedWrite | undefined {
  const filePath = toolString(input, 'file_path');
  if (filePath === undefined) return undefined;
  const absPath = resolve(input.cwd, filePath);
  const rel = relative(projectDir(input, env), absPath);
  const path = rel.startsWith('..') || isAbsolute(rel) ? absPath.split(sep).join('/') : rel.split(sep).join('/');
  const before = readIfExists(absPath);
  if (input.toolName === 'Write') {
    const content = toolString(input, 'content');
    if (content === undefined) return undefined;
    return { absPath, path, before, after: content, written: [[0, content.length]] };
  }
  const newString = toolString(input, 'new_string');
  if (newString === undefined) return undefined;
  const edited =
    before === undefined
      ? undefined
      : applyEdit(before, toolString(input, 'old_string') ?? '', newString, input.toolInput?.replace_all === true);
  // The Edit will fail (no file, no match): judge the new text on its own rather than not at all.
  return edited
    ? { absPath, path, before, ...edited }
    : { absPath, path, before, after: newString, written: [[0, newString.length]] };
}

export interface IntroducedSecret {
  line: number;
  column: number;
  /** SEC001's message: label, redacted value, detector. */
  message: string;
}

/** SEC001 findings inside the written spans whose value the file did not hold before. */
export function introducedSecrets(write: ProposedWrite): IntroducedSecret[] {
  const file = new SourceFile(write.path, classify(write.path, write.after), write.after);
  const out: IntroducedSecret[] = [];
  sec001.check(file, {
    project: new Project([file]),
    settings: ruleSettings(defaultConfig()),
    report: ({ range, message }) => {
      const start = file.offsetAt(range);
      const end = file.offsetAt({ line: range.endLine, column: range.endColumn });
      const inWritten = write.written.some(([s, e]) => start < e && end > s);
      if (!inWritten || write.before?.includes(write.after.slice(start, end))) return;
      out.push({ line: range.line, column: range.column, message });
    },
  });
  return out;
}

/** Where a credential belongs instead, by the kind of file it was about to be written into. */
export function secretHome(kind: FileKind): string {
  switch (kind) {
    case 'k8s':
    case 'helm-template':
    case 'kustomization':
      return 'a Secret synced from your secret manager by an ExternalSecret (or a SealedSecret / SOPS-encrypted file), read with `valueFrom.secretKeyRef`';
    case 'helm-values':
      return 'an existing Secret (`existingSecret`) created by an ExternalSecret, never a literal in values';
    case 'compose':
      return 'an environment variable passed through (`${VAR:?set VAR}`) or a Compose `secrets:` file kept outside the repository';
    case 'dockerfile':
      return 'a BuildKit secret mount (`RUN --mount=type=secret,id=…`) at build time, or an environment variable at run time';
    case 'github-workflow':
    case 'github-action':
      return 'a GitHub Actions secret (`${{ secrets.NAME }}`), or OIDC (`role-to-assume`) instead of long-lived cloud keys';
    case 'gitlab-ci':
      return 'a masked, protected GitLab CI/CD variable';
    case 'jenkinsfile':
      return 'Jenkins credentials (`withCredentials` / `credentials()`)';
    case 'terraform':
    case 'terraform-json':
    case 'tfvars':
      return 'a `sensitive` variable set from the environment (`TF_VAR_name`) or a secret-manager data source (`aws_secretsmanager_secret_version`, `google_secret_manager_secret_version`, `vault_kv_secret_v2`)';
    case 'dotenv':
      return 'your secret manager, injected into the environment at run time (committed env files hold only names and placeholders)';
    default:
      return 'an environment variable read at run time, filled from a secret manager (Vault, AWS Secrets Manager, GCP Secret Manager)';
  }
}

export function preWrite(input: HookInput, env: HookEnv): HookOutput {
  const write = proposedWrite(input, env);
  if (write === undefined) return {};
  const secrets = introducedSecrets(write);
  // Settings are read only when needed: most writes hold no credential and are no config file.
  const settings =
    secrets.length > 0 || isConfigFile(write.absPath) ? loadHookSettings(projectDir(input, env)) : undefined;
  const warnings = settings?.warnings.length
    ? { systemMessage: `proagent-devops: ${settings.warnings.join('; ')}` }
    : {};
  if (secrets.length > 0 && settings && !secretsAllowedIn(settings, write.absPath)) {
    const kind = classify(write.path, write.after);
    const lines = [
      `proagent-devops SEC001: this ${input.toolName} would hard-code ${secrets.length === 1 ? 'a credential' : `${secrets.length} credentials`} in ${write.path}:`,
      ...secrets.map((s) => `- line ${s.line}, column ${s.column}: ${s.message}`),
      `Keep it in ${secretHome(kind)}, and write only a reference to it here.`,
      'If the value is real, treat it as leaked and rotate it. Paths meant to hold local credentials (a gitignored .env) can be listed in `hooks.allowSecretsIn` of .proagent-devops.yaml.',
    ];
    return {
      ...warnings,
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: capText(lines.join('\n')),
      },
    };
  }
  if (isConfigFile(write.absPath)) {
    const change = policySectionChanges(write.before, write.after);
    if (change !== undefined) {
      return {
        ...warnings,
        hookSpecificOutput: {
          hookEventName: 'PreToolUse',
          permissionDecision: 'ask',
          permissionDecisionReason: `proagent-devops: this ${input.toolName} of ${write.path} touches the policy the hooks enforce: ${change}. Confirm only if you asked for this change.`,
        },
      };
    }
  }
  return warnings;
}
