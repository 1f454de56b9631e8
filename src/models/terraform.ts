import { posix } from 'node:path';
import type { Project } from '../core/project.js';
import type { RuleSettings } from '../core/rule.js';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { type HclAttribute, type HclBlock, type HclExpr, parseHcl } from '../parsers/hcl.js';
import {
  attribute,
  childBlock,
  childBlocks,
  exprRangeAt,
  isTraversalOf,
  literalString,
  walkBodyExprs,
} from '../parsers/hcl-ast.js';
import { type Environment, environmentFromPath, environmentOf } from './environment.js';
import { EMPTY_SCOPE, type EvalScope, evaluate, type HclValue } from './terraform-eval.js';
import { Evaluator } from './terraform-variables.js';

/**
 * The Terraform configuration of a project: one module per directory of `*.tf` / `*.tf.json` files, with
 * what the rules ask about (backends, providers, resources, module calls, variables, outputs, settings)
 * and a per-module evaluator for `var.*` / `local.*`. Built once per project.
 */

export interface TfBlockRef {
  module: TfModule;
  file: SourceFile;
  block: HclBlock;
}

export interface TfResource extends TfBlockRef {
  mode: 'managed' | 'data';
  type: string;
  name: string;
  /** `aws_s3_bucket.logs` / `data.aws_iam_policy_document.x`, for messages. */
  address: string;
}

export interface TfProvider extends TfBlockRef {
  name: string;
  alias: string | undefined;
  /** AWS `default_tags { tags }` or Google `default_labels`, evaluated; undefined when not set. */
  defaultTags: HclValue | undefined;
}

export interface TfBackend extends TfBlockRef {
  /** The backend type (`s3`, `local` …), or `cloud` for a `cloud {}` block. */
  type: string;
}

export interface TfModuleCall extends TfBlockRef {
  name: string;
  source: { value: string; range: Range } | undefined;
  version: { value: string | undefined; range: Range } | undefined;
  /** Directory of a local source (`./modules/x`), repo-relative. */
  localDir: string | undefined;
}

export interface TfVariable extends TfBlockRef {
  name: string;
  default: HclAttribute | undefined;
}

export interface TfOutput extends TfBlockRef {
  name: string;
}

export interface TfRequiredProvider {
  file: SourceFile;
  name: string;
  nameRange: Range;
  version: HclExpr | undefined;
}

export interface TfSettings extends TfBlockRef {
  requiredVersion: HclAttribute | undefined;
  requiredProviders: TfRequiredProvider[];
}

export interface TfLocal {
  file: SourceFile;
  attribute: HclAttribute;
}

export interface TfModule {
  /** Repo-relative POSIX directory (`.` for the top level). */
  dir: string;
  files: SourceFile[];
  /** `*.tfvars` / `*.tfvars.json` of the directory. */
  tfvars: SourceFile[];
  /** Has a `provider` block, a `backend`/`cloud` block, or `*.tfvars` (RULES.md's definition). */
  isRoot: boolean;
  /** Some file does not parse: rules about what is *missing* stay quiet (it may be in the broken part). */
  broken: boolean;
  backends: TfBackend[];
  providers: TfProvider[];
  resources: TfResource[];
  moduleCalls: TfModuleCall[];
  variables: TfVariable[];
  outputs: TfOutput[];
  settings: TfSettings[];
  locals: Map<string, TfLocal>;
  /** `terraform.workspace` references. */
  workspaceRefs: { file: SourceFile; range: Range }[];
  scope: EvalScope;
  /** Evaluates an expression of this module. */
  value(expr: HclExpr): HclValue;
}

export interface TerraformModel {
  modules: TfModule[];
  moduleOf(file: SourceFile): TfModule | undefined;
  /** Local module calls targeting a directory. */
  callersOf(dir: string): TfModuleCall[];
}

export function terraformModel(project: Project): TerraformModel {
  return project.cached('terraform', () => buildModel(project));
}

function buildModel(project: Project): TerraformModel {
  const byDir = new Map<string, TfModule>();
  const tfvarsByDir = new Map<string, SourceFile[]>();
  for (const f of project.ofKind('tfvars')) {
    const dir = posix.dirname(f.path);
    tfvarsByDir.set(dir, [...(tfvarsByDir.get(dir) ?? []), f]);
  }
  const callers = new Map<string, TfModuleCall[]>();
  const evaluator = new Evaluator(callers);
  const files = [...project.ofKind('terraform'), ...project.ofKind('terraform-json')].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  for (const file of files) {
    const dir = posix.dirname(file.path);
    let module = byDir.get(dir);
    if (!module) {
      module = emptyModule(dir, tfvarsByDir.get(dir) ?? [], evaluator);
      byDir.set(dir, module);
    }
    addFile(module, file);
  }
  const modules = [...byDir.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  for (const m of modules) {
    m.isRoot = m.providers.length > 0 || m.backends.length > 0 || m.tfvars.length > 0;
    for (const call of m.moduleCalls) {
      if (call.localDir !== undefined) callers.set(call.localDir, [...(callers.get(call.localDir) ?? []), call]);
    }
  }
  return {
    modules,
    moduleOf: (file) => byDir.get(posix.dirname(file.path)),
    callersOf: (dir) => callers.get(dir) ?? [],
  };
}

function emptyModule(dir: string, tfvars: SourceFile[], evaluator: Evaluator): TfModule {
  const module: TfModule = {
    dir,
    files: [],
    tfvars,
    isRoot: false,
    broken: false,
    backends: [],
    providers: [],
    resources: [],
    moduleCalls: [],
    variables: [],
    outputs: [],
    settings: [],
    locals: new Map(),
    workspaceRefs: [],
    scope: EMPTY_SCOPE,
    value: (expr) => evaluate(expr, module.scope),
  };
  module.scope = {
    variable: (name) => evaluator.variable(module, name),
    local: (name) => evaluator.local(module, name),
  };
  return module;
}

function addFile(module: TfModule, file: SourceFile): void {
  const parsed = parseHcl(file);
  module.files.push(file);
  if (parsed.errors.length > 0) module.broken = true;
  const ref = (block: HclBlock) => ({ module, file, block });
  for (const block of parsed.body.blocks) {
    const [first, second] = block.labels.map((l) => l.value);
    switch (block.type) {
      case 'resource':
      case 'data':
        if (first !== undefined && second !== undefined) {
          const mode = block.type === 'resource' ? 'managed' : 'data';
          const address = mode === 'managed' ? `${first}.${second}` : `data.${first}.${second}`;
          module.resources.push({ ...ref(block), mode, type: first, name: second, address });
        }
        break;
      case 'provider':
        if (first !== undefined) module.providers.push(provider(module, file, block, first));
        break;
      case 'module':
        if (first !== undefined) module.moduleCalls.push(moduleCall(module, file, block, first));
        break;
      case 'variable':
        if (first !== undefined) {
          module.variables.push({ ...ref(block), name: first, default: attribute(block.body, 'default') });
        }
        break;
      case 'output':
        if (first !== undefined) module.outputs.push({ ...ref(block), name: first });
        break;
      case 'locals':
        for (const a of block.body.attributes) module.locals.set(a.name, { file, attribute: a });
        break;
      case 'terraform':
        addSettings(module, file, block);
        break;
      default:
        break;
    }
    walkBodyExprs(block.body, (e) => {
      if (isTraversalOf(e, 'terraform', 'workspace')) module.workspaceRefs.push({ file, range: e.range });
    });
  }
}

function provider(module: TfModule, file: SourceFile, block: HclBlock, name: string): TfProvider {
  const alias = literalString(attribute(block.body, 'alias')?.value);
  const tagsExpr =
    attribute(childBlock(block.body, 'default_tags')?.body ?? block.body, 'tags')?.value ??
    attribute(block.body, 'default_labels')?.value;
  return {
    module,
    file,
    block,
    name,
    alias,
    get defaultTags() {
      // Lazy: provider tags may use variables, whose values need the whole model.
      return tagsExpr ? module.value(tagsExpr) : undefined;
    },
  };
}

function moduleCall(module: TfModule, file: SourceFile, block: HclBlock, name: string): TfModuleCall {
  const sourceAttr = attribute(block.body, 'source');
  const versionAttr = attribute(block.body, 'version');
  const source = literalString(sourceAttr?.value);
  const local = source !== undefined && /^\.\.?\//.test(source);
  return {
    module,
    file,
    block,
    name,
    source: source !== undefined && sourceAttr ? { value: source, range: sourceAttr.value.range } : undefined,
    version: versionAttr ? { value: literalString(versionAttr.value), range: versionAttr.value.range } : undefined,
    localDir: local ? posix.normalize(posix.join(module.dir, source)).replace(/\/$/, '') : undefined,
  };
}

function addSettings(module: TfModule, file: SourceFile, block: HclBlock): void {
  for (const backend of childBlocks(block.body, 'backend', 1)) {
    module.backends.push({ module, file, block: backend, type: backend.labels[0]?.value ?? '' });
  }
  for (const cloud of childBlocks(block.body, 'cloud'))
    module.backends.push({ module, file, block: cloud, type: 'cloud' });
  const requiredProviders: TfRequiredProvider[] = [];
  for (const rp of childBlocks(block.body, 'required_providers')) {
    for (const a of rp.body.attributes) {
      // `aws = "~> 5.0"` (legacy) or `aws = { source = …, version = … }`.
      const version = a.value.kind === 'object' ? a.value.items.find((i) => i.key === 'version')?.value : a.value;
      requiredProviders.push({ file, name: a.name, nameRange: a.nameRange, version });
    }
  }
  module.settings.push({
    module,
    file,
    block,
    requiredVersion: attribute(block.body, 'required_version'),
    requiredProviders,
  });
}

/** Variable names that say which environment a configuration is applied to. */
export const ENVIRONMENT_VARIABLES = new Set(['env', 'environment', 'stage', 'env_name', 'environment_name']);

/**
 * The environment of a module: its path, its per-environment `*.tfvars`, and the known value of an
 * `environment`-like variable. Prod when any of them is.
 */
export function moduleEnvironment(module: TfModule, settings: Pick<RuleSettings, 'isProd'>): Environment {
  const extra: string[] = module.tfvars.map((f) => environmentFromPath(f.path)).filter((n): n is string => !!n);
  for (const v of module.variables) {
    if (!ENVIRONMENT_VARIABLES.has(v.name)) continue;
    const value = module.scope.variable(v.name);
    if (typeof value === 'string') extra.unshift(value);
  }
  return environmentOf(module.files[0]?.path ?? module.dir, settings, extra);
}

/** The providers configuration a resource uses (`provider = aws.west`, else the default one of its prefix). */
export function providerOf(resource: TfResource): { name: string; alias: string | undefined } {
  const expr = attribute(resource.block.body, 'provider')?.value;
  if (expr?.kind === 'traversal') {
    const alias = expr.steps[0];
    return { name: expr.root, alias: typeof alias === 'string' ? alias : undefined };
  }
  return { name: resource.type.split('_')[0] ?? resource.type, alias: undefined };
}

/**
 * Where a finding about something a module *lacks* goes: its `terraform` block, else its first provider,
 * else its first block.
 */
export function moduleAnchor(module: TfModule): { file: SourceFile; range: Range } {
  const settings = module.settings[0] ?? module.providers[0];
  if (settings) return { file: settings.file, range: settings.block.headRange };
  for (const file of module.files) {
    const first = parseHcl(file).body.blocks[0];
    if (first) return { file, range: first.headRange };
  }
  const file = module.files[0] as SourceFile;
  return { file, range: file.range(0, 0) };
}

export interface LocatedString {
  value: string;
  range: Range;
}

/** The known strings of a string or list expression, each with the range of its own element when written inline. */
export function stringsWithRanges(module: TfModule, expr: HclExpr): LocatedString[] {
  const value = module.value(expr);
  if (typeof value === 'string') return [{ value, range: expr.range }];
  if (!Array.isArray(value)) return [];
  const out: LocatedString[] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string') out.push({ value: v, range: exprRangeAt(expr, [i]) });
  });
  return out;
}
