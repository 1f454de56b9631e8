/**
 * The `hooks:` section of `.proagent-devops.yaml`, read by the hooks themselves (the review's config
 * validation knows only the review's keys):
 *
 * ```yaml
 * hooks:
 *   stopOnErrors: true          # Stop: block once when changed artifacts have error findings (default true)
 *   allowSecretsIn: [.env.local] # PreToolUse Write|Edit: globs (relative to this file) where credentials may be written
 * ```
 * A bad value never disables a check: it keeps its default and the hook says so in a `systemMessage`.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { findConfigFile } from '../../config/config.js';

export interface HookSettings {
  stopOnErrors: boolean;
  allowSecretsIn: string[];
  /** The config file the settings came from. */
  configPath?: string;
  /** Problems with the section, for a systemMessage. */
  warnings: string[];
}

const KNOWN_KEYS = new Set(['stopOnErrors', 'allowSecretsIn']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parsed config file as plain data, or undefined when there is none; throws on unreadable YAML. */
export function readConfigData(path: string): unknown {
  return parseYaml(readFileSync(path, 'utf8'), { maxAliasCount: 50 }) ?? {};
}

export function loadHookSettings(projectDir: string): HookSettings {
  const settings: HookSettings = { stopOnErrors: true, allowSecretsIn: [], warnings: [] };
  const path = findConfigFile(projectDir);
  if (path === undefined) return settings;
  settings.configPath = path;
  let data: unknown;
  try {
    data = readConfigData(path);
  } catch (error) {
    settings.warnings.push(
      `${path} is not valid YAML (${(error as Error).message.split('\n')[0]}); hooks use defaults`,
    );
    return settings;
  }
  const section = isRecord(data) ? data.hooks : undefined;
  if (section === undefined || section === null) return settings;
  if (!isRecord(section)) {
    settings.warnings.push(`${path}: hooks must be a mapping; hooks use defaults`);
    return settings;
  }
  for (const key of Object.keys(section)) {
    if (!KNOWN_KEYS.has(key)) settings.warnings.push(`${path}: unknown key hooks.${key} (ignored)`);
  }
  if (section.stopOnErrors !== undefined) {
    if (typeof section.stopOnErrors === 'boolean') settings.stopOnErrors = section.stopOnErrors;
    else settings.warnings.push(`${path}: hooks.stopOnErrors must be true or false (using true)`);
  }
  const allow = section.allowSecretsIn;
  if (allow !== undefined) {
    if (Array.isArray(allow) && allow.every((g) => typeof g === 'string')) settings.allowSecretsIn = allow;
    else settings.warnings.push(`${path}: hooks.allowSecretsIn must be a list of globs (ignored)`);
  }
  return settings;
}

/** True when `absPath` matches one of the `allowSecretsIn` globs (relative to the config file's directory). */
export function secretsAllowedIn(settings: HookSettings, absPath: string): boolean {
  if (settings.allowSecretsIn.length === 0 || settings.configPath === undefined) return false;
  const rel = relative(dirname(settings.configPath), absPath);
  if (rel.startsWith('..') || isAbsolute(rel)) return false;
  return picomatch(settings.allowSecretsIn, { dot: true })(rel.split(sep).join('/'));
}
