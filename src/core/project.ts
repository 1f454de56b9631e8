import type { SourceFile } from './source-file.js';
import type { FileKind, SkippedFile } from './types.js';

/**
 * Every discovered file of one review, by path and by kind, plus a cache for cross-file
 * indexes (compose project → Dockerfiles, k8s workloads → NetworkPolicies …) built on first use.
 */
export class Project {
  readonly files: readonly SourceFile[];
  readonly #byPath = new Map<string, SourceFile>();
  readonly #byKind = new Map<FileKind, SourceFile[]>();
  readonly #cache = new Map<string, unknown>();
  /** Every path seen by discovery, including files that were not read (for existence checks). */
  readonly #allPaths: ReadonlySet<string>;
  /** Files discovery could not read (PDO002 reports them). */
  readonly skipped: readonly SkippedFile[];

  constructor(files: readonly SourceFile[], allPaths: Iterable<string> = [], skipped: readonly SkippedFile[] = []) {
    this.files = files;
    this.skipped = skipped;
    for (const f of files) {
      this.#byPath.set(f.path, f);
      const list = this.#byKind.get(f.kind);
      if (list) list.push(f);
      else this.#byKind.set(f.kind, [f]);
    }
    this.#allPaths = new Set([...allPaths, ...this.#byPath.keys()]);
  }

  ofKind(...kinds: FileKind[]): SourceFile[] {
    if (kinds.length === 1) return this.#byKind.get(kinds[0] as FileKind) ?? [];
    return this.files.filter((f) => kinds.includes(f.kind));
  }

  get(path: string): SourceFile | undefined {
    return this.#byPath.get(path);
  }

  /** True when discovery saw the path (a file that exists in the reviewed tree). */
  has(path: string): boolean {
    return this.#allPaths.has(path);
  }

  get allPaths(): ReadonlySet<string> {
    return this.#allPaths;
  }

  cached<T>(key: string, compute: () => T): T {
    if (this.#cache.has(key)) return this.#cache.get(key) as T;
    const value = compute();
    this.#cache.set(key, value);
    return value;
  }
}
