import { defineRule } from '../../core/rule.js';
import type { FileKind } from '../../core/types.js';
import { parseByKind } from '../../parsers/index.js';
import { parseJson } from '../../parsers/json.js';
import { parseYaml } from '../../parsers/yaml.js';

const YAML_KINDS: readonly FileKind[] = [
  'compose',
  'k8s',
  'github-workflow',
  'github-action',
  'gitlab-ci',
  'prometheus-rules',
  'prometheus-config',
  'alertmanager-config',
  'kustomization',
  'helm-chart',
  'helm-values',
];
const JSON_KINDS: readonly FileKind[] = ['grafana-dashboard'];
const HCL_KINDS: readonly FileKind[] = ['terraform', 'terraform-json', 'tfvars'];

export const rule = defineRule({
  id: 'PDO000',
  title: 'File could not be parsed',
  severity: 'error',
  domain: 'cicd',
  kinds: [...YAML_KINDS, ...JSON_KINDS, ...HCL_KINDS],
  rationale:
    'A file that does not parse cannot be deployed and cannot be reviewed: every other rule is blind to it. ' +
    'The review of the other files goes on.',
  fix: 'Fix the syntax error at the reported position (the message says what the parser expected).',
  notes:
    'Generic `*.json` and `*.yaml` files that are not recognised as a DevOps artifact are not reported: ' +
    'JSON with comments (tsconfig, devcontainer) is common and valid for its consumer.',
  check(file, ctx) {
    const errors = HCL_KINDS.includes(file.kind)
      ? (parseByKind(file)?.errors ?? [])
      : JSON_KINDS.includes(file.kind)
        ? parseJson(file).errors
        : parseYaml(file).errors;
    // The first error is the cause; the parser's follow-up errors are cascades of it.
    const first = errors[0];
    if (first) ctx.report({ range: first.range, message: first.message });
  },
});
