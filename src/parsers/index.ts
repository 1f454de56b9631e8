import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { dockerfileModel } from './dockerfile.js';
import { parseHcl } from './hcl.js';
import { parseJson } from './json.js';
import { parseYaml } from './yaml.js';

/**
 * Parses a file with the parser of its kind (cached on the file). Used by the benchmark's parse-only
 * baseline and by the fuzz tests; rules call the parsers they need directly.
 */
export function parseByKind(file: SourceFile): { errors: readonly { message: string; range: Range }[] } | undefined {
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
    case 'terraform':
    case 'terraform-json':
    case 'tfvars':
      return parseHclSafely(file);
    case 'grafana-dashboard':
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

/** parseHcl, or one error when the grammar could not be loaded (so the file is a PDO000, not a crash). */
function parseHclSafely(file: SourceFile): { errors: readonly { message: string; range: Range }[] } {
  try {
    return parseHcl(file);
  } catch (error) {
    return {
      errors: [{ message: `Terraform parser unavailable: ${(error as Error).message}`, range: file.range(0, 0) }],
    };
  }
}
