/** Core value types shared by every layer. No behaviour lives here. */

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The nine domains of the brief; the hub scores each one. */
export const DOMAINS = [
  'cicd',
  'containers',
  'iac',
  'observability',
  'incident',
  'cloud',
  'secrets',
  'gitops',
  'cost',
] as const;
export type Domain = (typeof DOMAINS)[number];

/**
 * What a file is, decided by name and content (see workspace/classify.ts).
 * `text` files are only scanned by the secret rules.
 */
export const FILE_KINDS = [
  'dockerfile',
  'dockerignore',
  'compose',
  'k8s',
  'github-workflow',
  'github-action',
  'gitlab-ci',
  'jenkinsfile',
  'prometheus-rules',
  'prometheus-config',
  'alertmanager-config',
  'grafana-dashboard',
  'terraform',
  'terraform-json',
  'tfvars',
  'helm-chart',
  'helm-values',
  'helm-template',
  'kustomization',
  'dotenv',
  'yaml',
  'json',
  'source',
  'text',
] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** 1-based line and column; columns count UTF-16 code units (as SARIF's default). */
export interface Position {
  line: number;
  column: number;
}

/** 1-based, end exclusive. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type SuppressionKind = 'inline' | 'config' | 'baseline';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Repo-relative POSIX path. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  domain: Domain;
  fix?: string;
  rollback?: string;
  docsUrl: string;
  fingerprint: string;
  /** The offending source text, already redacted when it holds a secret. */
  snippet?: string;
  suppressed?: { kind: SuppressionKind; justification: string };
}

export interface SkippedFile {
  file: string;
  reason: string;
}
