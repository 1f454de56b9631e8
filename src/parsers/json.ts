import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';

export interface JsonFile {
  root: Node | undefined;
  errors: { message: string; range: Range }[];
}

/** Parses JSON keeping offsets for every node (cached on the file). Comments and trailing commas are errors. */
export function parseJson(file: SourceFile): JsonFile {
  return file.cached('json', () => {
    const errors: ParseError[] = [];
    const root = parseTree(file.text, errors, { allowTrailingComma: false, disallowComments: true });
    return {
      root,
      errors: errors.map((e) => ({
        message: `JSON parse error: ${printParseErrorCode(e.error)}`,
        range: file.range(e.offset, e.offset + Math.max(1, e.length)),
      })),
    };
  });
}

/** The node at a property path (`['dashboard', 'panels', 0]`). */
export function jsonAt(node: Node | undefined, path: readonly (string | number)[]): Node | undefined {
  let current = node;
  for (const step of path) {
    if (!current) return undefined;
    if (typeof step === 'number') {
      current = current.type === 'array' ? current.children?.[step] : undefined;
    } else if (current.type === 'object') {
      const prop = current.children?.find((p) => p.children?.[0]?.value === step);
      current = prop?.children?.[1];
    } else {
      return undefined;
    }
  }
  return current;
}

export function jsonRange(file: SourceFile, node: Node): Range {
  return file.range(node.offset, node.offset + node.length);
}

export type { Node as JsonNode };
