import { defineRule } from '../../core/rule.js';
import { isRun, type RunInstruction, shippedStages } from '../../models/dockerfile.js';
import { dockerfileModel } from '../../parsers/dockerfile.js';
import { type ShellWord, type SimpleCommand, unwrapCommand } from '../../parsers/shell.js';
import { packageInstall } from './package-installs.js';

const APT_LISTS = '/var/lib/apt/lists';

export const rule = defineRule({
  id: 'DKR008',
  title: 'apt-get install pulls recommends or leaves package lists',
  severity: 'warning',
  domain: 'containers',
  kinds: ['dockerfile'],
  rationale:
    'Recommended packages add tens to hundreds of MB and extra attack surface nobody asked for; package ' +
    'lists left in `/var/lib/apt/lists` bloat the layer and go stale. Both must be handled in the same RUN, ' +
    'because a later RUN cannot shrink an earlier layer.',
  fix:
    'Use `apt-get install -y --no-install-recommends <pkgs> && rm -rf /var/lib/apt/lists/*` in one RUN, or ' +
    '`RUN --mount=type=cache,target=/var/lib/apt/lists …`.',
  peers: ['hadolint:DL3015', 'hadolint:DL3009'],
  notes:
    '`-o APT::Install-Recommends=false` (or an apt.conf.d file written earlier that sets it) counts as ' +
    '`--no-install-recommends`. The list cleanup is only required in stages that ship (the final stage and ' +
    'the stages it is built FROM): builder stages are discarded. A cache or tmpfs mount on ' +
    '`/var/lib/apt/lists` counts as cleanup.',
  check(file, ctx) {
    const model = dockerfileModel(file);
    const shipped = new Set(shippedStages(model).map((s) => s.index));
    let recommendsOffGlobally = false;
    for (const run of model.instructions.filter(isRun)) {
      const script = run.script;
      if (!script) continue;
      const cleaned = cleansLists(run);
      for (const cmd of script.commands) {
        const install = aptInstallArgs(cmd);
        if (!install) continue;
        const missing: string[] = [];
        if (!recommendsOffGlobally && !noRecommends(install)) missing.push('--no-install-recommends');
        if (shipped.has(run.stage) && !cleaned) missing.push(`rm -rf ${APT_LISTS}/* in the same RUN`);
        if (missing.length === 0) continue;
        ctx.report({
          range: file.range(cmd.start, cmd.end),
          message: `${unwrapCommand(cmd).name} install without ${missing.join(' and without ')}.`,
        });
      }
      if (/APT::Install-Recommends\s*"?(false|0)/i.test(script.text)) recommendsOffGlobally = true;
    }
  },
});

/** The arguments of `apt-get install` / `apt install`. */
function aptInstallArgs(cmd: SimpleCommand): ShellWord[] | undefined {
  const install = packageInstall(cmd);
  return install?.manager === 'apt' ? install.args : undefined;
}

function noRecommends(args: ShellWord[]): boolean {
  return args.some((w, i) => {
    const v = w.value ?? '';
    if (v === '--no-install-recommends') return true;
    const option = v === '-o' || v === '--option' ? args[i + 1]?.value : v.replace(/^(-o|--option=)/, '');
    return /^APT::Install-Recommends=(false|0|no)$/i.test(option ?? '');
  });
}

function cleansLists(run: RunInstruction): boolean {
  const mounted = run.mounts.some((m) => {
    const target = (m.get('target') ?? m.get('dst') ?? m.get('destination') ?? '').replace(/\/+$/, '');
    return (
      (m.get('type') === 'cache' || m.get('type') === 'tmpfs') && (target === APT_LISTS || target === '/var/lib/apt')
    );
  });
  if (mounted) return true;
  return (run.script?.commands ?? []).some((cmd) => {
    const { name, args } = unwrapCommand(cmd);
    return name === 'rm' && args.some((w) => w.value !== undefined && w.value.replace(/\/?\*?$/, '') === APT_LISTS);
  });
}
