import pkg from '../package.json' with { type: 'json' };

/** The package version (bundled into dist/ by esbuild). */
export const VERSION: string = pkg.version;
