import { lint } from '../../core/engine.js';
import { Project } from '../../core/project.js';
import { defineRule, type RuleContext } from '../../core/rule.js';
import { SourceFile } from '../../core/source-file.js';
import type { Range, Severity } from '../../core/types.js';
import { type Kustomization, kustomizeModel } from '../../models/kustomize.js';
import { renderKustomization } from '../../models/kustomize-render.js';
import { originAt, printDocuments } from '../../models/kustomize-tree.js';
import { nodeRange } from '../../parsers/yaml.js';
import { K8S_RULES } from './k8s-rules.js';

export const rule = defineRule({
  id: 'KUS005',
  title: 'Review what kustomize overlays render',
  severity: 'info',
  domain: 'iac',
  kinds: ['kustomization'],
  scope: 'project',
  rationale:
    'The cluster runs what `kustomize build` produces, not the base: an overlay patch can make a container ' +
    'privileged, an `images:` entry can set `latest`, a replica patch can leave production with one pod. ' +
    'Reviewing only the files misses every problem an overlay introduces.',
  fix: 'Fix the overlay line (patch, images entry, namespace …) or the base line the finding points at; check with `kustomize build <overlay>`.',
  rollback: 'Revert the overlay change in Git and re-apply (or let the GitOps controller sync the revert).',
  notes:
    'Every kustomization no other one includes is rendered: local resources and bases, strategic-merge and ' +
    'JSON 6902 patches (inline or files), `namespace`, `namePrefix`/`nameSuffix` (with the references that ' +
    'follow a rename), `labels`/`commonLabels`, `commonAnnotations`, `replicas` and `images`, in kustomize’s ' +
    'order. The K8S rules run on the result; each finding is reported on the overlay or base line that ' +
    'introduced the value, with the severity of the K8S rule, unless the K8S rule already reports the same ' +
    'line in the unrendered file. Generators are not rendered (ConfigMaps and Secrets do not change what the ' +
    'K8S rules check). A kustomization using remote bases, `components`, `helmCharts`, `replacements`, `vars` or ' +
    'plugins, or one kustomize itself would reject (a missing resource, a patch that matches nothing), gets one ' +
    'info finding saying it was not rendered.',
  check(project, ctx) {
    const model = kustomizeModel(project);
    const patchFiles = new Set(model.kustomizations.flatMap((k) => k.patches.flatMap((p) => p.path?.value ?? [])));
    const direct = directFindings(ctx);
    const pending = new Map<string, Pending>();
    const notRendered = new Set<string>();
    for (const root of model.roots) {
      const result = renderKustomization(project, model, root);
      if (!result.ok) {
        const key = `${result.file.path}:${result.at.line}:${result.at.column}:${result.reason}`;
        if (notRendered.has(key)) continue;
        notRendered.add(key);
        ctx.report({
          file: result.file,
          range: result.at,
          severity: 'info',
          message: `Kustomization \`${root.dir || '.'}\` is not rendered: ${result.reason}; the K8S rules did not check its output.`,
        });
        continue;
      }
      if (result.objects.length === 0) continue;
      const printed = printDocuments(result.objects.map((o) => o.tree));
      const rendered = new SourceFile(
        `${root.dir === '' ? '' : `${root.dir}/`}kustomize-build.yaml`,
        'k8s',
        printed.text,
      );
      for (const f of lint(new Project([rendered]), K8S_RULES, { settings: ctx.settings })) {
        if (f.suppressed) continue;
        const start = rendered.offsetAt({ line: f.line, column: f.column });
        const end = rendered.offsetAt({ line: f.endLine, column: f.endColumn });
        const origin = originAt(printed.spans, start, end) ?? { file: root.file, range: anchorOf(root) };
        const source = project.get(origin.file.path);
        if (!source) continue;
        const isManifest = source.kind === 'k8s' && !patchFiles.has(source.path);
        if (isManifest && direct(f.ruleId, source, origin.range)) continue;
        const key = `${f.ruleId}\0${source.path}\0${origin.range.line}:${origin.range.column}`;
        const entry = pending.get(key);
        if (entry) entry.overlays.add(root.dir || '.');
        else {
          const k8sRule = K8S_RULES.find((r) => r.id === f.ruleId);
          pending.set(key, {
            file: source,
            range: origin.range,
            ruleId: f.ruleId,
            message: f.message,
            severity: f.severity,
            fix: k8sRule?.fix,
            overlays: new Set([root.dir || '.']),
          });
        }
      }
    }
    for (const p of pending.values()) {
      ctx.report({
        file: p.file,
        range: p.range,
        severity: p.severity,
        message: `After \`kustomize build\` of ${[...p.overlays].map((o) => `\`${o}\``).join(', ')}: ${p.message} (${p.ruleId})`,
        ...(p.fix !== undefined ? { fix: p.fix } : {}),
      });
    }
  },
});

interface Pending {
  file: SourceFile;
  range: Range;
  ruleId: string;
  message: string;
  severity: Severity;
  fix: string | undefined;
  overlays: Set<string>;
}

/**
 * Whether a K8S rule reports a given place of an unrendered manifest, computed on first use for that rule
 * and file: a rendered finding at the same place is the same problem, already reported by the K8S rule.
 */
function directFindings(ctx: RuleContext): (ruleId: string, file: SourceFile, range: Range) => boolean {
  const at = (range: Range) => `${range.line}:${range.column}`;
  const cache = new Map<string, Set<string>>();
  return (ruleId, file, range) => {
    const rule = K8S_RULES.find((r) => r.id === ruleId);
    if (!rule) return false;
    const key = rule.scope === 'file' ? `${ruleId}\0${file.path}` : ruleId;
    let found = cache.get(key);
    if (!found) {
      const places = new Set<string>();
      const report: RuleContext['report'] = (d) => {
        const path = (d.file ?? file).path;
        if (path === file.path || rule.scope === 'project') places.add(`${path}\0${at(d.range)}`);
      };
      try {
        if (rule.scope === 'file') rule.check(file, { ...ctx, report });
        else rule.check(ctx.project, { ...ctx, report });
      } catch {
        // A rule that throws here throws in the engine too: there is nothing to deduplicate against.
      }
      found = places;
      cache.set(key, found);
    }
    return found.has(`${file.path}\0${at(range)}`);
  };
}

function anchorOf(k: Kustomization): Range {
  const first = k.keys.values().next().value;
  return first ? nodeRange(k.file, first) : k.file.range(0, 0);
}
