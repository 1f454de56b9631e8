import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYamlText } from 'yaml';
import type { RuleSettings } from '../core/rule.js';
import { SEVERITIES, type Severity } from '../core/types.js';

export const CONFIG_FILE_NAMES = ['.proagent-devops.yaml', '.proagent-devops.yml'] as const;

export const DEFAULT_PROD_PATTERN = '(^|[-_./])(prod|production|prd|live)([-_./]|$)';
export const DEFAULT_REQUIRED_TAGS = ['project', 'environment', 'team', 'cost-center'] as const;
export const DEFAULT_ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;

export type RuleLevel = Severity | 'off';

export interface ConfigOverride {
  files: string[];
  rules: Record<string, RuleLevel>;
}

/** The config as written in `.proagent-devops.yaml`, validated. */
export interface Config {
  /** Where it was loaded from (undefined: defaults). */
  path?: string;
  rules: Record<string, RuleLevel>;
  overrides: ConfigOverride[];
  ignorePaths: string[];
  maxFileSize?: number;
  production: string;
  requiredTags: string[];
  alertSeverities: string[];
}

export class ConfigError extends Error {}

export function defaultConfig(): Config {
  return {
    rules: {},
    overrides: [],
    ignorePaths: [],
    production: DEFAULT_PROD_PATTERN,
    requiredTags: [...DEFAULT_REQUIRED_TAGS],
    alertSeverities: [...DEFAULT_ALERT_SEVERITIES],
  };
}

/** Walks up from `start` to the filesystem root looking for a config file. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && !isDirectory(dir)) dir = dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export function loadConfig(path: string, knownRuleIds: ReadonlySet<string>): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  let raw: unknown;
  try {
    raw = parseYamlText(text, { maxAliasCount: 50 }) ?? {};
  } catch (error) {
    throw new ConfigError(`invalid YAML in ${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  return { ...validateConfig(raw, knownRuleIds, path), path };
}

// guard, hooks, incident and hub are read and validated by their own modules.
const TOP_LEVEL_KEYS = new Set([
  'rules',
  'overrides',
  'ignorePaths',
  'maxFileSize',
  'production',
  'tags',
  'alerts',
  'guard',
  'hooks',
  'incident',
  'hub',
]);

export function validateConfig(raw: unknown, knownRuleIds: ReadonlySet<string>, where = 'config'): Config {
  const fail = (msg: string): never => {
    throw new ConfigError(`${where}: ${msg}`);
  };
  if (!isRecord(raw)) fail('must be a mapping');
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!TOP_LEVEL_KEYS.has(key)) fail(`unknown key "${key}" (expected one of ${[...TOP_LEVEL_KEYS].join(', ')})`);
  }
  const config = defaultConfig();
  config.rules = validateRuleLevels(obj.rules ?? {}, knownRuleIds, 'rules', fail);
  if (obj.overrides !== undefined) {
    if (!Array.isArray(obj.overrides)) fail('overrides must be a list');
    config.overrides = (obj.overrides as unknown[]).map((o, i) => {
      if (!isRecord(o)) return fail(`overrides[${i}] must be a mapping with files and rules`);
      const files = typeof o.files === 'string' ? [o.files] : o.files;
      if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) {
        return fail(`overrides[${i}].files must be a glob or a list of globs`);
      }
      return {
        files: files as string[],
        rules: validateRuleLevels(o.rules ?? {}, knownRuleIds, `overrides[${i}].rules`, fail),
      };
    });
  }
  if (obj.ignorePaths !== undefined) config.ignorePaths = stringList(obj.ignorePaths, 'ignorePaths', fail);
  if (obj.maxFileSize !== undefined) {
    if (typeof obj.maxFileSize !== 'number' || !(obj.maxFileSize > 0)) fail('maxFileSize must be a positive number');
    config.maxFileSize = obj.maxFileSize as number;
  }
  if (obj.production !== undefined) {
    if (typeof obj.production !== 'string') fail('production must be a regular expression string');
    try {
      new RegExp(obj.production as string, 'i');
    } catch {
      fail(`production is not a valid regular expression: ${obj.production}`);
    }
    config.production = obj.production as string;
  }
  if (obj.tags !== undefined) {
    if (!isRecord(obj.tags)) fail('tags must be a mapping with a "required" list');
    const required = (obj.tags as Record<string, unknown>).required;
    if (required !== undefined) config.requiredTags = stringList(required, 'tags.required', fail);
  }
  if (obj.alerts !== undefined) {
    if (!isRecord(obj.alerts)) fail('alerts must be a mapping with a "severities" list');
    const severities = (obj.alerts as Record<string, unknown>).severities;
    if (severities !== undefined) config.alertSeverities = stringList(severities, 'alerts.severities', fail);
  }
  return config;
}

function validateRuleLevels(
  raw: unknown,
  known: ReadonlySet<string>,
  where: string,
  fail: (msg: string) => never,
): Record<string, RuleLevel> {
  if (!isRecord(raw)) fail(`${where} must be a mapping of rule ID to off|info|warning|error`);
  const out: Record<string, RuleLevel> = {};
  for (const [id, level] of Object.entries(raw as Record<string, unknown>)) {
    if (!known.has(id)) fail(`${where}: unknown rule ${id}`);
    const value = level === false ? 'off' : level;
    if (value !== 'off' && !SEVERITIES.includes(value as Severity)) {
      fail(`${where}.${id} must be off, info, warning or error (got ${String(level)})`);
    }
    out[id] = value as RuleLevel;
  }
  return out;
}

function stringList(raw: unknown, where: string, fail: (msg: string) => never): string[] {
  if (!Array.isArray(raw) || !raw.every((v) => typeof v === 'string')) fail(`${where} must be a list of strings`);
  return raw as string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Per-file rule levels: `rules`, then every matching override in order. Override globs are relative to
 * the config file's directory, like `ignorePaths`; `toConfigPath` maps a reported path to that base.
 */
export class RuleLevels {
  readonly #config: Config;
  readonly #matchers: { match: (p: string) => boolean; rules: Record<string, RuleLevel> }[];
  readonly #toConfigPath: (file: string) => string;

  constructor(config: Config, toConfigPath: (file: string) => string = (f) => f) {
    this.#config = config;
    this.#toConfigPath = toConfigPath;
    this.#matchers = config.overrides.map((o) => ({ match: picomatch(o.files, { dot: true }), rules: o.rules }));
  }

  /** The configured level of a rule for a file, or undefined (rule default). */
  levelFor(ruleId: string, file: string): RuleLevel | undefined {
    let level = this.#config.rules[ruleId];
    if (this.#matchers.length === 0) return level;
    const path = this.#toConfigPath(file);
    for (const m of this.#matchers) {
      const l = m.rules[ruleId];
      if (l !== undefined && m.match(path)) level = l;
    }
    return level;
  }

  /** True when some setting turns the rule on anywhere (for rules off by default). */
  mentions(ruleId: string): boolean {
    if (this.#config.rules[ruleId] !== undefined && this.#config.rules[ruleId] !== 'off') return true;
    return this.#matchers.some((m) => m.rules[ruleId] !== undefined && m.rules[ruleId] !== 'off');
  }
}

export function ruleSettings(config: Config): RuleSettings {
  const prod = new RegExp(config.production, 'i');
  return {
    isProd: (...names) => names.some((n) => n !== undefined && n !== '' && prod.test(n)),
    requiredTags: config.requiredTags,
    allowedAlertSeverities: config.alertSeverities,
  };
}
