import { defineRule } from '../../core/rule.js';
import { isRun } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';
import { hasOption, type ShellWord } from '../../parsers/shell.js';
import { type PackageInstall, packageInstall } from './package-installs.js';

export const rule = defineRule({
  id: 'DKR009',
  title: 'Package installed without a version pin',
  severity: 'info',
  domain: 'containers',
  kinds: ['dockerfile'],
  enabledByDefault: false,
  rationale:
    'Unpinned packages make two builds of the same Dockerfile differ. Off by default: pinned distro package ' +
    'versions vanish from the archives when they are superseded, which breaks builds instead.',
  fix:
    'Pin the version: `apt-get install curl=7.88.1-10+deb12u5`, `apk add curl=8.5.0-r0`, `pip install ' +
    'requests==2.32.3` (or a requirements/constraints file), `npm install -g pnpm@9.1.0`.',
  peers: ['hadolint:DL3008', 'hadolint:DL3018', 'hadolint:DL3013', 'hadolint:DL3016'],
  notes:
    'Covers `apt-get`/`apt install`, `apk add`, `pip install` (also `python -m pip`) and `npm install -g`. ' +
    'Package names held in variables, local files (`./x.deb`, `.whl`, paths, URLs) and pip installs with a ' +
    '`-c` constraints file do not fire.',
  check(file, ctx) {
    for (const run of dockerfileModel(file).instructions.filter(isRun)) {
      for (const cmd of run.script?.commands ?? []) {
        const install = packageInstall(cmd);
        if (!install || !checked(install)) continue;
        for (const word of install.packages) {
          if (!isUnpinned(install, word)) continue;
          ctx.report({
            range: file.range(word.start, word.end),
            message: `${word.value} is installed with ${install.manager} without a version pin.`,
          });
        }
      }
    }
  },
});

function checked(install: PackageInstall): boolean {
  if (install.manager === 'npm') return hasOption(install.args, 'g', '--global');
  if (install.manager === 'pip') return !hasOption(install.args, 'c', '--constraint');
  return install.manager === 'apt' || install.manager === 'apk';
}

function isUnpinned(install: PackageInstall, word: ShellWord): boolean {
  const v = word.value;
  if (v === undefined || /^\.{0,2}$|[/\\]|\.(deb|whl|tgz|tar\.gz|zip)$|:\/\//.test(v)) return false;
  switch (install.manager) {
    case 'apt':
      return !v.includes('=');
    case 'apk':
      return !/[=~<>]/.test(v);
    case 'pip':
      return !/(===?|~=|\s@\s)/.test(v);
    case 'npm': {
      const version = /(?<=.)@(.*)$/.exec(v)?.[1];
      return version === undefined || version === '' || version === 'latest' || version === 'next';
    }
    default:
      return false;
  }
}
