import { defineRule } from '../../core/rule.js';
import { readKustomization } from '../../models/kustomize.js';
import { nodeRange } from '../../parsers/yaml.js';

/** Deprecated kustomization fields and what replaces them (`kustomize edit fix` rewrites them). */
const DEPRECATED: ReadonlyMap<string, string> = new Map([
  ['commonLabels', '`labels` (with `includeSelectors: true` to keep selectors in step)'],
  ['bases', '`resources`'],
  ['patchesStrategicMerge', '`patches`'],
  ['patchesJson6902', '`patches` (with `target`)'],
  ['vars', '`replacements`'],
]);

export const rule = defineRule({
  id: 'KUS004',
  title: 'Replace deprecated kustomization fields',
  severity: 'info',
  domain: 'iac',
  kinds: ['kustomization'],
  rationale:
    'kustomize v5 deprecates these fields and prints a warning on every build; they are scheduled for ' +
    'removal. `commonLabels` also rewrites immutable selectors, which breaks `kubectl apply` on existing ' +
    'Deployments when a label changes.',
  fix: 'Run `kustomize edit fix` (it rewrites the fields), then review the diff of `kustomize build` before and after.',
  notes: 'Reports `commonLabels`, `bases`, `patchesStrategicMerge`, `patchesJson6902` and `vars`.',
  check(file, ctx) {
    const k = readKustomization(file);
    if (!k) return;
    for (const [key, keyNode] of k.keys) {
      const replacement = DEPRECATED.get(key);
      if (!replacement) continue;
      ctx.report({ range: nodeRange(file, keyNode), message: `\`${key}\` is deprecated: use ${replacement}.` });
    }
  },
});
