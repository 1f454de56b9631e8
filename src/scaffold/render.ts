import { RULES } from '../rules/registry.js';

/**
 * Small helpers for the recipes' templates (plain TypeScript template literals, no template engine).
 */

/** A YAML/JSON double-quoted scalar (JSON strings are valid YAML). */
export const q = (value: string): string => JSON.stringify(value);

/** Joins lines, dropping `undefined`/`false` entries so templates can include lines conditionally. */
export function lines(...parts: (string | false | undefined | null)[]): string {
  return `${parts.filter((p): p is string => typeof p === 'string').join('\n')}\n`;
}

/** Indents every non-empty line of `text` by `n` spaces. */
export function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => (l === '' ? l : pad + l))
    .join('\n');
}

/** `my-service` → `MyService` (alert names). */
export function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]?.toUpperCase() + w.slice(1))
    .join('');
}

/** `my-service` → `my_service` (Terraform identifiers, metric label values). */
export const snake = (name: string): string => name.replace(/-/g, '_');

/**
 * An inline suppression marker with its reason, for a deliberate gap the user must close (a digest slot).
 * Written only when the catalog has the rule: a marker naming an unknown rule is itself a finding (PDO001).
 */
export function suppressionComment(ruleId: string, reason: string, prefix = '#'): string | undefined {
  return RULES.some((r) => r.id === ruleId) ? `${prefix} proagent-devops-ignore ${ruleId} -- ${reason}` : undefined;
}

/** An image reference: `name:tag`, plus `@digest` when the digest slot is filled. */
export const imageRef = (name: string, tag: string, digest: string): string =>
  `${name}:${tag}${digest ? `@${digest}` : ''}`;

/** The Kubernetes-annotation form of `suppressionComment` (`metadata.annotations` entry), or undefined. */
export function suppressionAnnotation(ruleId: string, reason: string): string | undefined {
  return RULES.some((r) => r.id === ruleId)
    ? `proagent-devops.io/ignore-${ruleId}: ${JSON.stringify(reason)}`
    : undefined;
}
