import type { FileKind, Position, Range } from './types.js';

/**
 * A file as the engine sees it: repo-relative path, kind, text, and a line index that turns
 * 0-based offsets into 1-based positions. Positions are converted exactly once, here.
 */
export class SourceFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly text: string;
  /** Offsets where each line starts. */
  readonly #lineStarts: number[];
  /** Per-file cache for parsers and models, keyed by the parser's name (evictable). */
  readonly #cache = new Map<string, unknown>();
  /** Small derived facts (e.g. "does it parse?") that survive eviction. */
  readonly #facts = new Map<string, unknown>();

  constructor(path: string, kind: FileKind, text: string) {
    this.path = path;
    this.kind = kind;
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
    this.#lineStarts = starts;
  }

  get lineCount(): number {
    return this.#lineStarts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.#lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#lineStarts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (this.#lineStarts[lo] ?? 0) + 1 };
  }

  offsetAt(pos: Position): number {
    const start = this.#lineStarts[pos.line - 1];
    if (start === undefined) return this.text.length;
    return Math.min(start + pos.column - 1, this.text.length);
  }

  /** Range of the half-open offset span [start, end). */
  range(start: number, end: number): Range {
    const a = this.positionAt(start);
    const b = this.positionAt(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** Text of line `line` (1-based) without its terminator. */
  lineText(line: number): string {
    const start = this.#lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.#lineStarts[line];
    let end = next === undefined ? this.text.length : next;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.text.slice(start, end);
  }

  /** Range covering a whole line's text (used for findings on a line). */
  lineRange(line: number): Range {
    const start = this.#lineStarts[line - 1] ?? this.text.length;
    return this.range(start, start + this.lineText(line).length);
  }

  /** Like `cached`, for small values that must outlive `evict()`. */
  fact<T>(key: string, compute: () => T): T {
    if (this.#facts.has(key)) return this.#facts.get(key) as T;
    const value = compute();
    this.#facts.set(key, value);
    return value;
  }

  /**
   * Drops parse trees and models once no rule will read them again (keeps memory flat on large
   * repositories). A later `cached` call recomputes, so eviction is never wrong, only slower.
   */
  evict(): void {
    this.#cache.clear();
  }

  /**
   * Runs `read`, then drops what it cached on this file (what was cached before stays). For cross-file
   * indexes that read every file up front: caching there would keep every file's trees alive at once.
   */
  uncached<T>(read: () => T): T {
    const before = new Set(this.#cache.keys());
    try {
      return read();
    } finally {
      for (const key of this.#cache.keys()) if (!before.has(key)) this.#cache.delete(key);
    }
  }

  /** Parse-once cache: the first call computes, later calls return the same value. */
  cached<T>(key: string, compute: () => T): T {
    if (this.#cache.has(key)) return this.#cache.get(key) as T;
    const value = compute();
    this.#cache.set(key, value);
    return value;
  }
}
