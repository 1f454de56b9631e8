import type { SourceFile } from '../core/source-file.js';
import { dockerfileModel } from './dockerfile.js';
import { parseJson } from './json.js';
import { parseYaml } from './yaml.js';

/**
 * Parses a file with the parser of its kind (cached on the file). Used by the benchmark's parse-only
 * baseline and by the fuzz tests; rules call the parsers they need directly.
 */
export function parseByKind(file: SourceFile): { errors: readonly unknown[] } | undefined {
  switch (file.kind) {
    case 'compose':
    case 'k8s':
    case 'github-workflow':
    case 'github-action':
    case 'gitlab-ci':
    case 'prometheus-rules':
    case 'prometheus-config':
    case 'alertmanager-config':
    case 'kustomization':
    case 'helm-chart':
    case 'helm-values':
    case 'yaml':
      return parseYaml(file);
    case 'dockerfile':
      // dockerfile-ast is tolerant (no errors); the model includes the shell parse of every RUN.
      dockerfileModel(file);
      return { errors: [] };
    case 'grafana-dashboard':
    case 'terraform-json':
    case 'json':
      return parseJson(file);
    default:
      return undefined;
  }
}

/** True when the file's own parser reported an error (PDO000 reports it; other rules skip the file). */
export function hasParseError(file: SourceFile): boolean {
  return file.fact('parse-error', () => (parseByKind(file)?.errors.length ?? 0) > 0);
}
