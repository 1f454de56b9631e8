import { randomBytes } from 'node:crypto';
import type { Finding, Severity } from '../../core/types.js';

/**
 * GitHub Actions workflow commands (`::error file=…::message`), escaped as @actions/core does: a message
 * from the reviewed repository must not be able to end the command and start another.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** One annotation on the finding's range; columns only when it is on one line (GitHub ignores them otherwise). */
export function annotation(f: Finding, title: string): string {
  const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `endLine=${f.endLine}`];
  if (f.endLine === f.line) props.push(`col=${f.column}`, `endColumn=${f.endColumn}`);
  props.push(`title=${escapeProperty(title)}`);
  const fix = f.fix ? `\nFix: ${f.fix}` : '';
  return `::${COMMANDS[f.severity]} ${props.join(',')}::${escapeData(`${f.message}${fix}`)}\n`;
}

export function command(name: 'error' | 'warning' | 'notice', message: string): string {
  return `::${name}::${escapeData(message)}\n`;
}

/**
 * Wraps text the runner must not interpret: the runner treats any line whose first non-blank characters
 * are `::` as a command, and a report quotes lines of the reviewed files. `stop-commands` with a token
 * nobody can guess turns that off until the token is echoed back.
 */
export function inert(text: string): string {
  const token = `pdo-${randomBytes(16).toString('hex')}`;
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `::stop-commands::${token}\n${body}::${token}::\n`;
}
