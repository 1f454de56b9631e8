import { afterEach, describe, expect, it } from 'vitest';
import { type Generated, generate, problems } from '../../recipe-test-kit.js';

let g: Generated | undefined;
afterEach(() => g?.cleanup());

describe('run terraform-module', () => {
  it('module files, documented and validated variables, required tags, pinned versions, example root', () => {
    g = generate('terraform-module');
    expect(problems(g.result)).toEqual([]);
    const dir = 'modules/storage';
    expect(g.paths).toEqual(
      [
        'README.md',
        'examples/complete/main.tf',
        'examples/complete/outputs.tf',
        'examples/complete/variables.tf',
        'locals.tf',
        'main.tf',
        'outputs.tf',
        'variables.tf',
        'versions.tf',
      ].map((p) => `${dir}/${p}`),
    );
    const variables = g.read(`${dir}/variables.tf`);
    const blocks = variables.split(/^variable /m).slice(1);
    expect(blocks).toHaveLength(10);
    for (const b of blocks) {
      expect(b, b.split('\n')[0]).toMatch(/description = "/);
      expect(b, b.split('\n')[0]).toMatch(/type {8}= /);
    }
    for (const required of ['name', 'project', 'environment', 'team', 'cost_center']) {
      expect(variables).toMatch(new RegExp(`variable "${required}" \\{[^}]*validation \\{`, 's'));
    }
    expect(g.read(`${dir}/locals.tf`)).toContain('"cost-center" = var.cost_center');
    expect(g.read(`${dir}/main.tf`)).toContain('tags          = local.tags');
    expect(g.read(`${dir}/versions.tf`)).toMatch(/required_version = ">= 1\.10"[\s\S]*version = "~> 5\.82"/);
    for (const out of g
      .read(`${dir}/outputs.tf`)
      .split(/^output /m)
      .slice(1))
      expect(out).toContain('description = ');
    const example = g.read(`${dir}/examples/complete/main.tf`);
    expect(example).toContain('use_lockfile = true');
    expect(example).toContain('source = "../.."');
    expect(g.result.validation.checks.find((c) => c.tool === 'terraform')?.status ?? 'passed').not.toBe('failed');
  });

  it('name and tag options', () => {
    g = generate('terraform-module', ['name=logs', 'project=shop', 'team=payments', 'cost_center=cc-42']);
    expect(problems(g.result)).toEqual([]);
    const example = g.read('modules/logs/examples/complete/main.tf');
    expect(example).toContain('module "logs" {');
    expect(example).toContain('"cost-center" = "cc-42"');
    expect(g.read('modules/logs/README.md')).toMatch(/^# logs\n/);
  });
});
