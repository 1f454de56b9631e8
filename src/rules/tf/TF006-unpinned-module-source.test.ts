import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF006-unpinned-module-source.js';

beforeAll(() => initHcl());

const call = (name: string, lines: string) => `module "${name}" {\n${lines}}\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'pinned git, versioned registry, local path, archive URL',
      files: {
        'main.tf': [
          call('a', '  source = "git::https://github.com/acme/mods.git//vpc?ref=v1.4.0"\n'),
          call('b', '  source = "github.com/acme/mods//eks?ref=3f2c1a9"\n'),
          call('c', '  source  = "terraform-aws-modules/vpc/aws"\n  version = "~> 5.8"\n'),
          call('d', '  source = "./modules/db"\n'),
          call('e', '  source = "https://example.com/module.zip"\n'),
          call('f', '  source  = "app.terraform.io/acme/net/aws"\n  version = "1.2.0"\n'),
        ].join(''),
      },
    },
  ],
  invalid: [
    {
      name: 'git without ref',
      files: { 'main.tf': call('vpc', '  source = "git::https://github.com/acme/mods.git//vpc"\n') },
      errors: [
        {
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 56,
          message: 'Module `vpc` uses a git source without `?ref=`.',
        },
      ],
    },
    {
      name: 'GitHub shorthand and ssh without ref',
      files: {
        'main.tf': `${call('a', '  source = "github.com/acme/mods//eks"\n')}${call('b', '  source = "git@github.com:acme/mods.git"\n')}`,
      },
      errors: [
        { line: 2, column: 12, endLine: 2, endColumn: 39 },
        { line: 5, column: 12, endLine: 5, endColumn: 42 },
      ],
    },
    {
      name: 'registry module without version',
      files: { 'main.tf': call('vpc', '  source = "terraform-aws-modules/vpc/aws"\n') },
      errors: [
        {
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 43,
          message: 'Module `vpc` uses registry source `terraform-aws-modules/vpc/aws` without a `version`.',
        },
      ],
    },
  ],
});
