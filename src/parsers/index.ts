import type { SourceFile } from '../core/source-file.js';
import { parseJson } from './json.js';
import { parseYaml } from './yaml.js';

/**
 * Parses a file with the parser of its kind (cached on the file). Used by the benchmark's parse-only
 * baseline and by the fuzz tests; rules call the parsers they need directly.
 */
export function parseByKind(file: SourceFile): void {
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
      parseYaml(file);
      return;
    case 'grafana-dashboard':
    case 'terraform-json':
    case 'json':
      parseJson(file);
      return;
    default:
      return;
  }
}
