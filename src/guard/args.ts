/**
 * Reading a command's arguments the way CLIs do: options (`-n x`, `--namespace=x`, `-rf`), their values,
 * and the positionals left over. Values are the literal words (undefined where a word holds an expansion).
 */
import type { ShellWord } from '../parsers/shell.js';

export type Arg = string | undefined;

export const values = (words: readonly ShellWord[]): Arg[] => words.map((w) => w.value);

/**
 * Positional arguments, skipping options and the values of the options in `valued` (given as separate
 * words). After `--`, everything is positional. Non-literal words count as positionals (as `undefined`).
 */
export function positionals(args: readonly Arg[], valued: ReadonlySet<string> = new Set()): Arg[] {
  const out: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === '--') {
      out.push(...args.slice(i + 1));
      break;
    }
    if (v?.startsWith('-') && v !== '-') {
      if (valued.has(v)) i++;
      continue;
    }
    out.push(v);
  }
  return out;
}

/** Values of an option written `--opt value`, `--opt=value` or (single-letter) `-ovalue`. */
export function optionValues(args: readonly Arg[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === undefined || v === '--') {
      if (v === '--') break;
      continue;
    }
    for (const name of names) {
      if (v === name) {
        const next = args[i + 1];
        if (next !== undefined) out.push(next);
      } else if (v.startsWith(`${name}=`)) out.push(v.slice(name.length + 1));
      else if (/^-[A-Za-z]$/.test(name) && v.startsWith(name) && v.length > 2 && !v.startsWith('--')) {
        out.push(v.slice(2));
      }
    }
  }
  return out;
}

/** True when a long option is present (`--all`, `--all=true`), not switched off (`--all=false`). */
export function hasLong(args: readonly Arg[], ...names: string[]): boolean {
  return args.some((a) => {
    if (a === undefined) return false;
    return names.some((n) => a === n || (a.startsWith(`${n}=`) && !/=(false|0|no)$/i.test(a)));
  });
}

/** True when a short flag is present alone or in a cluster (`-r`, `-rf`, `-fr`), before any `--`. */
export function hasShort(args: readonly Arg[], letter: string): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a !== undefined && /^-[A-Za-z0-9]+$/.test(a) && a.slice(1).includes(letter)) return true;
  }
  return false;
}

/** Index of the first positional (options and the values of `valued` skipped), or -1. */
export function firstPositional(args: readonly Arg[], valued: ReadonlySet<string> = new Set()): number {
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === undefined) return i;
    if (v === '--') return i + 1 < args.length ? i + 1 : -1;
    if (!v.startsWith('-') || v === '-') return i;
    if (valued.has(v)) i++;
  }
  return -1;
}

/** The `--dry-run` mode (`''` when bare); undefined when absent or switched off (`none`, `false`). */
export function dryRunOf(args: readonly Arg[]): string | undefined {
  for (const a of args) {
    if (a === '--dry-run') return '';
    if (a?.startsWith('--dry-run=')) {
      const v = a.slice('--dry-run='.length);
      return v === 'none' || v === 'false' ? undefined : v;
    }
  }
  return undefined;
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const slash = trimmed.lastIndexOf('/');
  return slash < 0 ? trimmed : trimmed.slice(slash + 1);
}
