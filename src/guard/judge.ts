/** What every judge gets: the command, the commands before it, and the production pattern. */
import type { GuardCommand } from './commands.js';
import type { FileFacts } from './context.js';
import type { Judgement } from './types.js';

export interface JudgeContext {
  /** Commands of the same command line that run before this one, in order. */
  prior: readonly GuardCommand[];
  prod: RegExp;
  files: FileFacts;
}

export type Judge = (command: GuardCommand, ctx: JudgeContext) => Judgement | undefined;

export interface Target {
  /** `context`, `namespace`, `workspace` … */
  what: string;
  value: string | undefined;
  /** Where it came from, when not the command line (`KUBECONTEXT`, `current-context of ~/.kube/config`). */
  source?: string | undefined;
}

/** The first target that names production, described for a reason text. */
export function protectedTarget(ctx: JudgeContext, targets: readonly Target[]): string | undefined {
  for (const t of targets) {
    if (t.value === undefined || t.value === '' || !ctx.prod.test(t.value)) continue;
    return `${t.what} \`${t.value}\`${t.source ? ` (${t.source})` : ''}`;
  }
  return undefined;
}

/** Backquoted command text for reasons, shortened so a huge heredoc does not flood the message. */
export function quote(text: string, max = 120): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `\`${one.length > max ? `${one.slice(0, max - 1)}…` : one}\``;
}
