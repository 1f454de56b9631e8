import * as z from 'zod';
import { RECIPES } from '../../../scaffold/recipes/index.js';
import type { OptionSpec, Recipe } from '../../../scaffold/types.js';
import { defineTool } from '../tool.js';

const input = z.strictObject({});

const OptionValue = z.union([z.string(), z.number(), z.boolean()]);

const RecipeSchema = z.object({
  name: z.string(),
  summary: z.string(),
  options: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['string', 'number', 'boolean']),
      default: OptionValue.describe('Used when the option is not given (an empty string leaves a slot open)'),
      description: z.string(),
      choices: z.array(z.string()).optional(),
    }),
  ),
});

const output = z.object({ recipes: z.array(RecipeSchema) });

function describeOption(name: string, spec: OptionSpec): z.output<typeof RecipeSchema>['options'][number] {
  const value = spec.default;
  const type = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
  return {
    name,
    type,
    default: typeof value === 'number' || typeof value === 'boolean' ? value : String(value),
    description: spec.description,
    ...(spec.type instanceof z.ZodEnum ? { choices: spec.type.options.map(String) } : {}),
  };
}

/** A recipe as `run RECIPE --help` shows it: summary, then every option with its default. */
export function describeRecipe(recipe: Recipe): z.output<typeof RecipeSchema> {
  return {
    name: recipe.name,
    summary: recipe.summary,
    options: Object.entries(recipe.options).map(([name, spec]) => describeOption(name, spec)),
  };
}

export const scaffoldListTool = defineTool({
  name: 'scaffold_list',
  title: 'List scaffold recipes',
  description:
    'Lists the recipes the `scaffold` tool can generate (Dockerfile, compose, Kubernetes, Helm, pipelines, ' +
    'Terraform, monitoring, alerts, GitOps, …), each with its summary and options (type, default, choices).',
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  input,
  output,
  run() {
    const recipes = RECIPES.map(describeRecipe);
    const lines = recipes.map((r) => {
      const options = r.options.map((o) => `${o.name}=${o.default === '' ? '(empty)' : String(o.default)}`);
      return `${r.name}: ${r.summary}\n  options: ${options.length > 0 ? options.join(' ') : 'none'}`;
    });
    lines.push(`${recipes.length} recipes. Scaffold one with the \`scaffold\` tool (a dry run unless dryRun: false).`);
    return { text: lines.join('\n'), structured: { recipes } };
  },
});
