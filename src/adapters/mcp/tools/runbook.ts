import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import * as z from 'zod';
import { findConfigFile } from '../../../config/config.js';
import { SourceFile } from '../../../core/source-file.js';
import { deployTargets, targetsFor } from '../../../incident/deploy-methods.js';
import { loadIncidentSettings, prodMatcher } from '../../../incident/incident-config.js';
import { alertRunbook, runbookSlug } from '../../../incident/runbook.js';
import { seriesToCheck, workloadNames } from '../../../incident/triage.js';
import { ruleFileModel } from '../../../models/prometheus.js';
import { loadProject } from '../../../review.js';
import { redactSecrets } from '../../../secrets/detect.js';
import { defineTool, ToolError } from '../tool.js';
import { directoryInsideRoot, fileInsideRoot, rootRelative, targetInsideRoot } from './paths.js';

const path = z.string().min(1).max(4096);

const input = z.strictObject({
  rules: z
    .array(path)
    .min(1)
    .max(50)
    .describe('Prometheus rule files (groups: with alert rules), relative to the workspace root'),
  alerts: z.array(z.string().min(1).max(200)).min(1).max(200).optional().describe('Only these alerts (by name)'),
  project: path
    .default('.')
    .describe('Directory whose deploy method (Kubernetes, Helm, Argo CD, compose …) the rollback steps use'),
  linkFrom: path
    .default('.')
    .describe('Where the runbooks will be kept (relative to the root), so their links to the rules resolve'),
});

const output = z.object({
  runbooks: z.array(
    z.object({
      alert: z.string(),
      slug: z.string().describe('Suggested file name without .md'),
      ruleFile: z.string(),
      markdown: z.string(),
    }),
  ),
});

const toPosix = (p: string) => (sep === '/' ? p : p.split(sep).join('/'));

export const runbookTool = defineTool({
  name: 'runbook',
  title: 'Runbooks from alert rules',
  description:
    'One Markdown runbook per Prometheus alert rule: what the alert means (from its expression and ' +
    'annotations), the series to check, likely causes, mitigation with the rollback commands of how the ' +
    'project deploys, escalation from the severity matrix, and a link back to the rule. Writes nothing.',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input,
  output,
  run(args, ctx) {
    const projectDir = directoryInsideRoot(ctx.root, args.project);
    const linkFrom = targetInsideRoot(ctx.root, args.linkFrom);
    const settings = loadIncidentSettings(findConfigFile(ctx.root));
    const files = args.rules.map((arg) => {
      const abs = fileInsideRoot(ctx.root, arg);
      const display = toPosix(relative(projectDir, abs));
      const name = display.startsWith('..') ? rootRelative(ctx.root, abs) : display;
      const file = new SourceFile(name, 'prometheus-rules', readFileSync(abs, 'utf8'));
      const model = ruleFileModel(file);
      if (model.groups.length === 0) {
        const problem = model.problems[0];
        const why = problem
          ? `${problem.range.line}:${problem.range.column}: ${problem.message}`
          : 'no `groups:` with rules';
        throw new ToolError(`${arg} is not a Prometheus rule file (${why})`);
      }
      return { abs, file, model };
    });
    const recordings = files.flatMap(({ file, model }) =>
      model.groups.flatMap((g) =>
        g.rules.filter((r) => r.kind === 'record').map((rule) => ({ file: file.path, rule })),
      ),
    );
    const isProd = prodMatcher(settings);
    const allTargets = deployTargets(loadProject({ paths: [projectDir], root: projectDir }), isProd);
    const runbooks: z.output<typeof output>['runbooks'] = [];
    for (const { abs, file, model } of files) {
      const ruleLink = toPosix(relative(linkFrom, abs));
      for (const group of model.groups) {
        for (const rule of group.rules) {
          if (rule.kind !== 'alert' || (args.alerts && !args.alerts.includes(rule.name))) continue;
          const series = seriesToCheck(rule, recordings);
          const targets = targetsFor(allTargets, workloadNames(rule, series));
          // Runbooks quote annotations and expressions: a credential in them is not echoed back.
          const markdown = redactSecrets(
            alertRunbook(rule, { ruleLink, ruleFile: file.path, recordings, targets, allTargets, settings }),
          );
          runbooks.push({ alert: rule.name, slug: runbookSlug(rule.name), ruleFile: file.path, markdown });
        }
      }
    }
    if (runbooks.length === 0) {
      throw new ToolError(
        args.alerts
          ? `no alert named ${args.alerts.join(', ')} in the rule files`
          : 'the rule files hold no alert rules',
      );
    }
    return { text: runbooks.map((r) => r.markdown).join('\n---\n\n'), structured: { runbooks } };
  },
});
