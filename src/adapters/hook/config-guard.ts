/**
 * A Write/Edit that changes the policy the hooks enforce — the `guard` and `hooks` sections of
 * `.proagent-devops.yaml` — is asked for confirmation: otherwise the agent could allow itself what the guard
 * denies. Other sections (rule levels, ignorePaths) are ordinary project configuration.
 */
import { basename } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { CONFIG_FILE_NAMES } from '../../config/config.js';

export const POLICY_SECTIONS = ['guard', 'hooks'] as const;

export function isConfigFile(path: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(basename(path));
}

type Parsed = { ok: true; data: unknown } | { ok: false };

function parse(text: string): Parsed {
  try {
    return { ok: true, data: parseYaml(text, { maxAliasCount: 50 }) ?? {} };
  } catch {
    return { ok: false };
  }
}

const section = (data: unknown, key: string): unknown =>
  typeof data === 'object' && data !== null && !Array.isArray(data)
    ? (data as Record<string, unknown>)[key]
    : undefined;

/**
 * The policy sections a change from `before` (undefined: new file) to `after` touches, or a reason when the
 * result does not parse (an unparseable config silently drops the user's own `guard.deny` patterns).
 */
export function policySectionChanges(before: string | undefined, after: string): string | undefined {
  const next = parse(after);
  if (!next.ok) return 'the result is not valid YAML, which would drop the guard and hooks settings';
  const prev = before === undefined ? ({ ok: true, data: {} } as const) : parse(before);
  // From an unparseable file, any policy section the new text has is a change.
  const changed = POLICY_SECTIONS.filter((key) =>
    prev.ok
      ? !isDeepStrictEqual(section(prev.data, key), section(next.data, key))
      : section(next.data, key) !== undefined,
  );
  if (changed.length === 0) return undefined;
  return `the ${changed.map((k) => `\`${k}\``).join(' and ')} section${changed.length > 1 ? 's change' : ' changes'}`;
}
