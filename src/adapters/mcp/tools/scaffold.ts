import * as z from 'zod';
import { unifiedDiff } from '../../../scaffold/diff.js';
import { RecipeOptionError } from '../../../scaffold/options.js';
import { RECIPES } from '../../../scaffold/recipes/index.js';
import { formatScaffold, type ScaffoldResult, scaffold } from '../../../scaffold/scaffold.js';
import { defineTool, ToolError } from '../tool.js';
import { rootRelative, targetInsideRoot } from './paths.js';
import { FindingSchema } from './schemas.js';

const names = RECIPES.map((r) => r.name) as [string, ...string[]];

const input = z.strictObject({
  recipe: z.enum(names).describe('Recipe name (see scaffold_list)'),
  options: z
    .record(
      z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'option names are letters, digits, _ . -'),
      z.union([z.string().max(4096), z.number(), z.boolean()]),
    )
    .default({})
    .describe('Recipe options (see scaffold_list), e.g. {"lang": "python", "port": 8000}; unknown ones are refused'),
  out: z
    .string()
    .min(1)
    .max(4096)
    .default('.')
    .describe('Output directory, relative to the workspace root and inside it (created if missing)'),
  dryRun: z
    .boolean()
    .default(true)
    .describe('Default true: generate and validate, write nothing. Writing needs dryRun: false'),
  force: z
    .boolean()
    .default(false)
    .describe('Replace existing files that differ (never without it). Review the dry-run diff first'),
});

const output = z.object({
  outcome: z
    .enum(['written', 'dry-run', 'invalid', 'conflict'])
    .describe('invalid: validation failed; conflict: existing files differ and force was not given (nothing written)'),
  recipe: z.string(),
  options: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .describe('Every option, defaults filled'),
  out: z.string().describe('Output directory relative to the workspace root'),
  dryRun: z.boolean(),
  files: z.array(
    z.object({
      path: z.string().describe('Relative to out (POSIX)'),
      status: z.enum(['create', 'overwrite', 'unchanged', 'conflict']),
      content: z.string().describe('The generated content'),
      diff: z.string().optional().describe('Unified diff against the existing file, when one exists and differs'),
    }),
  ),
  written: z.array(z.string()).describe('Files written by this call (empty unless outcome is written)'),
  validation: z.object({
    ok: z.boolean(),
    findings: z.array(FindingSchema).describe('Review of the generated files with the whole rule catalog'),
    suppressed: z.array(FindingSchema).describe('Findings the recipe suppresses on purpose, with the reason'),
    checks: z.array(
      z.object({
        tool: z.string(),
        command: z.string(),
        status: z.enum(['passed', 'failed', 'skipped']),
        detail: z.string().optional(),
      }),
    ),
  }),
  next: z.object({
    fill: z.array(z.string()).optional().describe('What to fill in before applying'),
    validate: z.array(z.string()),
    apply: z.array(z.string()),
    rollback: z.array(z.string()),
  }),
});

type Output = z.output<typeof output>;

function structured(result: ScaffoldResult, out: string, dryRun: boolean): Output {
  return {
    outcome: result.outcome,
    recipe: result.recipe,
    options: result.options as Output['options'],
    out,
    dryRun,
    files: result.plan.map((p) => {
      const diff =
        p.existing === undefined || p.existing === p.content ? '' : unifiedDiff(p.path, p.existing, p.content);
      return { path: p.path, status: p.status, content: p.content, ...(diff !== '' ? { diff } : {}) };
    }),
    written:
      result.outcome === 'written'
        ? result.plan.filter((p) => p.status === 'create' || p.status === 'overwrite').map((p) => p.path)
        : [],
    validation: result.validation,
    next: result.next,
  };
}

/** What the CLI's flags are called here, after the `run` report. */
function hint(result: ScaffoldResult): string | undefined {
  const conflicts = result.plan.some((p) => p.status === 'conflict');
  if (result.outcome === 'dry-run') {
    return `To write these files, call scaffold again with dryRun: false${conflicts ? ' and force: true (existing files differ)' : ''}.`;
  }
  if (result.outcome === 'conflict') return 'To replace them, call scaffold again with dryRun: false and force: true.';
  return undefined;
}

export const scaffoldTool = defineTool({
  name: 'scaffold',
  title: 'Scaffold a convention-compliant artifact',
  description:
    'Generates a recipe (see scaffold_list) under `out`, reviews the result with the whole rule catalog and ' +
    'the external validators, and only then writes it atomically. A dry run by default: nothing is written ' +
    'unless dryRun is false, and existing files that differ are never replaced unless force is true. Answers ' +
    'with every file (content, and a diff for existing ones), the validation and the validate/apply/rollback steps.',
  // With force it replaces files: destructive, and not idempotent in what it reports.
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
  input,
  output,
  run(args, ctx) {
    const recipe = RECIPES.find((r) => r.name === args.recipe);
    if (!recipe) throw new ToolError(`unknown recipe "${args.recipe}" (see scaffold_list)`);
    const outDir = targetInsideRoot(ctx.root, args.out);
    let result: ScaffoldResult;
    try {
      result = scaffold({
        recipe,
        sets: Object.entries(args.options).map(([key, value]) => `${key}=${String(value)}`),
        outDir,
        dryRun: args.dryRun,
        force: args.force,
        env: process.env,
      });
    } catch (error) {
      // The engine names options as the CLI takes them (`--set key=value`); here they are `options.key`.
      if (error instanceof RecipeOptionError) {
        throw new ToolError(
          error.message.replaceAll('--set ', 'options.').replace(/see "run \S+ --help"/, 'see scaffold_list'),
        );
      }
      throw error;
    }
    const text = [formatScaffold(result, ctx.root, outDir).trimEnd(), hint(result)].filter(Boolean).join('\n\n');
    return {
      text,
      structured: structured(result, rootRelative(ctx.root, outDir), args.dryRun),
      isError: result.outcome === 'conflict' || result.outcome === 'invalid',
    };
  },
});
