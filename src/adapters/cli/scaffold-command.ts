import { resolve } from 'node:path';
import { RecipeOptionError, recipeHelp } from '../../scaffold/options.js';
import { findRecipe, RECIPES } from '../../scaffold/recipes/index.js';
import { formatScaffold, scaffold } from '../../scaffold/scaffold.js';
import { UnsafeWriteError } from '../../scaffold/write.js';
import { type Command, parse, UsageError } from './io.js';

const RUN_USAGE = `Usage: proagent-devops run --list
       proagent-devops run RECIPE [--out DIR] [--set key=value ...] [--dry-run] [--force]
       proagent-devops run RECIPE --help     (the recipe's options and defaults)
`;

/** `run --list`: one line per recipe. */
export function listRecipes(): string {
  const width = Math.max(...RECIPES.map((r) => r.name.length)) + 2;
  return `${RECIPES.map((r) => `${r.name.padEnd(width)}${r.summary}`).join('\n')}\n${RECIPES.length} recipes. "proagent-devops run RECIPE --help" lists a recipe's options.\n`;
}

/**
 * `run`: scaffolds a recipe under --out. Exit 0 when written (or dry run), 1 when validation failed or an
 * existing file would be overwritten without --force (nothing is written), 2 on usage errors and unsafe paths.
 */
export const runCommand: Command = (argv, io) => {
  const { values, positionals } = parse(argv, {
    list: { type: 'boolean', short: 'l' },
    out: { type: 'string', short: 'o' },
    set: { type: 'string', short: 's', multiple: true },
    'dry-run': { type: 'boolean', short: 'n' },
    force: { type: 'boolean', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.list) {
    io.stdout(listRecipes());
    return 0;
  }
  const [name, ...extra] = positionals;
  if (name === undefined) {
    if (values.help) {
      io.stdout(RUN_USAGE);
      return 0;
    }
    throw new UsageError('run needs a recipe name, or --list to see them');
  }
  if (extra.length > 0) throw new UsageError(`run takes one recipe (got ${positionals.join(' ')})`);
  const recipe = findRecipe(name);
  if (!recipe) throw new UsageError(`unknown recipe "${name}" (run "proagent-devops run --list")`);
  if (values.help) {
    io.stdout(recipeHelp(recipe));
    return 0;
  }
  const outDir = resolve(io.cwd, values.out ?? '.');
  try {
    const result = scaffold({
      recipe,
      sets: values.set ?? [],
      outDir,
      dryRun: values['dry-run'] === true,
      force: values.force === true,
      env: io.env,
    });
    io.stdout(formatScaffold(result, io.cwd, outDir));
    return result.outcome === 'written' || result.outcome === 'dry-run' ? 0 : 1;
  } catch (error) {
    if (error instanceof RecipeOptionError || error instanceof UnsafeWriteError) throw new UsageError(error.message);
    throw error;
  }
};
