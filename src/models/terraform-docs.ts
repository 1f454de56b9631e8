import { getNodeValue, type Node as JsonNode, type ParseError, parseTree } from 'jsonc-parser';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import type { HclAttribute, HclExpr } from '../parsers/hcl.js';
import { attribute, childBlocks, exprRangeAt, literalString } from '../parsers/hcl-ast.js';
import type { LocatedString, TerraformModel, TfModule, TfResource } from './terraform.js';
import { fromJson, type HclMap, type HclValue, isMap, mapGet } from './terraform-eval.js';

/**
 * JSON documents embedded in Terraform: IAM policies and ECS container definitions, written as
 * `jsonencode({...})`, a heredoc, a JSON string, or (policies) `data "aws_iam_policy_document"`. Each keeps
 * a way back to the source range of any of its parts, so findings land on the offending element.
 */

export interface LocatedDoc {
  file: SourceFile;
  value: HclValue;
  /** Range of the part at a path of keys/indices, or of the nearest enclosing part the source shows. */
  rangeAt(path: readonly (string | number)[]): Range;
}

export function jsonDocument(module: TfModule, file: SourceFile, expr: HclExpr): LocatedDoc | undefined {
  if (expr.kind === 'call' && expr.name === 'jsonencode' && expr.args.length === 1 && !expr.expandFinal) {
    const arg = expr.args[0] as HclExpr;
    return { file, value: module.value(arg), rangeAt: (path) => exprRangeAt(arg, path) };
  }
  if (expr.kind === 'template' && expr.heredoc) {
    // The raw heredoc text keeps file offsets; `${…}` inside JSON strings leaves the JSON valid (and unknown).
    const { start, end } = expr.heredoc;
    const errors: ParseError[] = [];
    const root = parseTree(file.text.slice(start, end), errors, { disallowComments: true });
    if (!root || errors.length > 0) return undefined;
    return {
      file,
      value: fromJson(getNodeValue(root)),
      rangeAt: (path) => {
        const node = deepestJsonNode(root, path);
        return file.range(start + node.offset, start + node.offset + node.length);
      },
    };
  }
  const text = expr.kind === 'template' ? literalString(expr) : module.value(expr);
  if (typeof text !== 'string') return undefined;
  try {
    return { file, value: fromJson(JSON.parse(text)), rangeAt: () => expr.range };
  } catch {
    return undefined;
  }
}

function deepestJsonNode(root: JsonNode, path: readonly (string | number)[]): JsonNode {
  let current = root;
  for (const step of path) {
    let next: JsonNode | undefined;
    if (current.type === 'object' && typeof step === 'string') {
      next = current.children?.find((p) => p.children?.[0]?.value === step)?.children?.[1];
    } else if (current.type === 'array' && typeof step === 'number') {
      next = current.children?.[step];
    }
    if (!next) break;
    current = next;
  }
  return current;
}

export interface PolicyStatement {
  file: SourceFile;
  /** `Allow` unless the statement says otherwise. */
  effect: string;
  actions: LocatedString[];
  resources: LocatedString[];
}

export interface PolicyDocument {
  /** The resource or data source that holds the document. */
  owner: TfResource;
  statements: PolicyStatement[];
}

/** Identity policies: resource type → attributes holding a policy document. */
const POLICY_ATTRIBUTES: Record<string, readonly string[]> = {
  aws_iam_policy: ['policy'],
  aws_iam_role_policy: ['policy'],
  aws_iam_user_policy: ['policy'],
  aws_iam_group_policy: ['policy'],
  aws_ssoadmin_permission_set_inline_policy: ['inline_policy'],
};

export function iamPolicies(model: TerraformModel): PolicyDocument[] {
  const out: PolicyDocument[] = [];
  for (const module of model.modules) {
    for (const owner of module.resources) {
      const attrs: HclAttribute[] = [];
      if (owner.mode === 'data') {
        if (owner.type === 'aws_iam_policy_document') out.push({ owner, statements: policyDocumentData(owner) });
        continue;
      }
      for (const name of POLICY_ATTRIBUTES[owner.type] ?? []) {
        const a = attribute(owner.block.body, name);
        if (a) attrs.push(a);
      }
      if (owner.type === 'aws_iam_role') {
        for (const inline of childBlocks(owner.block.body, 'inline_policy')) {
          const a = attribute(inline.body, 'policy');
          if (a) attrs.push(a);
        }
      }
      for (const a of attrs) {
        const doc = jsonDocument(module, owner.file, a.value);
        if (doc) out.push({ owner, statements: jsonStatements(doc) });
      }
    }
  }
  return out;
}

function jsonStatements(doc: LocatedDoc): PolicyStatement[] {
  const raw = mapGet(doc.value, 'Statement');
  const list: [HclValue, (string | number)[]][] = Array.isArray(raw)
    ? raw.map((s, i) => [s, ['Statement', i]])
    : raw !== undefined
      ? [[raw, ['Statement']]]
      : [];
  const out: PolicyStatement[] = [];
  for (const [statement, path] of list) {
    if (!isMap(statement)) continue;
    const effect = mapGet(statement, 'Effect') ?? 'Allow';
    if (typeof effect !== 'string') continue;
    const located = (key: string) =>
      locatedStrings(mapGet(statement, key), (sub) => doc.rangeAt([...path, key, ...sub]));
    out.push({ file: doc.file, effect, actions: located('Action'), resources: located('Resource') });
  }
  return out;
}

function locatedStrings(value: HclValue | undefined, rangeAt: (sub: (string | number)[]) => Range): LocatedString[] {
  if (typeof value === 'string') return [{ value, range: rangeAt([]) }];
  if (!Array.isArray(value)) return [];
  const out: LocatedString[] = [];
  value.forEach((v, i) => {
    if (typeof v === 'string') out.push({ value: v, range: rangeAt([i]) });
  });
  return out;
}

function policyDocumentData(owner: TfResource): PolicyStatement[] {
  const out: PolicyStatement[] = [];
  for (const statement of childBlocks(owner.block.body, 'statement')) {
    const effectAttr = attribute(statement.body, 'effect');
    const effect = effectAttr ? owner.module.value(effectAttr.value) : 'Allow';
    if (typeof effect !== 'string') continue;
    const located = (name: string): LocatedString[] => {
      const a = attribute(statement.body, name);
      if (!a) return [];
      return locatedStrings(owner.module.value(a.value), (sub) => exprRangeAt(a.value, sub));
    };
    out.push({ file: owner.file, effect, actions: located('actions'), resources: located('resources') });
  }
  return out;
}

export interface EcsContainer {
  taskDefinition: TfResource;
  doc: LocatedDoc;
  /** Path of the container in the document (`[i]`). */
  path: number[];
  value: HclMap;
  name: string | undefined;
}

/** Containers of every `aws_ecs_task_definition` whose `container_definitions` can be read. */
export function ecsContainers(model: TerraformModel): EcsContainer[] {
  const out: EcsContainer[] = [];
  for (const module of model.modules) {
    for (const taskDefinition of module.resources) {
      if (taskDefinition.mode !== 'managed' || taskDefinition.type !== 'aws_ecs_task_definition') continue;
      const a = attribute(taskDefinition.block.body, 'container_definitions');
      const doc = a ? jsonDocument(module, taskDefinition.file, a.value) : undefined;
      if (!doc || !Array.isArray(doc.value)) continue;
      doc.value.forEach((value, i) => {
        if (!isMap(value)) return;
        const name = mapGet(value, 'name');
        out.push({ taskDefinition, doc, path: [i], value, name: typeof name === 'string' ? name : undefined });
      });
    }
  }
  return out;
}
