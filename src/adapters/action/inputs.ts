import { REPORT_FORMATS, type ReportFormat } from '../../report/index.js';
import { UsageError } from '../cli/io.js';

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  paths: string[];
  format: ReportFormat;
  failOn: FailOn;
  config: string | undefined;
  /** Empty: no SARIF file. */
  sarifFile: string;
}

/**
 * An input as the runner passes it: `INPUT_` + the name upper-cased with spaces as underscores (hyphens
 * stay: `fail-on` → `INPUT_FAIL-ON`). Unset and empty are the same to an Action.
 */
export function input(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`input ${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** The Action's inputs with the defaults of action.yml (also when run outside a runner). */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const paths = input(env, 'path')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const config = input(env, 'config');
  const sarifFile = env['INPUT_SARIF-FILE'] === undefined ? 'proagent-devops.sarif' : input(env, 'sarif-file');
  // It is echoed as a step output, one `name=value` line.
  if (/[\r\n]/.test(sarifFile)) throw new UsageError('input sarif-file must be a single path');
  return {
    paths: paths.length > 0 ? paths : ['.'],
    format: oneOf(input(env, 'format') || 'text', REPORT_FORMATS, 'format'),
    failOn: oneOf(input(env, 'fail-on') || 'error', FAIL_ON, 'fail-on'),
    config: config === '' ? undefined : config,
    sarifFile,
  };
}
