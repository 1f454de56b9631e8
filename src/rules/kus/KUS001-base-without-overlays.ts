import { posix } from 'node:path';
import { defineRule } from '../../core/rule.js';
import { environmentTier } from '../../models/environment.js';
import { type Kustomization, kustomizationEnvironment, kustomizeModel } from '../../models/kustomize.js';
import { nodeRange } from '../../parsers/yaml.js';

export const rule = defineRule({
  id: 'KUS001',
  title: 'Consume each kustomize base from per-environment overlays, prod included',
  severity: 'warning',
  domain: 'iac',
  kinds: ['kustomization'],
  scope: 'project',
  rationale:
    'A base exists to be specialised per environment. A base that only one environment uses (or none) means ' +
    'the other environments are configured somewhere else, or copied; overlays with no production one mean ' +
    'production is deployed from something that was never reviewed here.',
  fix: 'Add `overlays/<env>/kustomization.yaml` for each environment (dev, staging, prod) with `resources: [../../base]` and only the per-environment differences.',
  notes:
    'A base is a kustomization another kustomization includes, or a directory named `base` that nobody ' +
    'includes. Environment overlays are the kustomizations above it (directly or through others) whose path or ' +
    '`namespace` names an environment; production ones match the production pattern (not `pre-prod`). A base ' +
    'consumed only by kustomizations that name no environment is not judged.',
  check(project, ctx) {
    const model = kustomizeModel(project);
    for (const base of model.kustomizations) {
      if (base.kind === 'Component') continue;
      const consumers = model.consumersOf(base);
      const named = posix.basename(base.dir) === 'base';
      if (consumers.length === 0 && !named) continue;
      const overlays = new Map<string, boolean>();
      for (const o of above(model.consumersOf, base)) {
        const env = kustomizationEnvironment(o, ctx.settings);
        if (env.name !== undefined)
          overlays.set(env.name, (overlays.get(env.name) ?? false) || environmentTier(env) === 'prod');
      }
      if (consumers.length > 0 && overlays.size === 0) continue;
      const names = [...overlays.keys()].sort();
      let problem: string | undefined;
      if (consumers.length === 0) problem = 'is a base that no overlay includes';
      else if (overlays.size < 2) problem = `is consumed by only one environment overlay (${names.join(', ')})`;
      else if (![...overlays.values()].some(Boolean))
        problem = `has overlays for ${names.join(', ')} but none for production`;
      if (!problem) continue;
      const anchor = base.keys.get('resources') ?? base.keys.values().next().value;
      ctx.report({
        file: base.file,
        range: anchor ? nodeRange(base.file, anchor) : base.file.range(0, 0),
        message: `Kustomize base \`${base.dir || '.'}\` ${problem}.`,
      });
    }
  },
});

/** Every kustomization above `k` (consumers of consumers …). */
function above(consumersOf: (k: Kustomization) => Kustomization[], k: Kustomization): Kustomization[] {
  const out: Kustomization[] = [];
  const seen = new Set<string>([k.dir]);
  const queue = [...consumersOf(k)];
  for (let next = queue.shift(); next; next = queue.shift()) {
    if (seen.has(next.dir)) continue;
    seen.add(next.dir);
    out.push(next);
    queue.push(...consumersOf(next));
  }
  return out;
}
