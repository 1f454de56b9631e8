import * as z from 'zod';
import { defaultConfig, findConfigFile, loadConfig } from '../../../config/config.js';
import { hub } from '../../../hub/hub.js';
import { renderHubText } from '../../../hub/render.js';
import { RULES } from '../../../rules/registry.js';
import { defineTool } from '../tool.js';
import { directoryInsideRoot, rootRelative } from './paths.js';
import { HubReportSchema } from './schemas.js';

const input = z.strictObject({
  path: z
    .string()
    .min(1)
    .max(4096)
    .default('.')
    .describe('Directory to assess, relative to the workspace root (default: the whole workspace)'),
});

export const hubTool = defineTool({
  name: 'hub',
  title: 'DevOps posture across the nine domains',
  description:
    'Where the repository stands in each of the nine DevOps domains (CI/CD, containers, IaC, observability, ' +
    'incident, cloud, secrets, GitOps, cost): a 0-100 score per domain from the review findings and from what ' +
    'is missing, with the next actions ranked by severity x blast radius (prod first) and the scaffold recipe ' +
    'that fills each gap. The text is a one-screen summary; the `version: 1` hub report is the structured content.',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input,
  output: HubReportSchema,
  run({ path }, ctx) {
    const dir = directoryInsideRoot(ctx.root, path);
    const configPath = findConfigFile(dir);
    const config = configPath ? loadConfig(configPath, new Set(RULES.map((r) => r.id))) : defaultConfig();
    const { report } = hub({
      path: dir,
      config,
      toolVersion: ctx.version,
      onRuleError: (rule, file, error) =>
        ctx.log(`internal error in ${rule.id}${file ? ` on ${file}` : ''}: ${(error as Error).message}`),
    });
    return { text: renderHubText(report, { label: rootRelative(ctx.root, dir) }).trimEnd(), structured: report };
  },
});
