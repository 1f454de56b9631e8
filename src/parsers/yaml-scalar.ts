/**
 * Maps the characters of a YAML scalar's *value* back to offsets in the file, for every scalar style
 * (plain, single- and double-quoted, block literal `|` and folded `>`). Embedded languages (PromQL in
 * `expr:`) report errors at value offsets; this turns them into file positions without counting lines.
 *
 * The value is re-derived from the node's own source span and checked against the parser's value: the
 * characters that agree are mapped exactly; anything after a disagreement (an exotic construct this
 * decoder does not model) maps to the last exact offset, so a position is never invented.
 */
import { isScalar, type Scalar } from 'yaml';

export interface ScalarSource {
  /** The scalar's value as the YAML parser produced it. */
  value: string;
  /** File offset of the value's character `index` (`index === value.length` maps past the last one). */
  offsetOf(index: number): number;
  /** False when the source decoding disagreed with the parser somewhere (offsets after it are approximate). */
  exact: boolean;
}

interface Piece {
  char: string;
  offset: number;
}

/** Source map of a string scalar node; undefined for non-scalars and non-string values. */
export function scalarSource(text: string, node: unknown): ScalarSource | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  const value = node.value;
  const pieces = decode(text, start, end, (node as Scalar).type, value);
  const agree = agreement(pieces, value);
  const exact = agree === value.length && pieces.length === value.length;
  const offsets = pieces.slice(0, agree).map((p) => p.offset);
  const contentEnd = trimmedEnd(text, start, end);
  return {
    value,
    exact,
    offsetOf(index: number): number {
      if (index < offsets.length) return offsets[index] as number;
      if (exact) {
        // One past the last character: right after it in the source.
        const last = offsets[offsets.length - 1];
        return last === undefined ? contentStart(text, start, node) : Math.min(last + 1, contentEnd);
      }
      return offsets[offsets.length - 1] ?? contentStart(text, start, node);
    },
  };
}

/** Length of the prefix on which the decoded pieces and the parser's value agree. */
function agreement(pieces: readonly Piece[], value: string): number {
  let n = 0;
  while (n < value.length && n < pieces.length && pieces[n]?.char === value[n]) n++;
  return n;
}

function contentStart(text: string, start: number, node: Scalar): number {
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  return quoted && start < text.length ? start + 1 : start;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

function decode(text: string, start: number, end: number, type: Scalar['type'], value: string): Piece[] {
  switch (type) {
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return decodeBlock(text, start, end, type === 'BLOCK_FOLDED', value);
    case 'QUOTE_DOUBLE':
      return decodeFlow(text, start + 1, end - 1, 'double');
    case 'QUOTE_SINGLE':
      return decodeFlow(text, start + 1, end - 1, 'single');
    default:
      return decodeFlow(text, start, end, 'plain');
  }
}

interface Line {
  /** Offset of the line's first character. */
  start: number;
  text: string;
}

/** Lines of `text[start, end)`, with CR LF and lone CR treated as line breaks. */
function linesOf(text: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    const c = text[i];
    if (i === end || c === '\n' || c === '\r') {
      out.push({ start: lineStart, text: text.slice(lineStart, i) });
      if (i === end) break;
      if (c === '\r' && text[i + 1] === '\n') i++;
      lineStart = i + 1;
    }
  }
  return out;
}

const DOUBLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/** Plain and quoted scalars: line folding, `''` in single quotes, escapes in double quotes. */
function decodeFlow(text: string, start: number, end: number, style: 'plain' | 'single' | 'double'): Piece[] {
  const out: Piece[] = [];
  const lines = linesOf(text, start, end);
  let pendingBreaks = 0;
  let breakOffset = start;
  let joinWithoutSpace = false;
  lines.forEach((line, index) => {
    const first = index === 0;
    const last = index === lines.length - 1;
    let from = 0;
    let to = line.text.length;
    if (!first) while (from < to && (line.text[from] === ' ' || line.text[from] === '\t')) from++;
    if (!last) while (to > from && (line.text[to - 1] === ' ' || line.text[to - 1] === '\t')) to--;
    if (!first && from === to && !last) {
      pendingBreaks++;
      return;
    }
    if (!first) {
      if (joinWithoutSpace) joinWithoutSpace = false;
      else if (pendingBreaks === 0) out.push({ char: ' ', offset: breakOffset });
      else for (let i = 0; i < pendingBreaks; i++) out.push({ char: '\n', offset: breakOffset });
      pendingBreaks = 0;
    }
    for (let i = from; i < to; i++) {
      const c = line.text[i] as string;
      const offset = line.start + i;
      if (style === 'single' && c === "'" && line.text[i + 1] === "'") {
        out.push({ char: "'", offset });
        i++;
      } else if (style === 'double' && c === '\\') {
        const next = line.text[i + 1];
        if (next === undefined) {
          // An escaped line break joins the lines with nothing in between.
          joinWithoutSpace = true;
          break;
        }
        const hex = HEX_ESCAPES[next];
        if (hex !== undefined) {
          const code = Number.parseInt(line.text.slice(i + 2, i + 2 + hex), 16);
          out.push({ char: Number.isNaN(code) ? '\uFFFD' : String.fromCodePoint(code), offset });
          i += 1 + hex;
        } else {
          out.push({ char: DOUBLE_ESCAPES[next] ?? next, offset });
          i++;
        }
      } else {
        out.push({ char: c, offset });
      }
    }
    breakOffset = line.start + line.text.length;
  });
  // Non-BMP characters are two UTF-16 units in the value: split them the same way.
  return splitSurrogates(out);
}

/** Block scalars: header indicators, indentation, chomping, and folding for `>`. */
function decodeBlock(text: string, start: number, end: number, folded: boolean, value: string): Piece[] {
  const all = linesOf(text, start, end);
  const header = all[0]?.text ?? '';
  const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const body = all.slice(1);
  // The YAML range ends after the last content line's break: drop the empty tail line it creates.
  if (body[body.length - 1]?.text === '' && (text[end - 1] === '\n' || text[end - 1] === '\r')) body.pop();
  const firstContent = body.find((l) => l.text.trim() !== '');
  const detected = firstContent ? firstContent.text.length - firstContent.text.trimStart().length : 0;
  // An explicit indentation indicator is relative to the parent's indentation, which the scalar does not
  // know: try each indentation up to the detected one and keep the decoding that agrees with the value.
  let best: Piece[] = [];
  let bestAgreement = -1;
  for (let indent = detected; indent >= 0; indent--) {
    const pieces = splitSurrogates(blockPieces(body, indent, folded, chomp));
    const agree = agreement(pieces, value);
    if (agree > bestAgreement) {
      best = pieces;
      bestAgreement = agree;
    }
    if (agree === value.length && pieces.length === value.length) break;
  }
  return best;
}

function blockPieces(body: Line[], indent: number, folded: boolean, chomp: 'strip' | 'clip' | 'keep'): Piece[] {
  const out: Piece[] = [];
  let pendingEmpty: number[] = [];
  let previous: 'normal' | 'more' | undefined;
  let previousEnd = 0;
  for (const line of body) {
    const content = line.text.length > indent ? line.text.slice(indent) : '';
    if (content.trim() === '' && line.text.slice(0, indent).trim() === '' && content.length === 0) {
      pendingEmpty.push(line.start + line.text.length);
      continue;
    }
    const kind = content.startsWith(' ') || content.startsWith('\t') ? 'more' : 'normal';
    if (previous !== undefined) {
      if (folded && previous === 'normal' && kind === 'normal') {
        if (pendingEmpty.length === 0) out.push({ char: ' ', offset: previousEnd });
        else for (const o of pendingEmpty) out.push({ char: '\n', offset: o });
      } else {
        out.push({ char: '\n', offset: previousEnd });
        for (const o of pendingEmpty) out.push({ char: '\n', offset: o });
      }
    } else {
      for (const o of pendingEmpty) out.push({ char: '\n', offset: o });
    }
    pendingEmpty = [];
    for (let i = 0; i < content.length; i++) out.push({ char: content[i] as string, offset: line.start + indent + i });
    previous = kind;
    previousEnd = line.start + line.text.length;
  }
  if (previous === undefined) return chomp === 'keep' ? pendingEmpty.map((o) => ({ char: '\n', offset: o })) : [];
  if (chomp === 'clip') out.push({ char: '\n', offset: previousEnd });
  if (chomp === 'keep') {
    out.push({ char: '\n', offset: previousEnd });
    for (const o of pendingEmpty) out.push({ char: '\n', offset: o });
  }
  return out;
}

function splitSurrogates(pieces: Piece[]): Piece[] {
  if (!pieces.some((p) => p.char.length > 1)) return pieces;
  const out: Piece[] = [];
  for (const p of pieces) for (const unit of p.char.split('')) out.push({ char: unit, offset: p.offset });
  return out;
}
