import type { Tree, Node as TsNode } from 'web-tree-sitter';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import type {
  HclAttribute,
  HclBlock,
  HclBody,
  HclCall,
  HclError,
  HclExpr,
  HclFile,
  HclLabel,
  HclObjectItem,
  HclOther,
  HclTemplate,
} from './hcl.js';

/**
 * Tree-sitter's concrete syntax tree → the plain HCL objects of `hcl.ts`, with 1-based ranges taken from
 * the node offsets (UTF-16 code units, as SourceFile counts them).
 */

const MAX_ERRORS = 10;
/** Deeper nesting than this is not modelled (it stays `other`): no stack overflow on hostile input. */
const MAX_DEPTH = 200;

/** Converts a parsed tree; the caller frees it. */
export function convertTree(file: SourceFile, tree: Tree): HclFile {
  const root = tree.rootNode;
  const errors: HclError[] = [];
  if (root.hasError) collectErrors(file, root, errors, 0);
  const bodyNode = root.namedChildren.find((c) => c?.type === 'body');
  const body = bodyNode ? new Converter(file).body(bodyNode, 0) : emptyBody(file.range(0, 0));
  return { body, errors };
}

export function emptyBody(range: Range): HclBody {
  return { attributes: [], blocks: [], range, syntax: 'hcl' };
}

function collectErrors(file: SourceFile, node: TsNode, out: HclError[], depth: number): void {
  if (out.length >= MAX_ERRORS) return;
  if (node.isMissing) {
    out.push({
      message: `HCL syntax error: missing ${JSON.stringify(node.type)}`,
      range: file.range(node.startIndex, node.startIndex),
    });
    return;
  }
  if (node.isError || depth > MAX_DEPTH) {
    // Tree-sitter's ERROR nodes can span several lines: the first line is where the reader should look.
    const lineEnd = file.text.indexOf('\n', node.startIndex);
    const end = lineEnd >= 0 && lineEnd < node.endIndex ? lineEnd : node.endIndex;
    const snippet = file.text.slice(node.startIndex, Math.min(end, node.startIndex + 40)).trim();
    out.push({
      message: `HCL syntax error: unexpected ${snippet === '' ? 'end of input' : JSON.stringify(snippet)}`,
      range: file.range(node.startIndex, Math.max(end, node.startIndex + 1)),
    });
    return;
  }
  for (const child of node.children) if (child?.hasError) collectErrors(file, child, out, depth + 1);
}

/** Named children without comments (and without error nodes, which the error list reports). */
function parts(node: TsNode): TsNode[] {
  return node.namedChildren.filter((c): c is TsNode => c !== null && c.type !== 'comment' && !c.isError);
}

class Converter {
  readonly #file: SourceFile;

  constructor(file: SourceFile) {
    this.#file = file;
  }

  #range(node: TsNode): Range {
    return this.#file.range(node.startIndex, node.endIndex);
  }

  body(node: TsNode, depth: number): HclBody {
    const attributes: HclAttribute[] = [];
    const blocks: HclBlock[] = [];
    for (const child of parts(node)) {
      if (child.type === 'attribute') attributes.push(this.#attribute(child, depth));
      else if (child.type === 'block') blocks.push(this.#block(child, depth));
    }
    return { attributes, blocks, range: this.#range(node), syntax: 'hcl' };
  }

  #attribute(node: TsNode, depth: number): HclAttribute {
    const [name, value] = parts(node);
    return {
      name: name?.text ?? '',
      nameRange: name ? this.#range(name) : this.#range(node),
      value: value ? this.expr(value, depth + 1) : { kind: 'other', children: [], range: this.#range(node) },
      range: this.#range(node),
    };
  }

  #block(node: TsNode, depth: number): HclBlock {
    const children = parts(node);
    const typeNode = children[0];
    const labels: HclLabel[] = [];
    let bodyNode: TsNode | undefined;
    let open: TsNode | undefined;
    let close: TsNode | undefined;
    for (const child of children.slice(1)) {
      if (child.type === 'string_lit') labels.push({ value: this.#stringLit(child), range: this.#range(child) });
      else if (child.type === 'identifier') labels.push({ value: child.text, range: this.#range(child) });
      else if (child.type === 'body') bodyNode = child;
      else if (child.type === 'block_start') open = child;
      else if (child.type === 'block_end') close = child;
    }
    const typeRange = typeNode ? this.#range(typeNode) : this.#range(node);
    const last = labels[labels.length - 1]?.range ?? typeRange;
    const body =
      bodyNode && depth < MAX_DEPTH
        ? this.body(bodyNode, depth + 1)
        : emptyBody(this.#file.range(open?.endIndex ?? node.endIndex, close?.startIndex ?? node.endIndex));
    return {
      type: typeNode?.text ?? '',
      typeRange,
      labels,
      headRange: { line: typeRange.line, column: typeRange.column, endLine: last.endLine, endColumn: last.endColumn },
      body,
      range: this.#range(node),
    };
  }

  expr(node: TsNode, depth: number): HclExpr {
    const range = this.#range(node);
    if (depth > MAX_DEPTH) return { kind: 'other', children: [], range };
    switch (node.type) {
      case 'expression': {
        const [first, ...postfix] = parts(node);
        if (!first) return { kind: 'other', children: [], range };
        if (postfix.length === 0) return this.expr(first, depth + 1);
        if (first.type === 'variable_expr') return this.#traversal(first, postfix, range, depth);
        return this.#other(node, range, depth);
      }
      case 'literal_value': {
        const inner = parts(node)[0];
        return inner ? this.expr(inner, depth + 1) : { kind: 'other', children: [], range };
      }
      case 'numeric_lit':
        return { kind: 'literal', value: Number(node.text), range };
      case 'bool_lit':
        return { kind: 'literal', value: node.text === 'true', range };
      case 'null_lit':
        return { kind: 'literal', value: null, range };
      case 'string_lit':
        return { kind: 'template', parts: [this.#stringLit(node)], range };
      case 'template_expr': {
        const inner = parts(node)[0];
        if (inner?.type === 'quoted_template') return this.#quoted(inner, range, depth);
        if (inner?.type === 'heredoc_template') return this.#heredoc(inner, range, depth);
        return { kind: 'other', children: [], range };
      }
      case 'collection_value': {
        const inner = parts(node)[0];
        return inner ? this.expr(inner, depth + 1) : { kind: 'other', children: [], range };
      }
      case 'tuple':
        return {
          kind: 'tuple',
          items: parts(node)
            .filter((c) => c.type === 'expression')
            .map((c) => this.expr(c, depth + 1)),
          range,
        };
      case 'object':
        return { kind: 'object', items: this.#objectItems(node, depth), range };
      case 'variable_expr':
        return { kind: 'traversal', root: node.text, steps: [], range };
      case 'function_call':
        return this.#call(node, range, depth);
      case 'operation':
        return this.#operation(node, range, depth);
      default:
        return this.#other(node, range, depth);
    }
  }

  #traversal(root: TsNode, postfix: TsNode[], range: Range, depth: number): HclExpr {
    const steps: (string | number | HclExpr)[] = [];
    for (const op of postfix) {
      if (op.type === 'get_attr') {
        steps.push(parts(op)[0]?.text ?? '');
      } else if (op.type === 'index') {
        const inner = parts(op)[0];
        if (inner?.type === 'legacy_index') {
          steps.push(Number(inner.text.replace(/^\./, '')));
        } else {
          const e = inner ? parts(inner)[0] : undefined;
          const key = e ? this.expr(e, depth + 1) : undefined;
          if (key?.kind === 'literal' && typeof key.value === 'number') steps.push(key.value);
          else if (key?.kind === 'template' && key.parts.every((p) => typeof p === 'string'))
            steps.push(key.parts.join(''));
          else steps.push(key ?? { kind: 'other', children: [], range: this.#range(op) });
        }
      } else {
        // Splats (`[*]`, `.*`) produce lists of unknown shape.
        return { kind: 'other', children: [], range };
      }
    }
    return { kind: 'traversal', root: root.text, steps, range };
  }

  #call(node: TsNode, range: Range, depth: number): HclCall {
    const [name, argsNode] = parts(node);
    const argNodes = argsNode ? argsNode.namedChildren.filter((c): c is TsNode => c !== null) : [];
    return {
      kind: 'call',
      name: name?.text ?? '',
      args: argNodes.filter((c) => c.type === 'expression').map((c) => this.expr(c, depth + 1)),
      expandFinal: argNodes.some((c) => c.type === 'ellipsis'),
      range,
    };
  }

  #operation(node: TsNode, range: Range, depth: number): HclExpr {
    const inner = parts(node)[0];
    if (inner?.type === 'unary_operation') {
      const operator = inner.children[0]?.text;
      const operand = parts(inner)[0];
      if ((operator === '-' || operator === '!') && operand) {
        return { kind: 'unary', operator, operand: this.expr(operand, depth + 1), range };
      }
    }
    return this.#other(node, range, depth);
  }

  /** Keeps the sub-expressions (for reference scans such as `terraform.workspace`), evaluates nothing. */
  #other(node: TsNode, range: Range, depth: number): HclOther {
    const children: HclExpr[] = [];
    const visit = (n: TsNode, d: number) => {
      if (d > MAX_DEPTH) return;
      for (const c of parts(n)) {
        if (c.type === 'expression') children.push(this.expr(c, d + 1));
        else visit(c, d + 1);
      }
    };
    visit(node, depth);
    return { kind: 'other', children, range };
  }

  #objectItems(node: TsNode, depth: number): HclObjectItem[] {
    const items: HclObjectItem[] = [];
    for (const elem of parts(node)) {
      if (elem.type !== 'object_elem') continue;
      const keyNode = elem.childForFieldName('key');
      const valNode = elem.childForFieldName('val');
      if (!keyNode || !valNode) continue;
      items.push({
        key: this.#objectKey(keyNode, depth),
        keyRange: this.#range(keyNode),
        value: this.expr(valNode, depth + 1),
        range: this.#range(elem),
      });
    }
    return items;
  }

  /** `name = …` and `"name" = …` are keys; `(expr) = …` is computed. */
  #objectKey(node: TsNode, depth: number): string | undefined {
    const inner = parts(node);
    if (inner.length === 1 && inner[0]?.type === 'variable_expr') return inner[0].text;
    const e = this.expr(node, depth + 1);
    if (e.kind === 'template' && e.parts.every((p) => typeof p === 'string')) return e.parts.join('');
    if (e.kind === 'literal' && e.value !== null) return String(e.value);
    return undefined;
  }

  #stringLit(node: TsNode): string {
    const children = node.children.filter((c): c is TsNode => c !== null);
    const start = children.find((c) => c.type === 'quoted_template_start')?.endIndex ?? node.startIndex;
    const end = children.find((c) => c.type === 'quoted_template_end')?.startIndex ?? node.endIndex;
    return unescapeQuoted(this.#file.text.slice(start, end));
  }

  #quoted(node: TsNode, range: Range, depth: number): HclTemplate {
    const children = node.children.filter((c): c is TsNode => c !== null);
    const start = children.find((c) => c.type === 'quoted_template_start')?.endIndex ?? node.startIndex;
    const end = children.find((c) => c.type === 'quoted_template_end')?.startIndex ?? node.endIndex;
    return { kind: 'template', parts: this.#templateParts(children, start, end, unescapeQuoted, depth), range };
  }

  #heredoc(node: TsNode, range: Range, depth: number): HclTemplate {
    const children = node.children.filter((c): c is TsNode => c !== null);
    const markers = children.filter((c) => c.type === 'heredoc_identifier');
    const opening = markers[0];
    const closing = markers.length > 1 ? markers[markers.length - 1] : undefined;
    const text = this.#file.text;
    const newline = opening ? text.indexOf('\n', opening.endIndex) : -1;
    const start = newline < 0 ? node.endIndex : newline + 1;
    const end = closing ? Math.max(start, text.lastIndexOf('\n', closing.startIndex - 1) + 1) : node.endIndex;
    const stripIndent = children.some((c) => c.type === 'heredoc_start' && c.text === '<<-');
    let templateParts = this.#templateParts(children, start, end, unescapeHeredoc, depth);
    if (stripIndent) templateParts = stripHeredocIndent(templateParts);
    return { kind: 'template', parts: templateParts, heredoc: { start, end }, range };
  }

  /** Literal text is taken from the source between interpolations: tree-sitter drops whitespace tokens. */
  #templateParts(
    children: TsNode[],
    start: number,
    end: number,
    decode: (raw: string) => string,
    depth: number,
  ): (string | HclExpr)[] {
    const out: (string | HclExpr)[] = [];
    let cursor = start;
    for (const c of children) {
      if (c.type !== 'template_interpolation' && c.type !== 'template_directive') continue;
      if (c.startIndex < start || c.endIndex > end) continue;
      if (c.startIndex > cursor) out.push(decode(this.#file.text.slice(cursor, c.startIndex)));
      const inner = c.type === 'template_interpolation' ? parts(c).find((p) => p.type === 'expression') : undefined;
      out.push(inner ? this.expr(inner, depth + 1) : this.#other(c, this.#range(c), depth + 1));
      cursor = c.endIndex;
    }
    if (end > cursor) out.push(decode(this.#file.text.slice(cursor, end)));
    return out;
  }
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

export function unescapeQuoted(raw: string): string {
  return raw.replace(
    /\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([\s\S]))|\$\$\{|%%\{/g,
    (m, u4: string | undefined, u8: string | undefined, c: string | undefined) => {
      if (m === '$${') return '${';
      if (m === '%%{') return '%{';
      if (u4 !== undefined) return String.fromCharCode(Number.parseInt(u4, 16));
      if (u8 !== undefined) return String.fromCodePoint(Math.min(Number.parseInt(u8, 16), 0x10ffff));
      return ESCAPES[c ?? ''] ?? m;
    },
  );
}

function unescapeHeredoc(raw: string): string {
  return raw.replace(/\$\$\{|%%\{/g, (m) => m.slice(1));
}

/** `<<-` removes the smallest indentation of the content's lines (interpolations count as text). */
function stripHeredocIndent(templateParts: (string | HclExpr)[]): (string | HclExpr)[] {
  const HOLE = '\uE000';
  const joined = templateParts.map((p) => (typeof p === 'string' ? p : HOLE)).join('');
  const lines = joined.split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const strip = indents.length > 0 ? Math.min(...indents) : 0;
  if (strip === 0) return templateParts;
  const stripped = lines.map((l) => l.slice(Math.min(strip, /^[ \t]*/.exec(l)?.[0].length ?? 0))).join('\n');
  const holes = templateParts.filter((p): p is HclExpr => typeof p !== 'string');
  const out: (string | HclExpr)[] = [];
  stripped.split(HOLE).forEach((text, i) => {
    if (text !== '') out.push(text);
    const hole = holes[i];
    if (hole && i < holes.length) out.push(hole);
  });
  return out;
}
