import { describe, expect, it } from 'vitest';
import { choice, flag, number, parseSetArgs, RecipeOptionError, recipeHelp, resolveOptions, text } from './options.js';
import { RECIPES } from './recipes/index.js';
import { defineRecipe } from './types.js';

const recipe = defineRecipe({
  name: 'demo',
  summary: 'A demo recipe.',
  options: {
    lang: choice(['node', 'go'] as const, 'node', 'Language'),
    port: number(8080, 'Port', { int: true, min: 1, max: 65535 }),
    slo: number(99.9, 'SLO', { min: 90, max: 100, exclusiveMax: true }),
    name: text('app', 'Name', /^[a-z]+$/, 'must be lower-case letters'),
    debug: flag(false, 'Debug'),
  },
  generate: () => ({}),
  nextSteps: () => ({ validate: [], apply: [], rollback: [] }),
});

describe('parseSetArgs', () => {
  it('splits key=value on the first =, keeping = in values', () => {
    expect(parseSetArgs(['a=1', 'b=x=y', 'c='])).toEqual({ a: '1', b: 'x=y', c: '' });
  });
  it('refuses arguments without a key and keys given twice', () => {
    expect(() => parseSetArgs(['novalue'])).toThrow('--set expects key=value (got "novalue")');
    expect(() => parseSetArgs(['=x'])).toThrow(RecipeOptionError);
    expect(() => parseSetArgs(['a=1', 'a=2'])).toThrow('--set a is given twice');
  });
});

describe('resolveOptions', () => {
  it('fills defaults', () => {
    expect(resolveOptions(recipe, {})).toEqual({ lang: 'node', port: 8080, slo: 99.9, name: 'app', debug: false });
  });
  it('parses numbers, choices and booleans from strings', () => {
    expect(resolveOptions(recipe, { lang: 'go', port: '9090', slo: '99.95', debug: 'yes' })).toEqual({
      lang: 'go',
      port: 9090,
      slo: 99.95,
      name: 'app',
      debug: true,
    });
  });
  it('refuses unknown keys, naming the known ones', () => {
    expect(() => resolveOptions(recipe, { colour: 'red' })).toThrow(
      'unknown option "colour" for recipe demo (options: lang, port, slo, name, debug; see "run demo --help")',
    );
  });
  it('explains each invalid value with its key and input', () => {
    expect(() => resolveOptions(recipe, { port: 'http', lang: 'rust' })).toThrow(
      '--set lang="rust": must be one of node, go; --set port="http": must be a number',
    );
    expect(() => resolveOptions(recipe, { port: '80.5' })).toThrow('--set port="80.5": must be a whole number');
    expect(() => resolveOptions(recipe, { slo: '100' })).toThrow('--set slo="100": must be below 100');
    expect(() => resolveOptions(recipe, { name: 'App!' })).toThrow('--set name="App!": must be lower-case letters');
    expect(() => resolveOptions(recipe, { debug: 'maybe' })).toThrow('--set debug="maybe": must be true or false');
    expect(() => resolveOptions(recipe, { name: '  ' })).toThrow('--set name="  ": must not be empty');
  });
});

describe('recipeHelp', () => {
  it('lists every option with its default and description', () => {
    const help = recipeHelp(recipe);
    expect(help).toContain('Usage: proagent-devops run demo [--out DIR] [--set key=value ...] [--dry-run] [--force]');
    expect(help).toMatch(/--set lang=node\s+Language\n/);
    expect(help).toMatch(/--set port=8080\s+Port\n/);
    expect(help).toMatch(/--set debug=false\s+Debug\n/);
  });
  it('documents every option of every real recipe, and every default validates', () => {
    for (const r of RECIPES) {
      const help = recipeHelp(r);
      for (const [key, spec] of Object.entries(r.options)) {
        expect(help, `${r.name} ${key}`).toContain(`--set ${key}=`);
        expect(spec.description.length, `${r.name} ${key}`).toBeGreaterThan(3);
        // A default must pass its own validation (or be the empty "slot left open" value).
        if (spec.default !== '') {
          expect(() => resolveOptions(r, { [key]: String(spec.default) }), `${r.name} ${key}`).not.toThrow();
        }
      }
    }
  });
});
