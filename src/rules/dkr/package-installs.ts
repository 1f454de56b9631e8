/** Package-manager installs found in parsed shell commands (shared by DKR008, DKR009, DKR012). */
import { type ShellWord, type SimpleCommand, unwrapCommand } from '../../parsers/shell.js';

export type PackageManager = 'apt' | 'apk' | 'yum' | 'zypper' | 'pip' | 'npm';

export interface PackageInstall {
  manager: PackageManager;
  /** The words after the manager's name (verb and options included). */
  args: ShellWord[];
  /** Package operands (non-option words after the install verb). */
  packages: ShellWord[];
}

interface ManagerSpec {
  manager: PackageManager;
  verbs: readonly string[];
  /** Options whose value is the next word. */
  valued: ReadonlySet<string>;
}

const APT: ManagerSpec = {
  manager: 'apt',
  verbs: ['install'],
  valued: new Set(['-o', '-c', '-t', '--option', '--config-file', '--target-release', '--default-release']),
};
const YUM: ManagerSpec = {
  manager: 'yum',
  verbs: ['install'],
  valued: new Set(['-c', '-x', '--config', '--exclude', '--installroot', '--releasever', '--setopt']),
};
const PIP: ManagerSpec = {
  manager: 'pip',
  verbs: ['install'],
  valued: new Set([
    ...['-r', '-c', '-e', '-i', '-f', '-t', '--requirement', '--constraint', '--editable', '--index-url'],
    ...['--extra-index-url', '--find-links', '--target', '--prefix', '--root', '--trusted-host', '--platform'],
    ...['--python-version', '--only-binary', '--no-binary', '--cache-dir', '--src', '--progress-bar'],
  ]),
};
const MANAGERS: Record<string, ManagerSpec> = {
  'apt-get': APT,
  apt: APT,
  apk: {
    manager: 'apk',
    verbs: ['add'],
    valued: new Set(['-t', '-X', '-p', '--virtual', '--repository', '--root', '--arch', '--cache-dir', '--keys-dir']),
  },
  yum: YUM,
  dnf: YUM,
  microdnf: YUM,
  zypper: { manager: 'zypper', verbs: ['install', 'in'], valued: new Set(['--repo', '-r', '--from']) },
  pip: PIP,
  pip3: PIP,
  npm: { manager: 'npm', verbs: ['install', 'i', 'add'], valued: new Set(['--prefix', '--registry', '--cache']) },
};

/** Reads `apt-get install …`, `apk add …`, `pip install …`, `python3 -m pip install …`, `npm i -g …`. */
export function packageInstall(cmd: SimpleCommand): PackageInstall | undefined {
  let { name, args } = unwrapCommand(cmd);
  if ((name === 'python' || name === 'python3') && args[0]?.value === '-m' && args[1]?.value?.startsWith('pip')) {
    name = 'pip';
    args = args.slice(2);
  }
  const spec = name === undefined ? undefined : MANAGERS[name];
  if (!spec) return undefined;
  const operands: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = (args[i] as ShellWord).value ?? '';
    if (v.startsWith('-')) {
      if (spec.valued.has(v)) i++;
      continue;
    }
    operands.push(args[i] as ShellWord);
  }
  const [verb, ...packages] = operands;
  if (verb?.value === undefined || !spec.verbs.includes(verb.value)) return undefined;
  return { manager: spec.manager, args, packages };
}

/** The package name without its version (`curl=7.88*` → `curl`, `@scope/x@1` → `@scope/x`). */
export function packageName(install: PackageInstall, word: ShellWord): string | undefined {
  const v = word.value;
  if (v === undefined) return undefined;
  if (install.manager === 'npm') return v.replace(/(?<=.)@.*$/, '');
  return v.split(/[=<>~!;[ ]/)[0];
}
