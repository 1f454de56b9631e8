import { defineRule } from '../../core/rule.js';
import { helmCharts } from '../../models/helm.js';

export const rule = defineRule({
  id: 'HLM005',
  title: 'Pin chart dependencies and fetch them over HTTPS',
  severity: 'warning',
  domain: 'iac',
  kinds: ['helm-chart'],
  scope: 'project',
  rationale:
    'An unbounded dependency version (`*`, `>=1.0`) pulls whatever was published last on the next ' +
    '`helm dependency update`, a new major version included; an `http://` repository lets anyone on the path ' +
    'swap the chart.',
  fix:
    'Use an exact version or a bounded range (`~1.4.0`, `^12.1.0`, `>=1.2 <2`) and commit `Chart.lock`; use ' +
    '`https://` or `oci://` repositories.',
  rollback: 'Set the dependency back to the last version in Chart.lock and run `helm dependency build`.',
  peers: ['checkov:CKV_HELM (none)'],
  notes:
    'Reads `dependencies` of Chart.yaml (and requirements.yaml of v1 charts). Unpinned: no version, `*`, `x`, ' +
    '`latest`, or a range with a lower bound and no upper bound in any `||` alternative. `file://` and ' +
    'alias (`@repo`, `alias:repo`) repositories are fine.',
  check(project, ctx) {
    for (const chart of helmCharts(project)) {
      for (const dep of chart.dependencies) {
        const name = dep.name ?? 'dependency';
        const version = dep.version.value;
        if (version === undefined || isUnbounded(version)) {
          ctx.report({
            file: dep.file,
            range: dep.version.range ?? dep.nameRange,
            message:
              version === undefined
                ? `Chart dependency \`${name}\` has no version.`
                : `Chart dependency \`${name}\` version \`${version}\` is not pinned (no upper bound).`,
          });
        }
        const repo = dep.repository.value;
        if (repo?.toLowerCase().startsWith('http://') && dep.repository.range) {
          ctx.report({
            file: dep.file,
            range: dep.repository.range,
            message: `Chart dependency \`${name}\` is fetched over plain HTTP (${repo}).`,
          });
        }
      }
    }
  },
});

/** True when a version constraint admits every future release (`*`, `>=1.0`, `1.2 || >3`). */
export function isUnbounded(constraint: string): boolean {
  const c = constraint.trim();
  if (c === '' || /^(\*|x|latest)$/i.test(c)) return true;
  return c.split('||').some((alternative) => {
    const parts = alternative
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean);
    if (parts.length === 0) return true;
    if (parts.some((p) => /^(\*|x)$/i.test(p))) return true;
    const lower = parts.some((p) => /^>=?/.test(p));
    const upper = parts.some((p) => /^<=?|^[~^]|^=?v?\d/.test(p) && !/^>/.test(p));
    return lower && !upper;
  });
}
