/** Terraform, OpenTofu and Terragrunt: destroy, apply without a reviewed plan, state surgery. */
import { type Arg, basename } from '../args.js';
import type { GuardCommand } from '../commands.js';
import { resolvePath, terraformWorkspace } from '../context.js';
import { type JudgeContext, protectedTarget, quote } from '../judge.js';
import { judgement } from '../rules.js';
import type { Judgement } from '../types.js';

/** Options that take their value as the next word (Go's flag package accepts `-var x=1` as well as `-var=x=1`). */
const VALUED = new Set([
  'var',
  'var-file',
  'target',
  'replace',
  'out',
  'state',
  'state-out',
  'backup',
  'lock-timeout',
  'parallelism',
  'chdir',
  'terragrunt-working-dir',
  'terragrunt-config',
]);

interface Parsed {
  /** Positional words: subcommand first (`run-all` and `run --all --` skipped for terragrunt). */
  pos: Arg[];
  /** Options by name without dashes: `auto-approve` → `true`/`''`/value. */
  opts: Map<string, string>;
}

function parse(argv: readonly Arg[]): Parsed {
  const pos: Arg[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i];
    if (v === undefined || !v.startsWith('-') || v === '-') {
      pos.push(v);
      continue;
    }
    if (v === '--') continue;
    const [flag, value] = v.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (value !== undefined) opts.set(flag, value);
    else if (VALUED.has(flag)) {
      opts.set(flag, argv[i + 1] ?? '');
      i++;
    } else opts.set(flag, 'true');
  }
  // `terragrunt run-all apply`, `terragrunt run --all -- apply`.
  while (pos[0] === 'run-all' || pos[0] === 'run') pos.shift();
  return { pos, opts };
}

const isOn = (value: string | undefined) => value !== undefined && !/^(false|0)$/i.test(value);

export function judgeTerraform(cmd: GuardCommand, ctx: JudgeContext): Judgement | undefined {
  const { pos, opts } = parse(cmd.argv);
  const verb = pos[0];
  if (verb === undefined || opts.has('help') || opts.has('h')) return undefined;
  const tool = cmd.name ?? 'terraform';
  const shown = quote(cmd.shownText);

  if (verb === 'destroy' || (verb === 'apply' && isOn(opts.get('destroy')))) {
    return judgement(
      'GRD001',
      'deny',
      `${shown} destroys the infrastructure it manages (databases and data included).`,
      {
        validateFirst: `\`${tool} plan -destroy\` and read every resource it would delete`,
      },
    );
  }
  if (verb === 'apply') {
    const plan = pos[1];
    if (plan === undefined) {
      if (isOn(opts.get('auto-approve'))) {
        return judgement('GRD002', 'deny', `${shown} applies an unreviewed plan with no confirmation.`, {
          validateFirst: `\`${tool} plan -out=tfplan\`, review it, then \`${tool} apply tfplan\``,
        });
      }
      return judgement('GRD011', 'ask', `${shown} computes and applies a plan in one step, with no saved plan file.`, {
        validateFirst: `\`${tool} plan -out=tfplan\` and review it, then \`${tool} apply tfplan\``,
      });
    }
    const where = protectedWorkspace(cmd, opts, ctx);
    if (where !== undefined) {
      return judgement('GRD011', 'ask', `${shown} applies a saved plan to a protected target: ${where}.`, {
        validateFirst: `\`${tool} show ${plan}\` and review it`,
      });
    }
    return judgement('GRD011', 'allow', `${shown} applies a saved plan file.`, {
      validateFirst: `\`${tool} show ${plan}\``,
    });
  }
  const sub = pos[1];
  const stateChange =
    (verb === 'state' && ['rm', 'mv', 'push', 'replace-provider'].includes(sub ?? '')) ||
    ['force-unlock', 'import', 'taint', 'untaint', 'refresh'].includes(verb) ||
    (verb === 'workspace' && sub === 'delete');
  if (stateChange) {
    const what = verb === 'state' || verb === 'workspace' ? `${verb} ${sub}` : verb;
    return judgement('GRD012', 'ask', `${shown} (\`${tool} ${what}\`) edits Terraform state directly.`, {
      validateFirst: `\`${tool} state pull > state-backup.tfstate\``,
    });
  }
  return undefined;
}

/** The workspace (TF_WORKSPACE, `workspace select`, `.terraform/environment`), `-chdir`, var files or cwd naming production. */
function protectedWorkspace(cmd: GuardCommand, opts: Map<string, string>, ctx: JudgeContext): string | undefined {
  const chdir = opts.get('chdir');
  const dir = chdir === undefined ? cmd.cwd : resolvePath(chdir, cmd.cwd, cmd.env);
  const selected =
    cmd.env.TF_WORKSPACE === undefined && cmd.tfWorkspace !== undefined
      ? { name: cmd.tfWorkspace, source: 'workspace select' }
      : terraformWorkspace(dir, cmd.env, ctx.files);
  return protectedTarget(ctx, [
    { what: 'workspace', value: selected?.name, source: selected?.source },
    { what: 'directory', value: chdir },
    { what: 'var file', value: opts.get('var-file') },
    { what: 'directory', value: basename(cmd.cwd) },
  ]);
}
