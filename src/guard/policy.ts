/**
 * The project's guard policy: `guard.allow` / `guard.deny` regular expressions and the `production` pattern
 * of `.proagent-devops.yaml`.
 *
 * How overrides combine (docs/guard.md):
 * - a `deny` pattern matching a simple command denies it (GRD090), whatever the built-in rules say;
 * - an `allow` pattern turns an `ask` into `allow` (GRD091);
 * - a built-in `deny` is allowed only by an *explicit* pattern: anchored at both ends and starting with the
 *   program's name (`^terraform destroy -target=module\.sandbox$`). A broad pattern (`.*`, `terraform`) that
 *   relaxes confirmations must not silently unlock a destroy.
 * - an invalid `deny` pattern makes every command `ask` (a typo must not drop a protection); an invalid
 *   `allow` pattern is ignored.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_PROD_PATTERN, findConfigFile } from '../config/config.js';
import type { GuardCommand } from './commands.js';
import { judgement } from './rules.js';
import type { GuardPolicy, Judgement } from './types.js';

export function defaultGuardPolicy(): GuardPolicy {
  return { allow: [], deny: [], prodPattern: DEFAULT_PROD_PATTERN };
}

/**
 * Reads the policy of the project containing `cwd` (the config file is searched upwards, like `review`).
 * A missing or invalid file gives the defaults; never throws.
 */
export function loadGuardPolicy(cwd: string): GuardPolicy {
  try {
    const path = findConfigFile(cwd);
    if (path === undefined) return defaultGuardPolicy();
    return policyFromConfig(parseYaml(readFileSync(path, 'utf8'), { maxAliasCount: 50 }));
  } catch {
    return defaultGuardPolicy();
  }
}

/** The policy in a parsed config document; wrong types are ignored entry by entry. */
export function policyFromConfig(doc: unknown): GuardPolicy {
  const policy = defaultGuardPolicy();
  if (!isRecord(doc)) return policy;
  if (typeof doc.production === 'string' && compiles(doc.production, 'i')) policy.prodPattern = doc.production;
  const guard = doc.guard;
  if (!isRecord(guard)) return policy;
  policy.allow = stringList(guard.allow);
  policy.deny = stringList(guard.deny);
  return policy;
}

export interface CompiledPolicy {
  allow: RegExp[];
  deny: RegExp[];
  /** Invalid deny patterns, as written. */
  brokenDeny: string[];
  prod: RegExp;
}

export function compilePolicy(policy: GuardPolicy | undefined): CompiledPolicy {
  const compileAll = (patterns: readonly string[] | undefined) => {
    const ok: RegExp[] = [];
    const broken: string[] = [];
    for (const p of patterns ?? []) {
      const re = typeof p === 'string' ? tryRegExp(p, '') : undefined;
      if (re) ok.push(re);
      else broken.push(String(p));
    }
    return { ok, broken };
  };
  const allow = compileAll(policy?.allow);
  const deny = compileAll(policy?.deny);
  const prod = tryRegExp(policy?.prodPattern ?? DEFAULT_PROD_PATTERN, 'i') ?? new RegExp(DEFAULT_PROD_PATTERN, 'i');
  return { allow: allow.ok, deny: deny.ok, brokenDeny: deny.broken, prod };
}

/** The policy's word on one command's built-in judgement. */
export function applyPolicy(command: GuardCommand, builtIn: Judgement, policy: CompiledPolicy): Judgement {
  const denied = policy.deny.find((re) => re.test(command.text));
  if (denied) {
    return judgement(
      'GRD090',
      'deny',
      `\`${command.shownText}\` matches the guard.deny pattern /${denied.source}/ of the project.`,
      {
        validateFirst: builtIn.validateFirst,
        rollback: builtIn.rollback,
      },
    );
  }
  if (policy.brokenDeny.length > 0 && builtIn.decision !== 'deny') {
    return judgement(
      'GRD090',
      'ask',
      `guard.deny pattern ${policy.brokenDeny.map((p) => JSON.stringify(p)).join(', ')} is not a valid regular ` +
        'expression; every command is asked for until it is fixed.',
    );
  }
  if (builtIn.decision === 'allow') return builtIn;
  const allowed = policy.allow.find(
    (re) => re.test(command.text) && (builtIn.decision === 'ask' || isExplicitFor(re, command)),
  );
  if (!allowed) return builtIn;
  return judgement(
    'GRD091',
    'allow',
    `allowed by the guard.allow pattern /${allowed.source}/ of the project (otherwise ${builtIn.decision}, ` +
      `${builtIn.ruleId}: ${builtIn.reason})`,
    { validateFirst: builtIn.validateFirst, rollback: builtIn.rollback },
  );
}

/** `^name …$`: anchored at both ends, naming the program literally, and matching the whole command text. */
function isExplicitFor(re: RegExp, command: GuardCommand): boolean {
  const src = re.source;
  const name = command.name;
  if (name === undefined || !src.startsWith('^') || !/(^|[^\\])\$$/.test(src)) return false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\/-]/g, (c) => `\\${c}`);
  const head = src.slice(1);
  if (!(head.startsWith(`${name}`) || head.startsWith(escaped))) return false;
  const match = re.exec(command.text);
  return match !== null && match[0] === command.text;
}

function tryRegExp(source: string, flags: string): RegExp | undefined {
  try {
    return new RegExp(source, flags);
  } catch {
    return undefined;
  }
}

function compiles(source: string, flags: string): boolean {
  return tryRegExp(source, flags) !== undefined;
}

function stringList(raw: unknown): string[] {
  if (typeof raw === 'string') return [raw];
  return Array.isArray(raw) ? raw.map((x) => (typeof x === 'string' ? x : String(x))) : [];
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
