/**
 * Where a command acts, read from files the tools themselves read — never by running them (the guard runs on
 * every Bash call and must not start `kubectl`): the kubeconfig's current-context, Terraform's
 * `.terraform/environment`, Git's `HEAD`. Each read is cached per guard call; any read failure means
 * "unknown", never an exception.
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

export type Env = Readonly<Record<string, string | undefined>>;

/** Kubeconfigs and state files are small; anything larger is not one and is not read. */
const MAX_FILE_BYTES = 1024 * 1024;

export class FileFacts {
  readonly #cache = new Map<string, string | undefined>();

  /** The text of a file, or undefined when missing, unreadable, not a file or too large. */
  read(path: string): string | undefined {
    if (this.#cache.has(path)) return this.#cache.get(path);
    let text: string | undefined;
    try {
      const stat = statSync(path);
      text = stat.isFile() && stat.size <= MAX_FILE_BYTES ? readFileSync(path, 'utf8') : undefined;
    } catch {
      text = undefined;
    }
    this.#cache.set(path, text);
    return text;
  }

  /** `current-context` of a kubeconfig file. */
  currentContext(path: string): string | undefined {
    const text = this.read(path);
    if (text === undefined) return undefined;
    try {
      const doc: unknown = parseYaml(text, { maxAliasCount: 50 });
      if (typeof doc !== 'object' || doc === null) return undefined;
      const ctx = (doc as Record<string, unknown>)['current-context'];
      return typeof ctx === 'string' && ctx !== '' ? ctx : undefined;
    } catch {
      return undefined;
    }
  }
}

export function homeOf(env: Env): string {
  const home = env.HOME;
  return home !== undefined && home !== '' ? home : homedir();
}

/** `~/x` and relative paths, resolved the way the shell and the tool would. */
export function resolvePath(path: string, cwd: string, env: Env): string {
  if (path === '~' || path.startsWith('~/')) return join(homeOf(env), path.slice(1));
  return isAbsolute(path) ? path : resolve(cwd, path);
}

export interface KubeContext {
  name: string;
  /** Where it came from, for the reason text: `--context`, `KUBECONTEXT`, `~/.kube/config` … */
  source: string;
}

/**
 * The context kubectl/helm would use: the flag, then the context env variables, then `current-context` of the
 * first kubeconfig that sets one (`--kubeconfig`, else each file of `KUBECONFIG`, else `~/.kube/config`).
 */
export function resolveKubeContext(
  flag: { name: string; value: string } | undefined,
  kubeconfigFlag: string | undefined,
  envNames: readonly string[],
  env: Env,
  cwd: string,
  files: FileFacts,
): KubeContext | undefined {
  if (flag !== undefined) return { name: flag.value, source: flag.name };
  for (const name of envNames) {
    const v = env[name];
    if (v !== undefined && v !== '') return { name: v, source: name };
  }
  const configs =
    kubeconfigFlag !== undefined
      ? [kubeconfigFlag]
      : env.KUBECONFIG !== undefined && env.KUBECONFIG !== ''
        ? env.KUBECONFIG.split(delimiter).filter(Boolean)
        : [join(homeOf(env), '.kube', 'config')];
  for (const config of configs) {
    const path = resolvePath(config, cwd, env);
    const name = files.currentContext(path);
    if (name !== undefined) return { name, source: `current-context of ${config}` };
  }
  return undefined;
}

/** The selected Terraform workspace: `TF_WORKSPACE`, else `.terraform/environment` in the working directory. */
export function terraformWorkspace(dir: string, env: Env, files: FileFacts): KubeContext | undefined {
  const fromEnv = env.TF_WORKSPACE;
  if (fromEnv !== undefined && fromEnv !== '') return { name: fromEnv, source: 'TF_WORKSPACE' };
  const dataDir = env.TF_DATA_DIR !== undefined && env.TF_DATA_DIR !== '' ? env.TF_DATA_DIR : '.terraform';
  const text = files.read(join(resolve(dir, dataDir), 'environment'))?.trim();
  return text ? { name: text, source: `${dataDir}/environment` } : undefined;
}

/** The checked-out branch, from `.git/HEAD` of the repository containing `dir` (worktrees included). */
export function currentBranch(dir: string, files: FileFacts): string | undefined {
  let current = resolve(dir);
  for (;;) {
    const dotGit = join(current, '.git');
    const head = files.read(join(dotGit, 'HEAD'));
    if (head !== undefined) return branchOf(head);
    // A worktree or submodule: `.git` is a file saying `gitdir: <path>`.
    const pointer = /^gitdir:\s*(.+)$/m.exec(files.read(dotGit) ?? '')?.[1]?.trim();
    if (pointer !== undefined) {
      const gitDir = isAbsolute(pointer) ? pointer : resolve(current, pointer);
      const linked = files.read(join(gitDir, 'HEAD'));
      return linked === undefined ? undefined : branchOf(linked);
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

function branchOf(head: string): string | undefined {
  return /^ref:\s*refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim();
}
