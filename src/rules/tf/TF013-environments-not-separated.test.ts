import { beforeAll } from 'vitest';
import { ruleTester } from '../../../test/helpers/rule-tester.js';
import { initHcl } from '../../parsers/hcl.js';
import { rule } from './TF013-environments-not-separated.js';

beforeAll(() => initHcl());

const root = 'provider "aws" {}\nvariable "environment" {\n  type = string\n}\n';

ruleTester(rule, {
  valid: [
    { name: 'per-environment tfvars', files: { 'main.tf': root, 'staging.tfvars': 'environment = "staging"\n' } },
    {
      name: 'workspaces',
      files: { 'main.tf': `${root}locals {\n  name = "app-\${terraform.workspace}"\n}\n` },
    },
    {
      name: 'envs/<env>/ layout',
      files: { 'envs/prod/main.tf': root, 'envs/dev/main.tf': root },
    },
    {
      name: 'a module (not a root) taking an environment is fine',
      files: { 'modules/app/main.tf': 'variable "environment" {}\n' },
    },
  ],
  invalid: [
    {
      name: 'one root, an environment variable, nothing separating state',
      files: { 'infra/main.tf': root, 'infra/other/main.tf': root },
      errors: [
        {
          file: 'infra/main.tf',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 23,
          message:
            'Root module `infra` takes `var.environment` but environments share one state: no workspaces, no ' +
            'per-environment `*.tfvars`, no `envs/<env>/` layout.',
        },
      ],
    },
  ],
});
