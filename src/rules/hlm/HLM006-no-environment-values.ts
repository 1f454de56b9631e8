import { defineRule } from '../../core/rule.js';
import { environmentOf } from '../../models/environment.js';
import { argoEnvironment, gitopsModel, resolveRepoPath } from '../../models/gitops.js';
import { helmCharts } from '../../models/helm.js';

export const rule = defineRule({
  id: 'HLM006',
  title: 'Give charts deployed to several environments per-environment values',
  severity: 'info',
  domain: 'iac',
  kinds: ['helm-chart'],
  scope: 'project',
  rationale:
    'A chart installed in several environments with one values file runs the same sizes, replicas, hostnames ' +
    'and image everywhere, or is configured by hand-typed `--set` flags that no review sees.',
  fix: 'Add `values-<env>.yaml` next to values.yaml (only what differs: replicas, resources, hosts, image tag) and pass it (`-f values-prod.yaml`, Argo CD `helm.valueFiles`).',
  notes:
    'A chart is deployed to several environments when Argo CD Applications (or ApplicationSet templates) or ' +
    'Flux HelmReleases with different environments (destination namespace, name, path) use its directory. It ' +
    'is fine when the chart has any `values-<env>.yaml`, or when every one of them passes inline values or ' +
    'parameters.',
  check(project, ctx) {
    const charts = helmCharts(project);
    if (charts.length === 0) return;
    const gitops = gitopsModel(project);
    for (const chart of charts) {
      if (chart.environmentValues.size > 0 || chart.type === 'library') continue;
      const users: { env: string; path: string; inline: boolean }[] = [];
      for (const app of gitops.applications) {
        for (const source of app.sources) {
          if (!source.path || source.chart !== undefined) continue;
          if (resolveRepoPath(project, app.obj.file, source.path.value) !== chart.dir) continue;
          const env = argoEnvironment(app, ctx.settings).name;
          if (env !== undefined) users.push({ env, path: app.obj.file.path, inline: source.helm?.inline ?? false });
        }
      }
      for (const release of gitops.helmReleases) {
        if (release.chart === undefined || resolveRepoPath(project, release.obj.file, release.chart) !== chart.dir)
          continue;
        const env = environmentOf(release.obj.file.path, ctx.settings, [
          release.targetNamespace,
          release.obj.namespace,
          release.obj.name,
        ]).name;
        if (env !== undefined) users.push({ env, path: release.obj.file.path, inline: release.values !== undefined });
      }
      const envs = [...new Set(users.map((u) => u.env))].sort();
      if (envs.length < 2 || users.every((u) => u.inline)) continue;
      const files = [...new Set(users.map((u) => u.path))].sort();
      ctx.report({
        file: chart.chartFile,
        range: chart.name.range ?? chart.chartFile.range(0, 0),
        message:
          `Chart ${chart.name.value ? `\`${chart.name.value}\`` : `\`${chart.dir}\``} is deployed to ${envs.join(', ')} ` +
          `(${files.join(', ')}) but has no values-<env>.yaml.`,
      });
    }
  },
});
