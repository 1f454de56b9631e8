/**
 * The command guard's public types. The hook adapter, the CLI `guard` command and the MCP `guard_check`
 * tool code against these; keep them stable.
 */

export type GuardDecisionKind = 'allow' | 'ask' | 'deny';

export interface GuardVerdict {
  decision: GuardDecisionKind;
  /** A `GRD` rule ID (docs/guard.md). */
  ruleId: string;
  reason: string;
  /** What to run before the command (a plan, a diff, a backup). */
  validateFirst?: string;
  /** How to undo the command if it goes wrong. */
  rollback?: string;
  /** The simple commands judged, as normalised text (wrappers removed, secrets redacted), in source order. */
  commands: string[];
}

/** Overrides from the `guard:` section of `.proagent-devops.yaml`. */
export interface GuardPolicy {
  /** Regular expressions; a matching simple command turns an `ask` into `allow` (a built-in deny needs an anchored pattern). */
  allow: string[];
  /** Regular expressions; a matching simple command is denied. */
  deny: string[];
  /** The production pattern (`production:` in the config), case-insensitive; default in config/config.ts. */
  prodPattern?: string;
}

export interface GuardOptions {
  /** The directory the command runs in: relative paths, `.terraform/environment` and `.git/HEAD` resolve from it. */
  cwd: string;
  /** The environment the command runs with (`KUBECONFIG`, `TF_WORKSPACE`, `HOME` …); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  policy?: GuardPolicy;
}

/** One rule's decision on one simple command. */
export interface Judgement {
  decision: GuardDecisionKind;
  ruleId: string;
  reason: string;
  validateFirst?: string;
  rollback?: string;
}
