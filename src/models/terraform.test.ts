// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures hold HCL `${…}` interpolation, not JS templates
import { beforeAll, describe, expect, it } from 'vitest';
import { projectOf } from '../../test/helpers/rule-tester.js';
import type { RuleSettings } from '../core/rule.js';
import { initHcl } from '../parsers/hcl.js';
import { attribute } from '../parsers/hcl-ast.js';
import { moduleEnvironment, type TerraformModel, type TfModule, terraformModel } from './terraform.js';
import { ecsContainers, iamPolicies } from './terraform-docs.js';
import { EMPTY_SCOPE, evaluate, type HclValue, isOpen, OPEN, UNKNOWN } from './terraform-eval.js';
import { effectiveTags, missingTags, normalizeTagKey } from './terraform-tags.js';

beforeAll(() => initHcl());

const model = (files: Record<string, string>): TerraformModel => terraformModel(projectOf(files));
const mod = (m: TerraformModel, dir: string): TfModule => {
  const found = m.modules.find((x) => x.dir === dir);
  if (!found) throw new Error(`no module ${dir}`);
  return found;
};
/** Evaluates `expr` as the value of a local in module `dir`. */
const evalIn = (files: Record<string, string>, dir: string, expr: string): HclValue => {
  const path = `${dir === '.' ? '' : `${dir}/`}zz_probe.tf`;
  return mod(model({ ...files, [path]: `locals {\n  probe = ${expr}\n}\n` }), dir).scope.local('probe');
};
const prodSettings: Pick<RuleSettings, 'isProd'> = {
  isProd: (...names) => names.some((n) => n !== undefined && /(^|[-_./])(prod|production)([-_./]|$)/i.test(n)),
};

describe('terraformModel: modules', () => {
  it('groups files by directory and detects root modules', () => {
    const m = model({
      'infra/main.tf': 'provider "aws" {}\nmodule "net" {\n  source = "../modules/net"\n}\n',
      'infra/backend.tf.json': '{"terraform": {"backend": {"s3": {"bucket": "b"}}}}',
      'modules/net/main.tf': 'resource "aws_vpc" "v" {}\ndata "aws_region" "r" {}\n',
      'stack/main.tf': 'resource "aws_vpc" "v" {}\n',
      'stack/dev.tfvars': 'a = 1\n',
    });
    expect(m.modules.map((x) => [x.dir, x.isRoot, x.files.length])).toEqual([
      ['infra', true, 2],
      ['modules/net', false, 1],
      ['stack', true, 1],
    ]);
    const infra = mod(m, 'infra');
    expect(infra.backends.map((b) => b.type)).toEqual(['s3']);
    expect(infra.moduleCalls[0]).toMatchObject({
      name: 'net',
      localDir: 'modules/net',
      source: { value: '../modules/net' },
    });
    expect(m.callersOf('modules/net').map((c) => c.name)).toEqual(['net']);
    expect(mod(m, 'modules/net').resources.map((r) => r.address)).toEqual(['aws_vpc.v', 'data.aws_region.r']);
  });

  it('reads providers with aliases, settings, variables, outputs and workspace references', () => {
    const m = model({
      'main.tf': [
        'terraform {',
        '  required_version = ">= 1.6"',
        '  required_providers {',
        '    aws = { source = "hashicorp/aws", version = "~> 5.0" }',
        '    random = "~> 3.0"',
        '    google = { source = "hashicorp/google" }',
        '  }',
        '}',
        'provider "aws" {',
        '  alias = "west"',
        '  default_tags {',
        '    tags = { team = "web" }',
        '  }',
        '}',
        'variable "name" {}',
        'output "id" {',
        '  value = "x-${terraform.workspace}"',
        '}',
        '',
      ].join('\n'),
    });
    const root = mod(m, '.');
    expect(root.providers.map((p) => [p.name, p.alias, p.defaultTags])).toEqual([['aws', 'west', { team: 'web' }]]);
    expect(root.settings[0]?.requiredVersion?.name).toBe('required_version');
    expect(root.settings[0]?.requiredProviders.map((p) => [p.name, p.version !== undefined])).toEqual([
      ['aws', true],
      ['random', true],
      ['google', false],
    ]);
    expect(root.variables.map((v) => v.name)).toEqual(['name']);
    expect(root.outputs.map((o) => o.name)).toEqual(['id']);
    expect(root.workspaceRefs.map((w) => w.range.line)).toEqual([17]);
  });
});

describe('evaluation', () => {
  it('evaluates literals, templates, collections and the supported functions', () => {
    const files = {
      'main.tf':
        'locals {\n  base = { project = "shop", team = "web" }\n  zones = ["a", "b"]\n  name = "shop-${local.base.team}"\n}\n',
    };
    expect(evalIn(files, '.', 'local.name')).toBe('shop-web');
    expect(evalIn(files, '.', 'merge(local.base, { team = "api" }, null)')).toEqual({ project: 'shop', team: 'api' });
    expect(evalIn(files, '.', 'concat(local.zones, ["c"])')).toEqual(['a', 'b', 'c']);
    expect(evalIn(files, '.', 'jsonencode({ a = [1, true, null] })')).toBe('{"a":[1,true,null]}');
    expect(evalIn(files, '.', 'lookup(local.base, "team", "x")')).toBe('web');
    expect(evalIn(files, '.', 'local.zones[1]')).toBe('b');
    expect(evalIn(files, '.', 'tomap(local.base)')).toEqual({ project: 'shop', team: 'web' });
  });

  it('keeps everything else unknown, and unknown spreads', () => {
    const files = { 'main.tf': 'variable "x" {}\nlocals {\n  a = local.b\n  b = local.a\n}\n' };
    expect(evalIn(files, '.', 'var.x')).toBe(UNKNOWN);
    expect(evalIn(files, '.', '"pre-${var.x}"')).toBe(UNKNOWN);
    expect(evalIn(files, '.', 'aws_s3_bucket.b.id')).toBe(UNKNOWN);
    expect(evalIn(files, '.', 'upper("a")')).toBe(UNKNOWN);
    expect(evalIn(files, '.', 'local.a')).toBe(UNKNOWN);
    expect(evalIn(files, '.', 'jsonencode({ a = var.x })')).toBe(UNKNOWN);
    expect(evalIn(files, '.', 'concat(["a"], var.x)')).toBe(UNKNOWN);
  });

  it('merges with an unknown map into an open map whose known keys stay', () => {
    const files = { 'main.tf': 'variable "extra" {}\n' };
    const v = evalIn(files, '.', 'merge({ team = "web" }, var.extra, { project = "p" })');
    expect(Object.fromEntries(Object.entries(v as object))).toEqual({ team: UNKNOWN, project: 'p' });
    expect(isOpen(v)).toBe(true);
    expect(
      evaluate({ kind: 'literal', value: 3, range: { line: 1, column: 1, endLine: 1, endColumn: 2 } }, EMPTY_SCOPE),
    ).toBe(3);
  });

  it('does not let a `__proto__` key reach the prototype', () => {
    const v = evalIn({ 'main.tf': '' }, '.', 'merge({ "__proto__" = { polluted = true } }, {})');
    expect(Object.hasOwn(v as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('resolves variables from defaults, terraform.tfvars, *.auto.tfvars and agreeing explicit tfvars', () => {
    const main =
      'variable "region" {\n  default = "eu-west-1"\n}\nvariable "size" {\n  default = "small"\n}\nvariable "env" {}\n';
    expect(evalIn({ 'main.tf': main }, '.', 'var.region')).toBe('eu-west-1');
    expect(evalIn({ 'main.tf': main, 'terraform.tfvars': 'region = "us-east-1"\n' }, '.', 'var.region')).toBe(
      'us-east-1',
    );
    expect(
      evalIn(
        { 'main.tf': main, 'terraform.tfvars': 'region = "a"\n', 'x.auto.tfvars.json': '{"region": "b"}' },
        '.',
        'var.region',
      ),
    ).toBe('b');
    const envs = {
      'main.tf': main,
      'dev.tfvars': 'env = "dev"\nregion = "x"\n',
      'prod.tfvars': 'env = "prod"\nregion = "x"\n',
    };
    expect(evalIn(envs, '.', 'var.region')).toBe('x');
    expect(evalIn(envs, '.', 'var.env')).toBe(UNKNOWN);
    expect(evalIn(envs, '.', 'var.size')).toBe('small');
    expect(evalIn({ 'main.tf': main }, '.', 'var.env')).toBe(UNKNOWN);
  });

  it('resolves a child module variable from its local callers', () => {
    const child = { 'modules/app/main.tf': 'variable "port" {\n  default = 80\n}\nvariable "name" {}\n' };
    const one = {
      ...child,
      'main.tf': 'locals {\n  p = 8080\n}\nmodule "a" {\n  source = "./modules/app"\n  port   = local.p\n}\n',
    };
    expect(evalIn(one, 'modules/app', 'var.port')).toBe(8080);
    const two = { ...one, 'b.tf': 'module "b" {\n  source = "./modules/app"\n}\n' };
    expect(evalIn(two, 'modules/app', 'var.port')).toBe(UNKNOWN);
    expect(evalIn(child, 'modules/app', 'var.port')).toBe(80);
  });
});

describe('tags', () => {
  it('combines provider default_tags with resource tags; child modules with provider defaults elsewhere are open', () => {
    const m = model({
      'main.tf':
        'provider "aws" {\n  default_tags {\n    tags = { Project = "p" }\n  }\n}\nresource "aws_vpc" "v" {\n  tags = { cost_center = "c" }\n}\nresource "aws_iam_role_policy" "p" {}\n',
      'modules/x/main.tf': 'resource "aws_vpc" "v" {}\n',
    });
    const [vpc, policy] = mod(m, '.').resources;
    const tags = vpc && effectiveTags(vpc, m);
    expect(tags).toEqual({ attribute: 'tags', keys: ['cost_center', 'Project'], open: false });
    expect(tags && missingTags(tags, ['project', 'CostCenter', 'team'])).toEqual(['team']);
    expect(policy && effectiveTags(policy, m)).toBeUndefined();
    const child = mod(m, 'modules/x').resources[0];
    expect(child && effectiveTags(child, m)?.open).toBe(true);
    expect(normalizeTagKey('Cost-Center')).toBe(normalizeTagKey('costCenter'));
  });
});

describe('documents', () => {
  it('reads IAM policy statements with the range of each action', () => {
    const m = model({
      'iam.tf': [
        'resource "aws_iam_policy" "p" {',
        '  policy = jsonencode({',
        '    Statement = { Effect = "Allow", Action = ["s3:Get*", "*"], Resource = "*" }',
        '  })',
        '}',
        'data "aws_iam_policy_document" "d" {',
        '  statement {',
        '    effect    = "Deny"',
        '    actions   = ["*"]',
        '    resources = ["*"]',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
    const policies = iamPolicies(m);
    expect(policies.map((p) => p.owner.address)).toEqual(['aws_iam_policy.p', 'data.aws_iam_policy_document.d']);
    expect(policies[0]?.statements[0]?.actions).toEqual([
      { value: 's3:Get*', range: { line: 3, column: 47, endLine: 3, endColumn: 56 } },
      { value: '*', range: { line: 3, column: 58, endLine: 3, endColumn: 61 } },
    ]);
    expect(policies[1]?.statements[0]).toMatchObject({ effect: 'Deny', resources: [{ value: '*' }] });
  });

  it('reads ECS container definitions from heredoc JSON', () => {
    const m = model({
      'ecs.tf':
        'resource "aws_ecs_task_definition" "t" {\n  container_definitions = <<EOF\n[{"name": "a", "image": "${var.image}"}, {"name": "b"}]\nEOF\n}\n',
    });
    const containers = ecsContainers(m);
    expect(containers.map((c) => [c.name, c.value.image])).toEqual([
      ['a', UNKNOWN],
      ['b', undefined],
    ]);
    expect(containers[1]?.doc.rangeAt([1, 'name'])).toEqual({ line: 3, column: 51, endLine: 3, endColumn: 54 });
  });
});

describe('moduleEnvironment', () => {
  it('uses the path, per-environment tfvars and a known environment variable', () => {
    const m = model({
      'envs/prod/main.tf': 'resource "aws_vpc" "v" {}\n',
      'app/main.tf': 'variable "environment" {\n  default = "staging"\n}\n',
      'multi/main.tf': 'provider "aws" {}\n',
      'multi/production.tfvars': 'x = 1\n',
    });
    expect(moduleEnvironment(mod(m, 'envs/prod'), prodSettings)).toEqual({ name: 'prod', prod: true });
    expect(moduleEnvironment(mod(m, 'app'), prodSettings)).toEqual({ name: 'staging', prod: false });
    expect(moduleEnvironment(mod(m, 'multi'), prodSettings)).toEqual({ name: 'production', prod: true });
  });
});

it('OPEN is a symbol and invisible to JSON', () => {
  expect(JSON.stringify({ a: 1, [OPEN]: true })).toBe('{"a":1}');
  const file = projectOf({ 'a.tf': 'x = 1\n' }).files[0];
  expect(
    file && attribute({ attributes: [], blocks: [], range: file.range(0, 0), syntax: 'hcl' }, 'x'),
  ).toBeUndefined();
});
