/**
 * What every domain detector reads: the project, the settings, every discovered path, the Kubernetes objects,
 * and what the CI pipelines do. Built once per hub run; detectors only read it.
 */
import type { Project } from '../core/project.js';
import type { RuleSettings } from '../core/rule.js';
import type { FileKind } from '../core/types.js';
import { k8sIndex, type ObjectSummary } from '../models/k8s-index.js';
import { type CiActivity, ciActivities } from './ci-activities.js';
import type { Evidence, Gap } from './types.js';

export interface DetectContext {
  project: Project;
  settings: RuleSettings;
  /** Every discovered path (read or not), sorted. */
  paths: readonly string[];
  k8sObjects: readonly ObjectSummary[];
  ci: readonly CiActivity[];
  /** Paths of the files of these kinds. */
  filesOf(...kinds: FileKind[]): string[];
  /** Paths matching a pattern (tested against the whole repo-relative path). */
  pathsMatching(pattern: RegExp): string[];
  /** Files declaring Kubernetes objects of these kinds (optionally only in API groups matching `group`). */
  objectFiles(kinds: readonly string[], group?: RegExp): string[];
  /** Text of a read file whose path matches, and whose text matches `content`. */
  filesContaining(pathPattern: RegExp, content: RegExp): string[];
}

export function detectContext(project: Project, settings: RuleSettings): DetectContext {
  const paths = [...project.allPaths].sort();
  const k8sObjects = project.ofKind('k8s').length > 0 ? k8sIndex(project).objects : [];
  const ci = ciActivities(project);
  return {
    project,
    settings,
    paths,
    k8sObjects,
    ci,
    filesOf: (...kinds) => project.ofKind(...kinds).map((f) => f.path),
    pathsMatching: (pattern) => paths.filter((p) => pattern.test(p)),
    objectFiles: (kinds, group) =>
      unique(
        k8sObjects
          .filter((o) => kinds.includes(o.kind) && (group === undefined || group.test(o.apiVersion)))
          .map((o) => o.path),
      ),
    filesContaining: (pathPattern, content) =>
      project.files.filter((f) => pathPattern.test(f.path) && content.test(f.text)).map((f) => f.path),
  };
}

export function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * Evidence of one domain as it is found. `artifact` evidence counts towards the domain's artifact total (the
 * normaliser of its findings penalty); signal evidence (a Trivy step inside a workflow) only shows what exists.
 */
export class DomainFindings {
  readonly evidence: Evidence[] = [];
  readonly gaps: Gap[] = [];
  readonly #artifacts = new Set<string>();

  add(id: string, label: string, files: readonly string[], artifact = true): boolean {
    if (files.length === 0) return false;
    this.evidence.push({ id, label, files: unique(files) });
    if (artifact) for (const f of files) this.#artifacts.add(f);
    return true;
  }

  has(id: string): boolean {
    return this.evidence.some((e) => e.id === id);
  }

  gap(gap: Gap): void {
    this.gaps.push(gap);
  }

  get artifacts(): number {
    return this.#artifacts.size;
  }

  get artifactFiles(): string[] {
    return [...this.#artifacts];
  }
}
