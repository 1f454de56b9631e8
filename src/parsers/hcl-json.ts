import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import type { HclAttribute, HclBlock, HclBody, HclExpr, HclFile, HclLabel, HclObjectItem } from './hcl.js';
import { type JsonNode, jsonRange, parseJson } from './json.js';

/**
 * Terraform's JSON syntax (`*.tf.json`, `*.tfvars.json`) mapped onto the HCL objects. Top-level block
 * types get their labels from the nesting (`resource` → type → name); inside a body JSON cannot tell a
 * nested block from an object attribute, so bodies keep objects as attributes and `jsonBlocks` reads
 * them as blocks on demand.
 */

/** Label count of the top-level block types (Terraform's JSON syntax spec). */
const TOP_LEVEL_LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  ephemeral: 2,
  module: 1,
  provider: 1,
  variable: 1,
  output: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  removed: 0,
  check: 1,
};

/** `"//"` properties are comments in Terraform's JSON syntax. */
const COMMENT_KEY = '//';

export function parseTfJson(file: SourceFile): HclFile {
  const json = parseJson(file);
  const tfvars = /\.tfvars\.json$/i.test(file.path);
  const root = json.root;
  const range = root ? jsonRange(file, root) : file.range(0, 0);
  const body: HclBody = { attributes: [], blocks: [], range, syntax: 'json' };
  const errors = json.errors.map((e) => ({ message: e.message, range: e.range }));
  if (root?.type !== 'object') {
    if (root && errors.length === 0) errors.push({ message: 'Terraform JSON must be an object', range });
    return { body, errors };
  }
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode || keyNode.value === COMMENT_KEY) continue;
    const attribute = jsonAttribute(file, String(keyNode.value), keyNode, valueNode, prop, !tfvars);
    if (tfvars) body.attributes.push(attribute);
    else body.blocks.push(...jsonBlocks(attribute, TOP_LEVEL_LABELS[String(keyNode.value)] ?? 0));
  }
  return { body, errors };
}

function jsonAttribute(
  file: SourceFile,
  name: string,
  keyNode: JsonNode,
  valueNode: JsonNode,
  prop: JsonNode,
  templates: boolean,
): HclAttribute {
  return {
    name,
    nameRange: jsonRange(file, keyNode),
    value: jsonExpr(file, valueNode, templates),
    range: jsonRange(file, prop),
  };
}

/** A JSON value as an expression; strings are templates (`"${var.x}"`) in `.tf.json`, literal in tfvars. */
function jsonExpr(file: SourceFile, node: JsonNode, templates: boolean): HclExpr {
  const range = jsonRange(file, node);
  switch (node.type) {
    case 'string':
      return templates
        ? jsonTemplate(String(node.value), range)
        : { kind: 'template', parts: [String(node.value)], range };
    case 'number':
    case 'boolean':
      return { kind: 'literal', value: node.value as number | boolean, range };
    case 'null':
      return { kind: 'literal', value: null, range };
    case 'array':
      return { kind: 'tuple', items: (node.children ?? []).map((c) => jsonExpr(file, c, templates)), range };
    case 'object': {
      const items: HclObjectItem[] = [];
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v || k.value === COMMENT_KEY) continue;
        items.push({
          key: String(k.value),
          keyRange: jsonRange(file, k),
          value: jsonExpr(file, v, templates),
          range: jsonRange(file, prop),
        });
      }
      return { kind: 'object', items, range };
    }
    default:
      return { kind: 'other', children: [], range };
  }
}

const SIMPLE_REFERENCE = /^\$\{\s*([A-Za-z_][\w-]*)((?:\.[A-Za-z_][\w-]*|\[\d+\])*)\s*\}$/;

/** A JSON string in `.tf.json`: a lone `${ref}` is a reference, other interpolations are unknown parts. */
function jsonTemplate(value: string, range: Range): HclExpr {
  const ref = SIMPLE_REFERENCE.exec(value);
  if (ref) {
    const steps = [...(ref[2] ?? '').matchAll(/\.([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) =>
      m[1] !== undefined ? m[1] : Number(m[2]),
    );
    return { kind: 'traversal', root: ref[1] as string, steps, range };
  }
  const parts: (string | HclExpr)[] = [];
  let literal = '';
  let i = 0;
  while (i < value.length) {
    const two = value.slice(i, i + 3);
    if (two === '$${' || two === '%%{') {
      literal += two.slice(1);
      i += 3;
    } else if (two.startsWith('${') || two.startsWith('%{')) {
      if (literal !== '') parts.push(literal);
      literal = '';
      const close = value.indexOf('}', i);
      i = close < 0 ? value.length : close + 1;
      parts.push({ kind: 'other', children: [], range });
    } else {
      literal += value[i];
      i++;
    }
  }
  if (literal !== '' || parts.length === 0) parts.push(literal);
  return { kind: 'template', parts, range };
}

/**
 * Reads a JSON-syntax attribute as blocks of its name: `labelCount` levels of object keys are labels, an
 * array means several blocks (`"provider": {"aws": [{…}, {…}]}`), the innermost object is the body.
 */
export function jsonBlocks(attribute: HclAttribute, labelCount: number): HclBlock[] {
  const out: HclBlock[] = [];
  const visit = (value: HclExpr, labels: HclLabel[]) => {
    if (value.kind === 'tuple') {
      for (const item of value.items) visit(item, labels);
      return;
    }
    if (value.kind !== 'object') return;
    if (labels.length < labelCount) {
      for (const item of value.items) {
        if (item.key !== undefined) visit(item.value, [...labels, { value: item.key, range: item.keyRange }]);
      }
      return;
    }
    const last = labels[labels.length - 1]?.range ?? attribute.nameRange;
    out.push({
      type: attribute.name,
      typeRange: attribute.nameRange,
      labels,
      headRange: {
        line: attribute.nameRange.line,
        column: attribute.nameRange.column,
        endLine: last.endLine,
        endColumn: last.endColumn,
      },
      body: {
        attributes: value.items.map((item) => ({
          name: item.key ?? '',
          nameRange: item.keyRange,
          value: item.value,
          range: item.range,
        })),
        blocks: [],
        range: value.range,
        syntax: 'json',
      },
      range: attribute.range,
    });
  };
  visit(attribute.value, []);
  return out;
}
