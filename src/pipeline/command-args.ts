/**
 * Shared vocabulary of the command classifiers: categories, one program invocation, and helpers that
 * read arguments (positionals past options, option values, `--dry-run`).
 */

export const COMMAND_CATEGORIES = [
  'deploy',
  'validation',
  'image-build',
  'trivy',
  'secret-scan',
  'migration',
  'backup',
  'rollback',
] as const;
export type CommandCategory = (typeof COMMAND_CATEGORIES)[number];

export interface CommandClass {
  category: CommandCategory;
  /** What was recognised, as users write it: `kubectl apply`, `helm upgrade`, `trivy image`, `pg_dump`. */
  label: string;
  /** Literal words naming where it acts (namespace, context, release, stack, service, files): prod detection. */
  targets: string[];
  /** A deploy that rolls itself back on failure (`helm upgrade --atomic`). */
  selfRollback?: boolean;
}

/** One program run with its arguments, after wrappers and runners are looked through. */
export interface Invocation {
  tool: string;
  /** Literal argument values; undefined where the word holds an expansion. */
  args: (string | undefined)[];
  /** `VAR=value` prefixes and `env VAR=value` words (literal names only). */
  env: Record<string, string | undefined>;
  /** The Docker engine is remote: via `ssh`, `DOCKER_HOST`, `-H`, or a non-default context. */
  remote: boolean;
}

export function commandClass(category: CommandCategory, label: string, targets: string[] = []): CommandClass {
  return { category, label, targets };
}
export function globalDockerOptions(args: (string | undefined)[]): { next: number; remote: boolean } {
  let remote = false;
  let i = 0;
  while (i < args.length) {
    const v = args[i];
    if (v === undefined || !v.startsWith('-')) break;
    const [flag, inline] = v.split('=', 2) as [string, string | undefined];
    if (['-H', '--host', '-c', '--context', '--config', '-l', '--log-level'].includes(flag)) {
      const value = inline ?? args[i + 1];
      if ((flag === '-H' || flag === '--host') && value !== undefined && !/^unix:/.test(value)) remote = true;
      if ((flag === '-c' || flag === '--context') && value !== 'default') remote = true;
      i += inline === undefined ? 2 : 1;
    } else i++;
  }
  return { next: i, remote };
}
// Argument helpers

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? path : path.slice(slash + 1);
}

/** `prisma@5.1.0` → `prisma`, `@scope/cli@1` → `@scope/cli`. */
export function stripVersion(pkg: string): string {
  const at = pkg.lastIndexOf('@');
  return at > 0 ? pkg.slice(0, at) : pkg;
}

/** `ghcr.io/aquasecurity/trivy:0.57.1@sha256:…` → `trivy`. */
export function imageRepo(image: string): string {
  const noDigest = image.split('@')[0] ?? image;
  const last = baseName(noDigest);
  return last.split(':')[0] ?? last;
}

export function oneOf(value: string | undefined, ...options: string[]): boolean {
  return value !== undefined && options.includes(value);
}

export function sub(inv: Invocation, index = 0): string | undefined {
  return positionalValues(inv.args)[index];
}

/** Index of the first argument that is not an option (nor an option's value). */
export function firstPositional(args: (string | undefined)[], valued: ReadonlySet<string>): number {
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === undefined) return i;
    if (v === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!v.startsWith('-') || v === '-') return i;
    if (valued.has(v)) i++;
  }
  return -1;
}

/** Literal positional arguments (options and their values skipped), in order. */
export function positionalValues(args: (string | undefined)[], valued: ReadonlySet<string> = new Set()): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === undefined) {
      out.push('');
      continue;
    }
    if (v.startsWith('-') && v !== '-') {
      if (valued.has(v)) i++;
      continue;
    }
    out.push(v);
  }
  return out;
}

/** Values of options given as `--opt value` or `--opt=value`. */
export function optionValues(args: (string | undefined)[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === undefined) continue;
    for (const name of names) {
      if (v === name && args[i + 1] !== undefined) out.push(args[i + 1] as string);
      else if (v.startsWith(`${name}=`)) out.push(v.slice(name.length + 1));
    }
  }
  return out;
}

export function hasFlag(args: (string | undefined)[], ...names: string[]): boolean {
  return args.some((a) => a !== undefined && names.some((n) => a === n || a.startsWith(`${n}=`)));
}

/** The value of `--dry-run` (`''` when bare); undefined when absent or `none`/`false` (a real run). */
export function dryRunOf(args: (string | undefined)[]): string | undefined {
  for (const a of args) {
    if (a === '--dry-run') return '';
    if (a?.startsWith('--dry-run=')) {
      const v = a.slice('--dry-run='.length);
      return v === 'none' || v === 'false' ? undefined : v;
    }
  }
  return undefined;
}
