import type { Project } from './project.js';
import type { SourceFile } from './source-file.js';
import type { Domain, FileKind, Range, Severity } from './types.js';

/** Settings rules may read (from `.proagent-devops.yaml`); never the raw config. */
export interface RuleSettings {
  /** True when any of the given names (path, namespace, env, file name) matches the production pattern. */
  isProd(...names: (string | undefined)[]): boolean;
  /** Required cost-allocation tags (TF003), as configured. */
  readonly requiredTags: readonly string[];
  /** Allowed alert `severity` label values (PRM003). */
  readonly allowedAlertSeverities: readonly string[];
}

export interface ReportDescriptor {
  /** Defaults to the file being checked (file-scoped rules). */
  file?: SourceFile;
  range: Range;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. "warning for prebuilt images"). */
  severity?: Severity;
  /** Overrides the rule's generic fix with a concrete one. */
  fix?: string;
}

export interface RuleContext {
  readonly project: Project;
  readonly settings: RuleSettings;
  report(descriptor: ReportDescriptor): void;
}

export interface RuleMeta {
  /** Stable ID, e.g. `DKR002`. The family is its letters. */
  id: string;
  title: string;
  severity: Severity;
  domain: Domain;
  /** File kinds the rule reads; the engine only runs it when such files exist. */
  kinds: readonly FileKind[];
  /** Why the convention exists (one or two sentences, Markdown). */
  rationale: string;
  /** How to fix a finding. */
  fix: string;
  /** How to roll back, for rules about deployments or state. */
  rollback?: string;
  /** Peer tool IDs with the same intent (`hadolint:DL3007`, `checkov:CKV_DOCKER_7`). */
  peers?: readonly string[];
  /** Rules that are noisy by design are off until enabled in config. */
  enabledByDefault?: boolean;
  /** Extra notes for the docs page: what does not fire, what is recognised. */
  notes?: string;
}

export interface FileRule extends RuleMeta {
  scope: 'file';
  check(file: SourceFile, ctx: RuleContext): void;
}

export interface ProjectRule extends RuleMeta {
  scope: 'project';
  check(project: Project, ctx: RuleContext): void;
}

export type Rule = FileRule | ProjectRule;

type FileRuleInput = Omit<FileRule, 'scope'> & { scope?: 'file' };

/** Declares a rule: metadata next to the check. File-scoped unless `scope: 'project'`. */
export function defineRule(rule: FileRuleInput): FileRule;
export function defineRule(rule: ProjectRule): ProjectRule;
export function defineRule(rule: FileRuleInput | ProjectRule): Rule {
  if (rule.scope === 'project') return rule;
  return { ...rule, scope: 'file' } as FileRule;
}

export function ruleFamily(id: string): string {
  return id.replace(/\d+$/, '');
}

export const DOCS_BASE_URL = 'https://github.com/proagent/proagent-devops/blob/main/docs/rules/';

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
