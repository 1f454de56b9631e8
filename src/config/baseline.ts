import { readFileSync, writeFileSync } from 'node:fs';
import type { Finding } from '../core/types.js';
import { ConfigError } from './config.js';

interface BaselineFile {
  version: 1;
  findings: { fingerprint: string; ruleId: string; file: string }[];
}

/**
 * Known findings accepted for now, keyed by fingerprint (rule + file + normalised snippet), so that line
 * shifts from unrelated edits do not resurrect them.
 */
export class Baseline {
  readonly #fingerprints: ReadonlySet<string>;

  constructor(fingerprints: Iterable<string>) {
    this.#fingerprints = new Set(fingerprints);
  }

  static load(path: string): Baseline {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(`cannot read baseline ${path}: ${(error as Error).message.split('\n')[0]}`);
    }
    const file = raw as Partial<BaselineFile>;
    if (file?.version !== 1 || !Array.isArray(file.findings)) {
      throw new ConfigError(`baseline ${path}: expected {"version": 1, "findings": [...]}`);
    }
    return new Baseline(file.findings.map((f) => f.fingerprint).filter((f) => typeof f === 'string'));
  }

  static write(path: string, findings: readonly Finding[]): number {
    const entries = findings
      .filter((f) => !f.suppressed)
      .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.file }));
    const content: BaselineFile = { version: 1, findings: entries };
    writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`);
    return entries.length;
  }

  /** Marks baselined findings as suppressed (kept in JSON/SARIF output, not counted for the exit code). */
  apply(findings: readonly Finding[]): Finding[] {
    return findings.map((f) =>
      !f.suppressed && this.#fingerprints.has(f.fingerprint)
        ? { ...f, suppressed: { kind: 'baseline', justification: 'accepted in baseline' } }
        : f,
    );
  }
}
