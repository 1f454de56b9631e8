/**
 * `git push` that rewrites or deletes a remote branch. The branch comes from the refspec, or — with none —
 * from `.git/HEAD` (what `push.default=simple` pushes).
 */
import type { Arg } from '../args.js';
import type { GuardCommand } from '../commands.js';
import { currentBranch, resolvePath } from '../context.js';
import { type JudgeContext, quote } from '../judge.js';
import { judgement } from '../rules.js';
import type { Judgement } from '../types.js';

const GIT_GLOBAL_VALUED = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path']);
const PUSH_VALUED = new Set(['--repo', '-o', '--push-option', '--receive-pack', '--exec']);

export function judgeGit(cmd: GuardCommand, ctx: JudgeContext): Judgement | undefined {
  const argv = cmd.argv;
  let i = 0;
  let dir = cmd.cwd;
  while (i < argv.length) {
    const v = argv[i];
    if (v === undefined || !v.startsWith('-')) break;
    if (v === '-C' && argv[i + 1] !== undefined) dir = resolvePath(argv[i + 1] as string, dir, cmd.env);
    i += GIT_GLOBAL_VALUED.has(v) ? 2 : 1;
  }
  if (argv[i] !== 'push') return undefined;
  return judgePush(cmd, argv.slice(i + 1), dir, ctx);
}

function judgePush(cmd: GuardCommand, args: readonly Arg[], dir: string, ctx: JudgeContext): Judgement | undefined {
  let force = false;
  let deleting = false;
  let everything = false;
  const pos: Arg[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i];
    if (v === undefined || !v.startsWith('-')) {
      pos.push(v);
      continue;
    }
    if (PUSH_VALUED.has(v)) i++;
    else if (v === '--force' || v.startsWith('--force-with-lease') || v === '--force-if-includes') force = true;
    else if (v === '--mirror') {
      force = true;
      everything = true;
    } else if (v === '--all' || v === '--branches') everything = true;
    else if (v === '--delete') deleting = true;
    else if (/^-[A-Za-z]+$/.test(v)) {
      if (v.includes('f')) force = true;
      if (v.includes('d')) deleting = true;
    }
  }
  const refspecs = pos.slice(1);
  if (refspecs.some((r) => r?.startsWith('+'))) force = true;
  if (!force && !deleting && !refspecs.some((r) => r?.startsWith(':'))) return undefined;

  const shown = quote(cmd.shownText);
  const isProtected = (branch: string) => branch === 'main' || branch === 'master' || ctx.prod.test(branch);
  const targets = everything
    ? ['every branch']
    : targetBranches(refspecs, deleting, () => currentBranch(dir, ctx.files));
  const hit = everything ? 'every branch, main included' : targets.find((b) => b !== undefined && isProtected(b));
  const deletes = deleting || refspecs.some((r) => r?.startsWith(':'));

  if (hit !== undefined) {
    const what = deletes && !force ? 'deletes' : 'force-pushes (rewrites the history of)';
    return judgement('GRD009', 'deny', `${shown} ${what} \`${hit}\` on the remote.`, {
      validateFirst: `\`git fetch && git log HEAD..origin/${everything ? 'main' : hit}\` to see the commits that would be lost`,
    });
  }
  if (!force) return undefined;
  const unknown = targets.some((b) => b === undefined);
  const names = targets.filter((b): b is string => b !== undefined);
  return judgement(
    'GRD018',
    'ask',
    unknown
      ? `${shown} force-pushes a branch the guard cannot determine.`
      : `${shown} rewrites the history of \`${names.join('`, `')}\` on the remote.`,
    {
      validateFirst: `\`git log HEAD..origin/${names[0] ?? '<branch>'}\` to see the commits that would be lost`,
      rollback: `\`git push --force origin <previous-sha>:${names[0] ?? '<branch>'}\` with the old tip from \`git reflog\``,
    },
  );
}

/** The remote branches refspecs update: `main`, `HEAD:main`, `+main`, `src:refs/heads/dst`, `:gone`; none → HEAD's. */
function targetBranches(
  refspecs: readonly Arg[],
  deleting: boolean,
  head: () => string | undefined,
): (string | undefined)[] {
  if (refspecs.length === 0) return [head()];
  return refspecs.map((r) => {
    if (r === undefined) return undefined;
    const spec = r.replace(/^\+/, '');
    const colon = spec.lastIndexOf(':');
    let dst = colon >= 0 ? spec.slice(colon + 1) : spec;
    if (!deleting && (dst === 'HEAD' || dst === '@')) dst = head() ?? '';
    if (dst === '') return undefined;
    return dst.replace(/^refs\/heads\//, '');
  });
}
